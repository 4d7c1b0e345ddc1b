// The background behind the copies kept for feed tabs (tab-ready-store.ts) and the decisions kept beside them
// (known-store.ts), over a fake storage.local: shared by their tests.
import { vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { createKnownStore } from '@/lib/background/known-store';
import { createPagePreparer, readyForTab } from '@/lib/background/page-profile';
import { createTabReadyStore, type TabReadyArea } from '@/lib/background/tab-ready-store';
import { loadProfile, type Store } from '@/lib/db';
import type { FeedPlatform } from '@/lib/schema/common';
import type { Profile } from '@/lib/schema/profile';
import { tabReadyKey } from '@/lib/schema/stored-models';

export const URLS: Record<FeedPlatform, string> = {
  youtube: 'https://www.youtube.com/',
  reddit: 'https://www.reddit.com/',
  x: 'https://x.com/',
  hackernews: 'https://news.ycombinator.com/',
};
export const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
export const fromDashboard = { id: 'ext-id', url: 'chrome-extension://ext-id/dashboard.html', tab: { id: 4 } };
export const fromTab = { id: 'ext-id', url: URLS.hackernews, tab: { id: 7, url: URLS.hackernews } };

/** storage.local in memory: what is in it, and the keys of each write. */
export function memoryArea() {
  const items = new Map<string, unknown>();
  const written: string[][] = [];
  const area: TabReadyArea = {
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (more) => {
      written.push(Object.keys(more));
      for (const [k, v] of Object.entries(more)) items.set(k, structuredClone(v));
    },
    remove: async (keys) => void keys.forEach((k) => items.delete(k)),
  };
  /** How many times the HN copy was written (each feed's copy is written on its own, as soon as it is made). */
  const writes = () => written.filter((keys) => keys.includes(tabReadyKey('hackernews'))).length;
  return { area, items, written, writes };
}

/** A background over `store`: its topics expanded by `pack` (a stand-in for the meaning model's). */
export function background(store: Store, area: TabReadyArea, opts: { pack?: (p: Profile) => Promise<Profile>; build?: string; stamp?: string | null } = {}) {
  const pack = opts.pack ?? (async (p: Profile) => p);
  const forPage = createPagePreparer();
  const tabReady = createTabReadyStore({
    load: () => loadProfile(store, 1000),
    ready: (p, feed) => readyForTab(p, URLS[feed], pack, forPage),
    models: async () => (opts.stamp === undefined ? 'stamp-1' : opts.stamp),
    area: () => area,
    build: opts.build ?? 'build-1',
  });
  const known = createKnownStore({ current: (feed, key, stamp) => tabReady.current(feed, key, stamp), area: () => area, build: opts.build ?? 'build-1' });
  const tellTab = vi.fn();
  const handlers = createHandlers({
    store,
    // As the extension's background does (start.ts): the tabs are told, then the copies kept again.
    broadcastProfile: () => void tabReady.refresh(),
    tabStats: { get: async () => null, set: async () => {} },
    selectInstructions: () => [],
    now: () => 1000,
    withTopicPack: (p) => pack(p),
    forPage,
    storedModels: async () => 'stamp-1',
    tabReady,
    known,
    tellTab,
  });
  return { tabReady, known, handlers, tellTab, forPage, pack };
}
