import type { FeedPlatform } from '../schema/constants';

/**
 * What a page's address says about what the person is doing, per site, as data: the search they ran, and the
 * item page they opened (time spent there is a signal). Addresses are more stable than markup, and reading them
 * touches nothing on the page.
 */
interface PagePatterns {
  /** Search result pages and the query parameter that holds what was searched. */
  search: Array<{ path: RegExp; param: string }>;
  /** Item pages: the first capture group (or `idParam`) is the item id the feed uses. */
  item: Array<{ path: RegExp; idParam?: string }>;
  /** What the site appends to document.title. */
  titleSuffix: RegExp;
}

export const PAGE_PATTERNS: Record<FeedPlatform, PagePatterns> = {
  youtube: {
    search: [{ path: /^\/results\/?$/, param: 'search_query' }],
    item: [{ path: /^\/watch\/?$/, idParam: 'v' }, { path: /^\/shorts\/([\w-]{6,})/ }],
    titleSuffix: /\s+-\s+YouTube$/,
  },
  reddit: {
    search: [{ path: /^(?:\/r\/[\w-]+)?\/search\/?$/, param: 'q' }],
    item: [{ path: /^\/r\/[\w-]+\/comments\/(\w+)/ }],
    titleSuffix: /\s+:\s+r\/[\w-]+$|\s+-\s+Reddit$/,
  },
  x: {
    search: [{ path: /^\/search\/?$/, param: 'q' }],
    item: [{ path: /^\/[\w]{1,15}\/status\/(\d+)/ }],
    titleSuffix: /\s+\/\s+X$/,
  },
  hackernews: {
    search: [],
    item: [{ path: /^\/item\/?$/, idParam: 'id' }],
    titleSuffix: /\s+\|\s+Hacker News$/,
  },
};

const MAX_QUERY = 300;

/** The search the page shows results for, or null. */
export function searchQueryOf(platform: FeedPlatform, url: URL): string | null {
  for (const s of PAGE_PATTERNS[platform].search) {
    if (!s.path.test(url.pathname)) continue;
    const q = url.searchParams.get(s.param)?.replace(/\s+/g, ' ').trim();
    if (q) return q.slice(0, MAX_QUERY);
  }
  return null;
}

/** The id of the item whose own page this is, or null. */
export function openedItemOf(platform: FeedPlatform, url: URL): string | null {
  for (const p of PAGE_PATTERNS[platform].item) {
    const m = p.path.exec(url.pathname);
    if (!m) continue;
    const id = p.idParam ? url.searchParams.get(p.idParam) : m[1];
    if (id && id.length <= 200) return platform === 'reddit' && !id.startsWith('t3_') ? `t3_${id}` : id;
  }
  return null;
}

/** The item's title as the page names it, without the site's own suffix. */
export function pageTitleOf(platform: FeedPlatform, documentTitle: string): string {
  return documentTitle.replace(/^\(\d+\)\s+/, '').replace(PAGE_PATTERNS[platform].titleSuffix, '').trim().slice(0, 500);
}
