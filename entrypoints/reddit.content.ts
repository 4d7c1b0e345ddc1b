import '@/lib/shield-runtime/shield.css';
import { redditAdapter } from '@/lib/adapters/reddit';
import { runFeedShield } from '@/lib/shield-runtime/content';

export default defineContentScript({
  matches: ['https://www.reddit.com/*', 'https://old.reddit.com/*'],
  runAt: 'document_start',
  main(ctx) {
    runFeedShield(redditAdapter, ctx);
  },
});
