import '@/lib/shield-runtime/shield.css';
import { hackernewsAdapter } from '@/lib/adapters/hackernews';
import { runFeedShield } from '@/lib/shield-runtime/content';

export default defineContentScript({
  matches: ['https://news.ycombinator.com/*'],
  runAt: 'document_start',
  main(ctx) {
    runFeedShield(hackernewsAdapter, ctx);
  },
});
