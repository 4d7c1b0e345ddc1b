// What each feed's tab reads at its start instead of asking while its page is parsed (issue 24): the background
// keeps, beside that feed's models, the profile page/start would answer a tab of that feed (lib/background/
// tab-ready-store.ts). It must be what page/start answers, written again after every change a person makes (and
// when the topics' expansion comes in), never written again when nothing changed, current after the worker starts,
// and hold only that feed's part of the profile. A tab that started from an older copy is sent the current profile
// once its page is parsed (page/current).
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '@/lib/messaging';
import { createPagePreparer, readyForTab } from '@/lib/background/page-profile';
import { createTabReadyStore } from '@/lib/background/tab-ready-store';
import { loadProfile, openStore, saveProfile, type Store } from '@/lib/db';
import type { TabReadyArea } from '@/lib/background/tab-ready-store';
import type { FeedPlatform } from '@/lib/schema/common';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { tabLookupsKey, tabReadyKey, TAB_READY_VERSION, type StoredTabLookups, type StoredTabReady } from '@/lib/schema/stored-models';
import { background, fromDashboard, fromTab, memoryArea, self, URLS } from './tab-ready-background';

const person = (): Profile => ({
  ...defaultProfile(0),
  blockedAuthors: [
    { platform: 'hackernews', name: 'pgdev' },
    { platform: 'reddit', name: 'u/spammer' },
  ],
  hiddenItems: [{ platform: 'reddit', itemId: 't3_abc', at: 0 }],
  instructions: [{ id: 'i1', text: 'I am allergic to shellfish', sites: ['chatgpt'], enabled: true, scope: { type: 'auto' } }],
});

/** The copies kept over `store` with a Hacker News tab open; `made` hears each feed as its copy is made. */
function withHackerNewsOpen(store: Store, area: TabReadyArea, othersAfterMs: number, made: (feed: FeedPlatform) => void = () => {}) {
  const forPage = createPagePreparer();
  return createTabReadyStore({
    load: () => loadProfile(store, 1000),
    ready: (p, feed) => (made(feed), readyForTab(p, URLS[feed], async (x) => x, forPage)),
    models: async () => 'stamp-1',
    area: () => area,
    build: 'build-1',
    openFeeds: async () => ['hackernews'],
    othersAfterMs,
  });
}

const kept = (items: Map<string, unknown>, feed: FeedPlatform) => items.get(tabReadyKey(feed)) as StoredTabReady | undefined;
const lookupsOf = (items: Map<string, unknown>, feed: FeedPlatform) => items.get(tabLookupsKey(feed)) as StoredTabLookups;
/** The profile kept for a feed with its look-ups put back, as page/start answers it (and a copy of before version 5 held it). */
const withLookups = (items: Map<string, unknown>, feed: FeedPlatform) => ({ ...kept(items, feed)!.profile, prepared: lookupsOf(items, feed).prepared }) as Profile;

