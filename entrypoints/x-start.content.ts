import '@/lib/shield-runtime/shield.css';
import '@/lib/adapters/x.hold.css';
import { FEED_MATCHES } from '@/lib/adapters/matches';
import { xSurface } from '@/lib/adapters/surfaces';
import { holdFeedEarly } from '@/lib/shield-runtime/early-hold';

// Small, before the page is parsed: keeps items unseen until x.content.ts, run once the page is parsed, decides
// them, and reads the profile and models for it then (lib/shield-runtime/early-hold.ts, page-start.ts).
export default defineContentScript({
  matches: FEED_MATCHES.x,
  runAt: 'document_start',
  main(ctx) {
    holdFeedEarly({ platform: 'x', surface: xSurface }, ctx.signal);
  },
});
