// A tab of a site whose items are never read as posts (Hacker News, YouTube) is sent the learned detectors without
// the post head (lib/background/page-models.ts): it must flag and score its items exactly as with the whole file.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildDetectorRules, detectAll } from '@/lib/core/detectors';
import { SHIPPED_TABLES } from '@/lib/core/detectors/shipped';
import { SHIPPED_LEARNED_PATH } from '@/lib/core/detectors/shipped-learned';
import { decodeLearned, learnedFor, LEARNED_KINDS, packLearned } from '@/lib/core/detectors/learned-format';
import { FeedItem } from '@/lib/schema/item';
import { FEED_PLATFORMS } from '@/lib/schema/constants';
import { loadShippedClickbait } from './shipped-clickbait';

const whole = new Uint8Array(readFileSync(SHIPPED_LEARNED_PATH));
const clickbait = loadShippedClickbait();
const TITLES = [
  "These clowns at city hall think we're too stupid to notice. Absolute parasites.",
  'Only 2 hours left: grab the deal before it is gone forever',
  'Comment YES if you agree and share with everyone you know',
  'Use my code SAVE20 for 20% off at checkout',
  "You won't believe what this one weird compiler trick does",
  'Rust 1.95 released',
];

describe('the learned detectors a tab is sent', () => {
  it('are the whole file for X and Reddit, and the rule heads alone elsewhere', () => {
    for (const feed of FEED_PLATFORMS) {
      const cut = learnedFor(whole, feed);
      const heads = feed === 'x' || feed === 'reddit' ? LEARNED_KINDS.length : LEARNED_KINDS.length - 1;
      expect(decodeLearned(cut).length, feed).toBe(heads);
    }
    expect(learnedFor(whole, null)).toBe(whole);
  });

  it('flag every item of every site as the whole file does', () => {
    const full = buildDetectorRules(SHIPPED_TABLES, packLearned(whole));
    for (const platform of FEED_PLATFORMS) {
      const sent = buildDetectorRules(SHIPPED_TABLES, packLearned(learnedFor(whole, platform)));
      for (const [i, title] of TITLES.entries()) {
        const item = FeedItem.parse({ platform, id: `t${i}`, title });
        expect(detectAll(item, { clickbait, rules: sent }), `${platform}: ${title}`).toEqual(detectAll(item, { clickbait, rules: full }));
      }
    }
  });
});
