import { browser } from 'wxt/browser';

/** A shipped file's loader: its promise, and whether it is in (a call then answers at once). */
export interface ShippedFile<T> {
  (): Promise<T | null>;
  readonly loaded: boolean;
}

/**
 * A file shipped in the extension (public/), read and made ready once per background lifetime on first use.
 * Resolves to null when it cannot be read, and tries again on the next call: callers fail open without it.
 */
export function shippedFile<T>(path: string, ready: (res: Response) => Promise<T>, without: string): ShippedFile<T> {
  let loading: Promise<T | null> | null = null;
  let loaded = false;
  const load = () =>
    (loading ??= (async () => {
      try {
        const res = await fetch(browser.runtime.getURL(path as '/'));
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const made = await ready(res);
        loaded = true;
        return made;
      } catch (e) {
        console.warn(`Parapet: ${path} could not be read; ${without}`, e);
        loading = null;
        return null;
      }
    })());
  return Object.defineProperty(load, 'loaded', { get: () => loaded }) as ShippedFile<T>;
}
