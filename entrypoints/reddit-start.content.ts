import '@/lib/shield-runtime/shield.css';
import '@/lib/adapters/reddit.hold.css';
import { FEED_MATCHES } from '@/lib/adapters/matches';
import { redditSurface } from '@/lib/adapters/surfaces';
import { holdFeedEarly } from '@/lib/shield-runtime/early-hold';

// Small, before the page is parsed: keeps items unseen until reddit.content.ts, run once the page is parsed, decides
// them, and reads the profile and models for it then (lib/shield-runtime/early-hold.ts, page-start.ts).
export default defineContentScript({
  matches: FEED_MATCHES.reddit,
  runAt: 'document_start',
  main(ctx) {
    holdFeedEarly({ platform: 'reddit', surface: redditSurface }, ctx.signal);
  },
});
