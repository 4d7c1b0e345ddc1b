import { FeatureExtractor } from '../clickbait/features';
import type { QuantizedModel } from '../clickbait/format';
import { clickbaitModelOf, type ClickbaitModel } from '../clickbait/model';
import { decodeLearned, LEARNED_KINDS, PACKED_HEADS as PACKED } from './learned-format';

/**
 * The learned detectors (public/models/detectors.bin): one linear model per kind over the same hashed features as
 * the headline model (lib/core/clickbait/features.ts). The heads share one feature spec, so a text is read once and
 * each head only sums its own int8 weights over the slots found: five kinds cost little more than one.
 */
export class LearnedDetectors {
  readonly #fx: FeatureExtractor;
  /** The rule heads' weights of a slot in one int32, head h in byte h: one read per feature for all four, where
   * four tables read at the same slot were four reads and four loops (issue 24: these sums were the costliest part
   * of deciding a video). */
  readonly #packed: Int32Array;
  /** The heads, without weights but the post head's (a copy): the file's bytes are let go. */
  readonly #heads: Array<Omit<QuantizedModel, 'weights'> & { weights?: Int8Array }>;
  readonly #functionWords: FunctionWords;
  /** Built on first use, for quoting (a rule head's weights unpacked): a flag explains itself with the words that
   * pushed its head most. */
  readonly #explainers: (ClickbaitModel | undefined)[] = [];

  /** `bytes`: a detectors.bin as packLearned rewrote it (its rule heads' slots packed already). */
  constructor(bytes: Uint8Array, functionWords: FunctionWords) {
    const heads = decodeLearned(bytes);
    const size = heads[0].weights.length;
    // The four rule heads' tables are one run of packed slots, apart from the headers between them: copied together.
    const packed = new Int8Array(size * PACKED);
    for (let h = 0; h < PACKED; h++) packed.set(heads[h].weights, h * size);
    this.#packed = new Int32Array(packed.buffer);
    this.#fx = new FeatureExtractor(heads[0].spec);
    this.#functionWords = functionWords;
    this.#heads = heads.map((model, h) => ({ ...model, weights: h < PACKED ? undefined : model.weights.slice() }));
  }

  /** The index of a kind's head, -1 when the file has none. */
  headOf(kind: string): number {
    return (LEARNED_KINDS as readonly string[]).indexOf(kind);
  }

  /** Each head's probability for `text` into `out` (by head index), the heads before `upTo` only; false, leaving
   * `out` alone, for a text without a word. */
  score(text: string, out: Float64Array, upTo: number = LEARNED_KINDS.length): boolean {
    const fx = this.#fx;
    const count = fx.extract(text);
    if (count === 0 || fx.tokenCount === 0) return false;
    const slots = fx.slots;
    const packed = this.#packed;
    // Absent from the file a tab of a site without posts is sent (learnedFor): read for posts only.
    const post = this.#heads[PACKED]?.weights;
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    for (let i = 0; i < count; i++) {
      const v = packed[slots[i]];
      r0 += (v << 24) >> 24;
      r1 += (v << 16) >> 24;
      r2 += (v << 8) >> 24;
      r3 += v >> 24;
    }
    let r4 = 0;
    if (upTo > PACKED) for (let i = 0; i < count; i++) r4 += post![slots[i]];
    const norm = 1 / Math.sqrt(count);
    for (let h = 0; h < upTo; h++) {
      const { bias, scale } = this.#heads[h];
      // Each head's sum picked, not read from a list of them: a list would be one more array per item.
      const sum = h === 0 ? r0 : h === 1 ? r1 : h === 2 ? r2 : h === 3 ? r3 : r4;
      out[h] = 1 / (1 + Math.exp(-(bias + sum * scale * norm)));
    }
    return true;
  }

  /** The words of `text` that pushed head `h` most, strongest first, never a function word alone ("this", "you"). */
  explain(h: number, text: string, max = 3): string[] {
    const head = this.#heads[h];
    const model = (this.#explainers[h] ??= clickbaitModelOf({
      ...head,
      weights: head.weights ?? Int8Array.from(this.#packed, (v) => (v << (24 - 8 * h)) >> 24),
    }));
    return model
      .explain(text, max + 3)
      .filter((phrase) => hasContentWord(phrase, this.#functionWords))
      .slice(0, max);
  }
}

/** Which words are function words ("this", "you"): a set of them, or the detector data's language profile. */
export type FunctionWords = { has(word: string): boolean };

/** Whether a quoted phrase has a word that is not a function word: "this" or "you are" alone explain nothing. */
export const hasContentWord = (phrase: string, functionWords: FunctionWords): boolean =>
  phrase
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .some((w) => w !== '' && !functionWords.has(w));
