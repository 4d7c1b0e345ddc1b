import { FeatureExtractor } from '../clickbait/features';
import { loadClickbaitModel, type ClickbaitModel } from '../clickbait/model';
import { decodeLearned, LEARNED_KINDS, type LearnedHead } from './learned-format';

/**
 * The learned detectors (public/models/detectors.bin): one linear model per kind over the same hashed features as
 * the headline model (lib/core/clickbait/features.ts). The heads share one feature spec, so a text is read once and
 * each head only sums its own int8 weights over the slots found: five kinds cost little more than one.
 */
export class LearnedDetectors {
  readonly #heads: LearnedHead[];
  readonly #fx: FeatureExtractor;
  readonly #functionWords: ReadonlySet<string>;
  /** Built on first use, for quoting: a flag explains itself with the words that pushed its head most. */
  readonly #explainers: (ClickbaitModel | undefined)[];

  constructor(bytes: Uint8Array, functionWords: ReadonlySet<string>) {
    this.#heads = decodeLearned(bytes);
    this.#fx = new FeatureExtractor(this.#heads[0].model.spec);
    this.#functionWords = functionWords;
    this.#explainers = this.#heads.map(() => undefined);
  }

  /** The index of a kind's head, -1 when the file has none. */
  headOf(kind: string): number {
    return (LEARNED_KINDS as readonly string[]).indexOf(kind);
  }

  /** Each head's probability for `text` into `out` (by head index), the heads before `upTo` only; false, leaving
   * `out` alone, for a text without a word. */
  score(text: string, out: Float64Array, upTo = this.#heads.length): boolean {
    const fx = this.#fx;
    const count = fx.extract(text);
    if (count === 0 || fx.tokenCount === 0) return false;
    const slots = fx.slots;
    const norm = 1 / Math.sqrt(count);
    for (let h = 0; h < upTo; h++) {
      const { weights, bias, scale } = this.#heads[h].model;
      let sum = 0;
      for (let i = 0; i < count; i++) sum += weights[slots[i]];
      out[h] = 1 / (1 + Math.exp(-(bias + sum * scale * norm)));
    }
    return true;
  }

  /** The words of `text` that pushed head `h` most, strongest first, never a function word alone ("this", "you"). */
  explain(h: number, text: string, max = 3): string[] {
    const model = (this.#explainers[h] ??= loadClickbaitModel(this.#heads[h].bytes));
    const out: string[] = [];
    for (const phrase of model.explain(text, max + 3)) {
      if (out.length === max) break;
      if (hasContentWord(phrase, this.#functionWords)) out.push(phrase);
    }
    return out;
  }
}

/** Whether a quoted phrase has a word that is not a function word: "this" or "you are" alone explain nothing. */
export const hasContentWord = (phrase: string, functionWords: ReadonlySet<string>): boolean =>
  phrase
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .some((w) => w !== '' && !functionWords.has(w));
