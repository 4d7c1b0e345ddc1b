/**
 * Systems of units a person may ask for: an instruction that names one ("Use metric units", "temperatures in
 * Fahrenheit") is overridden by a message that asks for the other ("in miles, please").
 */
export type UnitSystem = 'metric' | 'imperial';

const SYSTEMS: Record<UnitSystem, string[]> = {
  metric: `metric si kilometer kilometers kilometre kilometres km kms kph meter meters metre metres cm centimeter centimeters
    centimetre centimetres mm millimeter millimeters millimetre millimetres kilogram kilograms kilo kilos kg kgs gram grams
    liter liters litre litres ml milliliter milliliters millilitre millilitres celsius centigrade`.split(/\s+/),
  imperial: `imperial customary mile miles mph foot feet ft inch inches yard yards pound pounds lb lbs ounce ounces oz
    gallon gallons quart quarts pint pints fahrenheit stone stones`.split(/\s+/),
};

const SYSTEM_OF = new Map<string, UnitSystem>();
for (const [system, words] of Object.entries(SYSTEMS) as [UnitSystem, string[]][]) for (const w of words) SYSTEM_OF.set(w, system);

/** The unit systems a text names, with the first word that named each ("miles"). */
export function unitSystems(words: readonly string[]): Map<UnitSystem, string> {
  const found = new Map<UnitSystem, string>();
  for (const w of words) {
    const s = SYSTEM_OF.get(w);
    if (s && !found.has(s)) found.set(s, w);
  }
  return found;
}

/** The word of the message that asks for another system than the instruction's, if it asks for only that one. */
export function otherUnits(instruction: readonly string[], message: readonly string[]): string | undefined {
  const wanted = unitSystems(instruction);
  if (wanted.size !== 1) return undefined;
  const asked = unitSystems(message);
  const [system] = wanted.keys();
  if (asked.has(system)) return undefined;
  for (const [other, word] of asked) if (other !== system) return word;
  return undefined;
}
