import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClickbaitModel } from '@/lib/core/clickbait/model';
import { checkModel, decodeModel, encodeModel } from '@/lib/core/clickbait/format';
import { binaryMetrics, isHeldOut, parseClickbaitTsv } from '@/lib/core/clickbait/train';
import { SHIPPED_CLICKBAIT_PATH as MODEL_PATH } from './shipped-clickbait';

const DEV_PATH = resolve(__dirname, '../../../shared/data/clickbait/dev.tsv');
const bytes = new Uint8Array(readFileSync(MODEL_PATH));
const model = loadClickbaitModel(bytes);

const CLICKBAIT = [
  "You Won't Believe What This Dog Did Next",
  '21 Things Only People Who Grew Up In The 90s Will Understand',
  "This Woman Tried To Eat Only Pizza For A Week And Here's What Happened",
  'Which Disney Princess Are You?',
  "17 Photos That Will Make You Say 'Nope'",
];
const NEWS = [
  'Federal Reserve raises interest rates by a quarter point',
  'Earthquake of magnitude 6.1 strikes off the coast of Japan',
  'Parliament approves budget after overnight debate',
  'Apple reports record quarterly revenue',
  'UN envoy meets rebel leaders in Geneva',
];

describe('shipped clickbait model file', () => {
  it('loads and stays within the 1 MB budget', () => {
    expect(bytes.length).toBeLessThanOrEqual(1_000_000);
    const decoded = decodeModel(bytes);
    expect(decoded.weights.length).toBe(1 << decoded.spec.bits);
    expect(Number.isFinite(decoded.scale) && decoded.scale > 0).toBe(true);
  });

  it('rejects bytes that are not a model instead of scoring garbage (where the file is read: the background)', () => {
    expect(() => checkModel(bytes)).not.toThrow();
    expect(() => checkModel(new Uint8Array(10))).toThrow();
    expect(() => checkModel(bytes.slice(0, bytes.length - 1))).toThrow(/truncated/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0;
    expect(() => checkModel(wrongMagic)).toThrow(/magic/);
    const wrongSize = bytes.slice();
    wrongSize[5] = 30;
    expect(() => checkModel(wrongSize)).toThrow(/table size/);
  });

  it('survives an encode/decode round trip byte for byte', () => {
    expect(encodeModel(decodeModel(bytes))).toEqual(bytes);
  });

  it('reads a copy at an unaligned offset of a larger buffer (as fetched bytes may be)', () => {
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const copy = loadClickbaitModel(padded.subarray(3));
    expect(copy.score(CLICKBAIT[0])).toBe(model.score(CLICKBAIT[0]));
  });
});

describe('clickbait scores', () => {
  it('scores obvious clickbait high', () => {
    for (const h of CLICKBAIT) expect(model.score(h), h).toBeGreaterThan(0.9);
  });

  it('scores plain news low', () => {
    for (const h of NEWS) expect(model.score(h), h).toBeLessThan(0.1);
  });

  it('still recognises clickbait wording without Title Case', () => {
    expect(model.score("you won't believe what this dog did next")).toBeGreaterThan(0.5);
    expect(model.score('Here is why your cat ignores you')).toBeGreaterThan(0.5);
  });

  it('gives a probability for any input and 0 when there are no words to judge', () => {
    for (const t of ['', '   ', '😀😀😀', '!!!', 'x'.repeat(5000), 'Ünïcödé Ⅻ İstanbul ﬁnance']) {
      const s = model.score(t);
      expect(s >= 0 && s <= 1, t).toBe(true);
    }
    expect(model.score('')).toBe(0);
    expect(model.score('😀 !!!')).toBe(0);
  });

  it('treats curly and straight quotes, and extra spaces, alike', () => {
    expect(model.score('You Won’t Believe   What Happened')).toBe(model.score("You Won't Believe What Happened"));
  });

  it.skipIf(!existsSync(DEV_PATH))('classifies the held-out part of dev.tsv with at least 98.5% accuracy', () => {
    const rows = parseClickbaitTsv(readFileSync(DEV_PATH, 'utf8')).filter((r) => isHeldOut(r.headline));
    expect(rows.length).toBeGreaterThan(3000);
    const m = binaryMetrics(
      rows.map((r) => (model.score(r.headline) > 0.5 ? 1 : 0)),
      rows.map((r) => r.label),
    );
    expect(m.accuracy).toBeGreaterThanOrEqual(0.985);
  });
});

describe('clickbait explanations', () => {
  it('quotes words and phrases of the headline that push towards clickbait', () => {
    const headline = "You Won't Believe What This Dog Did Next";
    const evidence = model.explain(headline);
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.length).toBeLessThanOrEqual(3);
    for (const phrase of evidence) expect(headline).toContain(phrase);
    expect(evidence.join(' ')).toMatch(/You|Believe|What/);
  });

  it('honours the maximum and gives nothing for an empty budget or empty text', () => {
    const headline = '21 Things Only People Who Grew Up In The 90s Will Understand';
    expect(model.explain(headline, 1)).toHaveLength(1);
    expect(model.explain(headline, 0)).toEqual([]);
    expect(model.explain('')).toEqual([]);
  });

  it('does not quote the same words twice and keeps phrases short', () => {
    const evidence = model.explain('This Woman Tried To Eat Only Pizza For A Week And Here Is What Happened', 5);
    const words = evidence.flatMap((p) => p.split(/\s+/));
    expect(new Set(words).size).toBe(words.length);
    for (const p of evidence) expect(p.split(/\s+/).length).toBeLessThanOrEqual(4);
  });

  it('leaves the score unchanged (explaining shares buffers with scoring)', () => {
    const before = model.score(NEWS[0]);
    model.explain(CLICKBAIT[1]);
    expect(model.score(NEWS[0])).toBe(before);
  });
});
