import { absoluteUrl, textOf } from './feed-item';
import type { Adapter } from './types';
import { xSelectors as S } from './x.selectors';

/** What of a long post stands as its title (X's own limit for most accounts is 280 characters). */
const TITLE_CHARS = 300;

const serials = new WeakMap<Element, number>();
let nextSerial = 1;
const serial = (el: Element) => {
  let n = serials.get(el);
  if (n === undefined) serials.set(el, (n = nextSerial++));
  return n;
};

/** The cell's inner content, never the cell: cells are absolutely positioned rows of a virtualised list, and
 * collapsing or moving one breaks X's scrolling. */
function itemRoot(el: Element): Element | null {
  const cell = el.closest(S.cell);
  if (!cell) return null;
  return cell.firstElementChild;
}

function statusId(href: string | null | undefined): string {
  const m = /\/status\/(\d{1,30})/.exec(href ?? '');
  return m ? m[1] : '';
}

function permalink(article: Element): Element | null {
  // The timestamp's link is the tweet's own; other status links may point at a quoted tweet.
  return article.querySelector('a[href*="/status/"] time')?.closest('a') ?? article.querySelector(S.permalink);
}

function handle(article: Element): string {
  const name = article.querySelector(S.userName);
  for (const a of name?.querySelectorAll('a[href^="/"]') ?? []) {
    const m = /^\/([A-Za-z0-9_]{1,30})$/.exec(a.getAttribute('href') ?? '');
    if (m) return `@${m[1]}`;
  }
  return textOf(name).split('@')[0] ?? '';
}

const DOMAIN = /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}\b/i;

/**
 * The site a tweet links out to, '' when it links nowhere. X shows the domain on the card ("From example.com") or
 * as the link's own text ("example.com/article…"); the href is always t.co, which is kept when nothing says more.
 */
function outboundDomain(article: Element): string {
  const a = article.querySelector(S.outboundLink);
  if (!a) return '';
  for (const text of [a.getAttribute('aria-label'), textOf(a)]) {
    const m = text ? DOMAIN.exec(text) : null;
    if (m && m[0].toLowerCase() !== 't.co') return m[0].toLowerCase();
  }
  return 't.co';
}

export const xAdapter: Adapter = {
  platform: 'x',
  matches: (url) => url.hostname === 'x.com' || url.hostname === 'twitter.com',
  surface(url) {
    const p = url.pathname;
    if (p === '/home') return 'home';
    if (p.startsWith('/search')) return 'search';
    if (p.startsWith('/i/') || p.startsWith('/settings') || p.startsWith('/messages')) return null;
    if (/^\/[^/]+\/status\//.test(p)) return 'thread';
    return 'profile';
  },
  expectsItems: (surface) => surface === 'home',
  feedContainer: (doc) => doc.querySelector(S.primaryColumn),
  candidateSelector: `${S.cell}, ${S.tweet}`,
  findItems(root) {
    const found = new Set<Element>();
    const consider = (el: Element) => {
      const r = itemRoot(el);
      if (r) found.add(r);
    };
    if (root instanceof Element && root.matches(S.cell)) consider(root);
    for (const el of root.querySelectorAll(S.cell)) consider(el);
    return [...found];
  },
  itemRoot,
  readItem(root, surface) {
    const article = root.querySelector(S.tweet);
    if (!article) return null; // "Who to follow", spinners, separators: not items
    const promoted = root.querySelector(S.promoted) !== null;
    const link = permalink(article);
    const href = link?.getAttribute('href') ?? '';
    const id = statusId(href) || (promoted ? `promoted-${serial(root)}` : '');
    if (!id) return null;
    const text = textOf(article.querySelector(S.tweetText));
    // A tweet is its own title. Only a long post also keeps its whole text as the body: the matcher, the
    // detectors and the local model read title and body, and would read a short tweet twice.
    const long = text.length > TITLE_CHARS;
    return {
      platform: 'x',
      id,
      url: absoluteUrl(href, root.baseURI),
      title: long ? text.slice(0, TITLE_CHARS) : text,
      author: handle(article),
      kind: promoted ? 'ad' : 'tweet',
      promoted,
      promotedMarkers: promoted ? ['placementTracking'] : [],
      text: long ? text : '',
      surface,
      domain: outboundDomain(article),
    };
  },
  identity(root) {
    const article = root.querySelector(S.tweet);
    return article ? (permalink(article)?.getAttribute('href') ?? 'tweet') : '';
  },
  watchAttributes: ['href'],
  linkSelector: 'a[href*="/status/"]',
  canReorder: () => false,
};
