// Computes the words of lower-cased text (runs of a-z, 0-9, accented Latin letters and inner apostrophes) as
// offsets with their FNV-1a hashes and lexicon numbers (tests/reference/tokens.ts computes the same plainly).
/**
 * Words of lower-cased text as offsets and hashes, not strings: every feed item is read this way before it is
 * painted, and cutting each word out of the text only to look it up in two tables cost more than the look-ups.
 * A word is a run of letters, digits and inner apostrophes ("don't"); Latin letters with accents count.
 */

export const isTokenChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

/** isTokenChar as a table, for the tokenizer's loop (characters from U+0250 on are never word characters). */
const TOKEN_CHAR = (() => {
  const t = new Uint8Array(0x250);
  for (let c = 0; c < t.length; c++) t[c] = isTokenChar(c) ? 1 : 0;
  return t;
})();

export interface Tokens {
  /** The text the offsets point into. */
  readonly text: string;
  readonly count: number;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** FNV-1a of each word's UTF-16 code units, cut to 30 bits so that it stays a small integer in an array. */
  readonly hashes: readonly number[];
  /** Bit (c & 31) is set for each ASCII character c outside the words (a cheap "might contain" for symbols). */
  readonly symbols: number;
  /** Some character outside the words and outside ASCII (emoji, CJK punctuation...) occurs. */
  readonly wide: boolean;
  /** Every character of the text is ASCII. */
  readonly ascii: boolean;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
const APOSTROPHE = 39;

const SMALL = 0x3fffffff;

function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h & SMALL;
}

/** A word's hash as tokenize makes it for the word in a text. */
export const hashWord = (w: string) => hashRange(w, 0, w.length);

/** Arrays a tokenizer may write into instead of allocating its own (see tokenize); `ids` takes the words' numbers
 * in a lexicon (see makeContext). */
export type TokenBuffer = { starts: number[]; ends: number[]; hashes: number[]; ids: number[] };

export const newTokenBuffer = (): TokenBuffer => ({ starts: [], ends: [], hashes: [], ids: [] });

/**
 * The words of `lower` with their offsets; leading and trailing apostrophes are not part of a word. With `reuse`,
 * the result lives in its arrays (past `count` they hold an earlier text's words) and is valid until the buffer is
 * used again: for a caller that reads the words and lets them go before the next text, as the feed's detectors do.
 * With `lexicon` (and then `ids`, which takes the answers), each word's number in it (or -1) is looked up as the
 * word ends: the look-up finds the word's characters and hash at hand, which a second pass would read again.
 */
export function tokenize(lower: string, reuse: TokenBuffer | null = null, lexicon: WordIndex | null = null, ids: number[] | null = null): Tokens {
  const starts = reuse === null ? [] : reuse.starts;
  const ends = reuse === null ? [] : reuse.ends;
  const hashes = reuse === null ? [] : reuse.hashes;
  let n = 0;
  let symbols = 0;
  let wide = false;
  let bits = 0;
  const len = lower.length;
  for (let i = 0; i < len; ) {
    const c = lower.charCodeAt(i);
    bits |= c;
    if (c >= TOKEN_CHAR.length || TOKEN_CHAR[c] === 0) {
      if (c < 128) symbols |= 1 << (c & 31);
      else wide = true;
      i++;
      continue;
    }
    // A word: its characters in a loop of their own, hashed as they pass.
    let a = i;
    let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
    // Its last character, kept as it passes: reading the text again costs more than the copy.
    let last = c;
    for (i++; i < len; i++) {
      const d = lower.charCodeAt(i);
      if (d >= TOKEN_CHAR.length || TOKEN_CHAR[d] === 0) break;
      bits |= d;
      last = d;
      h = Math.imul(h ^ d, FNV_PRIME);
    }
    let b = i;
    if (c === APOSTROPHE || last === APOSTROPHE) {
      while (a < b && lower.charCodeAt(a) === APOSTROPHE) a++;
      while (b > a && lower.charCodeAt(b - 1) === APOSTROPHE) b--;
      if (b === a) continue;
      h = hashRange(lower, a, b);
    } else h &= SMALL;
    starts[n] = a;
    ends[n] = b;
    hashes[n] = h;
    // Looked up while the word's characters are fresh (see makeContext).
    if (lexicon !== null) ids![n] = lexicon.idAt(lower, a, b, h);
    n++;
  }
  // The end of the text counts as a NUL outside the words (bit 0), as it always has.
  symbols |= 1;
  return { text: lower, count: n, starts, ends, hashes, symbols, wide, ascii: bits < 128 };
}

/** The gate of a string whose first character outside the words is outside ASCII (see symbolGate). */
export const WIDE = -1;

/**
 * What a text must hold for `s` to occur in it, as read from Tokens: the bit of its first character outside the
 * words, WIDE for one outside ASCII, or 0 when it is all word characters (then only a search can tell).
 */
