// Issue 24: the fast tier skips what a profile gives it nothing to look for (no rules, avoid-topics or interests:
// no pass of the matcher; nothing kept by author: no folding of the author's name), and stops reading a headline for
// repeated words once they cannot make up half of it. None of that may change a decision.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeContext } from '@/lib/core/detectors/rules';
import { isRepetition } from '@/lib/core/detectors/clickbait-scope';
import { sameWord } from '@/lib/core/detectors/tokens';
import { loadShippedDetectors } from '@/lib/core/detectors/shipped-learned';
import { compileProfile, decide } from '@/lib/core/shield';
import { FEED_PLATFORMS } from '@/lib/schema/constants';
import type { FeedItem } from '@/lib/schema/item';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { loadShippedClickbait } from './shipped-clickbait';

const clickbait = loadShippedClickbait();
const detectors = loadShippedDetectors();

/** Every text of the detector and feed-title files, on every feed, by authors written as the sites write them. */
function items(): FeedItem[] {
  const texts: string[] = [];
  for (const file of ['detectors.tsv', 'detectors-languages.tsv', 'feed-titles.tsv']) {
    const lines = readFileSync(resolve(__dirname, '../data', file), 'utf8').split(/\r?\n/).slice(1);
    for (const l of lines) if (l.trim()) texts.push(l.split('\t').slice(2).join('\t'));
  }
  const authors = ['Drama Central', 'pg', 'Mark Rober', '@NewsDesk', 'u/someone', 'ÉLODIE Tech', ''];
  const kinds = { youtube: 'video', reddit: 'post', x: 'tweet', hackernews: 'story' } as const;
  return texts.flatMap((text, i) =>
    FEED_PLATFORMS.map((platform, p) => ({
      platform,
      id: `${platform}-${i}`,
      url: `https://example.com/${i}`,
      title: p % 2 === 0 ? text : text.slice(0, 80),
      text: p % 2 === 0 ? '' : text,
      author: authors[(i + p) % authors.length],
      kind: kinds[platform],
      promoted: i % 17 === 0,
      promotedMarkers: [],
      surface: 'home',
      domain: i % 3 === 0 ? '' : 'example.com',
    })),
  );
}

describe('a profile with nothing to look for', () => {
  it('decides every item as one whose rules, blocked names, exceptions and "less like this" match nothing', () => {
    const plain: Profile = defaultProfile(0);
    // What the plain profile skips, made to run: a rule, an avoid-topic and an interest whose words occur in no item,
    // and a blocked name, an exception and a "less like this" of an author who writes none.
    const busy: Profile = {
      ...plain,
      rules: [{ id: 'r1', kind: 'keyword', pattern: 'zqxjvw', action: 'hide', enabled: true, platforms: [] }],
      avoidTopics: [{ id: 'a1', label: 'qqzzyx', keywords: [], exclude: [] }],
      interests: [{ id: 'i1', label: 'xxvvqq', weight: 0.8, keywords: [], exclude: [] }],
      blockedAuthors: FEED_PLATFORMS.map((platform) => ({ platform, name: 'Nobody Writes Here' })),
      exceptions: FEED_PLATFORMS.map((platform, k) => ({ id: `e${k}`, type: 'author' as const, platform, author: 'nobody-at-all', createdAt: 0 })),
      lessLike: FEED_PLATFORMS.map((platform, k) => ({ id: `l${k}`, platform, author: 'Nobody Writes Here', subject: ['zzz'], itemId: 'x', title: 'zzz', createdAt: 0 })),
    };
    const all = items();
    expect(all.length).toBeGreaterThan(3000);
    let acted = 0;
    for (const platform of [...FEED_PLATFORMS, undefined]) {
      const a = compileProfile(plain, { clickbait, detectors, platform });
      const b = compileProfile(busy, { clickbait, detectors, platform });
      for (const item of all) {
        if (platform && item.platform !== platform) continue;
        const d = decide(a, item);
        expect(d, `${item.platform} ${item.title}`).toEqual(decide(b, item));
        if (d.action !== 'show') acted++;
      }
    }
    // The comparison was between decisions that did something, not between items shown alike.
    expect(acted).toBeGreaterThan(500);
  });
});

describe('a headline read for repeated words', () => {
  /** isRepetition as written before it stopped early: every word counted. */
  function readToTheEnd(text: string): boolean {
    const ctx = makeContext(text);
    const tokens = ctx.tokens;
    let n = 0;
    let repeats = 0;
    for (let i = 0; i < tokens.count && tokens.starts[i] < text.length + 1; i++, n++) {
      if ((i > 0 && sameWord(tokens, i, i - 1)) || (i > 1 && sameWord(tokens, i, i - 2))) repeats++;
    }
    return n >= 4 && 2 * repeats >= n;
  }

  it('is read as one said over and over exactly when every word counted says so', () => {
    const words = ['spam', 'word', 'eggs', 'go'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let repeated = 0;
    for (let k = 0; k < 5000; k++) {
      const length = 1 + Math.floor(next() * 14);
      const text = Array.from({ length }, () => words[Math.floor(next() * (1 + Math.floor(next() * words.length)))]).join(' ');
      const want = readToTheEnd(text);
      expect(isRepetition(makeContext(text), text.length + 1), text).toBe(want);
      if (want) repeated++;
    }
    expect(repeated).toBeGreaterThan(500);
  });
});
