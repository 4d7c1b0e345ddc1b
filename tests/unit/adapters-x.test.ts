// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { toFeedItem } from '../../lib/adapters/feed-item';
import { xAdapter as x } from '../../lib/adapters/x';
import { loadFixture } from './adapters-fixture';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});
function open(file: string) {
  const page = loadFixture(file, 'https://x.com/home');
  close = page.close;
  return page;
}
const read = (root: Element) => {
  const input = x.readItem(root, 'home');
  return input ? toFeedItem(input) : null;
};

test('the marked element is the cell\'s inner box, never the positioned cell itself', () => {
  const { doc } = open('x-home.html');
  const roots = x.findItems(doc);
  expect(roots).toHaveLength(8);
  for (const r of roots) {
    expect(r.matches('[data-testid="cellInnerDiv"]')).toBe(false);
    expect(r.parentElement!.matches('[data-testid="cellInnerDiv"]')).toBe(true);
  }
  expect(x.canReorder('home')).toBe(false);
});

test('tweets keyed by status id, author by handle; the promoted tweet flagged; "Who to follow" is no item', () => {
  const { doc } = open('x-home.html');
  const items = x.findItems(doc).map(read);
  expect(items.at(-1)).toBeNull();
  const tweets = items.filter(Boolean).map((i) => i!);
  expect(tweets).toHaveLength(7);
  expect(tweets[0]).toMatchObject({
    id: '1860000000000000001',
    author: '@rustlang',
    url: 'https://x.com/rustlang/status/1860000000000000001',
    kind: 'tweet',
    promoted: false,
  });
  expect(tweets[1]).toMatchObject({ kind: 'ad', promoted: true, promotedMarkers: ['ad-label', 'placementTracking'], author: '@cloudco' });
  expect(tweets[1].id).toMatch(/^promoted-/);
  // A tweet is read once, as its title; only a long post keeps its whole text as the body too.
  expect(tweets[5].title).toBe('<img src=x onerror="window.__pwned=1"> is just text here');
  expect(tweets[5].text).toBe('');
  expect(tweets[0].text).toBe('');
  expect(tweets[6].text.length).toBe(5000);
  expect(tweets[6].title.length).toBe(300);
});

test('a tweet that links out carries the domain its card shows; the rest link nowhere', () => {
  const { doc } = open('x-home.html');
  const tweets = x.findItems(doc).map(read).filter(Boolean).map((i) => i!);
  expect(tweets.map((t) => t.domain)).toEqual(['', '', 'celebgossip.example', '', '', '', '']);
});

test('a link in the tweet text gives its shown domain, and a bare t.co link still counts as linking out', () => {
  const { doc } = open('x-home.html');
  const [first] = x.findItems(doc);
  const text = first.querySelector('[data-testid="tweetText"]')!;
  text.insertAdjacentHTML('beforeend', ' <a href="https://t.co/AbC123" rel="noopener noreferrer nofollow" target="_blank" role="link">blog.rust-lang.org/2026/11/27/Rus…</a>');
  expect(read(first)!.domain).toBe('blog.rust-lang.org');
  text.querySelector('a')!.textContent = 'https://t.co/AbC123';
  expect(read(first)!.domain).toBe('t.co');
});

test('cells added by scrolling are found; unmounted cells are gone', () => {
  const { doc, fixture } = open('x-home.html');
  fixture.loadMore(4, { adEvery: 4 });
  const items = x.findItems(doc).map(read).filter(Boolean).map((i) => i!);
  expect(items).toHaveLength(11);
  expect(items.at(-1)!.promoted).toBe(true);
  fixture.unmountTop(2);
  expect(x.findItems(doc)).toHaveLength(10);
});

test('a page where the testids changed: nothing found', () => {
  const { doc } = open('x-broken.html');
  expect(x.findItems(doc)).toHaveLength(0);
  expect(x.feedContainer(doc, 'home')).not.toBeNull();
});

describe('real 2025 timelines: video posts and promoted posts', () => {
  test('an ordinary post whose video player sits inside placementTracking is a post, never an ad', () => {
    const { doc } = open('x-video-ads.html');
    const items = x.findItems(doc).map(read).map((i) => i!);
    const videos = items.filter((i) => ['@nightsky', '@breadlab', '@rustlang'].includes(i.author));
    expect(videos).toHaveLength(3);
    for (const v of videos) expect(v).toMatchObject({ kind: 'tweet', promoted: false, promotedMarkers: [] });
    expect(videos.map((v) => v.id)).toEqual(['1922000000000000001', '1922000000000000002', '1922000000000000003']);
    expect(items.find((i) => i.author === '@slowwalks')).toMatchObject({ kind: 'tweet', promoted: false });
  });

  test('the promoted post is told by what ordinary posts never have: no permalink, an "Ad" label, impression pixels', () => {
    const { doc } = open('x-video-ads.html');
    const ads = x.findItems(doc).map(read).filter((i) => i!.promoted);
    expect(ads).toHaveLength(1);
    expect(ads[0]).toMatchObject({ kind: 'ad', author: '@shopmart', title: 'Spring sale: 40% off everything this week only.' });
    expect(ads[0]!.promotedMarkers).toEqual(['impression-pixel', 'ad-label']);
    // A permalink is the one thing every ordinary post has: with it, no other sign makes a post an ad.
    const [first] = x.findItems(doc);
    first.querySelector('article')!.insertAdjacentHTML('afterbegin', '<div data-testid="top-impression-pixel"></div>');
    expect(read(first)).toMatchObject({ kind: 'tweet', promoted: false });
  });

  test('an ad card that links straight to the advertiser gives the advertiser\'s domain', () => {
    const { doc } = open('x-video-ads.html');
    const ad = x.findItems(doc).map(read).find((i) => i!.promoted)!;
    expect(ad.domain).toBe('advertiser.example');
    expect(ad.url).toBe('https://advertiser.example/spring-sale?utm_source=x');
  });
});

test("a plain post's menu button goes in its header row, before X's Grok button and menu; none where X draws no menu", () => {
  const { doc } = open('x-home.html');
  const roots = x.findItems(doc).filter((r) => r.querySelector('article'));
  for (const r of roots) {
    const slot = x.menuSlot!(r)!;
    expect(slot.parent.contains(r.querySelector('[data-testid="User-Name"]'))).toBe(true);
    expect(slot.before!.parentElement).toBe(slot.parent);
    expect(slot.before!.querySelector('[data-testid="caret"]')).not.toBeNull();
    expect(slot.before!.querySelector('[aria-label="Grok actions"]')).not.toBeNull();
  }
  for (const r of roots) r.querySelector('[data-testid="caret"]')!.remove();
  for (const r of roots) expect(x.menuSlot!(r)).toBeNull();
});
