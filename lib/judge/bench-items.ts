import type { Decision } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import { FEED_PLATFORMS } from '../schema/common';

/** Feed-like items for benchmarks (the in-extension page and scripts/bench-judge.ts): headline-length titles,
 * a short text, realistic platform mix. Deterministic, so runs compare. */
const TITLES = [
  'You Won\'t Believe What This Dog Did Next',
  'Rust 1.90 released with faster incremental builds',
  'Why everyone is suddenly furious about the new tax rules',
  'I tried the 5am routine for 30 days: here is what happened',
  'A gentle introduction to WebGPU compute shaders',
  'LAST CHANCE: this deal ends tonight, 80% off',
  'The city council votes on the new bike lanes tomorrow',
  '10 things only 90s kids will understand',
  'How SQLite handles concurrent writers, explained',
  'This one trick will fix your sleep forever',
  'Show HN: a tiny static site generator in 300 lines',
  'Scientists discover a new species of deep-sea octopus',
  'Use my code SAVE20 for this amazing VPN',
  'They laughed at him. Then he did THIS',
  'Notes on running a local language model in the browser',
  'Market crash incoming? What the experts are not telling you',
];
const TEXTS = ['', 'A longer look at the details, with examples and numbers from the last release.', 'Thread. 1/12', 'Sponsored by our friends at a company you have heard of.'];

export function benchItems(n: number): { items: FeedItem[]; fast: Decision[] } {
  const items: FeedItem[] = [];
  const fast: Decision[] = [];
  for (let i = 0; i < n; i++) {
    const platform = FEED_PLATFORMS[i % FEED_PLATFORMS.length];
    const item: FeedItem = {
      platform,
      id: `bench-${i}`,
      url: `https://example.invalid/${i}`,
      title: `${TITLES[i % TITLES.length]}${i >= TITLES.length ? ` (${Math.floor(i / TITLES.length)})` : ''}`,
      author: `author ${i % 7}`,
      kind: platform === 'youtube' ? 'video' : platform === 'x' ? 'tweet' : platform === 'hackernews' ? 'story' : 'post',
      promoted: false,
      promotedMarkers: [],
      text: TEXTS[i % TEXTS.length],
      surface: 'home',
      domain: '',
    };
    items.push(item);
    fast.push({ platform, itemId: item.id, action: 'show', reasons: [], score: 0.5, uncertain: true });
  }
  return { items, fast };
}
