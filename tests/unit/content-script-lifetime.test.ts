// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The extension's runtime as a content script sees it: `id` goes away when the extension is reloaded or removed.
// Each copy of a script has its own runtime object; here they share one, so `nextReads` scripts what each read sees.
const runtime = vi.hoisted(() => ({
  nextReads: [] as Array<string | undefined>,
  get id(): string | undefined {
    return this.nextReads.length ? this.nextReads.shift() : 'ext-id';
  },
}));
vi.mock('wxt/browser', () => ({ browser: { runtime } }));

const { ContentScriptContext } = await import('@/lib/content-script/context');
const { watchAddress } = await import('@/lib/content-script/address');

// Parapet's name for the event, and WXT's (which held the extension's id): a page can send either.
const started = (script: string) => `parapet:${script}:content-script-started`;
const wxtStarted = (script: string) => `ext-id:${script}:wxt:content-script-started`;

afterEach(() => {
  runtime.nextReads = [];
  vi.useRealTimers();
});

describe("a content script's lifetime", () => {
  it('is not ended by a page announcing a newer copy, in any form the page can send', () => {
    const ctx = new ContentScriptContext('youtube');
    const detail = { contentScriptName: 'youtube', messageId: 'from-the-page' };
    for (const type of [started('youtube'), wxtStarted('youtube')]) {
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    }
    expect(ctx.signal.aborted).toBe(false);
  });

  it('ends the copy a reload of the extension left behind when the new copy starts (WXT development reloads)', () => {
    const old = new ContentScriptContext('chat');
    const other = new ContentScriptContext('youtube');
    // The old copy hears the new one and, asking the browser, finds its extension context gone.
    runtime.nextReads = [undefined];
    new ContentScriptContext('chat');
    expect(old.signal.aborted).toBe(true);
    // Only copies of the same script hear it.
    expect(other.signal.aborted).toBe(false);
  });

  it('does not touch the extension API as it starts (Firefox builds `runtime` on its first read: issue 24)', () => {
    const reads = vi.spyOn(runtime, 'id', 'get');
    new ContentScriptContext('hackernews');
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
  });

  it('keeps the new copy running', () => {
    const fresh = new ContentScriptContext('reddit');
    new ContentScriptContext('reddit');
    expect(fresh.signal.aborted).toBe(false);
  });
});

describe("the content scripts' extension API (lib/content-script/browser.ts, wxt/browser in their builds)", () => {
  it("touches nothing of the browser's API until a namespace is used: Firefox builds each part on first touch", async () => {
    const touched: string[] = [];
    const api = { runtime: { id: 'ext-id' }, storage: { local: {} } };
    const spy = new Proxy(api, { get: (o, k) => (touched.push(String(k)), Reflect.get(o, k)) });
    // The globals themselves are built on first read in Firefox (the `browser` object, ~6 ms).
    for (const name of ['chrome', 'browser']) {
      Object.defineProperty(globalThis, name, { configurable: true, get: () => (touched.push(name), spy) });
    }
    try {
      const { browser } = await import('@/lib/content-script/browser');
      expect(touched).toEqual([]);
      expect(browser.runtime.id).toBe('ext-id');
      expect(touched).toEqual(['chrome', 'runtime']);
    } finally {
      for (const name of ['chrome', 'browser']) delete (globalThis as Record<string, unknown>)[name];
    }
  });
});

describe('watching the address for client-side navigations', () => {
  it('reports a pushState navigation once, and nothing for a page pretending to navigate', () => {
    vi.useFakeTimers();
    const lifetime = new AbortController();
    const changed = vi.fn();
    watchAddress(lifetime.signal, changed);
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(2000);
    expect(changed).not.toHaveBeenCalled();
    history.pushState({}, '', '/watch?v=next');
    vi.advanceTimersByTime(2000);
    expect(changed).toHaveBeenCalledTimes(1);
    lifetime.abort();
    history.pushState({}, '', '/watch?v=after');
    vi.advanceTimersByTime(2000);
    expect(changed).toHaveBeenCalledTimes(1);
  });
});

describe('the content scripts', () => {
  it("use nothing of their context but its signal (wxt.config.ts puts Parapet's own context in WXT's place)", () => {
    const root = resolve(__dirname, '../..');
    const files = [
      ...readdirSync(join(root, 'entrypoints')).filter((f) => f.endsWith('.content.ts')).map((f) => join(root, 'entrypoints', f)),
      join(root, 'lib/shield-runtime/content.ts'),
    ];
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const uses = readFileSync(file, 'utf8').match(/\bctx\.\w+/g) ?? [];
      expect(uses.filter((u) => u !== 'ctx.signal'), file).toEqual([]);
    }
  });
});
