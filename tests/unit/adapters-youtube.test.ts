// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { toFeedItem } from '../../lib/adapters/feed-item';
import { videoIdFromHref, youtubeAdapter as yt } from '../../lib/adapters/youtube';
import { loadFixture, tick } from './adapters-fixture';

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

const read = (root: Element, surface = 'home') => {
  const input = yt.readItem(root, surface);
  return input ? toFeedItem(input) : null;
};

describe('YouTube home grid', () => {
  test('finds every cell, the Shorts shelf and the masthead ad, keyed by video id', () => {
    const { doc } = open('youtube-home.html', 'https://www.youtube.com/');
    expect(yt.surface(new URL(doc.location.href))).toBe('home');
    const items = yt.findItems(doc).map((r) => read(r)!);
    expect(items).toHaveLength(13);
    const videos = items.filter((i) => i.kind === 'video');
    expect(videos.map((v) => v.id)).toEqual([
      'rustBorrow1',
      'clickBait01',
      'gardenTour1',
      'markupTitle',
      'rtlTitle001',
      'longTitle01',
      'emojiFlood1',
      'japanese001',
      'noChannel01',
    ]);
    const first = videos[0];
    expect(first).toMatchObject({
      platform: 'youtube',
      url: 'https://www.youtube.com/watch?v=rustBorrow1',
      title: 'How the Rust borrow checker really works',
      author: 'Systems Explained',
      promoted: false,
    });
  });

  test('ads are promoted items with the marker that gave them away; the Shorts shelf is one short item', () => {
    const { doc } = open('youtube-home.html', 'https://www.youtube.com/');
    const items = yt.findItems(doc).map((r) => read(r)!);
    const ads = items.filter((i) => i.promoted);
    expect(ads).toHaveLength(3);
    expect(ads.every((a) => a.kind === 'ad')).toBe(true);
    expect(ads.map((a) => a.promotedMarkers[0]).sort()).toEqual(['#masthead-ad', 'ytd-ad-slot-renderer', 'ytd-ad-slot-renderer']);
    const shorts = items.filter((i) => i.kind === 'short');
    expect(shorts).toHaveLength(1);
    expect(shorts[0].id).toBe('shorts-shelf-shortAAAAA1');
    expect(shorts[0].text).toContain('60-second pasta');
    // The shelf's own cells are not separate items: hiding the shelf hides them.
    const roots = yt.findItems(doc);
    expect(roots.filter((r) => r.matches('ytd-rich-item-renderer[is-slim-media]'))).toHaveLength(0);
  });

  test('hostile titles come through as plain text, clamped, never as markup', () => {
    const { doc } = open('youtube-home.html', 'https://www.youtube.com/');
    const byId = new Map(yt.findItems(doc).map((r) => read(r)!).map((i) => [i.id, i]));
    expect(byId.get('markupTitle')!.title).toContain('<img src=x onerror="window.__pwned=1">');
    expect(byId.get('markupTitle')!.author).toBe('<b>Bold Channel</b>');
    expect(byId.get('longTitle01')!.title).toHaveLength(2000);
    expect(byId.get('rtlTitle001')!.title).toContain('\u200b');
    expect(byId.get('emojiFlood1')!.title.length).toBeGreaterThan(1000);
    expect(byId.get('japanese001')!.author).toBe('夜散歩');
    expect(byId.get('noChannel01')!.author).toBe('');
    expect((doc.defaultView as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  test('cells appended by infinite scroll are unreadable until stamped, then read', async () => {
    const { doc, fixture } = open('youtube-home.html', 'https://www.youtube.com/');
    fixture.appendBatch(4, { adEvery: 4 });
    const fresh = [...doc.querySelectorAll('ytd-rich-grid-renderer > #contents > ytd-rich-item-renderer')].slice(-4);
    expect(fresh.map((r) => yt.itemRoot(r))).toEqual(fresh);
    expect(fresh.map((r) => read(r))).toEqual([null, null, null, null]);
    await tick();
    const items = fresh.map((r) => read(r)!);
    expect(items.map((i) => i.id)).toEqual(['appended001', 'appended002', 'appended003', expect.stringMatching(/^ad-/)]);
    expect(items[3].promoted).toBe(true);
    // The continuation sentinel stays last.
    expect(doc.querySelector('ytd-rich-grid-renderer > #contents')!.lastElementChild!.localName).toBe('ytd-continuation-item-renderer');
  });

  test('a recycled cell changes identity and reads as the new video', () => {
    const { doc, fixture } = open('youtube-home.html', 'https://www.youtube.com/');
    const cell = doc.querySelector('ytd-rich-grid-renderer > #contents > ytd-rich-item-renderer')!;
    const before = yt.identity(cell);
    expect(read(cell)!.id).toBe('rustBorrow1');
    fixture.recycle(0, 'recycledV01', 'A different video in the same element', 'Other Channel');
    expect(yt.identity(cell)).not.toBe(before);
    expect(yt.watchAttributes).toContain('href');
    expect(read(cell)).toMatchObject({ id: 'recycledV01', title: 'A different video in the same element', author: 'Other Channel' });
  });

  test('a cell whose content is put in anew between its identity and its reading reads as the new video', () => {
    const { doc } = open('youtube-home.html', 'https://www.youtube.com/');
    const cell = doc.querySelector('ytd-rich-grid-renderer > #contents > ytd-rich-item-renderer')!;
    yt.identity(cell);
    // The site replaces the cell's content, links included (identity's link is no longer in it).
    cell.innerHTML = cell.innerHTML.replaceAll('rustBorrow1', 'replacedV01');
    expect(read(cell)!.id).toBe('replacedV01');
  });

  test('SPA navigation to a watch page: the sidebar items belong to the watch surface', async () => {
    const { doc, fixture } = open('youtube-home.html', 'https://www.youtube.com/');
    let navigated = 0;
    doc.addEventListener('yt-navigate-finish', () => navigated++);
    fixture.navigate('/watch?v=nowPlaying1');
    await tick();
    expect(navigated).toBe(1);
    expect(yt.navigationEvents).toContain('yt-navigate-finish');
    expect(yt.surface(new URL(doc.location.href))).toBe('watch');
    const watchRoots = yt.findItems(doc).filter((r) => yt.itemSurface!(r) === 'watch');
    expect(watchRoots).toHaveLength(8);
    expect(yt.feedContainer(doc, 'watch')).not.toBeNull();
  });
});

describe('YouTube watch and search pages', () => {
  test('watch sidebar: lockups, the older compact renderer, the sidebar ad and the player ad', () => {
    const { doc } = open('youtube-watch.html', 'https://www.youtube.com/watch?v=nowPlaying1');
    const items = yt.findItems(doc).map((r) => read(r, 'watch')!);
    expect(items).toHaveLength(8);
    expect(items.filter((i) => i.promoted).map((i) => i.promotedMarkers[0]).sort()).toEqual(['#player-ads', 'ytd-ad-slot-renderer']);
    expect(items.find((i) => i.id === 'compactOld1')).toMatchObject({ title: 'An older compact renderer item', author: 'Legacy Layout' });
    expect(items.find((i) => i.id === 'sideVideo02')!.author).toBe('Drama Central');
    expect(yt.canReorder('watch')).toBe(true);
  });

  test('search: the promoted video ad, results, and Shorts both as a shelf and as a single result', () => {
    const { doc } = open('youtube-search.html', 'https://www.youtube.com/results?search_query=rust');
    expect(yt.surface(new URL(doc.location.href))).toBe('search');
    const items = yt.findItems(doc).map((r) => read(r, 'search')!);
    expect(items).toHaveLength(6);
    expect(items[0]).toMatchObject({ kind: 'ad', promoted: true, promotedMarkers: ['ytd-search-pyv-renderer'] });
    expect(items.filter((i) => i.kind === 'short').map((i) => i.id)).toEqual(['shorts-shelf-reelAAAAAA1', 'searchShrt4']);
    expect(items.find((i) => i.id === 'searchRust1')).toMatchObject({ author: 'Code Shed', text: expect.stringContaining('description snippet') });
    expect(yt.canReorder('search')).toBe(false);
  });

  test('a redesigned page where the selectors find nothing: no items, but the feed container is there', () => {
    const { doc } = open('youtube-broken.html', 'https://www.youtube.com/');
    expect(yt.findItems(doc)).toHaveLength(0);
    expect(yt.feedContainer(doc, 'home')!.childElementCount).toBeGreaterThanOrEqual(3);
  });

  test('video ids come from watch and shorts links, not from titles', () => {
    expect(videoIdFromHref('/watch?v=abcDEF12345&t=3s')).toBe('abcDEF12345');
    expect(videoIdFromHref('/shorts/abcDEF12345')).toBe('abcDEF12345');
    expect(videoIdFromHref('https://www.youtube.com/watch?list=x&v=abcDEF12345')).toBe('abcDEF12345');
    expect(videoIdFromHref('/@channel')).toBe('');
    expect(yt.surface(new URL('https://www.youtube.com/shorts/abcDEF12345'))).toBeNull();
  });
});

describe('YouTube pages as saved in 2025', () => {
  const WATCH = 'https://www.youtube.com/watch?v=nowAurora01';
  // An element that reads as nothing (the empty player-ads box) is no item: the runner leaves it as it is.
  const watchItems = (doc: Document) => yt.findItems(doc).map((r) => read(r, 'watch')).filter((i) => i !== null);

  test('the channel is read on sidebar lockups whose rows use the hyphenated class, and on either spelling', () => {
    const { doc } = open('youtube-watch-2025.html', WATCH);
    const authors = Object.fromEntries(watchItems(doc).filter((i) => !i.promoted).map((i) => [i.id, i.author]));
    expect(authors).toEqual({
      sideAurora1: 'Night Sky',
      sideRustAs1: 'Systems Explained',
      PLnightSky2025aurora: 'Night Sky',
      sideListic1: 'Listicle Land',
      sideGarden1: 'Slow Walks',
      sideCamel01: 'Code Shed',
    });
  });

  test('home cards: the channel link\'s text even when the avatar links first, else the avatar\'s label', () => {
    const { doc } = open('youtube-home-2025.html', 'https://www.youtube.com/');
    const items = yt.findItems(doc).map((r) => read(r)!);
    expect(items.map((i) => [i.id, i.author])).toEqual([
      ['homeSlow001', 'Slow Walks'],
      ['homeList001', 'Listicle Land'],
      ['homeCode001', 'Code Shed'],
      ['homeRust001', 'Systems Explained'],
    ]);
  });

  test('the search page kept hidden under a watch page is not part of it, and counts again once shown', () => {
    const { doc } = open('youtube-watch-2025.html', WATCH);
    const roots = yt.findItems(doc);
    expect(roots.some((r) => r.closest('ytd-search'))).toBe(false);
    expect(watchItems(doc).filter((i) => i.promoted)).toHaveLength(1);
    // Something the site changes inside the hidden page does not make an item of it either.
    expect(yt.itemRoot(doc.querySelector('ytd-search ytd-video-renderer a')!)).toBeNull();
    doc.querySelector('ytd-watch-flexy')!.setAttribute('hidden', '');
    doc.querySelector('ytd-search')!.removeAttribute('hidden');
    const shown = yt.findItems(doc).map((r) => read(r, 'search')).filter((i) => i !== null);
    expect(shown.map((i) => i.id)).toEqual([expect.stringMatching(/^ad-/), expect.stringMatching(/^ad-/), 'srchAurora1', 'srchAurora2', 'shorts-shelf-srchShrt000001', 'srchAurora3']);
  });

  test('a Shorts shelf in the video\'s description and an empty hidden #player-ads are not feed items', () => {
    const { doc } = open('youtube-watch-2025.html', WATCH);
    const items = watchItems(doc);
    expect(items.filter((i) => i.kind === 'short')).toEqual([]);
    expect(items.filter((i) => i.promoted).map((i) => i.promotedMarkers)).toEqual([['ytd-ad-slot-renderer']]);
    expect(items).toHaveLength(7);
    // Once the companion renders an ad, it is one.
    const companion = doc.querySelector('#player-ads > *')!;
    companion.removeAttribute('hidden');
    companion.innerHTML = '<div class="ad-box">Companion ad: night-sky cameras</div>';
    expect(watchItems(doc).filter((i) => i.promoted).map((i) => i.promotedMarkers[0]).sort()).toEqual(['#player-ads', 'ytd-ad-slot-renderer']);
  });

  test('a playlist is keyed by its list id, kind "playlist", apart from its first video', () => {
    const { doc } = open('youtube-watch-2025.html', WATCH);
    const items = watchItems(doc);
    expect(items.find((i) => i.id === 'PLnightSky2025aurora')).toMatchObject({
      kind: 'playlist',
      title: 'Aurora season 2025 (playlist)',
      url: 'https://www.youtube.com/watch?v=sideAurora1&list=PLnightSky2025aurora&pp=iAQB',
    });
    expect(items.filter((i) => i.id === 'sideAurora1').map((i) => i.kind)).toEqual(['video']);
  });
});
