import '@/lib/shield-runtime/shield.css';
import { youtubeAdapter } from '@/lib/adapters/youtube';
import { runFeedShield } from '@/lib/shield-runtime/content';

export default defineContentScript({
  matches: ['https://www.youtube.com/*'],
  runAt: 'document_start',
  main(ctx) {
    runFeedShield(youtubeAdapter, ctx);
  },
});
