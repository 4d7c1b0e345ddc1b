// What a feed page asks for as it starts (lib/shield-runtime/page-start.ts), asked at document_start and taken up
// by the feed script once the page is parsed; read from storage, with no message while the page is parsed, when the
// background kept it there.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { BUILD, modelsKey, TAB_READY_VERSION, tabLookupsKey, tabReadyKey, type StoredTabLookups, type StoredTabReady } from '@/lib/schema/stored-models';
import { KNOWN_VERSION, knownKey, type KnownEntry, type StoredKnown } from '@/lib/schema/known-decisions';
import { readPageStart, requestPageStart } from '@/lib/shield-runtime/page-start';
import type { Transport } from '@/lib/shield-runtime/transport';

const at = (revision: number): Profile => ({ ...defaultProfile(1), revision });
const models = { clickbait: 'AAAA', detectorTables: '{}', learned: null, stamp: 'one' };

function background(answer: () => Promise<unknown>): Transport {
  return { send: (() => answer()) as Transport['send'], onProfile: () => () => {} };
}

describe('the start of a feed page', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [modelsKey('hackernews')]: models });
  });

  it("takes the answer's profile, or one the person saved while the page loaded (a later revision)", async () => {
    const answer = background(async () => ({ profile: at(3), models: 'one' }));
    expect((await requestPageStart(answer, 'hackernews', 0).profile).revision).toBe(3);
    expect((await requestPageStart(answer, 'hackernews', 0, () => at(5)).profile).revision).toBe(5);
    expect((await requestPageStart(answer, 'hackernews', 0, () => at(2)).profile).revision).toBe(3);
  });

  it('reads the models the answer names from storage, or takes them from the answer', async () => {
    const stored = requestPageStart(background(async () => ({ profile: at(1), models: 'one' })), 'hackernews', 0);
    expect(await stored.models).toEqual(models);
    const carried = { ...models, stamp: undefined, clickbait: 'BBBB' };
    const inAnswer = requestPageStart(background(async () => ({ profile: at(1), models: carried })), 'hackernews', 0);
    expect(await inAnswer.models).toEqual(carried);
  });

  it('fails quietly until taken up: no unhandled rejection while the page is parsed, the failure once asked', async () => {
    const start = requestPageStart(background(async () => Promise.reject(new Error('no background'))), 'hackernews', 0);
    await new Promise((r) => setTimeout(r, 20)); // the parse: nobody is listening yet
    await expect(start.profile).rejects.toThrow('no background');
    await expect(start.models).rejects.toThrow('no background');
  });
});

