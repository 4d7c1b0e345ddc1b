// The shipped clickbait classifier: a linear model over hashed word, word-shape and character features whose
// int8 weights are read in place from public/models/clickbait.bin. Pure: the caller fetches the bytes.

import { FeatureExtractor, MAX_CHARS, MAX_TOKENS } from './features';
import { decodeModel, type QuantizedModel } from './format';

export interface ClickbaitModel {
  /**
   * Probability (0..1) that the text is a clickbait headline; 0 for text with no words. With `sentenceCase`, a
   * headline written with every word capitalised is read in sentence case (see FeatureExtractor).
   */
  score(text: string, sentenceCase?: boolean): number;
  /**
   * Words or short phrases of `text` that pushed the score most towards clickbait, strongest first, quoted
   * exactly as they appear in `text` (also when read in sentence case). Empty when nothing in the text leans that
   * way. It costs about as much again as score(): the fast tier leaves it to the log (lib/core/shield/evidence.ts).
   */
  explain(text: string, max?: number, sentenceCase?: boolean): string[];
}

const MAX_PHRASE_WORDS = 4;

class LinearClickbaitModel implements ClickbaitModel {
  readonly #fx: FeatureExtractor;
  readonly #bias: number;
  readonly #scale: number;
  /** The weight of each feature of the last text, as the extractor read it from the table: explain() reads
   * these again, and the table is too large to stay in cache. */
  readonly #featureWeights: Int8Array;
  /** Scratch for explain(), reused: one model explains one text at a time. */
  readonly #wordCharsBefore = new Int32Array(MAX_CHARS + 2);
  readonly #nextWord = new Int32Array(MAX_CHARS + 2);
  /** Per position of the normalised text: the first word ending after it, and the last word starting at or
   * before it. */
  readonly #normNextWord = new Int32Array(MAX_CHARS + 2);
  readonly #normLastWord = new Int32Array(MAX_CHARS + 2);
  readonly #tokenScore = new Float64Array(MAX_TOKENS);
  readonly #seen = new Uint8Array(MAX_TOKENS);
  readonly #used = new Uint8Array(MAX_TOKENS);

  constructor(model: QuantizedModel) {
    this.#fx = new FeatureExtractor(model.spec);
    this.#fx.useWeights(model.weights);
    this.#featureWeights = this.#fx.featureWeights;
    this.#bias = model.bias;
    this.#scale = model.scale;
  }

