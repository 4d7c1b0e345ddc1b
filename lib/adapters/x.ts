import { absoluteUrl, textOf } from './feed-item';
import { X_PAGES } from './page-signals';
import { xSurface } from './surfaces';
import type { Adapter, Slot } from './types';
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
const HOST = /^https?:\/\/(?:www\.)?([^/?#:]+)/i;
/** X's label in a promoted post's header (English; other languages still have the post's impression pixels). */
const AD_LABEL = /^(?:Ad|Promoted)$/;

/**
 * The site a tweet links out to, '' when it links nowhere. A link straight to a site names it; a t.co link does
 * not, and X shows the domain on the card ("From example.com") or as the link's own text ("example.com/article…");
 * 't.co' is kept when nothing says more.
 */
function outboundDomain(a: Element | null): string {
  if (!a) return '';
  const host = HOST.exec(a.getAttribute('href')!)?.[1].toLowerCase();
  if (host !== 't.co') return host ?? '';
  for (const text of [a.getAttribute('aria-label'), textOf(a)]) {
    const m = text ? DOMAIN.exec(text) : null;
    if (m && m[0].toLowerCase() !== 't.co') return m[0].toLowerCase();
  }
  return host;
}

/**
 * What shows a post is promoted, each a thing ordinary posts never have. None counts on a post with its own
 * permalink (the `<time>` link): X also wraps the video player of ordinary posts in placementTracking, and hiding
 * a post the person follows as an ad is worse than missing an ad.
 */
function adSigns(root: Element, article: Element): string[] {
  if (article.querySelector('a[href*="/status/"] time')) return [];
  const signs = [];
  if (root.querySelector(S.impressionPixel)) signs.push('impression-pixel');
  for (const s of article.querySelectorAll('span')) {
    if (AD_LABEL.test(s.textContent!.trim()) && !s.closest(S.notLabel)) {
      signs.push('ad-label');
      break;
    }
  }
  if (article.closest(S.placement)) signs.push('placementTracking');
  return signs;
}

/**
 * A plain post's menu button: in the post's header row, before the group that ends it (X's Grok button and its own
 * menu), the row's free space between the author and that group. The header row is where the author's block and
 * X's menu meet. (The badge's place, after the post, is a line of its own: the cell would grow and X's list move
 * every post below it.)
 */
function menuSlot(root: Element): Slot | null {
  const caret = root.querySelector(S.caret);
  const name = caret && root.querySelector(S.userName);
  if (!name) return null;
  let end: Element = caret!;
  while (end.parentElement && !end.parentElement.contains(name)) end = end.parentElement;
  return end.parentElement && end.parentElement !== root ? { parent: end.parentElement, before: end } : null;
}

export const xAdapter: Adapter = {
  platform: 'x',
  pages: X_PAGES,
  matches: (url) => url.hostname === 'x.com' || url.hostname === 'twitter.com',
  surface: xSurface,
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
    const signs = adSigns(root, article);
    const promoted = signs.length > 0;
    const href = permalink(article)?.getAttribute('href') ?? '';
    const id = statusId(href) || (promoted ? `promoted-${serial(root)}` : '');
    if (!id) return null;
    const text = textOf(article.querySelector(S.tweetText));
    const out = article.querySelector(S.outboundLink);
    // A tweet is its own title. Only a long post also keeps its whole text as the body: the matcher, the
    // detectors and the local model read title and body, and would read a short tweet twice.
    const long = text.length > TITLE_CHARS;
    return {
      platform: 'x',
      id,
      // An ad has no page of its own on X: where it sends the person is what it is.
      url: absoluteUrl(href || (promoted ? out?.getAttribute('href') : ''), root.baseURI),
      title: long ? text.slice(0, TITLE_CHARS) : text,
      author: handle(article),
      kind: promoted ? 'ad' : 'tweet',
      promoted,
      promotedMarkers: signs,
      text: long ? text : '',
      surface,
      domain: outboundDomain(out),
    };
  },
  identity(root) {
    const article = root.querySelector(S.tweet);
    return article ? (permalink(article)?.getAttribute('href') ?? 'tweet') : '';
  },
  watchAttributes: ['href'],
  menuSlot,
  linkSelector: 'a[href*="/status/"]',
  canReorder: () => false,
};
