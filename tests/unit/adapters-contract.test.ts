// @vitest-environment happy-dom
// The contract every adapter keeps on every fixture page, old and new: each item it reads has a title, an id that
// is the site's own key for it (the same on a second reading, never shared by two items of the page) and, where
// the site shows one, its author. Rules on channels and titles, and "Hide this" on the next visit, rest on these.
import { afterEach, describe, expect, test } from 'vitest';
import { toFeedItem } from '../../lib/adapters/feed-item';
import { hackernewsAdapter } from '../../lib/adapters/hackernews';
import { redditAdapter } from '../../lib/adapters/reddit';
import type { Adapter } from '../../lib/adapters/types';
import { xAdapter } from '../../lib/adapters/x';
import { youtubeAdapter } from '../../lib/adapters/youtube';
import type { FeedItem } from '../../lib/schema/item';
import { fixtureNames, loadFixture } from './adapters-fixture';

/** Where each fixture page lives on its site, and the shape of the site's own keys for what is not an ad. */
const SITES: Array<{ prefix: string; adapter: Adapter; url: (file: string) => string; key: RegExp }> = [
  {
    prefix: 'youtube-',
    adapter: youtubeAdapter,
    url: (f) => (f.includes('watch') ? 'https://www.youtube.com/watch?v=nowPlaying1' : f.includes('search') ? 'https://www.youtube.com/results?search_query=rust' : 'https://www.youtube.com/'),
    // a video id, a playlist's list id, a Shorts shelf by its first short
    key: /^(?:[\w-]{11}|PL[\w-]{10,}|shorts-shelf-[\w-]{11})$/,
  },
  { prefix: 'reddit-', adapter: redditAdapter, url: (f) => (f.includes('old') ? 'https://old.reddit.com/' : 'https://www.reddit.com/'), key: /^t3_\w+$/ },
  { prefix: 'x-', adapter: xAdapter, url: () => 'https://x.com/home', key: /^\d{1,30}$/ },
  { prefix: 'hackernews-', adapter: hackernewsAdapter, url: () => 'https://news.ycombinator.com/', key: /^\d{1,20}$/ },
];

/** Items whose page names no author: ads, Shorts shelves (many channels), and the fixtures' deliberate cases. */
const NO_AUTHOR_SHOWN = new Set(['noChannel01']);
const authorShown = (i: FeedItem) => i.kind !== 'ad' && !i.id.startsWith('shorts-shelf-') && !NO_AUTHOR_SHOWN.has(i.id);

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe.each(fixtureNames())('%s', (file) => {
  const site = SITES.find((s) => file.startsWith(s.prefix))!;

  test('every item has a title, its own stable id and, where the page shows one, its author', () => {
    expect(site, `no site for ${file}`).toBeDefined();
    const page = loadFixture(file, site.url(file));
    close = page.close;
    const { adapter } = site;
    const surface = adapter.surface(new URL(page.doc.location.href)) ?? 'other';
    const readRoot = (r: Element) => {
      const input = adapter.readItem(r, adapter.itemSurface?.(r) ?? surface);
      return input ? toFeedItem(input) : null;
    };
    const roots = adapter.findItems(page.doc);
    const items = roots.map(readRoot).filter((i): i is FeedItem => i !== null);
    const problems: string[] = [];
    for (const item of items) {
      const who = `${item.id} (${item.title.slice(0, 40)})`;
      if (!item.title.trim()) problems.push(`${who}: no title`);
      if (!item.promoted && !site.key.test(item.id)) problems.push(`${who}: not the site's own key`);
      if (authorShown(item) && !item.author.trim()) problems.push(`${who}: no author`);
    }
    const ids = items.map((i) => i.id);
    for (const id of new Set(ids)) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`${id}: read twice`);
    // Stable: the same element reads as the same item again (ads too: their number stays with the element).
    expect(roots.map(readRoot).map((i) => i?.id ?? null)).toEqual(roots.map(readRoot).map((i) => i?.id ?? null));
    expect(problems).toEqual([]);
    if (!file.includes('broken')) expect(items.length).toBeGreaterThan(0);
  });

  test('item roots never nest: what lands inside an item is that item (the page watcher searches nothing more)', () => {
    const page = loadFixture(file, site.url(file));
    close = page.close;
    const roots = site.adapter.findItems(page.doc);
    const nested = roots.filter((r) => roots.some((other) => other !== r && other.contains(r)));
    expect(nested.map((r) => r.outerHTML.slice(0, 80))).toEqual([]);
    for (const root of roots) for (const el of root.querySelectorAll('*')) expect(site.adapter.findItems(el).every((x) => x === root)).toBe(true);
  });
});
