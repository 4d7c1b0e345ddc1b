import type { FeedPlatform } from '../schema/constants';

/** The addresses each feed's two content scripts run on (entrypoints/<feed>-start and <feed>.content.ts): one list,
 * so that the one holding items at document_start and the one deciding them never cover different pages. */
export const FEED_MATCHES: Record<FeedPlatform, string[]> = {
  youtube: ['https://www.youtube.com/*'],
  reddit: ['https://www.reddit.com/*', 'https://old.reddit.com/*'],
  x: ['https://x.com/*'],
  hackernews: ['https://news.ycombinator.com/*'],
};
