import { browser } from 'wxt/browser';

/**
 * A file shipped in the extension (public/), read and made ready once per background lifetime on first use.
 * Resolves to null when it cannot be read, and tries again on the next call: callers fail open without it.
 */
export function shippedFile<T>(path: string, ready: (res: Response) => Promise<T>, without: string): () => Promise<T | null> {
  let loading: Promise<T | null> | null = null;
  return () =>
    (loading ??= (async () => {
      try {
        const res = await fetch(browser.runtime.getURL(path as '/'));
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return await ready(res);
      } catch (e) {
        console.warn(`Parapet: ${path} could not be read; ${without}`, e);
        loading = null;
        return null;
      }
    })());
}
