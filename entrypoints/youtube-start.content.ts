import '@/lib/shield-runtime/shield.css';
import '@/lib/adapters/youtube.hold.css';
import { FEED_MATCHES } from '@/lib/adapters/matches';
import { youtubeSurface } from '@/lib/adapters/surfaces';
import { holdFeedEarly } from '@/lib/shield-runtime/early-hold';

// Small, before the page is parsed: keeps items unseen until youtube.content.ts, run once the page is parsed, decides
// them, and reads the profile and models for it then (lib/shield-runtime/early-hold.ts, page-start.ts).
export default defineContentScript({
  matches: FEED_MATCHES.youtube,
  runAt: 'document_start',
  main(ctx) {
    holdFeedEarly({ platform: 'youtube', surface: youtubeSurface }, ctx.signal);
  },
});
