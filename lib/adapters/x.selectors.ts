import type { SelectorTable } from './types';

/** X (x.com), November 2026. `data-testid` attributes are the stable hooks; class names are generated. */
export const xSelectors = {
  primaryColumn: {
    css: '[data-testid="primaryColumn"]',
    expect: { 'x-home.html': 1, 'x-broken.html': 1 },
  },
  timeline: {
    css: '[data-testid="primaryColumn"] section[role="region"] > div > div',
    expect: { 'x-home.html': 1 },
  },
  cell: {
    css: '[data-testid="cellInnerDiv"]',
    expect: { 'x-home.html': 8, 'x-broken.html': 0 },
  },
  tweet: {
    css: 'article[data-testid="tweet"]',
    expect: { 'x-home.html': 7 },
  },
  promoted: {
    css: '[data-testid="placementTracking"]',
    expect: { 'x-home.html': 1 },
  },
  userName: {
    css: '[data-testid="User-Name"]',
    expect: { 'x-home.html': 7 },
  },
  tweetText: {
    css: '[data-testid="tweetText"]',
    expect: { 'x-home.html': 7 },
  },
  /** Where a tweet links out: the link card's anchor, or a link in the text. X wraps every outbound link in t.co. */
  outboundLink: {
    css: '[data-testid="card.wrapper"] a[href^="https://t.co/"], [data-testid="tweetText"] a[href^="https://t.co/"]',
    expect: { 'x-home.html': 1 },
  },
  permalink: {
    css: 'a[href*="/status/"]',
    expect: {},
  },
  socialContext: {
    css: '[data-testid="socialContext"]',
    expect: { 'x-home.html': 1 },
  },
} satisfies SelectorTable;
