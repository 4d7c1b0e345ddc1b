import { browser } from 'wxt/browser';
import { FEED_PLATFORMS, type FeedPlatform } from '../schema/common';
import type { Profile } from '../schema/profile';
import { knownKey } from '../schema/known-decisions';
import type { WithPrepared } from '../core/shield/prepared';
import { BUILD, isCurrent, TAB_READY_VERSION, tabLookupsKey, tabReadyKey, type StoredTabLookups, type StoredTabReady } from '../schema/stored-models';
import type { ModelArea } from './page-models';
import { pauseForTabs } from './pause';

/** Which copies are kept (their readyKey by feed) and with which build and models: a woken worker compares this
 * small value, not the copies. */
const INDEX_KEY = 'ready-keys';
interface Kept {
  /** TAB_READY_VERSION of the copies: those of another are made again, even by the same build. */
  v?: number;
  build: string;
  stamp: string;
  keys: Partial<Record<FeedPlatform, string>>;
}

export interface TabReadyDeps {
  /** The person's profile as stored (lib/db.ts loadProfile). */
  load: () => Promise<Profile>;
  /** What page/start answers a tab of `feed` (page-profile.ts readyForTab), its topics waited for. */
  ready: (profile: Profile, feed: FeedPlatform) => Promise<{ key: string; profile: Profile }>;
  /** The stamp of the models kept beside it (page-models.ts createModelStore); null when none are kept, and then
   * neither is this (tabs ask page/start). */
  models: () => Promise<string | null>;
  /** The feeds of the tabs open now: their copies are made and kept first, as the page a person opens next is most
   * likely on a site they have open (and a broadcast has just made what those tabs are sent, so theirs cost nothing). */
  openFeeds?: () => Promise<FeedPlatform[]>;
  /** How long the other feeds' copies wait once the open feeds' are kept (OTHERS_AFTER_MS). */
  othersAfterMs?: number;
  area?: () => TabReadyArea;
  build?: string;
}

/** After a change, the next page a person opens is most likely the next page of the site they made it on, at once:
 * the other feeds' copies, made and written while it started, took its start ~150 ms longer (probe-first-page.ts,
 * third case: 295-425 ms, against 157-178 ms with them a second later). A tab of another feed opened meanwhile asks
 * page/start, as before its copy is kept. */
const OTHERS_AFTER_MS = 1000;

/** storage.local (a stand-in in unit tests). */
export interface TabReadyArea extends ModelArea {
  remove(keys: string[]): Promise<void>;
}

/**
 * Keeps, beside each feed's models in storage.local, the profile a tab of that feed would be answered at its start
 * (stored-models.ts, StoredTabReady), so the tab reads it instead of asking while its page is parsed. `refresh`
 * after every change the background broadcasts, when a topic pack comes in late (a broadcast too), and at the
 * worker's start (a profile read back from its copy, a new build or models): it reads the profile as stored, and
 * writes only the feeds whose copy is not what it makes of it. One refresh at a time; one asked for meanwhile runs
 * after it, so the last to run read the last profile written. `forget` before a change is told (handlers.ts): a tab
 * that starts before the copies are made again asks page/start, rather than starting from what the person changed.
 */
