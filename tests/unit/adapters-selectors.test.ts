// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { hackernewsSelectorCounts, hackernewsSelectors } from '../../lib/adapters/hackernews.selectors';
import { redditSelectorCounts, redditSelectors } from '../../lib/adapters/reddit.selectors';
import type { SelectorTable } from '../../lib/adapters/types';
import { xSelectorCounts, xSelectors } from '../../lib/adapters/x.selectors';
import { youtubeSelectorCounts, youtubeSelectors } from '../../lib/adapters/youtube.selectors';
import { fixtureHtml, fixtureNames } from './adapters-fixture';

type Counts = Record<string, Record<string, number>>;
const tables: Record<string, [SelectorTable, Counts]> = {
  youtube: [youtubeSelectors, youtubeSelectorCounts],
  reddit: [redditSelectors, redditSelectorCounts],
  x: [xSelectors, xSelectorCounts],
  hackernews: [hackernewsSelectors, hackernewsSelectorCounts],
};

// Like refined-github's selector tests: every selector names the fixture pages it must match and how often,
// so a site redesign shows up as a failing count here rather than as a silently unfiltered feed.
describe.each(Object.entries(tables))('%s selectors', (platform, [table, counts]) => {
  const cases = Object.entries(table).flatMap(([name, css]) =>
    Object.entries(counts[name]).map(([file, count]) => ({ name, css, file, count })),
  );
  test.each(cases)('$name matches $count time(s) in $file', ({ css, file, count }) => {
    const doc = new DOMParser().parseFromString(fixtureHtml(file), 'text/html');
    expect(doc.querySelectorAll(css).length).toBe(count);
  });

  test('every selector is valid CSS and every named fixture exists', () => {
    const files = new Set(fixtureNames());
    expect(Object.keys(counts).sort()).toEqual(Object.keys(table).sort());
    for (const [name, css] of Object.entries(table)) {
      expect(() => document.querySelectorAll(css)).not.toThrow();
      for (const file of Object.keys(counts[name])) expect(files.has(file), file).toBe(true);
    }
  });

  test(`each ${platform} fixture is covered by at least one expectation`, () => {
    const named = new Set(Object.values(counts).flatMap((c) => Object.keys(c)));
    const own = fixtureNames().filter((f) => f.startsWith(`${platform}-`));
    expect(own.length).toBeGreaterThan(0);
    for (const f of own) expect(named.has(f), f).toBe(true);
  });
});