export function symbolGate(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isTokenChar(c)) continue;
    return c < 128 ? 1 << (c & 31) : WIDE;
  }
  return 0;
}

/** Whether a text with these tokens may contain a string whose gate (symbolGate) is `gate`. */
export const mayContain = (t: Tokens, gate: number): boolean => (gate === WIDE ? t.wide : gate === 0 || (t.symbols & gate) !== 0);

export const wordAt = (t: Tokens, i: number): string => t.text.slice(t.starts[i], t.ends[i]);

/** Every word, as strings: for building tables, not for reading items. */
export function wordList(t: Tokens): string[] {
  const out = new Array<string>(t.count);
  for (let i = 0; i < t.count; i++) out[i] = wordAt(t, i);
  return out;
}

export function sameWord(t: Tokens, i: number, j: number): boolean {
  if (t.hashes[i] !== t.hashes[j]) return false;
  const a = t.starts[i];
  const b = t.starts[j];
  const n = t.ends[i] - a;
  if (t.ends[j] - b !== n) return false;
  for (let k = 0; k < n; k++) if (t.text.charCodeAt(a + k) !== t.text.charCodeAt(b + k)) return false;
  return true;
}

/**
 * A fixed set of words numbered 0..size-1, looked up by a word's hash and checked against its characters in
 * place. Most words of a text are in no table: those cost one read of an empty slot.
 */
export class WordIndex {
  /** Per slot, two entries: the word's hash and 1 + its number (0: empty). A word of the text is ruled out or
   * found from the one slot it lands in, without a second read elsewhere for the hash. */
  readonly #table: Int32Array;
  readonly #mask: number;
  readonly words: readonly string[];

  /** `placed`: where this constructor puts each word of `words`, worked out ahead (placeWords): a tab restores the
   * same table from it without hashing a word or searching for a slot. Trusted: the words must be distinct and the
   * places theirs (the background checks both before a tab gets them: data-file-check.ts). */
  constructor(words: Iterable<string>, placed?: Int32Array) {
    const list = placed ? (words as string[]) : [...new Set(words)];
    placed ??= placeWords(list);
    this.words = list;
    this.#table = new Int32Array(2 * tableSize(list.length));
    this.#mask = (this.#table.length >> 1) - 1;
    const table = this.#table;
    for (let id = 0; id < list.length; id++) {
      const slot = placed[2 * id + 1];
      table[2 * slot] = placed[2 * id];
      table[2 * slot + 1] = id + 1;
    }
  }

  get size(): number {
    return this.words.length;
  }

  /** The number of word i of `t`, or -1 when it is not in the set. */
  id(t: Tokens, i: number): number {
    return this.idAt(t.text, t.starts[i], t.ends[i], t.hashes[i]);
  }

  /** The number of the word text[start, end) whose hash (as tokenize makes it) is `h`, or -1. */
  idAt(text: string, start: number, end: number, h: number): number {
    const table = this.#table;
    for (let slot = mix(h) & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const e = table[2 * slot + 1];
      if (e === 0) return -1;
      if (table[2 * slot] === h && this.#matches(e - 1, text, start, end)) return e - 1;
    }
  }

  /** The number of `word`, or -1. */
  idOf(word: string): number {
    const t = tokenizeOne(word);
    return this.id(t, 0);
  }

  #matches(id: number, text: string, start: number, end: number): boolean {
    const w = this.words[id];
    if (end - start !== w.length) return false;
    for (let k = 0; k < w.length; k++) if (text.charCodeAt(start + k) !== w.charCodeAt(k)) return false;
    return true;
  }
}

/** Slots for `count` words: a power of two, at most a quarter full. */
function tableSize(count: number): number {
  let size = 16;
  while (size < count * 4) size *= 2;
  return size;
}

/** Per word of `words` (distinct), its hash and the slot the WordIndex of them puts it in, in the constructor's
 * order: what the constructor restores a table from (built ahead: lib/core/detectors/rule-index.ts). */
export function placeWords(words: readonly string[]): Int32Array {
  const size = tableSize(words.length);
  const taken = new Uint8Array(size);
  const placed = new Int32Array(2 * words.length);
  words.forEach((w, id) => {
    const h = hashWord(w);
    let slot = mix(h) & (size - 1);
    while (taken[slot]) slot = (slot + 1) & (size - 1);
    taken[slot] = 1;
    placed[2 * id] = h;
    placed[2 * id + 1] = slot;
  });
  return placed;
}

/** `word` as a one-word Tokens, whatever characters it holds (for looking it up, not for reading symbols). */
function tokenizeOne(word: string): Tokens {
  return {
    text: word,
    count: 1,
    starts: [0],
    ends: [word.length],
    hashes: [hashWord(word)],
    symbols: 0,
    wide: false,
    ascii: false,
  };
}

/** FNV's low bits are weak for short words: spread them before taking a slot. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return h ^ (h >>> 16);
}
