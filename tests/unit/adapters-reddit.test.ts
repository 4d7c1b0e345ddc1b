// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { toFeedItem } from '../../lib/adapters/feed-item';
import { redditAdapter as rd } from '../../lib/adapters/reddit';
import { loadFixture } from './adapters-fixture';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});
function open(file: string, url: string) {
  const page = loadFixture(file, url);
  close = page.close;
  return page;
}
const read = (root: Element, surface = 'home') => toFeedItem(rd.readItem(root, surface)!);

describe('Reddit, current UI', () => {
  test('reads posts from shreddit-post attributes; the article is the unit marked and moved', () => {
    const { doc } = open('reddit-home.html', 'https://www.reddit.com/');
    expect(rd.surface(new URL(doc.location.href))).toBe('home');
    const roots = rd.findItems(doc);
    expect(roots).toHaveLength(8);
    const items = roots.map((r) => read(r)!);
    expect(items.map((i) => i.id)).toEqual(['t3_1h0aaa1', 't3_ad1', 't3_1h0aaa2', 't3_1h0aaa3', 't3_1h0aaa4', 't3_1h0aaa5', 't3_1h0aaa6', 't3_1h0aaa7']);
    expect(roots[0].localName).toBe('article');
    expect(items[0]).toMatchObject({
      title: 'Rust 1.95 released with faster compile times',
      author: 'rustacean_dev',
      domain: 'blog.rust-lang.org',
      url: 'https://www.reddit.com/r/rust/comments/1h0aaa1/post/',
      kind: 'post',
      promoted: false,
    });
    expect(items[3].text).toContain('<script>alert(1)</script>');
    expect(items[7].text.length).toBe(3000);
  });

  test('both kinds of ads: a shreddit-ad-post and a post with the promoted attribute', () => {
    const { doc } = open('reddit-home.html', 'https://www.reddit.com/');
    const ads = rd.findItems(doc).map((r) => read(r)!).filter((i) => i.promoted);
    expect(ads.map((a) => [a.id, a.promotedMarkers[0], a.kind])).toEqual([
      ['t3_ad1', 'shreddit-ad-post', 'ad'],
      ['t3_1h0aaa5', 'promoted', 'ad'],
    ]);
  });

  test('posts loaded on scroll replace the load-after partial and are found', () => {
    const { doc, fixture } = open('reddit-home.html', 'https://www.reddit.com/');
    fixture.loadMore(5, { adEvery: 5 });
    const items = rd.findItems(doc).map((r) => read(r)!);
    expect(items).toHaveLength(13);
    expect(items.slice(-5).map((i) => i.id)).toEqual(['t3_more001', 't3_more002', 't3_more003', 't3_more004', 't3_more005']);
    expect(items.at(-1)!.promoted).toBe(true);
    expect(doc.querySelectorAll('faceplate-partial[slot="load-after"]')).toHaveLength(1);
    expect(rd.canReorder('home')).toBe(true);
  });

  test('a redesigned post element: nothing found, feed container present', () => {
    const { doc } = open('reddit-broken.html', 'https://www.reddit.com/');
    expect(rd.findItems(doc)).toHaveLength(0);
    expect(rd.feedContainer(doc, 'home')!.childElementCount).toBeGreaterThanOrEqual(3);
  });

  test("puts a plain post's menu button before the post's own menu, at the end of its credit bar", () => {
    const { doc } = open('reddit-home.html', 'https://www.reddit.com/');
    const roots = rd.findItems(doc).filter((x) => x.localName === 'article');
    expect(roots.length).toBeGreaterThan(3);
    for (const root of roots) {
      const slot = rd.menuSlot!(root)!;
      expect(slot.before!.matches('shreddit-async-loader[bundlename="shreddit_post_overflow_menu"]')).toBe(true);
      expect(slot.parent.closest('[slot="credit-bar"]')).not.toBeNull();
    }
  });

  test("lays a plain ad's menu button over the end of its last line: an ad has no credit bar to put it in", () => {
    const { doc } = open('reddit-home.html', 'https://www.reddit.com/');
    const ad = rd.findItems(doc).find((x) => x.localName === 'shreddit-ad-post')!;
    expect(rd.menuSlot!(ad)).toEqual({ parent: ad, over: true });
  });
});

describe('old.reddit.com', () => {
  test('reads .thing rows from their data attributes, promoted rows flagged', () => {
    const { doc } = open('reddit-old.html', 'https://old.reddit.com/');
    const roots = rd.findItems(doc);
    expect(roots).toHaveLength(6);
    const items = roots.map((r) => read(r)!);
    expect(items[0]).toMatchObject({ id: 't3_0ldp01', promoted: true, kind: 'ad', author: 'ide_vendor' });
    expect(items[1]).toMatchObject({ id: 't3_0ldp02', promoted: false, author: 'rustacean_dev', domain: 'blog.rust-lang.org' });
    expect(items[3].title).toBe('What are you working on this week? <b>markup</b> stays text');
    // The clearing div after a row travels with it when rows are reordered.
    expect(rd.extraParts!(roots[1]).map((e) => e.className)).toEqual(['clearleft']);
  });

  test('rows appended on scroll are found', () => {
    const { doc, fixture } = open('reddit-old.html', 'https://old.reddit.com/');
    fixture.loadMore(3);
    const items = rd.findItems(doc).map((r) => read(r)!);
    expect(items.slice(-3).map((i) => i.title)).toEqual([
      'Old reddit post loaded on scroll 1',
      'Old reddit post loaded on scroll 2',
      'Old reddit post loaded on scroll 3',
    ]);
  });

  test('comment threads are not feeds', () => {
    expect(rd.surface(new URL('https://www.reddit.com/r/rust/comments/abc/title/'))).toBeNull();
    expect(rd.surface(new URL('https://old.reddit.com/r/rust/'))).toBe('subreddit');
  });

  test("puts a plain post's menu button at the end of the line of links under its title", () => {
    const { doc } = open('reddit-old.html', 'https://old.reddit.com/');
    for (const root of rd.findItems(doc)) expect(rd.menuSlot!(root)).toEqual({ parent: root.querySelector('.entry ul.buttons') });
  });
});
