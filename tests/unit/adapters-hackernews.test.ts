// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { toFeedItem } from '../../lib/adapters/feed-item';
import { hackernewsAdapter as hn } from '../../lib/adapters/hackernews';
import { loadFixture } from './adapters-fixture';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});
function open(file: string, url = 'https://news.ycombinator.com/') {
  const page = loadFixture(file, url);
  close = page.close;
  return page;
}
const read = (root: Element) => {
  const input = hn.readItem(root, 'front');
  return input ? toFeedItem(input) : null;
};

test('front page stories with their subtext rows; the job ad is the promoted slot', () => {
  const { doc } = open('hackernews-front.html');
  const roots = hn.findItems(doc);
  expect(roots).toHaveLength(8);
  const items = roots.map((r) => read(r)!);
  expect(items[0]).toMatchObject({
    id: '42000001',
    title: 'Rust 1.95 released',
    author: 'steveklabnik',
    domain: 'blog.rust-lang.org',
    url: 'https://blog.rust-lang.org/2026/11/20/Rust-1.95.html',
    kind: 'story',
  });
  expect(items.filter((i) => i.promoted).map((i) => [i.id, i.kind, i.promotedMarkers[0]])).toEqual([['42000004', 'ad', 'hn-job-ad']]);
  expect(items[4]).toMatchObject({ url: 'https://news.ycombinator.com/item?id=42000005', domain: '' });
  expect(items[4].title).toContain('<script>alert(1)</script>');
  expect(hn.extraParts!(roots[0]).map((r) => r.className || 'subtext-row')).toEqual(['subtext-row', 'spacer']);
});

test('the subtext row maps to its story, and a story is unreadable until its subtext is parsed', () => {
  const { doc } = open('hackernews-front.html');
  const story = doc.getElementById('42000001')!;
  const sub = story.nextElementSibling!;
  expect(hn.itemRoot(sub.querySelector('.hnuser')!)).toBe(story);
  sub.remove();
  expect(read(story)).toBeNull();
});

test('news?p=2 is a front page; item pages are not feeds', () => {
  expect(hn.surface(new URL('https://news.ycombinator.com/news?p=2'))).toBe('front');
  expect(hn.surface(new URL('https://news.ycombinator.com/item?id=1'))).toBeNull();
});

test('appended stories are found', () => {
  const { doc, fixture } = open('hackernews-front.html');
  fixture.loadMore(3);
  const items = hn.findItems(doc).map((r) => read(r)!);
  expect(items.map((i) => i.title).slice(-3)).toEqual(['Story loaded on scroll 1', 'Story loaded on scroll 2', 'Story loaded on scroll 3']);
  expect(doc.querySelector('a.morelink')).not.toBeNull();
});

test('renamed rows: nothing found, the table is there', () => {
  const { doc } = open('hackernews-broken.html');
  expect(hn.findItems(doc)).toHaveLength(0);
  expect(hn.feedContainer(doc, 'front')!.childElementCount).toBeGreaterThanOrEqual(3);
});

test('a front page without #bigbox or table.itemlist: the feed container is the stories\' own table', () => {
  const { doc } = open('hackernews-no-bigbox.html');
  expect(hn.findItems(doc).map((r) => read(r)!.id)).toEqual(['42300001', '42300002', '42300003', '42300004', '42300005']);
  const container = hn.feedContainer(doc, 'front');
  expect(container).not.toBeNull();
  expect(container!.querySelectorAll(':scope > tr.athing')).toHaveLength(5);
  expect(container!.contains(doc.querySelector('a.morelink'))).toBe(true);
});
