import type { SelectorCounts, SelectorTable } from './types';

/** Hacker News: plain server-rendered tables, stable for years. */
export const hackernewsSelectors = {
  itemTable: '#bigbox > td > table > tbody, table.itemlist > tbody',
  story: 'tr.athing:not(.comtr)',
  titleLink: '.titleline > a',
  site: '.sitestr',
  score: '.score',
  user: '.hnuser',
  subtext: 'td.subtext',
  more: 'a.morelink',
} satisfies SelectorTable;

/** Fixture counts of each selector above (see SelectorCounts). */
export const hackernewsSelectorCounts: SelectorCounts<typeof hackernewsSelectors> = {
  itemTable: { 'hackernews-front.html': 1, 'hackernews-broken.html': 1, 'hackernews-topics.html': 1 },
  story: { 'hackernews-front.html': 8, 'hackernews-broken.html': 0, 'hackernews-topics.html': 8 },
  titleLink: { 'hackernews-front.html': 8 },
  site: { 'hackernews-front.html': 7 },
  score: { 'hackernews-front.html': 7 },
  user: { 'hackernews-front.html': 7 },
  subtext: { 'hackernews-front.html': 8 },
  more: { 'hackernews-front.html': 1 },
};
