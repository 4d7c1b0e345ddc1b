// The clickbait model's fast feature extraction against the obvious one (tests/reference/clickbait-features.ts):
// the same feature slots, the same words, and, with the shipped weights, the same score sum, whether scoring,
// tracing or reading a text in sentence case; on the bench's items and on odd text, with the shipped families
// and with every family on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeatureExtractor, type FeatureSpec } from '@/lib/core/clickbait/features';
import { decodeModel } from '@/lib/core/clickbait/format';
import { buildItems, buildLargeProfile, readHeadlines } from '../../scripts/bench-core';
import { referenceFeatures } from '../reference/clickbait-features';
import { oddTexts } from '../reference/odd-text';
import { SHIPPED_CLICKBAIT_PATH } from './shipped-clickbait';

const shipped = decodeModel(new Uint8Array(readFileSync(SHIPPED_CLICKBAIT_PATH)));

/** The texts where the two differ, with what differs (none when they agree). */
function disagreements(spec: FeatureSpec, weights: Int8Array, texts: readonly string[]): string[] {
  const plain = new FeatureExtractor(spec);
  const scoring = new FeatureExtractor(spec);
  scoring.useWeights(weights);
  const out: string[] = [];
  for (const text of texts) {
    for (const sentenceCase of [false, true]) {
      const want = referenceFeatures(text, spec, sentenceCase);
      const wantSum = want.slots.reduce((s, slot) => s + weights[slot], 0);
      const diff: string[] = [];
      const count = plain.extract(text, true, sentenceCase);
      const slots = Array.from(plain.slots.subarray(0, count)).sort((a, b) => a - b);
      if (JSON.stringify(slots) !== JSON.stringify(want.slots)) diff.push(`slots (${count} vs ${want.slots.length})`);
      const words = Array.from({ length: plain.tokenCount }, (_, k) => [plain.tokenStarts[k], plain.tokenEnds[k]]);
      if (JSON.stringify(words) !== JSON.stringify(want.words)) diff.push(`words ${JSON.stringify(words)} vs ${JSON.stringify(want.words)}`);
      for (const trace of [false, true]) {
        const n = scoring.extract(text, trace, sentenceCase);
        if (n !== want.slots.length || scoring.weightSum !== wantSum) diff.push(`${trace ? 'traced' : 'scored'} ${n} features summing ${scoring.weightSum} vs ${want.slots.length} summing ${wantSum}`);
      }
      if (diff.length > 0) out.push(`${JSON.stringify(text)}${sentenceCase ? ' (sentence case)' : ''}: ${diff.join('; ')}`);
    }
  }
  return out;
}

/** Every family, other n-gram lengths, and weights that are not the shipped ones. */
const ALL: FeatureSpec = { bits: 12, flags: 127, charMin: 2, charMax: 4 };
const allWeights = Int8Array.from({ length: 1 << ALL.bits }, (_, i) => ((i * 2654435761) >>> 24) - 128);

describe('the fast clickbait features agree with the reference', () => {
  const headlines = readHeadlines();
  const items = buildItems(headlines, buildLargeProfile(headlines), 2000);
  const odd = oddTexts(17, 1500, 20);

  it("on the bench's items, with the shipped model", () => {
    expect(disagreements(shipped.spec, shipped.weights, items.map((it) => it.title))).toEqual([]);
  });

  it('on odd text, with the shipped model', () => {
    expect(disagreements(shipped.spec, shipped.weights, odd)).toEqual([]);
  });

  it('with every feature family on, on both', () => {
    expect(disagreements(ALL, allWeights, [...items.slice(0, 500).map((it) => it.title), ...odd.slice(0, 500)])).toEqual([]);
  });
});
