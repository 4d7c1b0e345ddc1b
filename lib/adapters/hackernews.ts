import { absoluteUrl, textOf } from './feed-item';
import { HACKERNEWS_PAGES } from './page-signals';
import { hackernewsSelectors as S } from './hackernews.selectors';
import { hackernewsSurface } from './surfaces';
import type { Adapter } from './types';

const STORY = S.story;
const SUBTEXT = S.subtext;

function itemRoot(el: Element): Element | null {
  const row = el.closest('tr');
  if (!row) return null;
  if (row.matches(STORY)) return row;
  // The subtext row under a story belongs to it.
  const prev = row.previousElementSibling;
  return prev && prev.matches(STORY) && subtextCellOf(row) !== null ? prev : null;
}

/** The story's `.titleline > a` (S.titleLink). Chromium answers selectors with a combinator slowly on rows
 * just inserted (about 80 µs a call against ~1 µs for one class), and this runs several times for every arriving
 * story: the row's cells are walked first (title cell > span.titleline > a); the selector stays the fallback, so
 * a markup change finds what it always found. */
function titleLink(root: Element): Element | null {
  // Sibling pointers, not `for...of` over `children`: iterating a live collection costs more than the walk.
  for (let cell = root.firstElementChild; cell; cell = cell.nextElementSibling) {
    for (let line = cell.firstElementChild; line; line = line.nextElementSibling) {
      if (!hasClass(line, 'titleline')) continue;
      for (let c = line.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'a') return c;
    }
  }
  return root.querySelector(S.titleLink);
}

/** Reads the class attribute as text: `classList` builds a token list for every fresh element it is asked about. */
function hasClass(el: Element, name: string): boolean {
  const cls = el.getAttribute('class');
  if (cls === null) return false;
  if (cls === name) return true;
  return ` ${cls.replace(/\s+/g, ' ')} `.includes(` ${name} `);
}

/** The row under a story that holds its subtext cell. */
function subtextRow(root: Element): Element | null {
  return subtextCell(root) ? root.nextElementSibling : null;
}

/** The subtext cell of a row: one of its own cells in HN's markup, tried before a search. */
function subtextCellOf(row: Element): Element | null {
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) if (cell.matches(SUBTEXT)) return cell;
  return row.querySelector(SUBTEXT);
}

/** The subtext cell in the row right under a story, found once (the mark and the row test both ask). */
function subtextCell(root: Element): Element | null {
  const next = root.nextElementSibling;
  return next ? subtextCellOf(next) : null;
}

export const hackernewsAdapter: Adapter = {
  platform: 'hackernews',
  pages: HACKERNEWS_PAGES,
  matches: (url) => url.hostname === 'news.ycombinator.com',
  surface: hackernewsSurface,
  expectsItems: (surface) => surface === 'front' || surface === 'newest',
  // Some front pages have neither #bigbox nor table.itemlist; the stories' own rows are the constant.
  feedContainer: (doc) => doc.querySelector(S.itemTable) ?? doc.querySelector(S.story)?.parentElement ?? null,
  candidateSelector: `${STORY}, ${S.subtext}`,
  findItems(root) {
    const found: Element[] = [];
    if (root instanceof Element && root.matches(STORY)) found.push(root);
    for (const el of root.querySelectorAll(STORY)) found.push(el);
    return found;
  },
  itemRoot,
  readItem(root, surface) {
    const id = root.id;
    const link = titleLink(root);
    const sub = subtextRow(root);
    // Read only once the subtext row is parsed: the author lives there, and a blocked author must not slip by.
    if (!/^\d{1,20}$/.test(id) || !link || !sub) return null;
    const author = textOf(sub.querySelector(S.user));
    // Job ads for YC companies carry no score and no submitter: the site's own sponsored slot.
    const job = !sub.querySelector(S.score) && !author;
    return {
      platform: 'hackernews',
      id,
      url: absoluteUrl(link.getAttribute('href'), root.baseURI),
      title: textOf(link),
      author,
      kind: job ? 'ad' : 'story',
      promoted: job,
      promotedMarkers: job ? ['hn-job-ad'] : [],
      text: '',
      surface,
      domain: textOf(root.querySelector(S.site)),
    };
  },
  identity: (root) => `${root.id}|${titleLink(root)?.getAttribute('href') ?? ''}|${subtextRow(root) ? 1 : 0}`,
  watchAttributes: [],
  extraParts(root) {
    const sub = subtextRow(root);
    if (!sub) return [];
    const spacer = sub.nextElementSibling;
    return spacer && spacer.matches('tr.spacer') ? [sub, spacer] : [sub];
  },
  // The spacer row after the subtext is the last part; until it is parsed the item must not move.
  partsComplete: (root) => subtextRow(root)?.nextElementSibling != null,
  stubSlot: (root) => ({ parent: root, wrap: 'td' }),
  markSlot: (root) => ({ parent: subtextCell(root) ?? root }),
  rankLabel: (root) => root.querySelector(S.rank),
  linkSelector: S.titleLink,
  canReorder: () => true,
};