describe('the profile kept for each feed’s tabs', () => {
  it('is, for each feed, what page/start answers a tab of that feed, and holds nothing of the other feeds', async () => {
    const store = openStore(`ready-${Math.random()}`);
    await saveProfile(store, person(), 1000);
    const { area, items } = memoryArea();
    const { tabReady, handlers } = background(store, area);
    await tabReady.refresh();
    const answer = await dispatch(handlers, { type: 'page/start', payload: {} }, fromTab, self);
    const hn = kept(items, 'hackernews')!;
    expect(hn).toMatchObject({ v: TAB_READY_VERSION, build: 'build-1', stamp: 'stamp-1' });
    // The look-ups apart, written with it for the same copy: a tab reads the profile first, them with the models.
    const lookups = lookupsOf(items, 'hackernews');
    expect(lookups).toMatchObject({ v: TAB_READY_VERSION, build: 'build-1', stamp: 'stamp-1', key: hn.key });
    expect(hn.profile).not.toHaveProperty('prepared');
    expect({ ...hn.profile, prepared: lookups.prepared }).toEqual((answer as { value: { profile: unknown } }).value.profile);
    expect(JSON.stringify(lookups)).toContain('pgdev');
    expect(JSON.stringify(lookups)).not.toContain('u/spammer');
    expect(JSON.stringify(hn)).not.toContain('u/spammer');
    expect(JSON.stringify(hn)).not.toContain('t3_abc');
    for (const feed of Object.keys(URLS) as FeedPlatform[]) expect(JSON.stringify(kept(items, feed))).not.toContain('shellfish');
    expect(JSON.stringify(kept(items, 'reddit'))).toContain('t3_abc');
  });

  it('is written again when the person saves, and not when nothing changed', async () => {
    const store = openStore(`ready-${Math.random()}`);
    const { area, items, writes } = memoryArea();
    const { tabReady, handlers } = background(store, area);
    await tabReady.refresh();
    const first = kept(items, 'hackernews')!;
    expect(writes()).toBe(1);
    await tabReady.refresh();
    expect(writes()).toBe(1);

    const saved = await dispatch(handlers, { type: 'profile/save', payload: { profile: { ...first.profile, ...person(), revision: first.profile.revision } } }, fromDashboard, self);
    expect(saved.ok).toBe(true);
    // Once the save is answered, a tab starting finds no copy of what the person changed (it asks page/start).
    expect([undefined, (saved as { value: Profile }).value.revision]).toContain(kept(items, 'hackernews')?.profile.revision);
    await tabReady.refresh();
    const next = kept(items, 'hackernews')!;
    expect(next.profile.revision).toBe((saved as { value: Profile }).value.revision);
    expect(next.profile.revision).toBeGreaterThan(first.profile.revision);
    expect(JSON.stringify(next.profile)).not.toEqual(JSON.stringify(first.profile));
    expect(writes()).toBe(2);
  });

  it('keeps each feed’s copy as soon as it is made, the feeds of the open tabs first and the others a moment later', async () => {
    const store = openStore(`ready-${Math.random()}`);
    await saveProfile(store, person(), 1000);
    const { area, items } = memoryArea();
    const feeds = Object.keys(URLS) as FeedPlatform[];
    // Each feed as its copy is made, with the feeds whose copies a tab starting then would find.
    const made: Array<{ feed: FeedPlatform; kept: FeedPlatform[] }> = [];
    const at: number[] = [];
    const tabReady = withHackerNewsOpen(store, area, 200, (feed) => {
      made.push({ feed, kept: feeds.filter((f) => items.has(tabReadyKey(f))) });
      at.push(performance.now());
    });
    await tabReady.refresh();
    // The next Hacker News page, likely opened at once, starts without the other feeds' copies being made meanwhile.
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(190);
    expect(at[3] - at[1]).toBeLessThan(390);
    expect(made).toEqual([
      { feed: 'hackernews', kept: [] },
      { feed: 'youtube', kept: ['hackernews'] },
      { feed: 'reddit', kept: ['youtube', 'hackernews'] },
      { feed: 'x', kept: ['youtube', 'reddit', 'hackernews'] },
    ]);
    // The index names each copy as it is written: a tab that started from the first is current.
    expect(await tabReady.current('hackernews', kept(items, 'hackernews')!.key)).toBe(true);
  });

  it('a change while the other feeds wait has its own open feed kept at once, not after that wait', async () => {
    const store = openStore(`ready-${Math.random()}`);
    await saveProfile(store, person(), 1000);
    const { area, items } = memoryArea();
    const tabReady = withHackerNewsOpen(store, area, 60_000);
    void tabReady.refresh();
    await vi.waitFor(() => expect(items.has(tabReadyKey('hackernews'))).toBe(true));
    const next = await saveProfile(store, { ...(await loadProfile(store, 1000)), blockedAuthors: [{ platform: 'hackernews', name: 'someone' }] }, 2000);
    await tabReady.forget();
    void tabReady.refresh();
    await vi.waitFor(() => expect(kept(items, 'hackernews')?.key.startsWith(`${next.revision} `)).toBe(true), { timeout: 2000 });
    expect(items.has(tabReadyKey('youtube'))).toBe(false);
    await tabReady.forget(); // ends the second refresh's wait too
  });

  it('is gone before the person’s change is written: a tab that starts meanwhile never reads a copy older than what the person saw saved', async () => {
    const store = openStore(`ready-${Math.random()}`);
    const { area, items } = memoryArea();
    const { tabReady, handlers } = background(store, area);
    await tabReady.refresh();
    const before = (await loadProfile(store, 1000)).revision;
    // What a tab starting at each moment would find: the copy kept, and the profile as stored.
    const seen: Array<{ kept: number | undefined; lookups: boolean; stored: number }> = [];
    const remove = area.remove;
    area.remove = async (keys) => {
      await remove(keys);
      seen.push({ kept: kept(items, 'hackernews')?.profile.revision, lookups: items.has(tabLookupsKey('hackernews')), stored: (await loadProfile(store, 1000)).revision });
    };
    await dispatch(handlers, { type: 'profile/save', payload: { profile: { ...person(), revision: before } } }, fromDashboard, self);
    // Cleared while the profile stored was still the one before: from the write on, a tab finds no copy.
    expect(seen[0]).toEqual({ kept: undefined, lookups: false, stored: before });
  });

  it('a refresh that read the profile before a change does not write what it made of it', async () => {
    const store = openStore(`ready-${Math.random()}`);
    const { area, items } = memoryArea();
    const { tabReady, handlers } = background(store, area);
    const before = tabReady.refresh(); // reads the defaults
    await dispatch(handlers, { type: 'profile/save', payload: { profile: person() } }, fromDashboard, self);
    await before;
    expect(kept(items, 'hackernews')!.profile.revision).toBe((await loadProfile(store, 1000)).revision);
  });

  it('is written again when the topics come expanded, for a profile that did not change', async () => {
    const store = openStore(`ready-${Math.random()}`);
    await saveProfile(store, { ...defaultProfile(0), avoidTopics: [{ id: 'a1', label: 'politics', keywords: [], exclude: [] }] }, 1000);
    const { area, items } = memoryArea();
    let expanded = false;
    const pack = async (p: Profile) => (expanded ? ({ ...p, topicPack: { v: 1 } } as Profile) : p);
    const { tabReady } = background(store, area, { pack });
    await tabReady.refresh();
    expect(kept(items, 'hackernews')!.key).toMatch(/ words$/);
    expanded = true;
    await tabReady.refresh();
    expect(kept(items, 'hackernews')!.key).toMatch(/ topics$/);
  });

  it('is made current when the worker starts: after a profile written without it, a new build or new models; else left alone', async () => {
    const store = openStore(`ready-${Math.random()}`);
    const { area, items, writes } = memoryArea();
    await background(store, area).tabReady.refresh();
    expect(writes()).toBe(1);
    // Another worker, same build, models and profile: nothing written.
    await background(store, area).tabReady.refresh();
    expect(writes()).toBe(1);
    // The profile changed with no broadcast (read back from its copy, say): the next worker writes it.
    await saveProfile(store, person(), 2000);
    await background(store, area).tabReady.refresh();
    expect(writes()).toBe(2);
    expect(kept(items, 'hackernews')!.profile.revision).toBe((await loadProfile(store, 3000)).revision);
    await background(store, area, { build: 'build-2' }).tabReady.refresh();
    expect(kept(items, 'hackernews')!.build).toBe('build-2');
    await background(store, area, { build: 'build-2', stamp: 'stamp-2' }).tabReady.refresh();
    expect(kept(items, 'hackernews')!.stamp).toBe('stamp-2');
    expect(writes()).toBe(4);
  });

  /** A person's copies as an older version left them (`index` and `copy` rewrite the index and each copy): a tab
   * finds them not current, the next refresh makes them again (index and both feeds). The remade HN copy. */
  async function remadeFromOld(index: (kept: Record<string, unknown>) => object, copy: (kept: StoredTabReady) => object): Promise<StoredTabReady> {
    const store = openStore(`ready-${Math.random()}`);
    await saveProfile(store, person(), 1000);
    const { area, items, writes } = memoryArea();
    await background(store, area).tabReady.refresh();
    items.set('ready-keys', index(items.get('ready-keys') as Record<string, unknown>));
    // Copies of before version 5 held their look-ups in the profile.
    for (const feed of Object.keys(URLS) as FeedPlatform[]) {
      items.set(tabReadyKey(feed), copy({ ...kept(items, feed)!, profile: withLookups(items, feed) }));
      items.delete(tabLookupsKey(feed));
    }
    const { tabReady } = background(store, area);
    expect(await tabReady.current('hackernews', kept(items, 'hackernews')!.key)).toBe(false);
    await tabReady.refresh();
    expect(writes()).toBe(2);
    const hn = kept(items, 'hackernews')!;
    expect(hn.v).toBe(TAB_READY_VERSION);
    expect(await tabReady.current('hackernews', hn.key)).toBe(true);
    return { ...hn, profile: withLookups(items, 'hackernews') };
  }

  it('is made again when kept by an older version of the copy, even by the same build and models', async () => {
    // As version 1 left them: the copies of its shape (look-ups without their tables) and an index with no version.
    const hn = await remadeFromOld(
      ({ v: _v, ...index }) => index,
      (copy) => {
        const prepared = (copy.profile as { prepared?: { authors: unknown[][] } }).prepared;
        return { ...copy, v: 1, profile: { ...copy.profile, prepared: prepared && { ...prepared, authors: prepared.authors.map((a) => a.slice(0, 2)) } } };
      },
    );
    expect((hn.profile as unknown as { prepared: { authors: unknown[][] } }).prepared.authors[0]).toHaveLength(4);
  });

  it('is made again when kept by version 2, whose look-ups lack the substrings\' automaton and count the weights by term', async () => {
    const hn = await remadeFromOld(
      (index) => ({ ...index, v: 2 }),
      (copy) => {
        const prepared = (copy.profile as { prepared?: { matcher: object } }).prepared;
        const { substringTable: _t, ...matcher } = (prepared?.matcher ?? {}) as { substringTable?: unknown };
        return { ...copy, v: 2, profile: { ...copy.profile, prepared: prepared && { ...prepared, matcher } } };
      },
    );
    expect((hn.profile as unknown as { prepared: { matcher: object } }).prepared.matcher).toHaveProperty('substringTable');
  });

  it('is not kept without the models beside it (tabs then ask page/start)', async () => {
    const store = openStore(`ready-${Math.random()}`);
    const { area, items } = memoryArea();
    await background(store, area, { stamp: null }).tabReady.refresh();
    expect(items.size).toBe(0);
  });

  it('a tab that started from an older copy is sent the current profile once its page is parsed; a current one is not', async () => {
    const store = openStore(`ready-${Math.random()}`);
    const { area, items } = memoryArea();
    const { tabReady, handlers, tellTab } = background(store, area);
    await tabReady.refresh();
    const startedWith = kept(items, 'hackernews')!;
    expect((await dispatch(handlers, { type: 'page/current', payload: { key: startedWith.key } }, fromTab, self)).ok).toBe(true);
    expect(tellTab).not.toHaveBeenCalled();
    // A worker just woken answers from the kept key alone: it was written after the last change answered.
    const woken = background(store, area);
    expect(await woken.tabReady.current('hackernews', startedWith.key)).toBe(true);
    expect(await woken.tabReady.current('hackernews', `${startedWith.key}x`)).toBe(false);
    expect(await background(store, area, { build: 'build-2' }).tabReady.current('hackernews', startedWith.key)).toBe(false);
    await dispatch(woken.handlers, { type: 'page/current', payload: { key: startedWith.key } }, fromTab, self);
    expect(woken.tellTab).not.toHaveBeenCalled();

    const saved = (await dispatch(handlers, { type: 'profile/save', payload: { profile: { ...person(), revision: startedWith.profile.revision } } }, fromDashboard, self)) as { value: Profile };
    await dispatch(handlers, { type: 'page/current', payload: { key: startedWith.key } }, fromTab, self);
    expect(tellTab).toHaveBeenCalledTimes(1);
    const [tab, sent] = tellTab.mock.calls[0] as [number, Profile];
    expect(tab).toBe(7);
    expect(sent.revision).toBe(saved.value.revision);
    await tabReady.refresh();
    expect(sent).toEqual(withLookups(items, 'hackernews'));
  });
});
