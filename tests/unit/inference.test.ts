import { describe, expect, it } from 'vitest';
import { inferTopics, inferenceTimeline } from '@/lib/core/inference/infer';
import { diversityReport, manipulationOverTime, platformTopicMix } from '@/lib/core/inference/platforms';
import type { LoggedDecision, Signal } from '@/lib/schema/log';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
let id = 0;
const sig = (type: Signal['type'], title: string, day: number, extra: Partial<Signal> = {}): Signal => ({
  id: ++id, ts: T0 + day * DAY, type, platform: 'youtube', itemId: `v${id}`, title, author: 'A', url: `https://www.youtube.com/watch?v=v${id}`, detail: '', ...extra,
});

const history: Signal[] = [
  sig('open', 'Rust ownership explained in 10 minutes', 0),
  sig('open', 'Why Rust beats C++ for embedded work', 1),
  sig('dwell', 'Async Rust: a deep dive', 2, { value: 5 * 60_000 }),
  sig('open', 'Sourdough starter from scratch', 3),
  sig('open', 'Sourdough shaping for beginners', 4),
  sig('hide-by-hand', 'Celebrity gossip roundup', 4),
  sig('less-like-this', 'More celebrity gossip you missed', 5),
  sig('open', 'Celebrity chef makes sourdough', 5),
  sig('search', '', 6, { detail: 'rust borrow checker', itemId: '' }),
];

describe('inferred user model', () => {
  it('infers recurring topics from what the user opened, watched and searched, with the items as evidence', () => {
    const topics = inferTopics(history, { now: T0 + 7 * DAY });
    const labels = topics.map((t) => t.topic);
    expect(labels[0]).toBe('rust');
    expect(labels).toContain('sourdough');
    const rust = topics[0];
    expect(rust.confidence).toBeGreaterThan(0.6);
    expect(rust.evidence.map((e) => e.title)).toContain('Rust ownership explained in 10 minutes');
    expect(rust.learnedAt).toBe(T0 + 1 * DAY);
  });

  it('does not infer what the user pushed away', () => {
    const topics = inferTopics(history, { now: T0 + 7 * DAY }).map((t) => t.topic);
    expect(topics).not.toContain('celebrity');
    expect(topics).not.toContain('gossip');
  });

  it('needs a topic to recur: one item is not an interest', () => {
    const topics = inferTopics([sig('open', 'Knitting a scarf', 0)], { now: T0 + DAY });
    expect(topics).toEqual([]);
  });

  it('never infers a rejected topic again, however much new evidence arrives', () => {
    const more = [...history, ...Array.from({ length: 20 }, (_, i) => sig('open', `Rust tip number ${i}`, 6))];
    const topics = inferTopics(more, { now: T0 + 7 * DAY, controls: { rejected: ['Rust'] } }).map((t) => t.topic);
    expect(topics).not.toContain('rust');
    expect(topics).toContain('sourdough');
  });

  it('forgetting drops the evidence so far; new evidence can teach it again', () => {
    const forgotten = { rust: T0 + 6.5 * DAY };
    expect(inferTopics(history, { now: T0 + 7 * DAY, controls: { forgotten } }).map((t) => t.topic)).not.toContain('rust');
    const later = [...history, sig('open', 'Rust 2.0 released', 8), sig('open', 'Rust in the Linux kernel', 9)];
    expect(inferTopics(later, { now: T0 + 10 * DAY, controls: { forgotten } }).map((t) => t.topic)).toContain('rust');
  });

  it('keeps pinned topics on top and leaves confirmed ones to the profile', () => {
    const topics = inferTopics(history, { now: T0 + 7 * DAY, controls: { pinned: ['sourdough'], confirmed: ['rust'] } });
    expect(topics[0]).toMatchObject({ topic: 'sourdough', pinned: true });
    expect(topics.map((t) => t.topic)).not.toContain('rust');
  });

  it('shows a pinned topic even from one item, now and in the timeline, where an unpinned one needs more', () => {
    const now = T0 + 7 * DAY;
    expect(inferTopics(history, { now }).map((t) => t.topic)).not.toContain('embedded');
    const pinned = inferTopics(history, { now, controls: { pinned: ['embedded'] } });
    expect(pinned[0]).toMatchObject({ topic: 'embedded', pinned: true });
    expect(inferenceTimeline(history, { now, controls: { pinned: ['embedded'] } }).some((e) => e.topic === 'embedded')).toBe(true);
  });

  it('old evidence fades', () => {
    const fresh = inferTopics(history, { now: T0 + 7 * DAY })[0];
    const stale = inferTopics(history, { now: T0 + 200 * DAY, minConfidence: 0 })[0];
    expect(stale.confidence).toBeLessThan(fresh.confidence);
  });

  it('shows how the model changed over time', () => {
    const events = inferenceTimeline(history, { now: T0 + 7 * DAY });
    const learnedRust = events.find((e) => e.topic === 'rust' && e.change === 'learned');
    expect(learnedRust).toBeTruthy();
    expect(events.find((e) => e.topic === 'sourdough')!.ts).toBeGreaterThan(learnedRust!.ts);
  });
});

