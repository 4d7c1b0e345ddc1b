import { stem } from './text';

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
 * hashString(stem(text.slice(start, end))), computed from the characters where stem() only cuts or extends
 * the end of the word. Words ending in "s" need stem()'s exceptions: for those the stem is built and returned
 * in `built` (index 0) so the caller need not build it again.
 */
export function stemHash(text: string, start: number, end: number, built: Array<string | null>): number {
  built[0] = null;
  const n = end - start;
  if (n < 3) return hashRange(text, start, end, false);
  const last = text.charCodeAt(end - 1);
  if (last > 0x7a || last < 0x61) return hashRange(text, start, end, false);
  if (last === Y) {
    return isVowel(text.charCodeAt(end - 2)) ? hashRange(text, start, end, false) : hashRange(text, start, end - 1, true);
  }
  if (last !== S || n < 4) return hashRange(text, start, end, false);
  const s = stem(text.slice(start, end));
  built[0] = s;
  return hashString(s);
}

/**
 * stemHash() for a word of plain lower-case ASCII whose FNV hash the caller accumulated while scanning it:
 * `h` over the whole word, `hPrev` over all but its last character (both raw, from FNV_OFFSET).
 */
export function stemHashScanned(text: string, start: number, end: number, h: number, hPrev: number, built: Array<string | null>): number {
  built[0] = null;
  const n = end - start;
  const last = text.charCodeAt(end - 1);
  if (n >= 3 && last === Y && !isVowel(text.charCodeAt(end - 2))) h = Math.imul(Math.imul(hPrev ^ I, FNV_PRIME) ^ E, FNV_PRIME);
  else if (n >= 4 && last === S) {
    const s = stem(text.slice(start, end));
    built[0] = s;
    return hashString(s);
  }
  return h === 0 ? 1 : h;
}

export const FNV = { offset: FNV_OFFSET, prime: FNV_PRIME } as const;

/**
 * Whether `key` is the folded form (stem()) of the word text[start, end), read in place. `built` is the stem
 * stemHash() built for the word, if it did (words ending in "s"); otherwise stem() only keeps the word or turns a
 * final consonant + "y" into "ie".
 */
export function isStemOf(key: string, text: string, start: number, end: number, built: string | null): boolean {
  if (built !== null) return key === built;
  const n = end - start;
  let keep = n;
  if (n >= 3 && text.charCodeAt(end - 1) === Y && !isVowel(text.charCodeAt(end - 2))) {
    if (key.length !== n + 1 || key.charCodeAt(n - 1) !== I || key.charCodeAt(n) !== E) return false;
    keep = n - 1;
  } else if (key.length !== n) return false;
  for (let k = 0; k < keep; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** Open-addressing map from non-zero 32-bit hashes to small non-negative numbers. */
export class HashIndex32 {
  private keys = new Int32Array(16);
  private values = new Int32Array(16);
  private mask = 15;
  private size = 0;

  set(h: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    if (this.insert(this.keys, this.values, this.mask, h, value)) this.size++;
  }

  /** The number stored for `h`, or -1. */
  get(h: number): number {
    const t = this.keys;
    for (let i = mix(h) & this.mask; ; i = (i + 1) & this.mask) {
      const v = t[i];
      if (v === h) return this.values[i];
      if (v === 0) return -1;
    }
  }

  private insert(keys: Int32Array, values: Int32Array, mask: number, h: number, value: number): boolean {
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

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const keys = new Int32Array(oldKeys.length * 2);
    const values = new Int32Array(keys.length);
    const mask = keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.insert(keys, values, mask, oldKeys[i], oldValues[i]);
    this.keys = keys;
    this.values = values;
    this.mask = mask;
  }
}

/** FNV's low bits are weak for short words: spread them before taking a slot. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return h ^ (h >>> 16);
}
