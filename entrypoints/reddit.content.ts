import { redditAdapter } from '@/lib/adapters/reddit';
import { FEED_MATCHES } from '@/lib/adapters/matches';
import { runFeedShieldOnceParsed } from '@/lib/shield-runtime/content';

// Once the page is parsed, so that compiling and setting up the shield never holds up DOMContentLoaded; reddit-start
// kept the parser's items unseen until now.
export default defineContentScript({
  matches: FEED_MATCHES.reddit,
  runAt: 'document_end',
  main(ctx) {
    runFeedShieldOnceParsed(redditAdapter, ctx);
  },
});
