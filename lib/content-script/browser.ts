import type { WxtBrowser } from 'wxt/browser';

/**
 * The extension API in the content scripts, put in place of `wxt/browser` by wxt.config.ts.
 *
 * WXT's own pick (`globalThis.browser?.runtime?.id ? browser : chrome`) reads `runtime` as the script is loaded,
 * at document_start. Firefox builds that namespace on its first read, about 10 ms on this machine, and a
 * document_start script's time is time the page's DOMContentLoaded waits for (issue 24). The build already knows
 * its browser: Firefox's `browser`, Chromium's `chrome` (promise-based in Manifest V3), neither touched until used.
 */
const api = globalThis as unknown as { browser: WxtBrowser; chrome: WxtBrowser };
export const browser: WxtBrowser = import.meta.env.FIREFOX ? api.browser : api.chrome;
