import { xAdapter } from '@/lib/adapters/x';
import { FEED_MATCHES } from '@/lib/adapters/matches';
import { runFeedShieldOnceParsed } from '@/lib/shield-runtime/content';

// Once the page is parsed, so that compiling and setting up the shield never holds up DOMContentLoaded; x-start
// kept the parser's items unseen until now.
export default defineContentScript({
  matches: FEED_MATCHES.x,
  runAt: 'document_end',
  main(ctx) {
    runFeedShieldOnceParsed(xAdapter, ctx);
  },
});
