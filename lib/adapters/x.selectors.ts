import type { SelectorCounts, SelectorTable } from './types';

/** X (x.com), November 2026. `data-testid` attributes are the stable hooks; class names are generated. */
export const xSelectors = {
  primaryColumn: '[data-testid="primaryColumn"]',
  timeline: '[data-testid="primaryColumn"] section[role="region"] > div > div',
  cell: '[data-testid="cellInnerDiv"]',
  tweet: 'article[data-testid="tweet"]',
  /** Wraps a promoted post, but on 2025 timelines also the video player inside ordinary posts: a sign of an ad only
   * on a post without its own permalink. */
  placement: '[data-testid="placementTracking"]',
  /** top-, right- and bottom-impression-pixel: X counts an ad's impressions with them; ordinary posts have none. */
  impressionPixel: '[data-testid$="impression-pixel"]',
  /** Where the word "Ad" is the post's own text or a link's, not X's label in the header. */
  notLabel: 'a, [data-testid="tweetText"], [data-testid="card.wrapper"]',
  userName: '[data-testid="User-Name"]',
  tweetText: '[data-testid="tweetText"]',
  /** Where a tweet links out: the link card's anchor, or a link in the text. X wraps most outbound links in t.co;
   * an ad's card may link straight to the advertiser. Mentions and hashtags are relative links. */
  outboundLink: '[data-testid="card.wrapper"] a[href^="http"], [data-testid="tweetText"] a[href^="http"]',
  permalink: 'a[href*="/status/"]',
  socialContext: '[data-testid="socialContext"]',
  /** X's own menu of a post ("More"), at the end of the post's header row, after its Grok button. */
  caret: '[data-testid="caret"]',
} satisfies SelectorTable;

/** Fixture counts of each selector above (see SelectorCounts). */
export const xSelectorCounts: SelectorCounts<typeof xSelectors> = {
  primaryColumn: { 'x-home.html': 1, 'x-broken.html': 1, 'x-video-ads.html': 1 },
  timeline: { 'x-home.html': 1 },
  cell: { 'x-home.html': 8, 'x-broken.html': 0, 'x-video-ads.html': 5 },
  tweet: { 'x-home.html': 7, 'x-video-ads.html': 5 },
  placement: { 'x-home.html': 1, 'x-video-ads.html': 3 },
  impressionPixel: { 'x-home.html': 0, 'x-video-ads.html': 3 },
  notLabel: {},
  userName: { 'x-home.html': 7, 'x-video-ads.html': 5 },
  tweetText: { 'x-home.html': 7, 'x-video-ads.html': 5 },
  outboundLink: { 'x-home.html': 1, 'x-video-ads.html': 1 },
  permalink: {},
  socialContext: { 'x-home.html': 1 },
  caret: { 'x-home.html': 7 },
};
