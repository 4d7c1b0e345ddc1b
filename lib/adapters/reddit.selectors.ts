import type { SelectorCounts, SelectorTable } from './types';

/**
 * Reddit, November 2026. The current UI carries each post's data in attributes of the `shreddit-post` custom
 * element; old.reddit.com in `data-*` attributes of `.thing` rows. Both are stable across redesigns of the CSS.
 */
export const redditSelectors = {
  feed: 'shreddit-feed',
  post: 'shreddit-post',
  adPost: 'shreddit-ad-post',
  promotedAttr: 'shreddit-post[promoted]',
  /** Ads come as bare shreddit-ad-post elements, posts wrapped in an article. */
  article: 'shreddit-feed article',
  loadAfter: 'faceplate-partial[slot="load-after"]',
  textBody: '[slot="text-body"]',
  titleSlot: '[slot="title"]',
  oldTable: '#siteTable',
  oldThing: '#siteTable > .thing.link',
  oldPromoted: '#siteTable > .thing.promoted, #siteTable > .thing.promotedlink',
  oldTitle: 'a.title',
  /** A post's own menu at the end of its credit bar (the community and the time): the overflow menu, or the loader
   * that stands in its place until it is loaded. */
  overflowMenu: '[slot="credit-bar"] :is(shreddit-async-loader[bundlename="shreddit_post_overflow_menu"], shreddit-post-overflow-menu)',
  /** An old Reddit post's line of links under its title (comments, share, save, hide, report). */
  oldButtons: '.entry ul.buttons',
} satisfies SelectorTable;

/** Fixture counts of each selector above (see SelectorCounts). */
export const redditSelectorCounts: SelectorCounts<typeof redditSelectors> = {
  feed: { 'reddit-home.html': 1, 'reddit-broken.html': 1 },
  post: { 'reddit-home.html': 7, 'reddit-broken.html': 0 },
  adPost: { 'reddit-home.html': 1 },
  promotedAttr: { 'reddit-home.html': 1 },
  article: { 'reddit-home.html': 7, 'reddit-broken.html': 4 },
  loadAfter: { 'reddit-home.html': 1 },
  textBody: {},
  titleSlot: {},
  oldTable: { 'reddit-old.html': 1 },
  oldThing: { 'reddit-old.html': 6 },
  oldPromoted: { 'reddit-old.html': 1 },
  oldTitle: {},
  overflowMenu: { 'reddit-home.html': 14 },
  oldButtons: { 'reddit-old.html': 6 },
};

export const redditCandidates = [
  redditSelectors.post,
  redditSelectors.adPost,
  redditSelectors.oldThing,
].join(', ');
