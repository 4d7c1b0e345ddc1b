import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '@/lib/messaging';
import { createHandlers } from '@/lib/background/handlers';
import { openStore } from '@/lib/db';
import { defaultProfile, PROFILE_VERSION } from '@/lib/schema/profile';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const fromPage = { id: 'ext-id', url: 'https://www.youtube.com/', tab: { id: 3, url: 'https://www.youtube.com/' } };
const fromDashboard = { id: 'ext-id', url: 'chrome-extension://ext-id/dashboard.html', tab: { id: 4 } };
const fromOtherExtension = { id: 'evil', url: 'chrome-extension://evil/x.html' };

function setup(stamp: string | null = 'stamp-1') {
  const broadcast = vi.fn();
  const stats = new Map();
  const handlers = createHandlers({
    store: openStore(`msg-${Math.random()}`),
    broadcastProfile: broadcast,
    tabStats: { get: async (id) => stats.get(id) ?? null, set: async (id, s) => void stats.set(id, s) },
    selectInstructions: () => [],
    now: () => 1000,
    pageModels: async () => ({ clickbait: 'AAEC', detectorTables: '{"version":4}', learned: null }),
    storedModels: async () => stamp,
  });
  return { handlers, broadcast };
}

describe('message protocol', () => {
  it('answers a content script’s profile request', async () => {
    const { handlers } = setup();
    const r = await dispatch(handlers, { type: 'profile/get', payload: {} }, fromPage, self);
    expect(r.ok && (r.value as { schemaVersion: number }).schemaVersion).toBe(PROFILE_VERSION);
  });

  it('starts a feed tab with its profile, as profile/get gives it, and the stamp of the models it reads in storage', async () => {
    const { handlers } = setup();
    const r = await dispatch(handlers, { type: 'page/start', payload: {} }, fromPage, self);
    const alone = await dispatch(handlers, { type: 'profile/get', payload: {} }, fromPage, self);
    expect(r.ok && alone.ok).toBe(true);
    const value = (r as { value: { profile: unknown; models: unknown } }).value;
    expect(value.profile).toEqual((alone as { value: unknown }).value);
    expect(value.models).toBe('stamp-1');
  });

  it('sends a feed tab the models themselves when they could not be kept in storage', async () => {
    const { handlers } = setup(null);
    const r = await dispatch(handlers, { type: 'page/start', payload: {} }, fromPage, self);
    expect(r.ok && (r.value as { models: unknown }).models).toEqual({ clickbait: 'AAEC', detectorTables: '{"version":4}', learned: null });
  });

  it('refuses profile writes, exports and wipes from a web page or another extension', async () => {
    const { handlers, broadcast } = setup();
    for (const sender of [fromPage, fromOtherExtension]) {
      for (const [type, payload] of [
        ['profile/save', { profile: { ...defaultProfile(1), paused: true } }],
        ['data/export', {}],
        ['data/wipe', { confirm: 'wipe' }],
        ['data/import', { text: '{}', byteLength: 2 }],
      ] as const) {
        const r = await dispatch(handlers, { type, payload }, sender, self);
        expect(r).toEqual({ ok: false, error: `${type} is only accepted from Parapet's own pages` });
      }
    }
    expect(broadcast).not.toHaveBeenCalled();
    const p = await dispatch(handlers, { type: 'profile/get', payload: {} }, fromPage, self);
    expect(p.ok && (p.value as { paused: boolean }).paused).toBe(false);
  });

  it('accepts a profile write from the dashboard and tells every tab', async () => {
    const { handlers, broadcast } = setup();
    const r = await dispatch(handlers, { type: 'profile/save', payload: { profile: { ...defaultProfile(1), paused: true } } }, fromDashboard, self);
    expect(r.ok).toBe(true);
    expect(broadcast).toHaveBeenCalledWith(expect.objectContaining({ paused: true, revision: 1 }));
  });

  it('rejects malformed and unknown messages without running a handler', async () => {
    const spy = vi.fn();
    const handlers = { 'profile/get': spy } as unknown as Partial<Handlers>;
    expect(await dispatch(handlers, 'hello', fromPage, self)).toEqual({ ok: false, error: 'malformed message' });
    expect((await dispatch(handlers, { type: 'nope', payload: {} }, fromPage, self)).ok).toBe(false);
    const bad = await dispatch(handlers, { type: 'tab/stats', payload: { platform: 'myspace', seen: -1 } }, fromPage, self);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^invalid tab\/stats: platform/);
    expect(spy).not.toHaveBeenCalled();
  });

  it('imports all-or-nothing through the background: a bad file leaves the profile as it was', async () => {
    const { handlers } = setup();
    await dispatch(handlers, { type: 'profile/save', payload: { profile: { ...defaultProfile(1), paused: true } } }, fromDashboard, self);
    const bad = await dispatch(handlers, { type: 'data/import', payload: { text: '{"schemaVersion":2,"interests":"x"}', byteLength: 40 } }, fromDashboard, self);
    expect(bad.ok && (bad.value as { ok: boolean }).ok).toBe(false);
    const p = await dispatch(handlers, { type: 'profile/get', payload: {} }, fromPage, self);
    expect(p.ok && (p.value as { paused: boolean; revision: number })).toMatchObject({ paused: true, revision: 1 });
  });

  it('turns "less like this" from a page into its own entry, "block" into a blocked author, and a wrong verdict into an exception', async () => {
    const { handlers } = setup();
    const fb = (type: string, extra = {}) => ({
      feedback: { ts: 1, type, platform: 'youtube', itemId: 'abc', title: 'You Won’t Believe This', author: 'ShoutyChannel', ...extra },
    });
    const r1 = await dispatch(handlers, { type: 'feedback/record', payload: fb('less-like-this') }, fromPage, self);
    expect(r1.ok && (r1.value as { blockedAuthors: unknown[] }).blockedAuthors).toEqual([]);
    expect(r1.ok && (r1.value as { lessLike: unknown[] }).lessLike).toEqual([expect.objectContaining({ author: 'ShoutyChannel', subject: ['won', 'believe'] })]);
    const blocked = await dispatch(handlers, { type: 'feedback/record', payload: fb('block-author') }, fromPage, self);
    expect(blocked.ok && (blocked.value as { blockedAuthors: unknown[] }).blockedAuthors).toEqual([{ platform: 'youtube', name: 'ShoutyChannel' }]);
    const r2 = await dispatch(handlers, { type: 'feedback/record', payload: fb('verdict-wrong', { kind: 'clickbait' }) }, fromPage, self);
    expect(r2.ok && (r2.value as { exceptions: unknown[] }).exceptions[0]).toMatchObject({ type: 'item', kind: 'clickbait', author: 'ShoutyChannel', title: 'you won t believe this' });
  });

  it('records per-tab counts from the tab that sent them', async () => {
    const { handlers } = setup();
    await dispatch(handlers, { type: 'tab/stats', payload: { platform: 'youtube', seen: 10, hidden: 2, labelled: 1, reordered: 3 } }, fromPage, self);
    const r = await dispatch(handlers, { type: 'tab/stats/get', payload: { tabId: 3 } }, fromDashboard, self);
    expect(r.ok && (r.value as { stats: { hidden: number } }).stats.hidden).toBe(2);
  });
});

describe('hand hiding from the page', () => {
  it('keeps an item the user hid by hand hidden, and undo brings it back', async () => {
    const { handlers } = setup();
    const fb = (type: string) => ({ feedback: { ts: 1, type, platform: 'reddit', itemId: 't3_abc', title: 'A post', author: 'u1' } });
    const r1 = await dispatch(handlers, { type: 'feedback/record', payload: fb('hide-this') }, fromPage, self);
    expect(r1.ok && (r1.value as { hiddenItems: unknown[] }).hiddenItems).toEqual([{ platform: 'reddit', itemId: 't3_abc', at: 1000 }]);
    const r2 = await dispatch(handlers, { type: 'feedback/record', payload: fb('undo') }, fromPage, self);
    expect(r2.ok && (r2.value as { hiddenItems: unknown[] }).hiddenItems).toEqual([]);
  });
});
