/**
 * Text folding shared by the profile compiler and the per-item matcher. Both sides must fold the same way:
 * a keyword only matches an item word when the two fold to the same string.
 */

/** Zero-width and bidi control characters. Page text uses them (sometimes on purpose) to split words so that
 * filters miss them; they carry no meaning for matching. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const HAS_INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const NON_ASCII = /[^\x00-\x7F]/;
/** Latin/Greek/Cyrillic accents only: marks of other scripts (Devanagari vowel signs...) are part of the word. */
const ACCENTS = /[\u0300-\u036F]/g;

/** Strips invisible characters and folds accents ("Café" and "Cafe" match). Case is kept: regex rules see it. */
export function cleanText(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  if (HAS_INVISIBLE.test(s)) s = s.replace(INVISIBLE, '');
  return s.normalize('NFKD').replace(ACCENTS, '').normalize('NFC');
}

/** Words are runs of letters, marks and digits in any script. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;

// A pattern of Unicode properties costs V8 about a third of a millisecond to create (it builds the classes' ranges
// then), at a feed tab's start, before the page's DOMContentLoaded; the feed tab's matcher and word tests reach these
// two only for text outside ASCII, so each is made when first needed (issue 24).
let wordPattern: RegExp | undefined;
let wordCharPattern: RegExp | undefined;
/** WORD, made on first use. */
export const wordPatternOnce = (): RegExp => (wordPattern ??= /[\p{L}\p{M}\p{N}]+/gu);

/** Scripts written without spaces between words: a keyword in them can only be found as a substring. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
export const isUnspacedScript = (s: string) => UNSPACED.test(s);

/** Words ending in "s" that are not plurals, so "news" does not fold into "new". */
export const NOT_PLURAL_WORDS: readonly string[] = (
    'news series species this was has does is us yes its bus gas plus thus lens bias atlas chaos canvas always ' +
    'perhaps whereas ethics physics economics mathematics politics athletics gymnastics tennis apparatus ' +
    'christmas texas kansas arkansas paris athens congress process access success business less unless ' +
    'crisis analysis basis thesis virus status campus bonus census focus genius versus corpus cactus citrus ' +
    'chess glass class grass mass boss loss cross dress press stress express princess across sometimes ' +
    'afterwards towards besides nevertheless diabetes herpes measles mumps rabies shingles lupus ' +
    'aws dns ios macos windows kubernetes jenkins redis postgres'
).split(' ');
/** Made on first use: stem() reads a profile's words, and a tab with the defaults has none. */
let notPlural: Set<string> | undefined;

/**
 * Plural folding, not a full stemmer: "stories"/"story", "movies"/"movie", "boxes"/"box", "games"/"game" fold
 * together. Final consonant+"y" becomes "ie" so that both "story" and "stories" reach "storie". Tokens of other
 * scripts are returned as they are.
 */
export function stem(w: string): string {
  let cut = foldCut(w, 0, w.length);
  if (cut > 0 && (notPlural ??= new Set(NOT_PLURAL_WORDS)).has(w)) cut = 0;
  return cut === 0 ? w : cut === -1 ? w.slice(0, -1) + 'ie' : w.slice(0, -cut);
}

/**
 * stem()'s rules for the word text[start, end), read in place and without regard to ASCII case: how many
 * characters it cuts off the end (0, 1 or 2), or -1 for a final consonant + "y" that becomes "ie". A cut of 1 or
 * 2 is an "s" plural, which the caller must still refuse for NOT_PLURAL_WORDS (every one of them ends in "s").
 */
export function foldCut(text: string, start: number, end: number): number {
  const n = end - start;
  if (n < 3) return 0;
  const last = asciiLower(text.charCodeAt(end - 1));
  if (last > 0x7a || last < 0x61) return 0; // not ending in a-z: leave other scripts and numbers alone
  if (last === 0x79 /* y */) return isVowel(asciiLower(text.charCodeAt(end - 2))) ? 0 : -1;
  if (last !== 0x73 /* s */ || n < 4) return 0;
  const prev = asciiLower(text.charCodeAt(end - 2));
  if (prev === 0x73 || prev === 0x75 /* u */ || prev === 0x69 /* i */ || prev === 0x27) return 0;
  if (prev === 0x65 /* e */) {
    // boxes, watches, wishes, quizzes, classes, glasses: the "e" belongs to the plural
    const p2 = asciiLower(text.charCodeAt(end - 3));
    const p3 = asciiLower(text.charCodeAt(end - 4));
    if (p2 === 0x78 || p2 === 0x7a || (p2 === 0x68 && (p3 === 0x63 || p3 === 0x73)) || (p2 === 0x73 && p3 === 0x73)) return 2;
  }
  return 1;
}

/** A character code with A-Z in small letters. The matcher reads plain ASCII fields as the page wrote them and
 * folds their case as it goes; on lower-cased text this changes nothing. */
export const asciiLower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

function isVowel(c: number): boolean {
  return c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75;
}

/** Lower-cased words of a string, in order. */
export function words(s: string): string[] {
  return cleanText(s).toLowerCase().match(WORD) ?? [];
}

/** A keyword as the matcher stores it: folded words. */
export function keywordStems(s: string): string[] {
  return words(s).map(stem);
}

const AUTHOR_NOISE = /[\s@\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * An author name folded for lookup: case-folded, accents folded, "@", spaces and invisible characters dropped,
 * and Reddit's "u/" prefix removed. "@MrBeast", "mrbeast" and "Mr Beast" are the same key: a block written
 * either way catches the handle and the display name.
 */
export function foldAuthor(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) return '';
  let s = name.length > 300 ? name.slice(0, 300) : name;
  const plain = plainHandle(s);
  if (plain === 0) s = cleanText(s).toLowerCase().replace(AUTHOR_NOISE, '');
  else if (plain === 2) s = s.toLowerCase();
  if (s.startsWith('/u/')) s = s.slice(3);
  else if (s.startsWith('u/')) s = s.slice(2);
  return s;
}

/** Most author names are ASCII handles: nothing for cleanText or AUTHOR_NOISE to take out, and every item is
 * looked up by its author before it is painted (the full fold costs several regex passes). 1: such a handle
 * already in small letters, 2: one with capitals, 0: anything else (spaces, "@", controls, non-ASCII). */
function plainHandle(s: string): number {
  let kind = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127 || c === 64) return 0;
    if (c >= 65 && c <= 90) kind = 2;
  }
  return kind;
}

/** A title folded for comparing near-identical items (an exception given on one item holds for its reposts). */
export function foldTitle(title: unknown): string {
  if (typeof title !== 'string') return '';
  return words(title.length > 2000 ? title.slice(0, 2000) : title).join(' ');
}

/** True for letters, marks and digits: used to check word boundaries around substring matches. */
export function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return (wordCharPattern ??= /[\p{L}\p{M}\p{N}]/u).test(s[i]);
}
