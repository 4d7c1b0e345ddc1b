import '@/lib/shield-runtime/shield.css';
import { xAdapter } from '@/lib/adapters/x';
import { runFeedShield } from '@/lib/shield-runtime/content';

export default defineContentScript({
  matches: ['https://x.com/*'],
  runAt: 'document_start',
  main(ctx) {
    runFeedShield(xAdapter, ctx);
  },
});
