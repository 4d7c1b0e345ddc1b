import type { SelectorTable } from './types';

/** Hacker News: plain server-rendered tables, stable for years. */
export const hackernewsSelectors = {
  itemTable: {
    css: '#bigbox > td > table > tbody, table.itemlist > tbody',
    expect: { 'hackernews-front.html': 1, 'hackernews-broken.html': 1 },
  },
  story: {
    css: 'tr.athing:not(.comtr)',
    expect: { 'hackernews-front.html': 8, 'hackernews-broken.html': 0 },
  },
  titleLink: {
    css: '.titleline > a',
    expect: { 'hackernews-front.html': 8 },
  },
  site: {
    css: '.sitestr',
    expect: { 'hackernews-front.html': 7 },
  },
  score: {
    css: '.score',
    expect: { 'hackernews-front.html': 7 },
  },
  user: {
    css: '.hnuser',
    expect: { 'hackernews-front.html': 7 },
  },
  subtext: {
    css: 'td.subtext',
    expect: { 'hackernews-front.html': 8 },
  },
  more: {
    css: 'a.morelink',
    expect: { 'hackernews-front.html': 1 },
  },
} satisfies SelectorTable;
