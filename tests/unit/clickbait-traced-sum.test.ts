import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeatureExtractor } from '@/lib/core/clickbait/features';
import { decodeModel } from '@/lib/core/clickbait/format';
import { loadShippedClickbait, SHIPPED_CLICKBAIT_PATH } from './shipped-clickbait';

const model = loadShippedClickbait();
const file = decodeModel(new Uint8Array(readFileSync(SHIPPED_CLICKBAIT_PATH)));

const HEADLINES = [
  "You Won't Believe What This Dog Did Next",
  '21 Things Only People Who Grew Up In The 90s Will Understand',
  'Federal Reserve raises interest rates by a quarter point',
  'THIS IS INSANE!!! 😱 you need to see it',
  'Café owner   says “prices” will rise — again…',
  '',
  '😀 !!!',
];

/** The probability from a traced extraction, which reads each feature's weight one by one (as explain() does). */
function tracedScore(text: string, sentenceCase: boolean): number {
  const fx = new FeatureExtractor(file.spec);
  fx.useWeights(file.weights);
  const count = fx.extract(text, true, sentenceCase);
  if (count === 0 || fx.tokenCount === 0) return 0;
  return 1 / (1 + Math.exp(-(file.bias + (fx.weightSum * file.scale) / Math.sqrt(count))));
}

describe('clickbait scoring', () => {
  it('scores every feed title alike whether it sums the weights in place (scoring) or feature by feature (tracing)', () => {
    const titles = readFileSync(new URL('../data/feed-titles.tsv', import.meta.url), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t').pop()!.trim())
      .filter(Boolean);
    expect(titles.length).toBeGreaterThan(50);
    for (const t of [...titles, ...HEADLINES, ...titles.map((x) => x.toUpperCase())]) {
      for (const sentenceCase of [false, true]) expect(model.score(t, sentenceCase), t).toBe(tracedScore(t, sentenceCase));
    }
  });

  it('gives text without a word no score, and explains it with nothing', () => {
    for (const t of ['', '😀 !!!', '   ']) {
      expect(model.score(t)).toBe(0);
      expect(model.explain(t)).toEqual([]);
    }
  });
});
