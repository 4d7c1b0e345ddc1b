import type { SelectorCounts, SelectorTable } from './types';

/**
 * YouTube desktop, as of November 2026. Custom-element tag names and ids are the stable parts; class names are
 * only fallbacks (YouTube renamed its BEM classes to camelCase in April 2026). Never detect ads or Shorts by
 * visible text: it is localised.
 */
export const youtubeSelectors = {
  homeGrid: 'ytd-browse[page-subtype="home"] ytd-rich-grid-renderer > #contents',
  watchSidebar: 'ytd-watch-next-secondary-results-renderer',
  searchResults: 'ytd-search ytd-section-list-renderer > #contents',
  /** A grid cell: the element to mark on the home grid, so a hidden cell leaves no gap. */
  richItem: 'ytd-rich-item-renderer',
  lockup: 'yt-lockup-view-model',
  compactVideo: 'ytd-compact-video-renderer',
  videoResult: 'ytd-video-renderer',
  /** Shelves whose whole content is Shorts: one item each. */
  shortsShelf: 'ytd-rich-shelf-renderer[is-shorts], ytd-reel-shelf-renderer',
  shelfSection: 'ytd-rich-section-renderer',
  /** Thumbnail and title each link to a short. */
  shortsLink: 'a[href^="/shorts/"]',
  adSlot: 'ytd-ad-slot-renderer',
  mastheadAd: '#masthead-ad',
  playerAds: '#player-ads',
  searchAd: 'ytd-search-pyv-renderer',
  statementBanner: 'ytd-statement-banner-renderer',
  /** The video link of a lockup or renderer; its href carries the id and changes when the element is recycled. */
  videoLink: 'a[href*="/watch?v="], a[href^="/shorts/"]',
  title: '.ytLockupMetadataViewModelTitle, #video-title, .yt-lockup-metadata-view-model__title, h3 a, h3',
  channelLink: 'a[href^="/@"], a[href^="/channel/"], #channel-name a, #text.ytd-channel-name a',
  channelName: '#channel-name, ytd-channel-name',
  metadataRow: '.ytContentMetadataViewModelMetadataRow',
  shortsTitle: '.shortsLockupViewModelHostMetadataTitle, h3',
  description: '.metadata-snippet-text, #description-text, yt-formatted-string.metadata-snippet-text',
} satisfies SelectorTable;

/** Fixture counts of each selector above (see SelectorCounts). */
export const youtubeSelectorCounts: SelectorCounts<typeof youtubeSelectors> = {
  homeGrid: { 'youtube-home.html': 1, 'youtube-broken.html': 1, 'youtube-watch.html': 0 },
  watchSidebar: { 'youtube-watch.html': 1, 'youtube-home.html': 0 },
  searchResults: { 'youtube-search.html': 1, 'youtube-home.html': 0 },
  richItem: { 'youtube-home.html': 14, 'youtube-broken.html': 0 },
  lockup: { 'youtube-home.html': 9, 'youtube-watch.html': 5 },
  compactVideo: { 'youtube-watch.html': 1 },
  videoResult: { 'youtube-search.html': 4 },
  shortsShelf: { 'youtube-home.html': 1, 'youtube-search.html': 1 },
  shelfSection: { 'youtube-home.html': 1 },
  shortsLink: { 'youtube-home.html': 6, 'youtube-search.html': 5 },
  adSlot: { 'youtube-home.html': 3, 'youtube-watch.html': 1, 'youtube-search.html': 0 },
  mastheadAd: { 'youtube-home.html': 1 },
  playerAds: { 'youtube-watch.html': 1 },
  searchAd: { 'youtube-search.html': 1 },
  statementBanner: { 'youtube-home.html': 0 },
  videoLink: {},
  title: {},
  channelLink: {},
  channelName: { 'youtube-watch.html': 1, 'youtube-search.html': 4 },
  metadataRow: { 'youtube-watch.html': 10 },
  shortsTitle: {},
  description: {},
};

/** Elements that are (or hold) an item. Order does not matter: itemRoot picks the element to mark. */
export const youtubeCandidates = [
  youtubeSelectors.richItem,
  youtubeSelectors.lockup,
  youtubeSelectors.compactVideo,
  youtubeSelectors.videoResult,
  youtubeSelectors.shelfSection,
  'ytd-reel-shelf-renderer',
  youtubeSelectors.adSlot,
  youtubeSelectors.mastheadAd,
  youtubeSelectors.playerAds,
  youtubeSelectors.searchAd,
  youtubeSelectors.statementBanner,
].join(', ');
