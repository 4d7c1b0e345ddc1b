import type { WxtBrowser } from 'wxt/browser';

/**
 * The extension API in the content scripts, put in place of `wxt/browser` by wxt.config.ts.
 *
 * A document_start script's time is time the page's DOMContentLoaded waits for (issue 24), and Firefox builds the
 * API on first touch: the `browser` object itself (~6 ms on this machine), then each namespace (`runtime` ~9 ms,
 * `storage` ~5). WXT's own pick (`globalThis.browser?.runtime?.id ? browser : chrome`) touched two of them as the
 * script loaded. This one touches nothing until a namespace is used, and the build already knows its browser:
 * Firefox's `browser`, Chromium's `chrome` (promise-based in Manifest V3).
 */
const api = globalThis as unknown as { browser: WxtBrowser; chrome: WxtBrowser };
export const browser = new Proxy({} as WxtBrowser, {
  get: (_, namespace) => Reflect.get(import.meta.env.FIREFOX ? api.browser : api.chrome, namespace),
});