export function createTabReadyStore(deps: TabReadyDeps) {
  const area = deps.area ?? (() => browser.storage.local);
  const build = deps.build ?? BUILD;
  let index: Kept | null | undefined;
  /** Ends a refresh's wait for the other feeds' copies: a change came, and its own refresh goes first. */
  let endWait: (() => void) | null = null;
  /** Moves on at each forget: a refresh that read the profile before does not write what it made of it. */
  let generation = 0;

  async function write(): Promise<void> {
    const from = generation;
    const [profile, stamp] = await Promise.all([deps.load(), deps.models()]);
    if (stamp === null) return;
    if (index === undefined) index = ((await area().get(INDEX_KEY))[INDEX_KEY] as Kept | undefined) ?? null;
    const kept = index?.v === TAB_READY_VERSION && index.build === build && index.stamp === stamp ? index.keys : {};
    // Every copy current: nothing to make or write (a worker wakes many times with the same profile; making costs
    // it a few ms a feed).
    if (FEED_PLATFORMS.every((f) => kept[f] !== undefined && isCurrent(kept[f], profile))) return;
    const open = (await deps.openFeeds?.().catch(() => [])) ?? [];
    let keys = { ...kept };
    // The first feed without an open tab waits; none does when no feed's tab is open.
    const firstOther = open.length > 0 ? FEED_PLATFORMS.find((f) => !open.includes(f)) : undefined;
    for (const feed of new Set([...open, ...FEED_PLATFORMS])) {
      if (feed === firstOther) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, deps.othersAfterMs ?? OTHERS_AFTER_MS);
          endWait = () => (clearTimeout(timer), resolve());
        });
        endWait = null;
        if (from !== generation) return;
      }
      const ready = await deps.ready(profile, feed);
      if (from !== generation) return;
      if (kept[feed] !== ready.key) {
        // Each feed's copy as soon as it is made, with the index naming it: a tab of that feed starting now reads
        // it, rather than asking page/start behind the other feeds' copies (a change's refresh takes hundreds of ms).
        keys = { ...keys, [feed]: ready.key };
        // The look-ups apart from the profile, in the same set: a tab reads the profile first, the look-ups with
        // the models (stored-models.ts, StoredTabLookups).
        const { prepared, ...light } = ready.profile as Profile & WithPrepared;
        const copy: StoredTabReady = { v: TAB_READY_VERSION, build, stamp, key: ready.key, profile: light };
        const lookups: StoredTabLookups = { v: TAB_READY_VERSION, build, stamp, key: ready.key, prepared: prepared ?? null };
        const next: Kept = { v: TAB_READY_VERSION, build, stamp, keys };
        await area().set({ [tabReadyKey(feed)]: copy, [tabLookupsKey(feed)]: lookups, [INDEX_KEY]: next });
        index = next;
      }
      // Between sites, the tabs' messages are taken: one is not kept waiting behind all four.
      await pauseForTabs();
    }
  }

  let running: Promise<void> | null = null;
  let again = false;
  return {
    /** Whether `key` is what is kept for `feed` now: every change is forgotten before it is answered (`forget`), so
     * a kept key of this build is the current profile's, and a tab that started from it needs nothing more; the
     * profile itself is not read (a woken worker's first read of it is its largest cost). With `stamp`: and kept
     * beside that copy of the models. */
    async current(feed: FeedPlatform, key: string, stamp?: string): Promise<boolean> {
      if (index === undefined) index = ((await area().get(INDEX_KEY).catch((): Record<string, unknown> => ({})))[INDEX_KEY] as Kept | undefined) ?? null;
      return index?.v === TAB_READY_VERSION && index.build === build && index.keys[feed] === key && (stamp === undefined || index.stamp === stamp);
    },
    async forget(): Promise<void> {
      generation++;
      endWait?.();
      if (running) again = true;
      index = null;
      // The decisions tabs made with the copies go with them (known-store.ts): never used again once the copies are
      // made anew, and a wipe leaves none of them behind.
      await area()
        .remove([...FEED_PLATFORMS.flatMap((f) => [tabReadyKey(f), tabLookupsKey(f), knownKey(f)]), INDEX_KEY])
        .catch((e) => console.warn('Parapet: the profile kept for the tabs could not be cleared', e));
    },
    refresh(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await write().catch((e) => {
            // What is kept stays as it was; tabs that read it are told the current profile once parsed (page/current).
            index = undefined;
            console.warn('Parapet: the profile could not be kept for the tabs', e);
          });
        } while (again);
        running = null;
      })();
      return running;
    },
  };
}
