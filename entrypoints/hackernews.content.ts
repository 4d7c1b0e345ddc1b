import { hackernewsAdapter } from '@/lib/adapters/hackernews';
import { FEED_MATCHES } from '@/lib/adapters/matches';
import { runFeedShieldOnceParsed } from '@/lib/shield-runtime/content';

// Once the page is parsed, so that compiling and setting up the shield never holds up DOMContentLoaded; hackernews-start
// kept the parser's items unseen until now.
export default defineContentScript({
  matches: FEED_MATCHES.hackernews,
  runAt: 'document_end',
  main(ctx) {
    runFeedShieldOnceParsed(hackernewsAdapter, ctx);
  },
});
