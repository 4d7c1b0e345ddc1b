// The obvious, slow feature extraction of the clickbait model (lib/core/clickbait/features.ts): the text is
// normalised into an array, cut into words, and each feature family is listed on its own from the words and
// characters, with no table, unrolling or running hash shared between families.
import { FeatureFlag, MAX_CHARS, MAX_TOKENS, type FeatureSpec } from '@/lib/core/clickbait/features';

// The model file's constants: they are part of what the features are, so they are written out again here.
const SEED = { word: 0x9e3779b1, pair: 0x85ebca6b, triple: 0xc2b2ae35, char: 0x27d4eb2f, cased: 0x165667b1, shape: 0xd3a2646c, cue: 0xfd7046c5 };
const BOUNDARY = 0x2f1b3c4d;
const PRIME = 16777619;

/** Typographic variants read as their plain ASCII counterparts. */
const TYPOGRAPHIC: Record<number, number> = {
  0x2018: 39, 0x2019: 39, 0x201b: 39, 0x2032: 39,
  0x201c: 34, 0x201d: 34, 0x201e: 34, 0x2033: 34,
  0x2013: 45, 0x2014: 45, 0x2212: 45,
  0x00a0: 32, 0x2002: 32, 0x2003: 32, 0x2009: 32, 0x200a: 32, 0x202f: 32,
  0x2026: 46,
};

const fmix = (x: number) => {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};
const combine = (a: number, b: number) => fmix(Math.imul(a ^ 0x5bd1e995, PRIME) ^ b);
const fnv = (seed: number, codes: readonly number[]) => codes.reduce((h, c) => Math.imul(h ^ c, PRIME), seed | 0);

/** A character in small letters, when lowering it gives one character. */
const lower = (c: number) => {
  const s = String.fromCharCode(c).toLowerCase();
  return s.length === 1 ? s.charCodeAt(0) : c;
};
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && lower(c) !== c);
const isDigit = (c: number) => c >= 48 && c <= 57;

const SHAPE = { lower: 1, title: 2, upper: 3, number: 4, mixed: 5 };

interface Word {
  /** Positions in the normalised text, [from, to). */
  from: number;
  to: number;
  shape: number;
}

export interface ReferenceFeatures {
  /** Every feature's slot, sorted. */
  slots: number[];
  /** Each word's [start, end) in the original text. */
  words: Array<[number, number]>;
}

export function referenceFeatures(text: string, spec: FeatureSpec, sentenceCase = false): ReferenceFeatures {
  // The normalised text: a space, the text's characters (typographic variants made plain, each run of spaces one
  // space), and a space at the end; `cased` as written, `small` in small letters, `origin` where each came from.
  const cased: number[] = [32];
  const origin: number[] = [0];
  const cut = text.slice(0, MAX_CHARS);
  for (let i = 0; i < cut.length; i++) {
    const c = TYPOGRAPHIC[cut.charCodeAt(i)] ?? cut.charCodeAt(i);
    if (isSpace(c) && cased[cased.length - 1] === 32) continue;
    cased.push(isSpace(c) ? 32 : c);
    origin.push(i);
  }
  if (cased[cased.length - 1] !== 32) {
    cased.push(32);
    origin.push(cut.length);
  }
  const small = cased.map(lower);

  // Words: runs of word characters, joined across one apostrophe with word characters on both sides.
  const words: Word[] = [];
  for (let p = 0; p < cased.length && words.length < MAX_TOKENS; p++) {
    if (!isWordChar(cased[p])) continue;
    let q = p;
    for (;;) {
      while (q < cased.length && isWordChar(cased[q])) q++;
      if (cased[q] === 39 && q + 1 < cased.length && isWordChar(cased[q + 1])) q++;
      else break;
    }
    const chars = cased.slice(p, q);
    const uppers = chars.filter((c) => isWordChar(c) && isUpper(c)).length;
    const digits = chars.filter(isDigit).length;
    const len = chars.length;
    const shape =
      digits > 0 && digits >= len - 2 ? SHAPE.number
      : uppers === 0 ? SHAPE.lower
      : uppers === len && len > 1 ? SHAPE.upper
      : uppers === 1 && isUpper(chars[0]) ? SHAPE.title
      : SHAPE.mixed;
    words.push({ from: p, to: q, shape });
    p = q;
  }

  // A text capitalised word by word reads as sentence case: its capitalised words after the first in small letters.
  if (sentenceCase) {
    const titled = words.filter((w) => w.shape === SHAPE.title && w.to - w.from > 1).length;
    const plain = words.filter((w) => w.shape === SHAPE.lower && !isDigit(cased[w.from])).length;
    if (titled + plain >= 3 && titled >= 0.6 * (titled + plain)) {
      for (const w of words.slice(1)) {
        if (w.shape !== SHAPE.title || (w.to - w.from === 1 && cased[w.from] === 73)) continue;
        for (let i = w.from; i < w.to; i++) cased[i] = small[i];
        w.shape = SHAPE.lower;
      }
    }
  }

  const hashes: number[] = [];
  const flags = spec.flags;
  const word = (w: Word) => fmix(fnv(SEED.word, small.slice(w.from, w.to)));
  const th = words.map(word);
  const t = words.length;
  if (flags & FeatureFlag.casedWords) for (const w of words) hashes.push(fmix(fnv(SEED.cased, cased.slice(w.from, w.to))));
  if (flags & FeatureFlag.words) hashes.push(...th);
  const around = [BOUNDARY, ...th, BOUNDARY];
  if (flags & FeatureFlag.wordPairs) for (let k = 0; k <= t; k++) hashes.push(combine(combine(SEED.pair, around[k]), around[k + 1]));
  if (flags & FeatureFlag.wordTriples && t >= 2) {
    for (let k = 0; k < t; k++) hashes.push(combine(combine(combine(SEED.triple, around[k]), around[k + 1]), around[k + 2]));
  }
  if (flags & FeatureFlag.shapes) {
    const shapes = [0, ...words.map((w) => w.shape), 0];
    for (let k = 0; k <= t; k++) hashes.push(combine(SEED.shape, shapes[k] * 8 + shapes[k + 1]));
    const capitalised = words.filter((w) => w.shape === SHAPE.title || w.shape === SHAPE.upper).length;
    const share = t === 0 ? 0 : Math.round((capitalised / t) * 4);
    let last = small.length - 2;
    while (last > 0 && small[last] === 32) last--;
    const end = last > 0 ? small[last] : 0;
    const endKind = end === 63 ? 1 : end === 33 ? 2 : end === 46 ? 3 : isWordChar(end) ? 4 : 5;
    hashes.push(combine(SEED.cue, 64 + share), combine(SEED.cue, 128 + Math.min(t, 24)), combine(SEED.cue, 192 + endKind));
  }
  if (flags & (FeatureFlag.chars | FeatureFlag.casedChars)) {
    const src = flags & FeatureFlag.casedChars ? cased : small;
    for (let i = 0; i < src.length; i++) {
      for (let len = spec.charMin; len <= spec.charMax && i + len <= src.length; len++) hashes.push(fmix(fnv(SEED.char, src.slice(i, i + len)) ^ len));
    }
  }
  const mask = (1 << spec.bits) - 1;
  return {
    slots: hashes.map((h) => h & mask).sort((a, b) => a - b),
    words: words.map((w) => [origin[w.from], origin[w.to - 1] + 1]),
  };
}