  score(text: string, sentenceCase = false): number {
    const count = this.#fx.extract(text, false, sentenceCase);
    // Text without a single word (empty, emoji, punctuation) gives the model nothing to judge. The log-odds are the
    // sum the trainer optimised (unit-length binary feature vector), calibrated.
    if (count === 0 || this.#fx.tokenCount === 0) return 0;
    return 1 / (1 + Math.exp(-(this.#bias + (this.#fx.weightSum * this.#scale) / Math.sqrt(count))));
  }

  explain(text: string, max = 3, sentenceCase = false): string[] {
    if (max <= 0) return [];
    const fx = this.#fx;
    const count = fx.extract(text, true, sentenceCase);
    const featureWeights = this.#featureWeights;
    const tokens = fx.tokenCount;
    if (count === 0 || tokens === 0) return [];
    const tokenStarts = fx.tokenStarts;
    const tokenEnds = fx.tokenEnds;
    const unit = this.#scale / Math.sqrt(count);

    // Per character of the text: how many word characters come before it, and the first word that ends after
    // it. A feature's overlap with the words is then read off its own span, not tested against every word.
    const lastEnd = tokenEnds[tokens - 1];
    const before = this.#wordCharsBefore;
    const nextWord = this.#nextWord;
    for (let k = 0, p = 0, inWords = 0; p <= lastEnd; p++) {
      while (k < tokens && tokenEnds[k] <= p) k++;
      nextWord[p] = k;
      before[p] = inWords;
      if (k < tokens && p >= tokenStarts[k]) inWords++;
    }

    // Each feature's contribution is shared among the words its text span overlaps, by characters overlapped.
    const tokenScore = this.#tokenScore;
    tokenScore.fill(0, 0, tokens);
    const charFrom = Math.min(fx.charFrom, count);
    const fxStarts = fx.starts;
    const fxEnds = fx.ends;
    for (let i = 0; i < charFrom; i++) {
      const start = fxStarts[i];
      const contribution = featureWeights[i] * unit;
      if (start < 0 || contribution === 0 || start >= lastEnd) continue;
      const end = Math.min(fxEnds[i], lastEnd);
      if (end <= start) continue;
      const covered = before[end] - before[start];
      if (covered === 0) continue;
      for (let k = nextWord[start]; k < tokens && tokenStarts[k] < end; k++) {
        const o = Math.min(end, tokenEnds[k]) - Math.max(start, tokenStarts[k]);
        if (o > 0) tokenScore[k] += (contribution * o) / covered;
      }
    }
    if (charFrom < count) this.#shareCharNgrams(charFrom, count, unit);
    // Seed phrases at the strongest words (ties: the earlier word) and grow them over neighbours that also push
    // clearly towards clickbait.
    const seen = this.#seen;
    const used = this.#used;
    seen.fill(0, 0, tokens);
    used.fill(0, 0, tokens);
    const phrases: string[] = [];
    for (let step = 0; step < tokens && phrases.length < max; step++) {
      let seed = -1;
      for (let k = 0; k < tokens; k++) if (!seen[k] && (seed < 0 || tokenScore[k] > tokenScore[seed])) seed = k;
      seen[seed] = 1;
      const s = tokenScore[seed];
      if (s <= 0) break;
      if (used[seed]) continue;
      let first = seed;
      let last = seed;
      const floor = 0.5 * s;
      while (last - first + 1 < MAX_PHRASE_WORDS) {
        const l = first - 1;
        const r = last + 1;
        const left = l >= 0 && !used[l] && tokenScore[l] >= floor ? tokenScore[l] : -Infinity;
        const right = r < tokens && !used[r] && tokenScore[r] >= floor ? tokenScore[r] : -Infinity;
        if (left === -Infinity && right === -Infinity) break;
        if (left >= right) first--;
        else last++;
      }
      for (let k = first; k <= last; k++) used[k] = 1;
      phrases.push(text.slice(tokenStarts[first], tokenEnds[last]));
    }
    return phrases;
  }

  /**
   * The character n-grams' share of tokenScore (features charFrom..count of the last traced extraction, in the
   * extractor's order: each position, then each length). Words keep their characters one to one in the
   * normalised text, so overlaps are counted there, from the n-gram's own position: no span is looked up.
   */
  #shareCharNgrams(charFrom: number, count: number, unit: number): void {
    const fx = this.#fx;
    const tokens = fx.tokenCount;
    const tokStart = fx.tokStart;
    const tokEnd = fx.tokEnd;
    const n = fx.normLength;
    const { charMin, charMax } = fx.spec;
    const nextWord = this.#normNextWord;
    const lastWord = this.#normLastWord;
    for (let q = 0, k = 0, last = -1; q < n; q++) {
      while (k < tokens && tokEnd[k] <= q) k++;
      nextWord[q] = k;
      if (last + 1 < tokens && tokStart[last + 1] <= q) last++;
      lastWord[q] = last;
    }
    const featureWeights = this.#featureWeights;
    const tokenScore = this.#tokenScore;
    let i = charFrom;
    for (let p = 0; p < n && i < count; p++) {
      const top = n - p < charMax ? n - p : charMax;
      const a = nextWord[p];
      for (let len = charMin; len <= top; len++, i++) {
        const contribution = featureWeights[i] * unit;
        if (contribution === 0) continue;
        const end = p + len;
        const b = lastWord[end - 1];
        if (a > b) continue; // no word characters in it
        if (a === b) {
          tokenScore[a] += contribution;
          continue;
        }
        // Every word from a to b overlaps the n-gram (a ends after p, b starts before its end).
        const first = tokEnd[a] - (p > tokStart[a] ? p : tokStart[a]);
        const final = (end < tokEnd[b] ? end : tokEnd[b]) - tokStart[b];
        if (b === a + 1) {
          // The usual split: an n-gram across one space.
          const covered = first + final;
          tokenScore[a] += (contribution * first) / covered;
          tokenScore[b] += (contribution * final) / covered;
          continue;
        }
        let covered = first + final;
        for (let w = a + 1; w < b; w++) covered += tokEnd[w] - tokStart[w];
        tokenScore[a] += (contribution * first) / covered;
        for (let w = a + 1; w < b; w++) tokenScore[w] += (contribution * (tokEnd[w] - tokStart[w])) / covered;
        tokenScore[b] += (contribution * final) / covered;
      }
    }
  }
}

/** Reads a model file (public/models/clickbait.bin) that passed checkModel (format.ts). Keeps a view of `bytes`. */
export function loadClickbaitModel(bytes: Uint8Array): ClickbaitModel {
  return clickbaitModelOf(decodeModel(bytes));
}

/** The model of weights already read (the learned detectors' heads, which keep theirs packed). Keeps `model.weights`. */
export const clickbaitModelOf = (model: QuantizedModel): ClickbaitModel => new LinearClickbaitModel(model);