const dec = (i: number, platform: LoggedDecision['platform'], title: string, action: LoggedDecision['action'], kinds: string[] = []): LoggedDecision => ({
  id: i, ts: T0 + (i % 3) * DAY, platform, itemId: `i${i}`, title, author: 'x', url: '', surface: 'home', action, score: 0.5, reordered: false,
  reasons: kinds.map((k) => ({ code: k, detail: '', source: 'rule' as const, kind: k as 'rage', evidence: [] })),
});

describe('what each platform pushes', () => {
  const log = [
    ...Array.from({ length: 12 }, (_, i) => dec(i, 'youtube', `Gaming setup tour ${i}`, 'show')),
    ...Array.from({ length: 6 }, (_, i) => dec(100 + i, 'youtube', `Politics outrage clip ${i}`, 'hide', ['rage'])),
    ...Array.from({ length: 10 }, (_, i) => dec(200 + i, 'reddit', `Gardening tomatoes ${i}`, 'show')),
  ];
  it('gives the topic mix per platform, words that always come together as one subject', () => {
    const mix = platformTopicMix(log);
    expect(mix.youtube.map((t) => [t.label, t.count])).toEqual([
      ['Gaming Setup Tour', 12],
      ['Politics Outrage Clip', 6],
    ]);
    expect(mix.reddit[0]).toMatchObject({ label: 'Gardening Tomatoes', count: 10, share: 1 });
  });

  it('joins a name written as two words, and keeps apart words that meet without being written together', () => {
    const titles = [
      ...['boss guide', 'speedrun', 'lore explained', 'review', 'patch notes', 'build'].map((rest) => `Elden Ring ${rest}`),
      'Onion ring recipe',
      ...['beginner', 'tricky', 'classic', 'fast', 'deadly'].map((w) => `Chess: ${w} openings`),
      ...['Marathon training', 'Marathon nutrition'],
    ];
    const mix = platformTopicMix(titles.map((t, i) => dec(i, 'youtube', t, 'show')));
    const labels = mix.youtube.map((t) => `${t.label} ${t.count}`);
    expect(labels[0]).toBe('Elden Ring 6');
    expect(labels).toEqual(expect.arrayContaining(['Chess 5', 'Openings 5', 'Marathon 2']));
    expect(labels.some((l) => /Ring|Elden/.test(l) && l !== 'Elden Ring 6')).toBe(false);
  });

  it('does not join a word that most often appears elsewhere', () => {
    const titles = [
      ...['boss guide', 'speedrun', 'lore'].map((rest) => `Elden Ring ${rest}`),
      ...['Onion ring recipe', 'Ring light setup', 'Ring doorbell review'],
    ];
    const labels = platformTopicMix(titles.map((t, i) => dec(i, 'youtube', t, 'show'))).youtube.map((t) => `${t.label} ${t.count}`);
    expect(labels.slice(0, 2)).toEqual(['Ring 6', 'Elden 3']);
  });

  it('gives the share of manipulative items per platform per day', () => {
    const pts = manipulationOverTime(log).filter((p) => p.platform === 'youtube');
    const total = pts.reduce((a, p) => a + p.total, 0);
    const bad = pts.reduce((a, p) => a + p.manipulative, 0);
    expect(total).toBe(18);
    expect(bad).toBe(6);
    expect(pts.every((p) => p.share >= 0 && p.share <= 1)).toBe(true);
  });
  it('warns when Parapet itself narrows what the user sees', () => {
    const varied = Array.from({ length: 40 }, (_, i) => dec(i, 'reddit', ['Chess openings', 'Cooking pasta', 'Hiking trails', 'Jazz piano'][i % 4] + ` ${i}`, i % 4 === 0 ? 'show' : 'hide'));
    const r = diversityReport(varied);
    expect(r.narrowing).toBe(true);
    expect(r.shown).toBeLessThan(r.recommended);
    const fair = diversityReport(varied.map((d) => ({ ...d, action: 'show' as const })));
    expect(fair.narrowing).toBe(false);
  });
});
