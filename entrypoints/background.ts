import { startBackground } from '@/lib/background/start';

export default defineBackground({
  // An ES module background: Firefox's background page then loads WebLLM (several MB) as its own chunk, only
  // when the local model is wanted, instead of evaluating it every time the page starts. Chrome's worker never
  // imports it (its model host is the offscreen document).
  type: 'module',
  main() {
    startBackground();
  },
});