describe('the start of a feed page from what the background kept for it (issue 24)', () => {
  const ready = (revision: number, over: Partial<StoredTabReady> = {}): StoredTabReady => ({
    v: TAB_READY_VERSION,
    build: BUILD,
    stamp: 'one',
    key: `${revision} 1 words`,
    profile: at(revision),
    ...over,
  });
  const form = { platform: 'hackernews', marker: 'the look-ups' } as unknown as StoredTabLookups['prepared'];
  /** The look-ups of ready(4), kept apart from it. */
  const lookups = (over: Partial<StoredTabLookups> = {}): StoredTabLookups => ({ v: TAB_READY_VERSION, build: BUILD, stamp: 'one', key: '4 1 words', prepared: form, ...over });
  /** The background, counting what the tab sent it. */
  function counting(answer: () => Promise<unknown> = async () => ({ profile: at(9), models: 'one' })) {
    const sent: Array<[string, unknown]> = [];
    const transport: Transport = {
      send: ((type: string, payload: unknown) => (sent.push([type, payload]), type === 'page/start' ? answer() : Promise.resolve(null))) as Transport['send'],
      onProfile: () => () => {},
    };
    return { transport, sent };
  }
  beforeEach(async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [modelsKey('hackernews')]: models, [tabLookupsKey('hackernews')]: lookups() });
  });

  it('takes the profile and the models from storage and sends nothing while the page is parsed', async () => {
    await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: ready(4) });
    const { transport, sent } = counting();
    const start = readPageStart(transport, 'hackernews', 0);
    start.begin!(); // the page parsed
    expect((await start.profile).revision).toBe(4);
    expect(await start.models).toEqual(models);
    expect(sent).toEqual([]);
  });

  /** The keys of each storage.local get, as asked. */
  const gets = (get: { mock: { calls: unknown[][] } }) => get.mock.calls.map(([keys]) => keys);

  it('asks page/start, as before, when nothing usable is kept: none yet, another version, another build', async () => {
    for (const kept of [undefined, { ...ready(4), v: 0 }, { ...ready(4), v: TAB_READY_VERSION - 1 }, ready(4, { build: 'older' })]) {
      await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: kept });
      const get = vi.spyOn(fakeBrowser.storage.local, 'get');
      const { transport, sent } = counting();
      const start = readPageStart(transport, 'hackernews', 0);
      start.begin!();
      expect((await start.profile).revision).toBe(9);
      expect(await start.models).toEqual(models);
      // The models the answer names were read beside the unusable copy: not read again.
      expect(gets(get)).toEqual([['hackernews-ready', 'hackernews-known'], ['hackernews', 'hackernews-lookups']]);
      get.mockRestore();
      expect(sent.map(([type]) => type)).toEqual(['page/start']);
      start.confirm();
      await new Promise((r) => setTimeout(r, 0));
      expect(sent.map(([type]) => type)).toEqual(['page/start']);
    }
  });

  it('kept beside models of another copy (the background was writing new ones), takes its profile and asks for the models', async () => {
    await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: ready(4, { stamp: 'two' }) });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const { transport, sent } = counting(async () => ({ profile: at(9), models: 'one' }));
    const start = readPageStart(transport, 'hackernews', 0);
    start.begin!();
    expect((await start.profile).revision).toBe(4);
    expect(await start.models).toEqual(models);
    expect(sent.map(([type]) => type)).toEqual(['page/start']);
    const asked = gets(get);
    get.mockRestore();
    // The answer names the models already read: they are not read again.
    expect(asked).toEqual([['hackernews-ready', 'hackernews-known'], ['hackernews', 'hackernews-lookups']]);
  });

  describe("the profile's look-ups, kept apart and read with the models", () => {
    const prepared = (p: Profile) => (p as Profile & { prepared?: unknown }).prepared;

    it('come back in the profile kept, before the models are handed on: the profile comes first without them', async () => {
      await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: ready(4), [tabLookupsKey('hackernews')]: lookups() });
      const { transport, sent } = counting();
      const start = readPageStart(transport, 'hackernews', 0);
      start.begin!();
      const profile = await start.profile;
      const atProfile = prepared(profile);
      expect(await start.models).toEqual(models);
      expect(atProfile).toBeUndefined();
      expect(prepared(profile)).toEqual(form);
      expect(sent).toEqual([]);
    });

    it("of another copy (the background was writing new ones): the profile page/start answers brings them", async () => {
      for (const other of [lookups({ key: '3 1 words' }), lookups({ stamp: 'two' }), lookups({ build: 'older' }), undefined]) {
        await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: ready(4), [tabLookupsKey('hackernews')]: other });
        const answered = { ...at(4), prepared: { platform: 'hackernews', marker: 'answered' } };
        const { transport, sent } = counting(async () => ({ profile: answered, models: 'one' }));
        const start = readPageStart(transport, 'hackernews', 0);
        start.begin!();
        const profile = await start.profile;
        expect(await start.models).toEqual(models);
        expect(prepared(profile)).toEqual({ platform: 'hackernews', marker: 'answered' });
        expect(sent.map(([type]) => type)).toEqual(['page/start']);
      }
    });

    it('of this copy beside models of another: kept, and only the models are asked for', async () => {
      await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: ready(4, { stamp: 'two' }), [tabLookupsKey('hackernews')]: lookups({ stamp: 'two' }) });
      const { transport, sent } = counting(async () => ({ profile: { ...at(9), prepared: { marker: 'answered' } }, models: 'one' }));
      const start = readPageStart(transport, 'hackernews', 0);
      start.begin!();
      const profile = await start.profile;
      expect(await start.models).toEqual(models);
      expect(prepared(profile)).toEqual(form);
      expect(sent.map(([type]) => type)).toEqual(['page/start']);
    });
  });

  it('once the page is parsed, tells the background which profile it started from (it sends a later one as a broadcast)', async () => {
    await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: ready(4) });
    const { transport, sent } = counting();
    const start = readPageStart(transport, 'hackernews', 0);
    start.begin!();
    await start.profile;
    start.confirm();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([['page/current', { key: '4 1 words' }]]);
  });

  it('takes a later revision broadcast while the page loaded over the kept one', async () => {
    await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: ready(4) });
    const begun = (newer: () => Profile) => {
      const start = readPageStart(counting().transport, 'hackernews', 0, newer);
      start.begin!();
      return start;
    };
    expect((await begun(() => at(6)).profile).revision).toBe(6);
    expect((await begun(() => at(3)).profile).revision).toBe(4);
  });

  it('reads nothing while the page is parsed: only once begun (the early hold begins it at DOMContentLoaded)', async () => {
    await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: ready(4) });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const start = readPageStart(counting().transport, 'hackernews', 0);
    await new Promise((r) => setTimeout(r, 10));
    expect(get).not.toHaveBeenCalled();
    start.begin!();
    expect((await start.profile).revision).toBe(4);
    expect(get).toHaveBeenCalledTimes(2);
    get.mockRestore();
  });

  describe('with the decisions kept from the feed’s earlier pages', () => {
    const entry: KnownEntry = {
      id: '1',
      fp: 7,
      decision: { platform: 'hackernews', itemId: '1', action: 'hide', reasons: [], score: 0.5, uncertain: false },
      quoted: [],
    };
    const kept = (over: Partial<StoredKnown> = {}): StoredKnown => ({ v: KNOWN_VERSION, build: BUILD, stamp: 'one', key: '4 1 words', entries: [entry], ...over });

    it('reads them with the profile, before the models, for the very profile kept with them', async () => {
      await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: ready(4), [knownKey('hackernews')]: kept() });
      const get = vi.spyOn(fakeBrowser.storage.local, 'get');
      const start = readPageStart(counting().transport, 'hackernews', 0);
      start.begin!();
      const known = (await start.known)!;
      expect(known.profile).toBe(await start.profile);
      expect(known).toMatchObject({ key: '4 1 words', stamp: 'one', entries: [entry] });
      // Two gets asked at once: the profile and the decisions come back before the ~1 MB of models.
      expect(gets(get)).toEqual([['hackernews-ready', 'hackernews-known'], ['hackernews', 'hackernews-lookups']]);
      get.mockRestore();
    });

    it('uses none kept for another profile, build, copy of the models or version; none at all without the kept profile', async () => {
      for (const other of [kept({ key: '3 1 words' }), kept({ build: 'older' }), kept({ stamp: 'two' }), kept({ v: 0 as typeof KNOWN_VERSION })]) {
        await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: ready(4), [knownKey('hackernews')]: other });
        const start = readPageStart(counting().transport, 'hackernews', 0);
        start.begin!();
        // Still kept from here on, under this profile's key.
        expect(await start.known).toMatchObject({ key: '4 1 words', entries: [] });
      }
      await fakeBrowser.storage.local.remove(tabReadyKey('hackernews'));
      const start = readPageStart(counting().transport, 'hackernews', 0);
      start.begin!();
      expect(await start.known).toBeNull();
    });

    it('uses none when a later profile was broadcast while the page loaded', async () => {
      await fakeBrowser.storage.local.set({ [tabReadyKey('hackernews')]: ready(4), [knownKey('hackernews')]: kept() });
      const start = readPageStart(counting().transport, 'hackernews', 0, () => at(6));
      start.begin!();
      expect((await start.profile).revision).toBe(6);
      expect(await start.known).toBeNull();
    });
  });
});
