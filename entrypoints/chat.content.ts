import { CHAT_MATCHES } from '@/lib/chat/sites';
import { startChat } from '@/lib/chat/start';

// document_start: Parapet's capture listeners must be on window before the site adds its own.
export default defineContentScript({
  matches: CHAT_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    startChat(ctx.signal);
  },
});
