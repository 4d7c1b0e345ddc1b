// @vitest-environment happy-dom
// The hold's stylesheet: while the document carries the hold's attribute, every item a feed adapter finds, and the
// rows that belong to it, are kept unseen by the sheet alone (the runner neither watches nor marks the page then);
// without the attribute the sheet keeps nothing unseen. Its selectors are the adapters' own.
import { describe, expect, it } from 'vitest';
import { hackernewsAdapter } from '@/lib/adapters/hackernews';
import { hackernewsSelectors } from '@/lib/adapters/hackernews.selectors';
import { redditAdapter } from '@/lib/adapters/reddit';
import { redditCandidates, redditSelectors } from '@/lib/adapters/reddit.selectors';
import type { Adapter } from '@/lib/adapters/types';
import { xAdapter } from '@/lib/adapters/x';
import { xSelectors } from '@/lib/adapters/x.selectors';
import { youtubeAdapter } from '@/lib/adapters/youtube';
import { youtubeCandidates } from '@/lib/adapters/youtube.selectors';
import { HOLD_ATTR } from '@/lib/shield-runtime/runner';
import { loadFixture } from './adapters-fixture';
import { HOLD_SELECTORS, heldBySheet } from './hold-sheet';

const SITES: Array<[string, string, Adapter]> = [
  ['hackernews-front.html', 'https://news.ycombinator.com/', hackernewsAdapter],
  ['hackernews-no-bigbox.html', 'https://news.ycombinator.com/', hackernewsAdapter],
  ['youtube-home-2025.html', 'https://www.youtube.com/', youtubeAdapter],
  ['youtube-watch-2025.html', 'https://www.youtube.com/watch?v=abcdefghijk', youtubeAdapter],
  ['x-video-ads.html', 'https://x.com/home', xAdapter],
  ['youtube-home.html', 'https://www.youtube.com/', youtubeAdapter],
  ['youtube-watch.html', 'https://www.youtube.com/watch?v=abcdefghijk', youtubeAdapter],
  ['youtube-search.html', 'https://www.youtube.com/results?search_query=x', youtubeAdapter],
  ['reddit-home.html', 'https://www.reddit.com/', redditAdapter],
  ['reddit-old.html', 'https://old.reddit.com/', redditAdapter],
  ['x-home.html', 'https://x.com/home', xAdapter],
];

describe("the hold's stylesheet", () => {
  it("lists each adapter's item selectors, under the hold's attribute on the document", () => {
    const story = hackernewsSelectors.story;
    const expected = [
      // Hacker News: a story's row, its subtext row and the spacer under it.
      ...[story, `${story} + tr`, `${story} + tr + tr.spacer`],
      ...youtubeCandidates.split(', '),
      // Reddit: a post's article, and old Reddit's clearing row after a thing.
      ...redditCandidates.split(', '),
      `${redditSelectors.feed} > article`,
      `${redditSelectors.oldThing} + .clearleft`,
      xSelectors.cell,
    ];
    expect(HOLD_SELECTORS).toEqual(expected.map((s) => `html[${HOLD_ATTR}] ${s}`));
  });

  for (const [file, url, adapter] of SITES) {
    it(`keeps every item of ${file} and its rows unseen while the document carries the attribute, nothing after`, () => {
      const page = loadFixture(file, url, { scripts: false });
      try {
        const roots = adapter.findItems(page.doc);
        expect(roots.length).toBeGreaterThan(0);
        const parts = roots.flatMap((r) => [r, ...(adapter.extraParts?.(r) ?? [])]);
        // Held: the part itself or an element around it inside the item (visibility is inherited).
        const held = (el: Element) => {
          for (let e: Element | null = el; e && e !== page.doc.documentElement; e = e.parentElement) if (heldBySheet(e)) return true;
          return false;
        };
        page.doc.documentElement.setAttribute(HOLD_ATTR, '');
        for (const p of parts) expect(held(p), `${p.localName}#${p.id}`).toBe(true);
        page.doc.documentElement.removeAttribute(HOLD_ATTR);
        expect(page.doc.querySelectorAll('*').length).toBeGreaterThan(0);
        expect([...page.doc.querySelectorAll('*')].filter(heldBySheet)).toEqual([]);
      } finally {
        page.close();
      }
    });
  }
});
