import '@/lib/shield-runtime/shield.css';
import '@/lib/shield-runtime/hold.css';
import { xAdapter } from '@/lib/adapters/x';
import { runFeedShield } from '@/lib/shield-runtime/content';

export default defineContentScript({
  matches: ['https://x.com/*'],
  runAt: 'document_start',
  main(ctx) {
    runFeedShield(xAdapter, ctx);
  },
});
