import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEC, FeatureExtractor, FeatureFlag } from '@/lib/core/clickbait/features';
import { encodeModel } from '@/lib/core/clickbait/format';
import {
  buildMatrix,
  headlineHash,
  isHeldOut,
  quantizeWeights,
  trainLogistic,
  withCaseVariants,
  type LabelledHeadline,
} from '@/lib/core/clickbait/train';

function slotsOf(fx: FeatureExtractor, text: string): number[] {
  return Array.from(fx.slots.subarray(0, fx.extract(text)));
}

describe('clickbait feature hashing', () => {
  it('reads words as runs of letters and digits that keep only their inner apostrophes', () => {
    const fx = new FeatureExtractor(DEFAULT_SPEC);
    const text = "Rock 'n' roll, don’t   a''b x' O'Neil's 42nd";
    fx.extract(text, true);
    const words = Array.from({ length: fx.tokenCount }, (_, k) => text.slice(fx.tokenStarts[k], fx.tokenEnds[k]));
    expect(words).toEqual(['Rock', 'n', 'roll', 'don’t', 'a', 'b', 'x', "O'Neil's", '42nd']);
  });

  it('sums the same weights when scoring as when tracing, for every feature family', () => {
    const spec = { bits: 12, flags: 127, charMin: 2, charMax: 4 };
    const weights = Int8Array.from({ length: 1 << spec.bits }, (_, i) => ((i * 2654435761) >>> 24) - 128);
    const scoring = new FeatureExtractor(spec);
    const tracing = new FeatureExtractor(spec);
    scoring.useWeights(weights);
    tracing.useWeights(weights);
    const texts = ["10 Reasons Why You Shouldn't Miss This!", 'THIS is INSANE 😱', 'a', '', 'Rust 1.75 released', 'How The Rust Borrow Checker Works?'];
    for (const t of texts) {
      for (const sentenceCase of [false, true]) {
        const n = scoring.extract(t, false, sentenceCase);
        const sum = scoring.weightSum;
        expect(n, t).toBe(tracing.extract(t, true, sentenceCase));
        expect(sum, t).toBe(tracing.weightSum);
        expect(scoring.tokenCount, t).toBe(tracing.tokenCount);
      }
    }
  });

  it('gives the same slots for the same text, across extractor instances', () => {
    const text = "10 Reasons Why You Shouldn't Miss This";
    const a = new FeatureExtractor(DEFAULT_SPEC);
    const b = new FeatureExtractor(DEFAULT_SPEC);
    const first = slotsOf(a, text);
    slotsOf(a, 'something else entirely');
    expect(slotsOf(a, text)).toEqual(first);
    expect(slotsOf(b, text)).toEqual(first);
  });

  it('keeps every slot inside the table', () => {
    const fx = new FeatureExtractor({ ...DEFAULT_SPEC, bits: 10 });
    for (const t of ['A', 'Ça va? Ünïcödé — “quoted” text…', '9'.repeat(1000)]) {
      for (const s of slotsOf(fx, t)) expect(s >= 0 && s < 1024).toBe(true);
    }
  });

  it('hashes known text to fixed slots (changing this means retraining the shipped model)', () => {
    const fx = new FeatureExtractor({ bits: 16, flags: FeatureFlag.words, charMin: 3, charMax: 5 });
    expect(slotsOf(fx, 'You will not believe')).toEqual(slotsOf(fx, 'you WILL not Believe'));
    expect(slotsOf(fx, 'You will not believe')).toEqual([29896, 10828, 22650, 54118]);
  });

  it('tells Title Case from sentence case only through the case-aware families', () => {
    const lower = new FeatureExtractor({ ...DEFAULT_SPEC, flags: FeatureFlag.words | FeatureFlag.chars });
    expect(slotsOf(lower, 'The Best Of The Year')).toEqual(slotsOf(lower, 'the best of the year'));
    const cased = new FeatureExtractor(DEFAULT_SPEC);
    expect(slotsOf(cased, 'The Best Of The Year')).not.toEqual(slotsOf(cased, 'the best of the year'));
  });

  it('traces each feature back to the text it came from', () => {
    const fx = new FeatureExtractor(DEFAULT_SPEC);
    const text = '  What  Happened Next? ';
    const n = fx.extract(text, true);
    let traced = 0;
    for (let i = 0; i < n; i++) {
      const [start, end] = fx.featureSpan(i);
      if (start < 0) continue;
      traced++;
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(text.length);
      expect(end).toBeGreaterThan(start);
    }
    expect(traced).toBeGreaterThan(n - 4);
    // A character n-gram's span holds its own letters: "hap" comes from "Happened".
    const grams = Array.from({ length: n }, (_, i) => fx.featureSpan(i)).filter(([s, e]) => s >= 0 && e - s === 3);
    expect(grams.map(([s, e]) => text.slice(s, e).toLowerCase())).toContain('hap');
    const words = Array.from({ length: fx.tokenCount }, (_, k) => text.slice(fx.tokenStarts[k], fx.tokenEnds[k]));
    expect(words).toEqual(['What', 'Happened', 'Next']);
  });
});

describe('clickbait training', () => {
  const rows: LabelledHeadline[] = [];
  for (let i = 0; i < 60; i++) {
    rows.push({ headline: `${i} Things You Won't Believe About Cats`, label: 1 });
    rows.push({ headline: `Council approves budget for district ${i}`, label: 0 });
  }

  it('produces a byte-identical model file from the same data', () => {
    const spec = { ...DEFAULT_SPEC, bits: 12 };
    const train = () => {
      const aug = withCaseVariants(rows, 0.3, 7).rows;
      const m = buildMatrix(aug, spec);
      const lw = trainLogistic(m, Int32Array.from(aug.keys()), 1 << spec.bits, {
        epochs: 3,
        learningRate: 0.5,
        l2: 1e-6,
        seed: 1,
      });
      const q = quantizeWeights(lw);
      return encodeModel({ spec, bias: lw.bias, scale: q.scale, weights: q.weights });
    };
    expect(train()).toEqual(train());
  });

  it('keeps a fixed share of headlines out of training', () => {
    expect(isHeldOut('Some headline')).toBe(isHeldOut('Some headline'));
    expect(headlineHash('Some headline')).toBe(headlineHash('Some headline'));
    const held = rows.filter((r) => isHeldOut(r.headline)).length;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(rows.length / 3);
  });
});
