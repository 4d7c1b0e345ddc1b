/**
 * What a page's address says about what the person is doing, per site, as data: the search they ran, and the
 * item page they opened (time spent there is a signal). Addresses are more stable than markup, and reading them
 * touches nothing on the page. Each site's adapter carries its own (Adapter.pages): a content script holds only
 * its site's.
 */
export interface PagePatterns {
  /** Search result pages and the query parameter that holds what was searched. */
  search: Array<{ path: RegExp; param: string }>;
  /** Item pages: the first capture group (or `idParam`) is the item id the feed uses, once it starts with
   * `idPrefix` (added when the address leaves it out). */
  item: Array<{ path: RegExp; idParam?: string }>;
  idPrefix?: string;
  /** What the site appends to document.title. */
  titleSuffix: RegExp;
}

export const YOUTUBE_PAGES: PagePatterns = {
  search: [{ path: /^\/results\/?$/, param: 'search_query' }],
  item: [{ path: /^\/watch\/?$/, idParam: 'v' }, { path: /^\/shorts\/([\w-]{6,})/ }],
  titleSuffix: /\s+-\s+YouTube$/,
};

export const REDDIT_PAGES: PagePatterns = {
  search: [{ path: /^(?:\/r\/[\w-]+)?\/search\/?$/, param: 'q' }],
  item: [{ path: /^\/r\/[\w-]+\/comments\/(\w+)/ }],
  idPrefix: 't3_',
  titleSuffix: /\s+:\s+r\/[\w-]+$|\s+-\s+Reddit$/,
};

export const X_PAGES: PagePatterns = {
  search: [{ path: /^\/search\/?$/, param: 'q' }],
  item: [{ path: /^\/[\w]{1,15}\/status\/(\d+)/ }],
  titleSuffix: /\s+\/\s+X$/,
};

export const HACKERNEWS_PAGES: PagePatterns = {
  search: [],
  item: [{ path: /^\/item\/?$/, idParam: 'id' }],
  titleSuffix: /\s+\|\s+Hacker News$/,
};

const MAX_QUERY = 300;

/** The search the page shows results for, or null. */
export function searchQueryOf(pages: PagePatterns, url: URL): string | null {
  for (const s of pages.search) {
    if (!s.path.test(url.pathname)) continue;
    const q = url.searchParams.get(s.param)?.replace(/\s+/g, ' ').trim();
    if (q) return q.slice(0, MAX_QUERY);
  }
  return null;
}

/** The id of the item whose own page this is, or null. */
export function openedItemOf(pages: PagePatterns, url: URL): string | null {
  for (const p of pages.item) {
    const m = p.path.exec(url.pathname);
    if (!m) continue;
    const id = p.idParam ? url.searchParams.get(p.idParam) : m[1];
    if (id && id.length <= 200) return pages.idPrefix && !id.startsWith(pages.idPrefix) ? pages.idPrefix + id : id;
  }
  return null;
}

/** The item's title as the page names it, without the site's own suffix. */
export function pageTitleOf(pages: PagePatterns, documentTitle: string): string {
  return documentTitle.replace(/^\(\d+\)\s+/, '').replace(pages.titleSuffix, '').trim().slice(0, 500);
}
