import { browser } from 'wxt/browser';
import type { FeedPlatform } from '../schema/common';
import { KNOWN_CAP, KNOWN_VERSION, knownKey, type KnownEntry, type StoredKnown } from '../schema/known-decisions';
import { BUILD } from '../schema/stored-models';
import type { TabReadyArea } from './tab-ready-store';

export interface KnownStoreDeps {
  /** Whether `key` and `stamp` are the profile and models kept for `feed`'s tabs now (tab-ready-store.ts). */
  current(feed: FeedPlatform, key: string, stamp: string): Promise<boolean>;
  area?: () => Pick<TabReadyArea, 'get' | 'set'>;
  build?: string;
}

/**
 * Keeps, beside each feed's copy for its tabs, the decisions its tabs made with that copy (lib/schema/
 * known-decisions.ts): what a tab reports is added to what is kept under the same copy, the newest KNOWN_CAP; what
 * was kept under another copy is replaced. A report made with a copy that is no longer the feed's (the person changed
 * something since the tab started) is dropped. One write at a time, so two tabs' reports do not overwrite each other.
 */
export function createKnownStore(deps: KnownStoreDeps) {
  const area = deps.area ?? (() => browser.storage.local);
  const build = deps.build ?? BUILD;
  let queue: Promise<void> = Promise.resolve();

  async function write(feed: FeedPlatform, key: string, stamp: string, entries: KnownEntry[]): Promise<void> {
    if (entries.length === 0 || !(await deps.current(feed, key, stamp))) return;
    const name = knownKey(feed);
    const old = (await area().get(name))[name] as StoredKnown | undefined;
    const same = old?.v === KNOWN_VERSION && old.build === build && old.stamp === stamp && old.key === key;
    const byId = new Map((same ? old.entries : []).map((e) => [e.id, e]));
    // Deleted first, so a repeated item moves to the newest end.
    for (const e of entries) {
      byId.delete(e.id);
      byId.set(e.id, e);
    }
    const kept: StoredKnown = { v: KNOWN_VERSION, build, stamp, key, entries: [...byId.values()].slice(-KNOWN_CAP) };
    await area().set({ [name]: kept });
  }

  return {
    keep(feed: FeedPlatform, key: string, stamp: string, entries: KnownEntry[]): Promise<void> {
      queue = queue.then(() => write(feed, key, stamp, entries)).catch((e) => console.warn('Parapet: decisions could not be kept for the next page', e));
      return queue;
    },
  };
}
