import type { FeedItemInput } from '../schema/item';
import { absoluteUrl, textOf } from './feed-item';
import { YOUTUBE_PAGES } from './page-signals';
import { youtubeSurface } from './surfaces';
import type { Adapter } from './types';
import { youtubeCandidates, youtubeSelectors as S } from './youtube.selectors';

const SHELF = `${S.shelfSection}, ytd-reel-shelf-renderer`;
const AD_ROOTS = [S.mastheadAd, S.playerAds, S.searchAd, S.statementBanner].join(', ');
const AD_ROOTS_OR_SLOT = `${AD_ROOTS}, ${S.adSlot}`;
const VIDEO_ROOTS = [S.compactVideo, S.videoResult].join(', ');
const NOT_FEED = `${S.hiddenPage}, ${S.descriptionContent}`;
const NOT_FEED_OR_SHELF = `${NOT_FEED}, ${SHELF}`;
/** The avatar's label in English; in other languages the whole label is kept (better than no channel). */
const GO_TO_CHANNEL = /^Go to channel /;

/** The video link identity found, for the readItem the runner calls next on the same root (issue 24: each item's
 * link was searched for twice). Trusted only while it is still inside that root. */
let linkRoot: Element | null = null;
let lastLink: Element | null = null;

/** Ads and shelves have no video id of their own: each element gets a number that stays with it. */
const serials = new WeakMap<Element, number>();
let nextSerial = 1;
function serial(el: Element): number {
  let n = serials.get(el);
  if (n === undefined) serials.set(el, (n = nextSerial++));
  return n;
}

export function videoIdFromHref(href: string | null | undefined): string {
  if (!href) return '';
  // From the site's root, or anywhere after youtube.com.
  const shorts = /(?:^|youtube\.com)\/shorts\/([A-Za-z0-9_-]{6,20})/.exec(href);
  if (shorts) return shorts[1];
  const watch = /[?&]v=([A-Za-z0-9_-]{6,20})/.exec(href);
  return watch ? watch[1] : '';
}

const isShortsShelf = (el: Element) =>
  el.matches('ytd-reel-shelf-renderer') || el.querySelector('ytd-rich-shelf-renderer[is-shorts]') !== null;

function itemRoot(el: Element): Element | null {
  // One climb to the document for both (issue 24: each arriving item is asked twice), which finds neither on a feed;
  // a shelf found first may still be inside a page not shown.
  const outer = el.closest(NOT_FEED_OR_SHELF);
  if (outer?.closest(NOT_FEED)) return null;
  if (outer && isShortsShelf(outer)) return outer;
  const rich = el.closest(S.richItem);
  if (rich) return rich;
  const ad = el.closest(AD_ROOTS);
  if (ad) return ad;
  const video = el.closest(VIDEO_ROOTS);
  if (video) return video;
  const lockup = el.closest(S.lockup);
  if (lockup) return lockup;
  return el.closest(S.adSlot);
}

function title(root: Element): string {
  const el = root.querySelector(S.title);
  const text = textOf(el);
  if (text) return text;
  return el?.getAttribute('title') ?? root.querySelector('h3[title]')?.getAttribute('title') ?? '';
}

function channel(root: Element): string {
  // The first link nearly always names the channel; the others are listed only when it has no text (issue 24: a
  // list and its iterator for every item cost more than the search).
  let name = textOf(root.querySelector(S.channelLink));
  if (!name) for (const a of root.querySelectorAll(S.channelLink)) if ((name = textOf(a))) break;
  if (name) return name;
  const label = root.querySelector(S.avatarLabel)?.getAttribute('aria-label')?.replace(GO_TO_CHANNEL, '').trim();
  if (label) return label;
  const named = textOf(root.querySelector(S.channelName));
  if (named) return named;
  // A lockup's first metadata row is the channel, but only when a second row (views, age) follows it.
  const rows = root.querySelectorAll(S.metadataRow);
  return rows.length >= 2 ? textOf(rows[0]) : '';
}

function readAd(root: Element, surface: string): FeedItemInput | null {
  // An ad stub only where an ad would be seen: not for an empty container (YouTube keeps #masthead-ad in the
  // page), nor one holding only empty or hidden renderers (#player-ads' legacy companion).
  if (!root.querySelector(':scope > :not([hidden]):not(:empty)')) return null;
  // A grid cell holds an ad slot: both are named by the slot.
  const marker = root.matches(`${S.adSlot}, ${S.richItem}`) ? S.adSlot : root.id ? `#${root.id}` : root.localName;
  const link = root.querySelector('a[href]');
  const text = textOf(root).slice(0, 500);
  return {
    platform: 'youtube',
    id: `ad-${serial(root)}`,
    url: absoluteUrl(link?.getAttribute('href'), root.baseURI),
    // A companion ad may have no heading: its words stand for it (a stub and the log name it by its title).
    title: title(root) || text.slice(0, 200),
    author: channel(root),
    kind: 'ad',
    promoted: true,
    promotedMarkers: [marker],
    text,
    surface,
  };
}

