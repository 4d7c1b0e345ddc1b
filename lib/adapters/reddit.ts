import type { FeedItemInput } from '../schema/item';
import { absoluteUrl, textOf } from './feed-item';
import { REDDIT_PAGES } from './page-signals';
import { redditCandidates, redditSelectors as S } from './reddit.selectors';
import { redditSurface } from './surfaces';
import type { Adapter } from './types';

const POST = `${S.post}, ${S.adPost}`;
const OLD_THING = '.thing.link';

const serials = new WeakMap<Element, number>();
let nextSerial = 1;
const serial = (el: Element) => {
  let n = serials.get(el);
  if (n === undefined) serials.set(el, (n = nextSerial++));
  return n;
};

function itemRoot(el: Element): Element | null {
  const post = el.closest(POST);
  if (post) {
    const parent = post.parentElement;
    // The article wraps exactly one post and is the unit of the feed's layout: mark and move it.
    return parent && parent.localName === 'article' ? parent : post;
  }
  const article = el.closest('article');
  if (article && article.parentElement?.matches(S.feed)) {
    const inner = article.querySelector(POST);
    if (inner) return article;
  }
  const thing = el.closest(OLD_THING);
  return thing && thing.parentElement?.id === 'siteTable' ? thing : null;
}

function readNew(root: Element, surface: string): FeedItemInput | null {
  const post = root.matches(POST) ? root : root.querySelector(POST);
  if (!post) return null;
  const attr = (name: string) => post.getAttribute(name) ?? '';
  const isAd = post.localName === 'shreddit-ad-post' || post.hasAttribute('promoted');
  const id = attr('id') || (isAd ? `ad-${serial(post)}` : '');
  if (!id) return null;
  const permalink = attr('permalink');
  const markers = isAd ? [post.localName === 'shreddit-ad-post' ? 'shreddit-ad-post' : 'promoted'] : [];
  return {
    platform: 'reddit',
    id,
    url: absoluteUrl(permalink || attr('content-href'), post.baseURI),
    title: attr('post-title') || textOf(post.querySelector(S.titleSlot)),
    author: attr('author'),
    kind: isAd ? 'ad' : 'post',
    promoted: isAd,
    promotedMarkers: markers,
    text: textOf(post.querySelector(S.textBody)),
    surface,
    domain: attr('domain'),
  };
}

function readOld(root: Element, surface: string): FeedItemInput | null {
  const data = (root as HTMLElement).dataset;
  const id = data.fullname ?? '';
  if (!id) return null;
  const promoted = root.classList.contains('promoted') || root.classList.contains('promotedlink') || data.promoted === 'true';
  const titleLink = root.querySelector(S.oldTitle);
  return {
    platform: 'reddit',
    id,
    url: absoluteUrl(data.permalink || titleLink?.getAttribute('href'), root.baseURI),
    title: textOf(titleLink),
    author: data.author ?? '',
    kind: promoted ? 'ad' : 'post',
    promoted,
    promotedMarkers: promoted ? ['.promotedlink'] : [],
    text: '',
    surface,
    domain: data.domain ?? '',
  };
}

export const redditAdapter: Adapter = {
  platform: 'reddit',
  pages: REDDIT_PAGES,
  matches: (url) => url.hostname === 'www.reddit.com' || url.hostname === 'old.reddit.com' || url.hostname === 'reddit.com',
  surface: redditSurface,
  expectsItems: (surface) => surface === 'home' || surface === 'popular' || surface === 'subreddit',
  feedContainer: (doc) => doc.querySelector(S.feed) ?? doc.querySelector(S.oldTable),
  candidateSelector: redditCandidates,
  findItems(root) {
    const found = new Set<Element>();
    if (root instanceof Element && root.matches(redditCandidates)) {
      const r = itemRoot(root);
      if (r) found.add(r);
    }
    for (const el of root.querySelectorAll(redditCandidates)) {
      const r = itemRoot(el);
      if (r) found.add(r);
    }
    return [...found];
  },
  itemRoot,
  readItem: (root, surface) => (root.matches(OLD_THING) ? readOld(root, surface) : readNew(root, surface)),
  identity(root) {
    if (root.matches(OLD_THING)) return root.getAttribute('data-fullname') ?? '';
    const post = root.matches(POST) ? root : root.querySelector(POST);
    return post ? `${post.getAttribute('id') ?? ''}|${post.getAttribute('permalink') ?? ''}` : '';
  },
  watchAttributes: ['permalink', 'post-title', 'data-fullname'],
  extraParts(root) {
    const next = root.nextElementSibling;
    return root.matches(OLD_THING) && next?.classList.contains('clearleft') ? [next] : [];
  },
  markSlot(root) {
    if (root.matches(OLD_THING)) return { parent: root.querySelector('.entry') ?? root };
    return { parent: root };
  },
  /** A plain post's button, which must take no room: where the badge goes it would be a line of its own. On the
   * current UI it goes before the post's own menu, at the end of its credit bar, or, on a post with no such menu
   * (an ad), over the end of its last line, as on YouTube; on old Reddit at the end of the line of links under the
   * title. */
  menuSlot(root) {
    if (root.matches(OLD_THING)) {
      const links = root.querySelector(S.oldButtons);
      return links ? { parent: links } : null;
    }
    const menu = root.querySelector(S.overflowMenu);
    return menu?.parentElement ? { parent: menu.parentElement, before: menu } : { parent: root, over: true };
  },
  linkSelector: 'a[slot="full-post-link"], a[slot="title"], a.title, a.comments',
  canReorder: () => true,
};
