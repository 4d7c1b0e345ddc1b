import { FEED_PLATFORMS } from '../schema/constants';
import type { FeedItem, FeedItemInput, ItemKind } from '../schema/item';

/**
 * FeedItem validation without zod: the schema (lib/schema/item.ts) pulls zod into the bundle, about 450 KB, four
 * times a content script's whole budget. This mirrors it field for field (clamp, never reject, except a missing
 * id or platform); tests/unit/adapters-feed-item.test.ts checks it against FeedItem.parse.
 */
const KINDS: readonly ItemKind[] = ['video', 'short', 'playlist', 'post', 'story', 'tweet', 'ad', 'other'];

const clamp = (v: unknown, max: number): string => (typeof v === 'string' ? (v.length > max ? v.slice(0, max) : v) : '');

export function toFeedItem(input: FeedItemInput): FeedItem | null {
  if (!input || typeof input !== 'object') return null;
  if (!(FEED_PLATFORMS as readonly string[]).includes(input.platform as string)) return null;
  if (typeof input.id !== 'string' || input.id.length < 1 || input.id.length > 200) return null;
  const markers = input.promotedMarkers;
  const markersOk = Array.isArray(markers) && markers.length <= 10 && markers.every((m) => typeof m === 'string' && m.length <= 100);
  const surface = input.surface;
  return {
    platform: input.platform,
    id: input.id,
    url: clamp(input.url, 2000),
    title: clamp(input.title, 2000),
    author: clamp(input.author, 300),
    kind: KINDS.includes(input.kind as ItemKind) ? (input.kind as ItemKind) : 'other',
    promoted: typeof input.promoted === 'boolean' ? input.promoted : false,
    promotedMarkers: markersOk ? [...(markers as string[])] : [],
    text: clamp(input.text, 5000),
    surface: typeof surface === 'string' && surface.length <= 40 ? surface : 'other',
    domain: clamp(input.domain, 200),
  };
}

/** Whitespace that folding would change: two in a row, or one that is not a plain space. */
const FOLD = /\s\s|[^\S ]/;

/** Visible text of an element, whitespace folded. textContent, not innerText: no layout is forced. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  const text = el.textContent ?? '';
  // Most text has no run of spaces nor any other kind of space to fold: one look instead of a replacement per space.
  return (FOLD.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** Characters that no part of an http(s) URL percent-encodes, with no dot segment ("/." starts every one). */
const PLAIN = String.raw`(?:(?!\/\.)[\w\-.~!$&()*+,;=:@/?%])*`;
/** An address from the site's root ("/watch?v=..."), and an https address whose host is a name: the URL parser
 * gives either back as it is (after the page's origin), so a feed's hundreds of links need no URL object each. */
const ROOT_PATH = new RegExp(`^(?!/\\.)/(?!/)${PLAIN}$`);
const HTTPS_NAME = new RegExp(`^https://(?:[a-z0-9-]+\\.)*[a-z][a-z0-9-]*(?!/\\.)/${PLAIN}$`);
let lastBase = '';
let lastOrigin = '';

/** Resolves a possibly relative href against the page, '' when absent or unparsable. */
export function absoluteUrl(href: string | null | undefined, base: string): string {
  if (!href) return '';
  try {
    if (HTTPS_NAME.test(href)) return href;
    if (ROOT_PATH.test(href)) {
      if (base !== lastBase) [lastBase, lastOrigin] = [base, new URL(base).origin];
      if (lastOrigin.startsWith('http')) return lastOrigin + href;
    }
    return new URL(href, base).href;
  } catch {
    return '';
  }
}
