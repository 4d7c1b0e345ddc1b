import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEC, FeatureExtractor, FeatureFlag } from '@/lib/core/clickbait/features';
import { loadShippedClickbait } from './shipped-clickbait';

// Every family that reads case, so that a difference in any of them shows.
const fx = new FeatureExtractor({ ...DEFAULT_SPEC, flags: DEFAULT_SPEC.flags | FeatureFlag.casedChars });
const features = (text: string, sentenceCase = false) =>
  Array.from(fx.slots.subarray(0, fx.extract(text, false, sentenceCase))).sort((a, b) => a - b);

describe('reading a headline written with every word capitalised in sentence case', () => {
  it('reads it as the same words with only the first capitalised', () => {
    for (const [written, sentence] of [
      ['How The Rust Borrow Checker Really Works', 'How the rust borrow checker really works'],
      ["Minecraft Survival Let's Play Episode 45", "Minecraft survival let's play episode 45"],
      ['I Built A Cabin In The Woods', 'I built a cabin in the woods'],
      // News style leaves the small words small; it is the same style.
      ['How the Rust Borrow Checker Really Works', 'How the rust borrow checker really works'],
      ['Приключения В Горах Кавказа', 'Приключения в горах кавказа'],
    ]) {
      expect(features(written, true), written).toEqual(features(sentence));
    }
  });

  it('keeps words in capitals, the word "I" and words cased on purpose', () => {
    for (const [written, sentence] of [
      ["You WON'T BELIEVE What Happened Next!!! (SHOCKING)", "You WON'T BELIEVE what happened next!!! (SHOCKING)"],
      ['Why I Switched To The New MacBook Pro M4 From An iPad', 'Why I switched to the new MacBook pro M4 from an iPad'],
      ['NASA Shows The James Webb Images', 'NASA shows the james webb images'],
    ]) {
      expect(features(written, true), written).toEqual(features(sentence));
    }
  });

  it('reads headlines in any other style exactly as written', () => {
    for (const title of [
      'How the Rust borrow checker really works',
      'I tried Rust for 30 days and THIS happened',
      'A quiet tour of a Japanese moss garden',
      'Rust vs Go in 2026',
      'DUNE PART TWO OFFICIAL TRAILER',
      '東京の夜景を歩く — 4K',
      '🔥🔥🔥 emoji flood 😂😂',
      '',
    ]) {
      expect(features(title, true), title).toEqual(features(title));
    }
  });

  it('quotes its evidence as the user sees the title', () => {
    const model = loadShippedClickbait();
    const title = "You Won't Believe What This Dog Did Next";
    const score = model.score(title, true);
    const evidence = model.explain(title, 3, true);
    expect(score).toBeGreaterThan(0.9);
    expect(evidence.length).toBeGreaterThan(0);
    for (const quote of evidence) expect(title).toContain(quote);
    expect(evidence.join(' ')).toMatch(/[A-Z]/);
  });

  it('takes odd text in its stride', () => {
    const model = loadShippedClickbait();
    for (const title of [
      'Extremely Long Title '.repeat(500),
      '<img src=x onerror="alert(1)"> Title With Markup',
      'مرحبا بالعالم RTL Mixed Zero\u200bWidth\u200d Joined Words',
      'İstanbul Gezisi İçin En İyi Yerler',
    ]) {
      const score = model.score(title, true);
      const evidence = model.explain(title, 3, true);
      expect(score, title.slice(0, 30)).toBeGreaterThanOrEqual(0);
      expect(score, title.slice(0, 30)).toBeLessThanOrEqual(1);
      for (const quote of evidence) expect(title).toContain(quote);
    }
  });
});
