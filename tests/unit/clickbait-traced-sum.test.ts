import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadShippedClickbait } from './shipped-clickbait';

const model = loadShippedClickbait();

const HEADLINES = [
  "You Won't Believe What This Dog Did Next",
  '21 Things Only People Who Grew Up In The 90s Will Understand',
  'Federal Reserve raises interest rates by a quarter point',
  'THIS IS INSANE!!! 😱 you need to see it',
  'Café owner   says “prices” will rise — again…',
  '',
  '😀 !!!',
];

describe('clickbait assess (what the detectors call)', () => {
  it('gives the same score and evidence as score() and explain() called one after the other', () => {
    for (const h of HEADLINES) {
      const a = model.assess(h, 3, 0.2);
      expect(a.score, h).toBe(model.score(h));
      expect(a.evidence, h).toEqual(a.score >= 0.2 ? model.explain(h, 3) : []);
    }
  });

  it('scores every feed title alike whether it sums the weights in place (scoring) or feature by feature (tracing)', () => {
    const titles = readFileSync(new URL('../data/feed-titles.tsv', import.meta.url), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t').pop()!.trim())
      .filter(Boolean);
    expect(titles.length).toBeGreaterThan(50);
    for (const t of [...titles, ...HEADLINES, ...titles.map((x) => x.toUpperCase())]) {
      for (const sentenceCase of [false, true]) expect(model.score(t, sentenceCase), t).toBe(model.assess(t, 0, 2, sentenceCase).score);
    }
  });

  it('explains only what reaches the minimum score', () => {
    const news = 'Parliament approves budget after overnight debate';
    expect(model.assess(news, 3, 0.99).evidence).toEqual([]);
    expect(model.assess("You Won't Believe What This Dog Did Next", 3, 0.2).evidence.length).toBeGreaterThan(0);
  });
});
