import { NOT_PLURAL_WORDS, asciiLower, foldCut, stem } from './text';

/**
 * Hashes of folded words (stems) computed from an item's characters, and a table keyed by them, built once per
 * profile: it tells for a word of an item whether it can be the first word of any keyword without slicing the
 * word out of the text or hashing a new string. Most words of an item start no keyword, so most words cost one
 * loop over their characters here and nothing more. A hit is only a maybe: the caller confirms it in place
 * (isStemOf).
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
const I = 0x69;
const E = 0x65;
const S = 0x73;
const Y = 0x79;

/** hashString of text[start, end), read in place. */
export const hashOf = (text: string, start: number, end: number): number => hashRange(text, start, end, false);

export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h === 0 ? 1 : h;
}

function hashRange(text: string, start: number, end: number, ie: boolean): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  if (ie) h = Math.imul(Math.imul(h ^ I, FNV_PRIME) ^ E, FNV_PRIME);
  return h === 0 ? 1 : h;
}

const isVowel = (c: number) => c === 0x61 || c === E || c === I || c === 0x6f || c === 0x75;

/**
 * How stem() changes a word, as found while hashing it: `cut` characters off its end (0, 1 or 2), or -1 for a
 * final "y" that becomes "ie". `stem` is set instead when the stem had to be built (words ending in "s" outside
 * plain ASCII); the caller keeps both per word to check stems in place later (isStemOf).
 */
export interface Folding {
  stem: string | null;
  cut: number;
}

/**
 * hashString(stem(text.slice(start, end))), computed from the characters where stem() only cuts or extends
 * the end of the word. Words ending in "s" need stem()'s exceptions: for those the stem is built and returned
 * in `into.stem` so the caller need not build it again.
 */
export function stemHash(text: string, start: number, end: number, into: Folding): number {
  into.stem = null;
  into.cut = 0;
  const n = end - start;
  if (n < 3) return hashRange(text, start, end, false);
  const last = text.charCodeAt(end - 1);
  if (last > 0x7a || last < 0x61) return hashRange(text, start, end, false);
  if (last === Y) {
    if (isVowel(text.charCodeAt(end - 2))) return hashRange(text, start, end, false);
    into.cut = -1;
    return hashRange(text, start, end - 1, true);
  }
  if (last !== S || n < 4) return hashRange(text, start, end, false);
  const s = stem(text.slice(start, end));
  into.stem = s;
  return hashString(s);
}

/**
 * stemHash() for a word of plain ASCII letters and digits whose FNV hash the caller accumulated while scanning it,
 * in small letters: `h` over the whole word, `hPrev` over all but its last character, `hPrev2` over all but its
 * last two (all raw, from FNV_OFFSET). The text may have the word in capitals: it is read without regard to ASCII
 * case. Nothing is built: stem() of such a word keeps it or cuts one or two characters off, or turns a final "y"
 * into "ie", and each of those hashes is already known.
 */
export function stemHashScanned(text: string, start: number, end: number, h: number, hPrev: number, hPrev2: number, into: Folding): number {
  into.stem = null;
  const cut = scannedCut(text, start, end, h);
  into.cut = cut;
  if (cut === 1) h = hPrev;
  else if (cut === 2) h = hPrev2;
  else if (cut === -1) h = Math.imul(Math.imul(hPrev ^ I, FNV_PRIME) ^ E, FNV_PRIME);
  return h === 0 ? 1 : h;
}

/** foldCut() with NOT_PLURAL_WORDS refused in place, by the word's hash. */
function scannedCut(text: string, start: number, end: number, h: number): number {
  const cut = foldCut(text, start, end);
  return cut > 0 && isNotPlural(text, start, end, h) ? 0 : cut;
}

export const FNV = { offset: FNV_OFFSET, prime: FNV_PRIME } as const;

/**
 * Whether `keys` from keyStart to keyEnd is the folded form (stem()) of the word text[start, end), read in place without regard to ASCII
 * case, given how the word folds (see Folding): `built` when its stem was built, else `cut`.
 */
