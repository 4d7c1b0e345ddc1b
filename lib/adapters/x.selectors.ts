import type { SelectorCounts, SelectorTable } from './types';

/** X (x.com), November 2026. `data-testid` attributes are the stable hooks; class names are generated. */
export const xSelectors = {
  primaryColumn: '[data-testid="primaryColumn"]',
  timeline: '[data-testid="primaryColumn"] section[role="region"] > div > div',
  cell: '[data-testid="cellInnerDiv"]',
  tweet: 'article[data-testid="tweet"]',
  promoted: '[data-testid="placementTracking"]',
  userName: '[data-testid="User-Name"]',
  tweetText: '[data-testid="tweetText"]',
  /** Where a tweet links out: the link card's anchor, or a link in the text. X wraps every outbound link in t.co. */
  outboundLink: '[data-testid="card.wrapper"] a[href^="https://t.co/"], [data-testid="tweetText"] a[href^="https://t.co/"]',
  permalink: 'a[href*="/status/"]',
  socialContext: '[data-testid="socialContext"]',
} satisfies SelectorTable;

/** Fixture counts of each selector above (see SelectorCounts). */
export const xSelectorCounts: SelectorCounts<typeof xSelectors> = {
  primaryColumn: { 'x-home.html': 1, 'x-broken.html': 1 },
  timeline: { 'x-home.html': 1 },
  cell: { 'x-home.html': 8, 'x-broken.html': 0 },
  tweet: { 'x-home.html': 7 },
  promoted: { 'x-home.html': 1 },
  userName: { 'x-home.html': 7 },
  tweetText: { 'x-home.html': 7 },
  outboundLink: { 'x-home.html': 1 },
  permalink: {},
  socialContext: { 'x-home.html': 1 },
};
