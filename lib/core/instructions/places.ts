/**
 * Places named in a text: "in San Carlos", "near Palo Alto", "city is Calistoga". An instruction that holds a
 * place ("I'd rather stay in San Carlos", "my preferred city is Atlanta") gives way to a message that names
 * another one ("find me a place in Calistoga").
 */

/** Attributes whose value is a town or city, as NLSI and people name them ("pickup location" may be an airport
 * in that town, so a bare "location" does not count). */
const PLACE_ATTRIBUTES = /\b(?:city|town|destination|where to|area|neighbou?rhood)[ \t]+(?:of \w+[ \t]+)?(?:is|as|=|should be|to be)[ \t]+/gi;
/** A capitalised name after "in", "near" or "around", up to four words ("Rohnert Park", "Phoenix, Az", "D.C."):
 * not after "at" or "to", which as often lead to a venue or a service ("at Century Plaza", "look at Hotels"). */
const AFTER_PREPOSITION = /\b(?:in|near|around)[ \t]+([A-Z][\w'&-]*(?:\.[A-Z]\.?)*(?:,?[ \t]+[A-Z][\w'&-]*(?:\.[A-Z]\.?)*){0,3})/g;
/** Capitalised words that are not places when they follow "in" or "at" ("in May", "at Thanksgiving"). */
const NOT_PLACES = new Set(
  `i monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december spring summer autumn fall winter christmas easter thanksgiving english spanish
  french german italian chinese japanese celsius fahrenheit`.split(/\s+/),
);

const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The first word of a name folded, or its whole folded form: "Phoenix, Az" and "Phoenix" are the same place. */
function valueAt(text: string, from: number): string {
  const rest = text.slice(from);
  const m = /^[^;!?\n]*?(?=(?:\.(?:\s|$)|[;!?\n]|\s+(?:and|then|for|with|on|please|also|but)\b|$))/i.exec(rest);
  return fold((m ? m[0] : rest).split(',')[0]);
}

export function placesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACE_ATTRIBUTES)) {
    const v = valueAt(text, m.index! + m[0].length);
    if (v) out.push(v);
  }
  for (const m of text.matchAll(AFTER_PREPOSITION)) {
    const v = fold(m[1].split(',')[0]);
    if (v && !NOT_PLACES.has(v.split(' ')[0])) out.push(v);
  }
  return [...new Set(out)];
}

const same = (a: string, b: string) => a === b || ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);

/** A place the message names that differs from every place the instruction holds, when both name one. */
export function otherPlace(instruction: string, message: string): string | undefined {
  const held = placesIn(instruction);
  if (!held.length) return undefined;
  const named = placesIn(message);
  if (!named.length || named.some((p) => held.some((h) => same(p, h)))) return undefined;
  return named[0];
}
