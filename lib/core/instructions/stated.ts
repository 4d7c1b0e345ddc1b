import type { Lexicon } from './lexicon';
import { placesIn } from './places';
import { relatedness } from './relate';
import { isStopWord, stem, tokenize, words } from './text';

/**
 * Values a message states for itself ("Keep in mind that cuisine is cafe", "look for type as ENT Specialist") and
 * the instructions they override when the instruction is written in the user's own words: "My go-to cuisine is
 * Mexican" (it names the attribute), "For doctors, I usually want a General Practitioner" (its value is of the same
 * kind as "ENT Specialist": both are about health). The instruction's value must differ, and a place it names is
 * left to places.ts, which knows when a place is overridden.
 */
export interface Stated {
  /** The attribute's words as written ("theater name"). */
  attribute: string[];
  value: string;
}

const STATEMENT = /\b([a-z][a-z ]{0,40}?)\s+(?:is|as|should be|=)\s+([A-Za-z0-9][^.,;!?\n]*)/g;
/** Attribute nouns that say only that a value follows ("type", "name"): no evidence of what kind of value. */
const GENERIC = new Set(['type', 'name', 'kind', 'sort', 'category', 'preference', 'choice']);
/** Attributes people state in lower case ("cuisine is cafe"); any other lower-case "is" is a description. */
const LOWER_CASE_OK = new Set(['cuisine', 'genre', 'category', 'type', 'city', 'location', 'area', 'rating', 'price']);
/** Words that frame a statement in NLSI's messages and people's ("make sure", "keep in mind that"). */
const FRAMING = new Set(['sure', 'ensure', 'mind', 'besides', 'note', 'remember']);
/** A location an instruction sets ("my preferred location is San Francisco"): a place, whatever else it is. */
const LOCATION = /\blocation\s+(?:is|as)\s+([^.,;!?\n]+)/gi;
const PLACE = new Set(['city', 'town', 'location', 'area', 'destination', 'where', 'neighborhood', 'neighbourhood']);

export function statedValues(message: string): Stated[] {
  const out: Stated[] = [];
  for (const m of message.matchAll(STATEMENT)) {
    const attribute = words(m[1])
      .filter((w) => GENERIC.has(w) || (!isStopWord(w) && !FRAMING.has(w)))
      .slice(-2);
    if (!attribute.length) continue;
    const value = m[2].trim();
    if (/^[a-z]/.test(value) && !attribute.some((a) => LOWER_CASE_OK.has(a))) continue;
    out.push({ attribute, value });
  }
  return out;
}

/** Capitalised names in an instruction past its first word ("General Practitioner", "Embarcadero Center Cinema"). */
function namesIn(text: string): string[] {
  const out: string[] = [];
  // A capital after a space that does not end a sentence: "Use" in "Use metric units" is no name.
  for (const m of text.matchAll(/(?<=[^.!?:;\s]\s+)(?!I\b)[A-Z][\w'&.-]*(?:,?\s+(?:vs|Vs|of|&|de)?\s*[A-Z][\w'&.-]*)*/g)) out.push(m[0].replace(/[.,]+$/, ''));
  return out;
}

const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const overlaps = (a: string, b: string) => ` ${fold(a)} `.includes(` ${fold(b)} `) || ` ${fold(b)} `.includes(` ${fold(a)} `);

function related(a: string, b: string, lexicon: Lexicon, at = 0.5): boolean {
  const ta = tokenize(a, lexicon);
  const tb = tokenize(b, lexicon);
  return ta.some((x) => tb.some((y) => relatedness(x, y) >= at));
}

/**
 * The value the message states that overrides this instruction, or undefined. `action` is what the instruction
 * asks for (its condition left out: "If I ask for Restaurants" names a service, not a value).
 */
export function otherStatedValue(instruction: string, action: string, message: string, lexicon: Lexicon): string | undefined {
  const places = [...placesIn(instruction), ...[...instruction.matchAll(LOCATION)].map((m) => fold(m[1]))];
  const names = namesIn(action).filter((n) => !places.some((p) => overlaps(p, n)));
  if (!names.length) return undefined;
  const own = new Set(words(instruction).map(stem));
  for (const s of statedValues(message)) {
    if (s.attribute.some((a) => PLACE.has(a))) continue;
    if (names.some((n) => overlaps(n, s.value))) continue;
    // "101 degrees" describes the day; only a number the instruction holds too ("4 beds") is the same setting.
    if (/^\d/.test(s.value) && !names.some((n) => /\d/.test(n))) continue;
    const specific = s.attribute.filter((a) => !GENERIC.has(a));
    // The instruction names the attribute ("cuisine"), or a word close to it ("cinema" for "theater").
    const named = specific.some((a) => own.has(stem(a)) || related(a, action, lexicon, 0.8));
    // Or its value is of the same kind as the stated one ("General Practitioner" and "Gynecologist").
    const sameKind = names.some((n) => related(n, s.value, lexicon));
    if (named || sameKind) return s.value;
  }
  return undefined;
}
