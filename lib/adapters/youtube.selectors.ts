import type { SelectorTable } from './types';

/**
 * YouTube desktop, as of November 2026. Custom-element tag names and ids are the stable parts; class names are
 * only fallbacks (YouTube renamed its BEM classes to camelCase in April 2026). Never detect ads or Shorts by
 * visible text: it is localised.
 */
export const youtubeSelectors = {
  homeGrid: {
    css: 'ytd-browse[page-subtype="home"] ytd-rich-grid-renderer > #contents',
    expect: { 'youtube-home.html': 1, 'youtube-broken.html': 1, 'youtube-watch.html': 0 },
  },
  watchSidebar: {
    css: 'ytd-watch-next-secondary-results-renderer',
    expect: { 'youtube-watch.html': 1, 'youtube-home.html': 0 },
  },
  searchResults: {
    css: 'ytd-search ytd-section-list-renderer > #contents',
    expect: { 'youtube-search.html': 1, 'youtube-home.html': 0 },
  },
  /** A grid cell: the element to mark on the home grid, so a hidden cell leaves no gap. */
  richItem: {
    css: 'ytd-rich-item-renderer',
    expect: { 'youtube-home.html': 14, 'youtube-broken.html': 0 },
  },
  lockup: {
    css: 'yt-lockup-view-model',
    expect: { 'youtube-home.html': 9, 'youtube-watch.html': 5 },
  },
  compactVideo: {
    css: 'ytd-compact-video-renderer',
    expect: { 'youtube-watch.html': 1 },
  },
  videoResult: {
    css: 'ytd-video-renderer',
    expect: { 'youtube-search.html': 4 },
  },
  /** Shelves whose whole content is Shorts: one item each. */
  shortsShelf: {
    css: 'ytd-rich-shelf-renderer[is-shorts], ytd-reel-shelf-renderer',
    expect: { 'youtube-home.html': 1, 'youtube-search.html': 1 },
  },
  shelfSection: {
    css: 'ytd-rich-section-renderer',
    expect: { 'youtube-home.html': 1 },
  },
  /** Thumbnail and title each link to a short. */
  shortsLink: {
    css: 'a[href^="/shorts/"]',
    expect: { 'youtube-home.html': 6, 'youtube-search.html': 5 },
  },
  adSlot: {
    css: 'ytd-ad-slot-renderer',
    expect: { 'youtube-home.html': 3, 'youtube-watch.html': 1, 'youtube-search.html': 0 },
  },
  mastheadAd: {
    css: '#masthead-ad',
    expect: { 'youtube-home.html': 1 },
  },
  playerAds: {
    css: '#player-ads',
    expect: { 'youtube-watch.html': 1 },
  },
  searchAd: {
    css: 'ytd-search-pyv-renderer',
    expect: { 'youtube-search.html': 1 },
  },
  statementBanner: {
    css: 'ytd-statement-banner-renderer',
    expect: { 'youtube-home.html': 0 },
  },
  /** The video link of a lockup or renderer; its href carries the id and changes when the element is recycled. */
  videoLink: {
    css: 'a[href*="/watch?v="], a[href^="/shorts/"]',
    expect: {},
  },
  title: {
    css: '.ytLockupMetadataViewModelTitle, #video-title, .yt-lockup-metadata-view-model__title, h3 a, h3',
    expect: {},
  },
  channelLink: {
    css: 'a[href^="/@"], a[href^="/channel/"], #channel-name a, #text.ytd-channel-name a',
    expect: {},
  },
  channelName: {
    css: '#channel-name, ytd-channel-name',
    expect: { 'youtube-watch.html': 1, 'youtube-search.html': 4 },
  },
  metadataRow: {
    css: '.ytContentMetadataViewModelMetadataRow',
    expect: { 'youtube-watch.html': 10 },
  },
  shortsTitle: {
    css: '.shortsLockupViewModelHostMetadataTitle, h3',
    expect: {},
  },
  description: {
    css: '.metadata-snippet-text, #description-text, yt-formatted-string.metadata-snippet-text',
    expect: {},
  },
} satisfies SelectorTable;

/** Elements that are (or hold) an item. Order does not matter: itemRoot picks the element to mark. */
export const youtubeCandidates = [
  youtubeSelectors.richItem.css,
  youtubeSelectors.lockup.css,
  youtubeSelectors.compactVideo.css,
  youtubeSelectors.videoResult.css,
  youtubeSelectors.shelfSection.css,
  'ytd-reel-shelf-renderer',
  youtubeSelectors.adSlot.css,
  youtubeSelectors.mastheadAd.css,
  youtubeSelectors.playerAds.css,
  youtubeSelectors.searchAd.css,
  youtubeSelectors.statementBanner.css,
].join(', ');
