// Computes the hashed slots of a headline's features (its words, word pairs and triples, word shapes, whole-headline
// cues and character n-grams) and, given weights, their sum (tests/reference/clickbait-features.ts computes the same
// plainly).
// Feature extraction shared by training (scripts/train-clickbait.ts) and the shipped runtime (model.ts).
// Every feature is hashed straight from character codes into [0, 2^bits): no per-feature strings are built,
// which is what keeps scoring at tens of thousands of headlines per second.

/** Which feature families are on. Stored in the model file so runtime extraction matches training. */
export const FeatureFlag = {
  words: 1, // lowercased word unigrams
  wordPairs: 2, // lowercased word bigrams, with start/end markers
  wordTriples: 4, // lowercased word trigrams, with start/end markers
  chars: 8, // lowercased character n-grams (charMin..charMax) over the whole text
  casedWords: 16, // words as written: "Of" mid-headline is a different feature from "of"
  shapes: 32, // word shape bigrams (Title, lower, UPPER, number) and whole-headline cues
  casedChars: 64, // character n-grams with case kept (instead of lowercased)
} as const;

export interface FeatureSpec {
  /** log2 of the number of weight slots. */
  bits: number;
  /** Sum of FeatureFlag values. */
  flags: number;
  charMin: number;
  charMax: number;
}

/** Longer texts are cut: the model is for headlines, and the buffers stay a fixed size. */
export const MAX_CHARS = 400;
export const MAX_TOKENS = 200;

// Seeds keep feature families apart in the shared hash space.
const SEED_WORD = 0x9e3779b1;
const SEED_PAIR = 0x85ebca6b;
const SEED_TRIPLE = 0xc2b2ae35;
const SEED_CHAR = 0x27d4eb2f;
const SEED_CASED = 0x165667b1;
const SEED_SHAPE = 0xd3a2646c;
const SEED_CUE = 0xfd7046c5;
const BOUNDARY = 0x2f1b3c4d; // stands for the start/end of a headline in word n-grams

const FNV_PRIME = 16777619;

/** When a text counts as written with every word capitalised (see FeatureExtractor.#readAsSentenceCase). */
const SENTENCE_CASE_MIN_WORDS = 3;
const SENTENCE_CASE_TITLED_SHARE = 0.6;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The share of capitalised words, in quarters. */
const capShareOf = (upperInitials: number, tokens: number) => (tokens === 0 ? 0 : Math.round((upperInitials / tokens) * 4));

function combine(a: number, b: number): number {
  return fmix(Math.imul(a ^ 0x5bd1e995, FNV_PRIME) ^ b);
}

/** Maps typographic variants to one code so curly and straight quotes, dashes and spaces agree. */
function normalizeCode(c: number): number {
  if (c < 128) return c;
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201b:
    case 0x2032:
      return 39; // '
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x2033:
      return 34; // "
    case 0x2013:
    case 0x2014:
    case 0x2212:
      return 45; // -
    case 0x00a0:
    case 0x2002:
    case 0x2003:
    case 0x2009:
    case 0x200a:
    case 0x202f:
      return 32;
    case 0x2026:
      return 46; // … counts as a full stop
    default:
      return c;
  }
}

const lowerCache = new Map<number, number>();
function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  let l = lowerCache.get(c);
  if (l === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    lowerCache.set(c, l);
  }
  return l;
}

// What the tokenizer asks of a character, as bits: one table read per ASCII character instead of three tests.
const WORD = 1;
const UPPER = 2;
const DIGIT = 4;
const SPACE = 8;
const ASCII_KIND = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if (isSpace(c)) t[c] = SPACE;
    else if (isWordCode(c)) t[c] = WORD | (isUpper(c) ? UPPER : 0) | (isDigit(c) ? DIGIT : 0);
  }
  return t;
})();

