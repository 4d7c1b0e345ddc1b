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
  /** No 'h3 a': an h3 comes before the links in it, so the h3 is found first; that part only made every link before
   * the title climb its ancestors to the document looking for one (issue 24). */
  title: '.ytLockupMetadataViewModelTitle, #video-title, .yt-lockup-metadata-view-model__title, h3',
  /** The steadiest hook for the channel: its link. A lockup's avatar may link there too, first and without text. */
  channelLink: 'a[href^="/@"], a[href^="/channel/"], #channel-name a, #text.ytd-channel-name a',
  /** Lockups whose channel name is no link still name it in the avatar's label ("Go to channel …"). */
  avatarLabel: 'yt-decorated-avatar-view-model [aria-label]',
  channelName: '#channel-name, ytd-channel-name',
  /** Both spellings YouTube writes (2025 BEM and April 2026 camelCase): a second source for the channel. */
  metadataRow: '.ytContentMetadataViewModelMetadataRow, .yt-content-metadata-view-model__metadata-row',
  /** Pages YouTube keeps in the DOM, hidden, after navigating away (back/forward shows them again): what they hold
   * is not on the page the person sees. */
  hiddenPage: 'ytd-browse[hidden], ytd-search[hidden], ytd-watch-flexy[hidden]',
  /** A video's description, shown inline and in its panel: the Shorts shelves and videos it lists are no feed. */
  descriptionContent: 'ytd-structured-description-content-renderer',
  shortsTitle: '.shortsLockupViewModelHostMetadataTitle, h3',
  description: '.metadata-snippet-text, #description-text',
} satisfies SelectorTable;

/** Fixture counts of each selector above (see SelectorCounts). */
export const youtubeSelectorCounts: SelectorCounts<typeof youtubeSelectors> = {
  homeGrid: { 'youtube-home.html': 1, 'youtube-broken.html': 1, 'youtube-watch.html': 0, 'youtube-home-2025.html': 1, 'youtube-watch-2025.html': 0 },
  watchSidebar: { 'youtube-watch.html': 1, 'youtube-home.html': 0, 'youtube-watch-2025.html': 1 },
  searchResults: { 'youtube-search.html': 1, 'youtube-home.html': 0, 'youtube-watch-2025.html': 1 },
  richItem: { 'youtube-home.html': 14, 'youtube-broken.html': 0, 'youtube-home-2025.html': 4 },
  lockup: { 'youtube-home.html': 9, 'youtube-watch.html': 5, 'youtube-home-2025.html': 4, 'youtube-watch-2025.html': 6 },
  compactVideo: { 'youtube-watch.html': 1 },
  videoResult: { 'youtube-search.html': 4, 'youtube-watch-2025.html': 3 },
  shortsShelf: { 'youtube-home.html': 1, 'youtube-search.html': 1, 'youtube-watch-2025.html': 3 },
  shelfSection: { 'youtube-home.html': 1 },
  shortsLink: { 'youtube-home.html': 6, 'youtube-search.html': 5, 'youtube-watch-2025.html': 6 },
  adSlot: { 'youtube-home.html': 3, 'youtube-watch.html': 1, 'youtube-search.html': 0, 'youtube-watch-2025.html': 2 },
  mastheadAd: { 'youtube-home.html': 1 },
  playerAds: { 'youtube-watch.html': 1, 'youtube-watch-2025.html': 1 },
  searchAd: { 'youtube-search.html': 1, 'youtube-watch-2025.html': 1 },
  statementBanner: { 'youtube-home.html': 0 },
  videoLink: {},
  title: {},
  channelLink: { 'youtube-home-2025.html': 4, 'youtube-watch-2025.html': 5 },
  avatarLabel: { 'youtube-home-2025.html': 1, 'youtube-watch-2025.html': 0 },
  channelName: { 'youtube-watch.html': 1, 'youtube-search.html': 4, 'youtube-watch-2025.html': 4 },
  metadataRow: { 'youtube-watch.html': 10, 'youtube-home-2025.html': 7, 'youtube-watch-2025.html': 12 },
  hiddenPage: { 'youtube-watch-2025.html': 1, 'youtube-watch.html': 0, 'youtube-home.html': 0 },
  descriptionContent: { 'youtube-watch-2025.html': 2, 'youtube-watch.html': 0 },
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