export function isStemOf(keys: string, keyStart: number, keyEnd: number, text: string, start: number, end: number, built: string | null, cut: number): boolean {
  const keyLength = keyEnd - keyStart;
  if (built !== null) {
    if (built.length !== keyLength) return false;
    for (let k = 0; k < keyLength; k++) if (built.charCodeAt(k) !== keys.charCodeAt(keyStart + k)) return false;
    return true;
  }
  const keep = end - start - (cut === -1 ? 1 : cut);
  if (cut === -1) {
    if (keyLength !== keep + 2 || keys.charCodeAt(keyStart + keep) !== I || keys.charCodeAt(keyStart + keep + 1) !== E) return false;
  } else if (keyLength !== keep) return false;
  for (let k = 0; k < keep; k++) if (keys.charCodeAt(keyStart + k) !== asciiLower(text.charCodeAt(start + k))) return false;
  return true;
}

/** Open-addressing map from non-zero 32-bit hashes to small non-negative numbers. */
export class HashIndex32 {
  #keys: Int32Array = new Int32Array(16);
  #values: Int32Array = new Int32Array(16);
  #mask = 15;
  #size = 0;

  /** The map whose slots another filled, as `slots` gave them (a power of two long with a slot left empty, each key
   * where the probe from mix(key) finds it first): for one the same every time, built ahead (the rule engine's edges,
   * lib/core/detectors/rule-index.ts), which the background checks before a tab gets it. */
  static restore(keys: Int32Array, values: Int32Array): HashIndex32 {
    const index = new HashIndex32();
    index.#keys = keys;
    index.#values = values;
    index.#mask = keys.length - 1;
    // Taken to be as full as it may be, rather than counted: a set() grows it first.
    index.#size = keys.length >> 1;
    return index;
  }

  /** The slots as they lie (keys, 0 for empty, and the value of each), at most half full: what restore takes. */
  slots(): { keys: Int32Array; values: Int32Array } {
    return { keys: this.#keys.slice(), values: this.#values.slice() };
  }

  set(h: number, value: number): void {
    if ((this.#size + 1) * 2 > this.#keys.length) this.#grow();
    if (this.#insert(this.#keys, this.#values, this.#mask, h, value)) this.#size++;
  }

  /** The number stored for `h`, or -1. */
  get(h: number): number {
    const t = this.#keys;
    for (let i = mix(h) & this.#mask; ; i = (i + 1) & this.#mask) {
      const v = t[i];
      if (v === h) return this.#values[i];
      if (v === 0) return -1;
    }
  }

  #insert(keys: Int32Array, values: Int32Array, mask: number, h: number, value: number): boolean {
    for (let i = mix(h) & mask; ; i = (i + 1) & mask) {
      if (keys[i] === h) {
        values[i] = value;
        return false;
      }
      if (keys[i] === 0) {
        keys[i] = h;
        values[i] = value;
        return true;
      }
    }
  }

  #grow(): void {
    const oldKeys = this.#keys;
    const oldValues = this.#values;
    const keys = new Int32Array(oldKeys.length * 2);
    const values = new Int32Array(keys.length);
    const mask = keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.#insert(keys, values, mask, oldKeys[i], oldValues[i]);
    this.#keys = keys;
    this.#values = values;
    this.#mask = mask;
  }
}

/** FNV's low bits are weak for short words: spread them before taking a slot. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return h ^ (h >>> 16);
}

/** NOT_PLURAL_WORDS by hash, so that a scanned word can be checked against them without being cut out. Made on
 * first use: only a profile's own words are read this way (TextMatcher), and a tab with the defaults has none
 * (issue 24: built at every page start, it was a tenth of a millisecond and more of the feed script's set-up). */
let notPluralIndex: HashIndex32 | undefined;

function notPlural(): HashIndex32 {
  const index = new HashIndex32();
  // No two of the words share a hash: a unit test holds the list to that (word-hash-not-plural.test.ts), not every
  // page start, which built this table in every feed tab before its first item.
  NOT_PLURAL_WORDS.forEach((w, i) => index.set(hashString(w), i));
  return index;
}

function isNotPlural(text: string, start: number, end: number, h: number): boolean {
  const i = (notPluralIndex ??= notPlural()).get(h === 0 ? 1 : h);
  if (i < 0) return false;
  const w = NOT_PLURAL_WORDS[i];
  if (w.length !== end - start) return false;
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) !== asciiLower(text.charCodeAt(start + k))) return false;
  return true;
}