/** Each ASCII character's kind (ASCII_KIND) and, from bit 8, the character in small letters: one read for both. */
const ASCII_INFO = (() => {
  const t = new Uint16Array(128);
  for (let c = 0; c < 128; c++) t[c] = ASCII_KIND[c] | (lowerCode(c) << 8);
  return t;
})();

/** The same bits for a character outside ASCII (after normalizeCode, so never a space). UPPER is set on any
 * character that lowercases to another, word or not ("Ｆ" is folded too). */
function wideKind(c: number): number {
  return (isWordCode(c) ? WORD : 0) | (isUpper(c) ? UPPER : 0);
}

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c !== lowerCode(c));
}

function isWordCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000)
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The weight table of an extractor without one (see FeatureExtractor.#weights). */
const NO_WEIGHTS = new Int8Array(1);

const enum Shape {
  Lower = 1,
  Title = 2,
  Upper = 3,
  Number = 4,
  Mixed = 5,
}

/**
 * Turns a text into hashed feature slots. One instance reuses its buffers across calls, so it is not re-entrant;
 * each model owns its own.
 *
 * Scoring, tracing and the extraction without weights take one path, with no branch that only one of them takes:
 * V8 optimises extract() for all the instances of a page at once (the learned heads', the headline model's), and
 * code optimised while only scoring was thrown away at the first traced extraction (issue 24: a deopt and a
 * recompile of extract per page, and the items meanwhile scored in the interpreter). So every extraction records
 * what a traced one needs (spans, each feature's weight), which costs a few stores per word.
 */
export class FeatureExtractor {
  readonly spec: FeatureSpec;
  /** Slots of the features found by the last extract(), in [0, count), a feature possibly more than once. With a
   * weight table (useWeights) only the features before charFrom keep their slots: the character n-grams keep their
   * weights alone (featureWeights), and their sum (weightSum). */
  readonly slots: Int32Array;
  /** The [start, end) range of the original text each feature before `charFrom` came from. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /**
   * Features from `charFrom` on are the character n-grams, in a fixed order: for each position p of the
   * normalised text (0 <= p < `normLength`), lengths charMin..min(charMax, normLength - p). Their spans are not
   * stored while extracting (two stores per n-gram were a third of the cost of a traced extraction); `charSpanStart`
   * and `charSpanEnd` give them, from the same positions.
   */
  charFrom = 0;
  normLength = 0;
  /** Number of words in the last text; tokenStarts/tokenEnds give their [start, end) ranges. */
  tokenCount = 0;
  readonly tokenStarts = new Int32Array(MAX_TOKENS);
  readonly tokenEnds = new Int32Array(MAX_TOKENS);

  readonly #mask: number;
  readonly #codes = new Uint16Array(MAX_CHARS + 2);
  readonly #cased = new Uint16Array(MAX_CHARS + 2);
  /** Per normalised character, its place in the original text: for spans. */
  readonly #origin = new Int32Array(MAX_CHARS + 2);
  /** WORD, UPPER and DIGIT bits of each normalised character, read once while normalising. */
  readonly #kinds = new Uint8Array(MAX_CHARS + 2);
  /** [start, end) of each word in the normalised text, where the character n-grams are read. */
  readonly tokStart = new Int32Array(MAX_TOKENS);
  readonly tokEnd = new Int32Array(MAX_TOKENS);
  readonly #tokHash = new Int32Array(MAX_TOKENS);
  readonly #tokCasedHash = new Int32Array(MAX_TOKENS);
  readonly #tokShape = new Int32Array(MAX_TOKENS);
  #count = 0;
  /** The weight table (see useWeights), read at a slot & #weightMask: without one, a table of a single 0 read at 0,
   * so that extracting without weights runs the same code. */
  #weights: Int8Array = NO_WEIGHTS;
  #weightMask = 0;
  /** Each feature's weight, read while extracting (for explanations), and their sum. */
  readonly featureWeights: Int8Array;
  weightSum = 0;

  constructor(spec: FeatureSpec) {
    if (!(spec.bits >= 8 && spec.bits <= 24)) throw new Error(`feature bits out of range: ${spec.bits}`);
    if (!(spec.charMin >= 1 && spec.charMax >= spec.charMin && spec.charMax <= 8)) {
      throw new Error(`char n-gram range out of range: ${spec.charMin}..${spec.charMax}`);
    }
    this.spec = { ...spec };
    this.#mask = (1 << spec.bits) - 1;
    const perChar = spec.charMax - spec.charMin + 1;
    const capacity = (MAX_CHARS + 2) * perChar + MAX_TOKENS * 6 + 16;
    this.slots = new Int32Array(capacity);
    this.featureWeights = new Int8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Start in the original text of the character n-gram at normalised position p (any length). */
  charSpanStart(p: number): number {
    return this.#origin[p];
  }

  /** End in the original text of the character n-gram at normalised position p of length len. */
  charSpanEnd(p: number, len: number): number {
    return this.#origin[p + len - 1] + 1;
  }

  /** [start, end) in the original text of feature i of the last traced extraction, -1 for whole-headline cues.
   * Walks the n-grams to find one: for tests and tools; explanations walk them in order instead. */
  featureSpan(i: number): [number, number] {
    if (i < this.charFrom) return [this.starts[i], this.ends[i]];
    const { charMin, charMax } = this.spec;
    const n = this.normLength;
    for (let p = 0, j = this.charFrom; p < n; p++) {
      const top = n - p < charMax ? n - p : charMax;
      for (let len = charMin; len <= top; len++, j++) if (j === i) return [this.charSpanStart(p), this.charSpanEnd(p, len)];
    }
    return [-1, -1];
  }

  /**
   * Reads each feature's weight from `weights` (one per slot) into featureWeights and weightSum: a character
   * n-gram's as it is hashed (the table is large and read at random, and reading it among the hashing lets those
   * reads overlap with the work), the word features' once they are all hashed. The trainer extracts without.
   */
  useWeights(weights: Int8Array): void {
    if (weights.length !== this.#mask + 1) throw new Error(`expected ${this.#mask + 1} weights, got ${weights.length}`);
    this.#weights = weights;
    this.#weightMask = this.#mask;
  }

  /** Feature c: its slot from `hash`, its span from word a's start to word b's end. */
  #put(c: number, hash: number, a: number, b: number): void {
    this.slots[c] = hash & this.#mask;
    this.starts[c] = this.#origin[this.tokStart[a]];
    this.ends[c] = this.#origin[this.tokEnd[b] - 1] + 1;
  }

  /** The word, pair, triple, shape and cue features with their spans, then their weights. */
  #emitWordFeatures(tokens: number, upperInitials: number, n: number): void {
    const flags = this.spec.flags;
    const th = this.#tokHash;
    // The last word, where a pair or triple that ends at the boundary ends its span.
    const last = tokens > 0 ? tokens - 1 : 0;
    let c = 0;
    for (let k = 0; k < tokens; k++) {
      this.tokenStarts[k] = this.#origin[this.tokStart[k]];
      this.tokenEnds[k] = this.#origin[this.tokEnd[k] - 1] + 1;
    }
    if (flags & FeatureFlag.casedWords) {
      const tc = this.#tokCasedHash;
      for (let k = 0; k < tokens; k++) this.#put(c++, fmix(tc[k]), k, k);
    }
    if (flags & FeatureFlag.words) {
      for (let k = 0; k < tokens; k++) this.#put(c++, th[k], k, k);
    }
    if (flags & FeatureFlag.wordPairs) {
      for (let k = 0; k <= tokens; k++) {
        const a = k === 0 ? BOUNDARY : th[k - 1];
        const b = k === tokens ? BOUNDARY : th[k];
        this.#put(c++, combine(combine(SEED_PAIR, a), b), k === 0 ? 0 : k - 1, k === tokens ? last : k);
      }
    }
    if (flags & FeatureFlag.wordTriples && tokens >= 2) {
      for (let k = 0; k + 1 <= tokens; k++) {
        const a = k === 0 ? BOUNDARY : th[k - 1];
        const b = k + 1 === tokens ? BOUNDARY : th[k + 1];
        this.#put(c++, combine(combine(combine(SEED_TRIPLE, a), th[k]), b), k === 0 ? 0 : k - 1, k + 1 === tokens ? k : k + 1);
      }
    }
    const slots = this.slots;
    if (flags & FeatureFlag.shapes) {
      const sh = this.#tokShape;
      for (let k = 0; k <= tokens; k++) {
        const a = k === 0 ? 0 : sh[k - 1];
        const b = k === tokens ? 0 : sh[k];
        this.#put(c++, combine(SEED_SHAPE, a * 8 + b), k === 0 ? 0 : k - 1, k === tokens ? last : k);
      }
      // Whole-headline cues: share of capitalised words, length, final punctuation. They belong to no words,
      // so their span is empty (-1) and explanations leave them out.
      const mask = this.#mask;
      slots[c] = combine(SEED_CUE, 1 * 64 + capShareOf(upperInitials, tokens)) & mask;
      slots[c + 1] = combine(SEED_CUE, 2 * 64 + Math.min(tokens, 24)) & mask;
      slots[c + 2] = combine(SEED_CUE, 3 * 64 + this.#endKind(n)) & mask;
      this.starts.fill(-1, c, c + 3);
      this.ends.fill(-1, c, c + 3);
      c += 3;
    }
    // Their weights in a loop of their own, which the extraction without weights runs too (see the class).
    const weights = this.#weights;
    const weightMask = this.#weightMask;
    const fw = this.featureWeights;
    let sum = 0;
    for (let i = 0; i < c; i++) {
      const w = weights[slots[i] & weightMask];
      fw[i] = w;
      sum += w;
    }
    this.#count = c;
    this.weightSum = sum;
  }

  /** The headline's last character that is not a space, as a cue: ? ! . a word character, or something else. */
  #endKind(n: number): number {
    const codes = this.#codes;
    let last = n - 2;
    while (last > 0 && codes[last] === 32) last--;
    const end = last > 0 ? codes[last] : 0;
    return end === 63 ? 1 : end === 33 ? 2 : end === 46 ? 3 : isWordCode(end) ? 4 : 5;
  }

  /** Records token k, [start, end) of the normalised text, from its hashes and counts; returns 1 when it counts
   * as a capitalised word (Title or UPPER shape), else 0. */
  #endToken(k: number, start: number, end: number, h: number, hc: number, uppers: number, digits: number, len: number): number {
    let shape: number;
    if (digits > 0 && digits >= len - 2) shape = Shape.Number;
    else if (uppers === 0) shape = Shape.Lower;
    else if (uppers === len && len > 1) shape = Shape.Upper;
    else if (uppers === 1 && this.#kinds[start] & UPPER) shape = Shape.Title;
    else shape = Shape.Mixed;
    this.tokStart[k] = start;
    this.tokEnd[k] = end;
    this.#tokHash[k] = fmix(h);
    this.#tokCasedHash[k] = hc;
    this.#tokShape[k] = shape;
    return shape === Shape.Title || shape === Shape.Upper ? 1 : 0;
  }

  /**
   * YouTube's house style capitalises every word ("How The Rust Borrow Checker Really Works"), which the corpus
   * does only for bait. A text in that style (of its words that start with a letter, at least 3 and most start with a
   * capital) is read as the same words in sentence case: each capitalised word after the first, and a lone capital
   * other than "I" (the article "A"), is read in small letters. Words in capitals ("THIS", "NASA") and mixed case
   * ("iPad", "MacBook") keep their case: the style does not explain them. Returns how many words lost their capital.
   */
  #readAsSentenceCase(tokens: number): number {
    const shapes = this.#tokShape;
    let titled = 0;
    let lower = 0;
    for (let k = 0; k < tokens; k++) {
      if (shapes[k] === Shape.Title && this.tokEnd[k] - this.tokStart[k] > 1) titled++;
      else if (shapes[k] === Shape.Lower && (this.#kinds[this.tokStart[k]] & DIGIT) === 0) lower++;
    }
    if (titled + lower < SENTENCE_CASE_MIN_WORDS || titled < SENTENCE_CASE_TITLED_SHARE * (titled + lower)) return 0;
    const codes = this.#codes;
    const cased = this.#cased;
    let lowered = 0;
    for (let k = 1; k < tokens; k++) {
      if (shapes[k] !== Shape.Title) continue;
      const start = this.tokStart[k];
      const end = this.tokEnd[k];
      if (end - start === 1 && cased[start] === 73) continue; // "I"
      let hc = SEED_CASED | 0;
      for (let i = start; i < end; i++) {
        cased[i] = codes[i];
        hc = Math.imul(hc ^ codes[i], FNV_PRIME);
      }
      this.#tokCasedHash[k] = hc;
      shapes[k] = Shape.Lower;
      lowered++;
    }
    return lowered;
  }

  /**
   * Fills `slots` with the features of `text` and returns how many there are, and records for each feature the span
   * of `text` it was read from (for explanations). `trace` says that the caller reads the spans: every extraction
   * records them (see the class's comment). With `sentenceCase`, a text written with every word capitalised is read
   * as if in sentence case (see #readAsSentenceCase).
   */
  extract(text: string, trace = false, sentenceCase = false): number {
    this.#count = 0;
    this.weightSum = 0;
    const { flags, charMin, charMax } = this.spec;
    const codes = this.#codes;
    const cased = this.#cased;
    const origin = this.#origin;

    // Normalised character stream: whitespace runs collapse to one space, with a space at each end. The tokens
    // (runs of letters and digits, with inner apostrophes kept: "you're", "don't") are read in the same pass.
    let n = 0;
    codes[n] = 32;
    cased[n] = 32;
    origin[n] = 0;
    n++;
    const kinds = this.#kinds;
    kinds[0] = 0;
    let tokens = 0;
    let upperInitials = 0;
    // The open token: where it starts (-1: none), its hashes and counts so far, and an apostrophe right after its
    // last character (-1: none), which is inner if a letter or digit comes next.
    let start = -1;
    let h = 0;
    let hc = 0;
    let uppers = 0;
    let digits = 0;
    let len = 0;
    let apostrophe = -1;
    const limit = Math.min(text.length, MAX_CHARS);
    for (let i = 0; i < limit; i++) {
      let c = text.charCodeAt(i);
      if (c >= 128) c = normalizeCode(c);
      let kind: number;
      // The small letter by table, not by a branch on the capital: in a headline capitals come and go too
      // irregularly for a branch to be foreseen.
      let lower: number;
      if (c < 128) {
        const info = ASCII_INFO[c];
        kind = info & 0xff;
        lower = info >>> 8;
      } else {
        kind = wideKind(c);
        lower = kind & UPPER ? lowerCode(c) : c;
      }
      if (kind === SPACE) {
        if (codes[n - 1] === 32) continue;
        codes[n] = 32;
        cased[n] = 32;
        kinds[n] = 0;
      } else {
        codes[n] = lower;
        cased[n] = c;
        kinds[n] = kind;
      }
      origin[n] = i;
      if (kind & WORD) {
        if (start < 0) {
          if (tokens < MAX_TOKENS) {
            start = n;
            h = SEED_WORD | 0;
            hc = SEED_CASED | 0;
            uppers = 0;
            digits = 0;
            len = 0;
          }
        } else if (apostrophe >= 0) {
          h = Math.imul(h ^ 39, FNV_PRIME);
          hc = Math.imul(hc ^ 39, FNV_PRIME);
          len++;
          apostrophe = -1;
        }
        if (start >= 0) {
          if (kind & UPPER) uppers++;
          else if (kind & DIGIT) digits++;
          h = Math.imul(h ^ lower, FNV_PRIME);
          hc = Math.imul(hc ^ c, FNV_PRIME);
          len++;
        }
      } else if (start >= 0) {
        if (apostrophe < 0 && c === 39) apostrophe = n;
        else {
          upperInitials += this.#endToken(tokens++, start, apostrophe >= 0 ? apostrophe : n, h, hc, uppers, digits, len);
          start = -1;
          apostrophe = -1;
        }
      }
      n++;
    }
    if (start >= 0) upperInitials += this.#endToken(tokens++, start, apostrophe >= 0 ? apostrophe : n, h, hc, uppers, digits, len);
    if (codes[n - 1] !== 32) {
      codes[n] = 32;
      cased[n] = 32;
      kinds[n] = 0;
      origin[n] = limit;
      n++;
    }
    if (sentenceCase) upperInitials -= this.#readAsSentenceCase(tokens);
    this.tokenCount = tokens;
    this.#emitWordFeatures(tokens, upperInitials, n);
    this.charFrom = this.#count;
    this.normLength = n;
    if (flags & (FeatureFlag.chars | FeatureFlag.casedChars)) {
      // The hot loop (most features are character n-grams), kept free of calls other than the inlined mix.
      const src = flags & FeatureFlag.casedChars ? cased : codes;
      const slots = this.slots;
      const mask = this.#mask;
      const fw = this.featureWeights;
      let count = this.#count;
      if (this.#weightMask === 0) {
        for (let i = 0; i < n; i++) {
          let h = SEED_CHAR | 0;
          const top = n - i < charMax ? n - i : charMax;
          for (let len = 1; len <= top; len++) {
            h = Math.imul(h ^ src[i + len - 1], FNV_PRIME);
            if (len >= charMin) slots[count++] = fmix(h ^ len) & mask;
          }
        }
      } else {
        // Only the weights are kept: nothing reads a weighted extraction's n-gram slots.
        const weights = this.#weights;
        let sum = this.weightSum;
        let i = 0;
        if (charMin === 3 && charMax === 5) {
          // The shipped lengths, unrolled: every position with five characters ahead takes all three.
          for (; i + 5 <= n; i++) {
            const h2 = Math.imul(Math.imul((SEED_CHAR | 0) ^ src[i], FNV_PRIME) ^ src[i + 1], FNV_PRIME);
            const h3 = Math.imul(h2 ^ src[i + 2], FNV_PRIME);
            const h4 = Math.imul(h3 ^ src[i + 3], FNV_PRIME);
            const h5 = Math.imul(h4 ^ src[i + 4], FNV_PRIME);
            const w3 = weights[fmix(h3 ^ 3) & mask];
            const w4 = weights[fmix(h4 ^ 4) & mask];
            const w5 = weights[fmix(h5 ^ 5) & mask];
            fw[count] = w3;
            fw[count + 1] = w4;
            fw[count + 2] = w5;
            count += 3;
            sum += w3 + w4 + w5;
          }
        }
        for (; i < n; i++) {
          let h = SEED_CHAR | 0;
          const top = n - i < charMax ? n - i : charMax;
          for (let len = 1; len <= top; len++) {
            h = Math.imul(h ^ src[i + len - 1], FNV_PRIME);
            if (len >= charMin) {
              const w = weights[fmix(h ^ len) & mask];
              fw[count++] = w;
              sum += w;
            }
          }
        }
        this.weightSum = sum;
      }
      this.#count = count;
    }
    return this.#count;
  }
}

/** The default families and sizes; the trainer may pick others and records them in the model file. */
export const DEFAULT_SPEC: FeatureSpec = {
  bits: 19,
  flags: FeatureFlag.words | FeatureFlag.wordPairs | FeatureFlag.chars | FeatureFlag.casedWords | FeatureFlag.shapes,
  charMin: 3,
  charMax: 5,
};
