import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Responses } from '@/lib/schema/messages';
import { addSignals, countRows, setMeta, loadProfile, logDecisions, openStore, queryDecisions, saveProfile, updateProfile, wipeAll, type Store, type StorageProblem } from '@/lib/db';
import type { LoggedDecision, Signal } from '@/lib/schema/log';
import { createHandlers } from '@/lib/background/handlers';
import { dispatch } from '@/lib/messaging';
import { failAsFullDisk } from '../doubles/full-disk';
import { memoryBackup } from '../doubles/profile-backup';

const stores: Store[] = [];
const fresh = () => {
  const s = openStore(`full-${Math.random()}`, 1000, { backup: memoryBackup() });
  stores.push(s);
  return s;
};
afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of stores.splice(0)) await Promise.all([s.db.delete(), s.profileDb.delete()]);
});

const decision = (i: number): LoggedDecision => ({
  ts: 1000 + i,
  platform: 'youtube',
  itemId: `v${i}`,
  title: `Video ${i}`,
  author: 'Someone',
  url: '',
  surface: 'home',
  action: 'show',
  reasons: [],
  score: 0.5,
  reordered: false,
});
const signal = (i: number): Signal => ({ ts: 1000 + i, type: 'open', platform: 'x', itemId: `${i}`, title: `t${i}`, author: '', url: '', detail: '' }) as Signal;

describe('a full disk', () => {
  it('prunes the oldest log rows and writes once more when a log write hits the quota', async () => {
    const store = fresh();
    await logDecisions(store, Array.from({ length: 100 }, (_, i) => decision(i)));
    failAsFullDisk(store.db.decisionBatches, 'bulkAdd', 1);
    await logDecisions(store, [decision(500)]);
    const ids = (await queryDecisions(store)).map((d) => d.itemId);
    expect(ids).toContain('v500');
    expect(ids).not.toContain('v0'); // the oldest made the room
    expect(ids.length).toBeLessThan(100);
    expect(store.problem).toBeNull(); // the retry succeeded: nothing to tell
  });

  it('drops a log write that still does not fit, without failing the page, and tells the person', async () => {
    const store = fresh();
    failAsFullDisk(store.db.signals, 'bulkAdd');
    await expect(addSignals(store, [signal(1)])).resolves.toBeUndefined();
    expect(store.problem?.detail).toMatch(/disk is full.*signals/);
  });

  it('keeps the profile through sustained log pressure', async () => {
    const store = fresh();
    const p = await loadProfile(store, 1);
    await saveProfile(store, { ...p, interests: [{ id: 'birds', label: 'Birds', weight: 0.7, keywords: [], exclude: [] }] }, 2);
    failAsFullDisk(store.db.decisionBatches, 'bulkAdd');
    for (let i = 0; i < 20; i++) await logDecisions(store, [decision(i)]);
    expect((await loadProfile(store, 3)).interests.map((x) => x.label)).toEqual(['Birds']);
  });

  it('makes room from the logs for a profile save that hits the quota', async () => {
    const store = fresh();
    await loadProfile(store, 1);
    await logDecisions(store, Array.from({ length: 40 }, (_, i) => decision(i)));
    failAsFullDisk(store.profileDb.profile, 'put', 1);
    const saved = await updateProfile(store, (p) => ({ ...p, paused: true }), 2);
    expect(saved.paused).toBe(true);
    expect((await loadProfile(store, 3)).paused).toBe(true);
    expect((await countRows(store)).decisions).toBeLessThan(40);
  });

  it('tells the person when their profile change could not be saved', async () => {
    const store = fresh();
    await loadProfile(store, 1);
    failAsFullDisk(store.profileDb.profile, 'put');
    await expect(updateProfile(store, (p) => ({ ...p, paused: true }), 2)).rejects.toThrow();
    expect(store.problem?.detail).toMatch(/your profile could not be saved/);
  });

  it('wipes while every write fails with the disk full', async () => {
    const store = fresh();
    await saveProfile(store, { ...(await loadProfile(store, 1)), paused: true }, 2);
    await logDecisions(store, Array.from({ length: 30 }, (_, i) => decision(i)));
    // Clearing a table is a write too: on a full disk Chrome aborts it.
    const abort = () => new DOMException('The transaction was aborted.', 'AbortError');
    for (const t of [store.db.decisionBatches, store.db.signals, store.db.flags, store.db.feedback, store.db.meta, store.db.profile, store.profileDb.profile]) {
      failAsFullDisk(t as object as { clear: () => unknown }, 'clear', Infinity, abort);
    }
    const p = await wipeAll(store, 3);
    expect(p.paused).toBe(false);
    expect(await countRows(store)).toEqual({ decisions: 0, signals: 0, feedback: 0, flags: 0 });
    expect(await store.backup!.read()).toBeUndefined(); // the copy kept aside goes too, or it would come back
  });

  it('answers the popup and the Data view with what could not be saved, until the person has read it or wipes', async () => {
    const store = fresh();
    const handlers = createHandlers({ store, broadcastProfile: () => {}, tabStats: { get: async () => null, set: async () => {} }, selectInstructions: () => [] });
    const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
    const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
    expect(await dispatch(handlers, { type: 'storage/problem', payload: {} }, popup, self)).toEqual({ ok: true, value: null });
    failAsFullDisk(store.db.flags, 'bulkAdd');
    await addFlagsFromPage(handlers, self);
    const told = await dispatch(handlers, { type: 'storage/problem', payload: {} }, popup, self);
    expect(told.ok && (told.value as StorageProblem | null)?.detail).toMatch(/disk is full/);
    const counts = await dispatch(handlers, { type: 'data/counts', payload: {} }, popup, self);
    expect(counts.ok && (counts.value as Responses['data/counts']).problem?.detail).toMatch(/disk is full/);
    vi.restoreAllMocks();
    expect(await dispatch(handlers, { type: 'storage/problem', payload: { dismiss: true } }, popup, self)).toEqual({ ok: true, value: null });
    await addFlagsFromPage(handlers, self);
    failAsFullDisk(store.db.flags, 'bulkAdd');
    await addFlagsFromPage(handlers, self);
    vi.restoreAllMocks();
    await dispatch(handlers, { type: 'data/wipe', payload: { confirm: 'wipe' } }, popup, self);
    expect(await dispatch(handlers, { type: 'storage/problem', payload: {} }, popup, self)).toEqual({ ok: true, value: null });
  });
});

async function addFlagsFromPage(handlers: ReturnType<typeof createHandlers>, self: { id: string; origin: string }) {
  const page = { id: 'ext-id', url: 'https://x.com/home', tab: { id: 9, url: 'https://x.com/home' } };
  const flag = { ts: 1, platform: 'x', itemId: '1', title: 't', author: 'a', url: '', kind: 'rage', confidence: 0.9, source: 'rule', action: 'label', evidence: [], status: 'open' };
  const r = await dispatch(handlers, { type: 'tab/report', payload: { flags: [flag] } }, page, self);
  expect(r.ok).toBe(true); // the page is not failed for it
}

describe('a site’s health report on a full disk', () => {
  it('does not fail the tab that reports it', async () => {
    const store = openStore(`full-meta-${Math.random()}`);
    stores.push(store);
    failAsFullDisk(store.db.meta, 'put');
    await expect(setMeta(store, 'health:x', { ok: true })).resolves.toBeUndefined();
    expect(store.problem?.detail).toMatch(/disk is full/);
  });
});
