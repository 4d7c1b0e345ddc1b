import type { SelectorTable } from './types';

/**
 * Reddit, November 2026. The current UI carries each post's data in attributes of the `shreddit-post` custom
 * element; old.reddit.com in `data-*` attributes of `.thing` rows. Both are stable across redesigns of the CSS.
 */
export const redditSelectors = {
  feed: {
    css: 'shreddit-feed',
    expect: { 'reddit-home.html': 1, 'reddit-broken.html': 1 },
  },
  post: {
    css: 'shreddit-post',
    expect: { 'reddit-home.html': 7, 'reddit-broken.html': 0 },
  },
  adPost: {
    css: 'shreddit-ad-post',
    expect: { 'reddit-home.html': 1 },
  },
  promotedAttr: {
    css: 'shreddit-post[promoted]',
    expect: { 'reddit-home.html': 1 },
  },
  /** Ads come as bare shreddit-ad-post elements, posts wrapped in an article. */
  article: {
    css: 'shreddit-feed article',
    expect: { 'reddit-home.html': 7, 'reddit-broken.html': 4 },
  },
  loadAfter: {
    css: 'faceplate-partial[slot="load-after"]',
    expect: { 'reddit-home.html': 1 },
  },
  textBody: {
    css: '[slot="text-body"]',
    expect: {},
  },
  titleSlot: {
    css: '[slot="title"]',
    expect: {},
  },
  oldTable: {
    css: '#siteTable',
    expect: { 'reddit-old.html': 1 },
  },
  oldThing: {
    css: '#siteTable > .thing.link',
    expect: { 'reddit-old.html': 6 },
  },
  oldPromoted: {
    css: '#siteTable > .thing.promoted, #siteTable > .thing.promotedlink',
    expect: { 'reddit-old.html': 1 },
  },
  oldTitle: {
    css: 'a.title',
    expect: {},
  },
} satisfies SelectorTable;

export const redditCandidates = [
  redditSelectors.post.css,
  redditSelectors.adPost.css,
  redditSelectors.oldThing.css,
].join(', ');
