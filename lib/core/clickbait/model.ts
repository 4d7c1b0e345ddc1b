// The shipped clickbait classifier: a linear model over hashed word, word-shape and character features whose
// int8 weights are read in place from public/models/clickbait.bin. Pure: the caller fetches the bytes.

import { FeatureExtractor } from './features';
import { decodeModel, type QuantizedModel } from './format';

export interface ClickbaitModel {
  /** Probability (0..1) that the text is a clickbait headline; 0 for text with no words. */
  score(text: string): number;
  /**
   * Words or short phrases of `text` that pushed the score most towards clickbait, strongest first, quoted
   * exactly as they appear in `text`. Empty when nothing in the text leans that way.
   */
  explain(text: string, max?: number): string[];
}

const MAX_PHRASE_WORDS = 4;

class LinearClickbaitModel implements ClickbaitModel {
  private readonly fx: FeatureExtractor;
  private readonly weights: Int8Array;
  private readonly bias: number;
  private readonly scale: number;

  constructor(model: QuantizedModel) {
    this.fx = new FeatureExtractor(model.spec);
    this.weights = model.weights;
    this.bias = model.bias;
    this.scale = model.scale;
  }

  /** Log-odds; the same sum the trainer optimised (unit-length binary feature vector), calibrated. */
  logit(text: string): number {
    const count = this.fx.extract(text);
    // Text without a single word (empty, emoji, punctuation) gives the model nothing to judge.
    if (count === 0 || this.fx.tokenCount === 0) return -Infinity;
    const slots = this.fx.slots;
    const w = this.weights;
    let sum = 0;
    for (let i = 0; i < count; i++) sum += w[slots[i]];
    return this.bias + (sum * this.scale) / Math.sqrt(count);
  }

  score(text: string): number {
    return 1 / (1 + Math.exp(-this.logit(text)));
  }

  explain(text: string, max = 3): string[] {
    if (max <= 0) return [];
    const fx = this.fx;
    const count = fx.extract(text, true);
    const tokens = fx.tokenCount;
    if (count === 0 || tokens === 0) return [];
    const tokenStarts = fx.tokenStarts.slice(0, tokens);
    const tokenEnds = fx.tokenEnds.slice(0, tokens);
    const unit = this.scale / Math.sqrt(count);

    // Each feature's contribution is shared among the words its text span overlaps, by characters overlapped.
    const tokenScore = new Float64Array(tokens);
    for (let i = 0; i < count; i++) {
      const start = fx.starts[i];
      const end = fx.ends[i];
      const contribution = this.weights[fx.slots[i]] * unit;
      if (start < 0 || contribution === 0) continue;
      let covered = 0;
      for (let k = 0; k < tokens; k++) covered += overlap(start, end, tokenStarts[k], tokenEnds[k]);
      if (covered === 0) continue;
      for (let k = 0; k < tokens; k++) {
        const o = overlap(start, end, tokenStarts[k], tokenEnds[k]);
        if (o > 0) tokenScore[k] += (contribution * o) / covered;
      }
    }

    // Seed phrases at the strongest words and grow them over neighbours that also push clearly towards clickbait.
    const order = Array.from({ length: tokens }, (_, k) => k).sort(
      (a, b) => tokenScore[b] - tokenScore[a] || a - b,
    );
    const used = new Uint8Array(tokens);
    const phrases: string[] = [];
    for (const seed of order) {
      if (phrases.length >= max) break;
      const s = tokenScore[seed];
      if (s <= 0) break;
      if (used[seed]) continue;
      let first = seed;
      let last = seed;
      const keep = (k: number) => k >= 0 && k < tokens && !used[k] && tokenScore[k] >= 0.5 * s;
      while (last - first + 1 < MAX_PHRASE_WORDS) {
        const left = keep(first - 1) ? tokenScore[first - 1] : -Infinity;
        const right = keep(last + 1) ? tokenScore[last + 1] : -Infinity;
        if (left === -Infinity && right === -Infinity) break;
        if (left >= right) first--;
        else last++;
      }
      for (let k = first; k <= last; k++) used[k] = 1;
      phrases.push(text.slice(tokenStarts[first], tokenEnds[last]));
    }
    return phrases;
  }
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

/** Reads a model file (public/models/clickbait.bin). Throws on a file that is not one. Keeps a view of `bytes`. */
export function loadClickbaitModel(bytes: Uint8Array): ClickbaitModel {
  return new LinearClickbaitModel(decodeModel(bytes));
}
