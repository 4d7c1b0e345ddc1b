import type { SelectorCounts, SelectorTable } from './types';

/** Hacker News: plain server-rendered tables, stable for years. */
export const hackernewsSelectors = {
  /** Not on every front page: the adapter falls back to the stories' own table. */
  itemTable: '#bigbox > td > table > tbody, table.itemlist > tbody',
  story: 'tr.athing:not(.comtr)',
  titleLink: '.titleline > a',
  site: '.sitestr',
  score: '.score',
  user: '.hnuser',
  subtext: 'td.subtext',
  rank: 'span.rank',
  more: 'a.morelink',
} satisfies SelectorTable;

/** Fixture counts of each selector above (see SelectorCounts). */
export const hackernewsSelectorCounts: SelectorCounts<typeof hackernewsSelectors> = {
  itemTable: { 'hackernews-front.html': 1, 'hackernews-broken.html': 1, 'hackernews-topics.html': 1, 'hackernews-no-bigbox.html': 0 },
  story: { 'hackernews-front.html': 8, 'hackernews-broken.html': 0, 'hackernews-topics.html': 8, 'hackernews-no-bigbox.html': 5 },
  titleLink: { 'hackernews-front.html': 8, 'hackernews-no-bigbox.html': 5 },
  site: { 'hackernews-front.html': 7, 'hackernews-no-bigbox.html': 4 },
  score: { 'hackernews-front.html': 7, 'hackernews-no-bigbox.html': 4 },
  user: { 'hackernews-front.html': 7, 'hackernews-no-bigbox.html': 4 },
  subtext: { 'hackernews-front.html': 8, 'hackernews-no-bigbox.html': 5 },
  rank: { 'hackernews-front.html': 8, 'hackernews-no-bigbox.html': 5 },
  more: { 'hackernews-front.html': 1, 'hackernews-no-bigbox.html': 1 },
};
