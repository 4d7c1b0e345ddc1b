// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { hackernewsSelectors } from '../../lib/adapters/hackernews.selectors';
import { redditSelectors } from '../../lib/adapters/reddit.selectors';
import type { SelectorTable } from '../../lib/adapters/types';
import { xSelectors } from '../../lib/adapters/x.selectors';
import { youtubeSelectors } from '../../lib/adapters/youtube.selectors';
import { fixtureHtml, fixtureNames } from './adapters-fixture';

const tables: Record<string, SelectorTable> = {
  youtube: youtubeSelectors,
  reddit: redditSelectors,
  x: xSelectors,
  hackernews: hackernewsSelectors,
};

// Like refined-github's selector tests: every selector names the fixture pages it must match and how often,
// so a site redesign shows up as a failing count here rather than as a silently unfiltered feed.
describe.each(Object.entries(tables))('%s selectors', (platform, table) => {
  const cases = Object.entries(table).flatMap(([name, spec]) =>
    Object.entries(spec.expect).map(([file, count]) => ({ name, css: spec.css, file, count })),
  );
  test.each(cases)('$name matches $count time(s) in $file', ({ css, file, count }) => {
    const doc = new DOMParser().parseFromString(fixtureHtml(file), 'text/html');
    expect(doc.querySelectorAll(css).length).toBe(count);
  });

  test('every selector is valid CSS and every named fixture exists', () => {
    const files = new Set(fixtureNames());
    for (const spec of Object.values(table)) {
      expect(() => document.querySelectorAll(spec.css)).not.toThrow();
      for (const file of Object.keys(spec.expect)) expect(files.has(file), file).toBe(true);
    }
  });

  test(`each ${platform} fixture is covered by at least one expectation`, () => {
    const named = new Set(Object.values(table).flatMap((s) => Object.keys(s.expect)));
    const own = fixtureNames().filter((f) => f.startsWith(`${platform}-`));
    expect(own.length).toBeGreaterThan(0);
    for (const f of own) expect(named.has(f), f).toBe(true);
  });
});