function readShelf(root: Element, surface: string): FeedItemInput | null {
  const href = root.querySelector(S.shortsLink)?.getAttribute('href');
  if (href == null) return null;
  const first = videoIdFromHref(href);
  const titles = Array.from(root.querySelectorAll(S.shortsTitle), textOf).filter(Boolean);
  return {
    platform: 'youtube',
    id: `shorts-shelf-${first || serial(root)}`,
    url: absoluteUrl(href, root.baseURI),
    title: 'Shorts',
    author: '',
    kind: 'short',
    promotedMarkers: [],
    text: titles.join(' · ').slice(0, 2000),
    surface,
  };
}

export const youtubeAdapter: Adapter = {
  platform: 'youtube',
  pages: YOUTUBE_PAGES,
  matches: (url) => url.hostname === 'www.youtube.com' || url.hostname === 'youtube.com',
  surface: youtubeSurface,
  expectsItems: (surface) => surface === 'home' || surface === 'watch',
  feedContainer(doc, surface) {
    if (surface === 'home') return doc.querySelector(S.homeGrid);
    if (surface === 'watch') {
      const sidebar = doc.querySelector(S.watchSidebar);
      return sidebar?.querySelector('#items') ?? sidebar;
    }
    if (surface === 'search') return doc.querySelector(S.searchResults);
    return null;
  },
  candidateSelector: youtubeCandidates,
  findItems(root) {
    const found = new Set<Element>();
    if (root instanceof Element && root.matches(youtubeCandidates)) {
      const r = itemRoot(root);
      if (r) found.add(r);
    }
    for (const el of root.querySelectorAll(youtubeCandidates)) {
      const r = itemRoot(el);
      if (r) found.add(r);
    }
    return [...found];
  },
  itemRoot,
  itemSurface(root) {
    const page = root.closest('ytd-browse, ytd-watch-flexy, ytd-search');
    if (!page) return null;
    if (page.localName === 'ytd-watch-flexy') return 'watch';
    if (page.localName === 'ytd-search') return 'search';
    const subtype = page.getAttribute('page-subtype');
    return subtype === 'home' ? 'home' : subtype || 'other';
  },
  readItem(root, surface) {
    const known = root === linkRoot && lastLink !== null && root.contains(lastLink) ? lastLink : null;
    linkRoot = lastLink = null;
    if (root.matches(AD_ROOTS_OR_SLOT) || root.querySelector(S.adSlot)) return readAd(root, surface);
    if (root.matches(SHELF)) return readShelf(root, surface);
    const link = known ?? root.querySelector(S.videoLink);
    const href = link?.getAttribute('href') ?? '';
    // A playlist's link plays its first video: it is keyed by its list, apart from that video's own entry.
    const list = /[?&]list=([\w-]{2,64})/.exec(href)?.[1];
    const id = list || videoIdFromHref(href);
    if (!id) return null; // not rendered yet: YouTube stamps the lockup's content after inserting it
    return {
      platform: 'youtube',
      id,
      url: absoluteUrl(href, root.baseURI),
      title: title(root),
      author: channel(root),
      kind: list ? 'playlist' : href.startsWith('/shorts/') || root.matches('[is-slim-media]') ? 'short' : 'video',
      promoted: false,
      promotedMarkers: [],
      text: textOf(root.querySelector(S.description)),
      surface,
    };
  },
  identity(root) {
    linkRoot = root;
    lastLink = root.querySelector(S.videoLink);
    return (lastLink ?? root.querySelector('a[href]'))?.getAttribute('href') ?? '';
  },
  watchAttributes: ['href'],
  navigationEvents: ['yt-navigate-finish'],
  /** A plain item's button: YouTube gives it no place of its own, and appended to a grid cell or a Shorts shelf it
   * would be a line more, the row or shelf 20 px taller and everything below moved under the pointer (a badge
   * under the shelf then took no press). It sits over the root's last line instead. */
  menuSlot: (root) => ({ parent: root, over: true }),
  linkSelector: S.videoLink,
  canReorder: (surface) => surface === 'home' || surface === 'watch',
  movable: (root) => !root.matches(SHELF),
};
