import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addFlags, clearReversed, countRows, loadProfile, logDecisions, markReversed, openStore, queryDecisions, saveProfile, updateProfile, wipeAll, type Store } from '@/lib/db';
import { defaultProfile, PROFILE_VERSION } from '@/lib/schema/profile';
import type { LoggedDecision } from '@/lib/schema/log';

let n = 0;
const stores: Store[] = [];
const fresh = (cap?: number) => {
  const s = openStore(`test-${++n}`, cap);
  stores.push(s);
  return s;
};
afterEach(async () => {
  for (const s of stores.splice(0)) await Promise.all([s.db.delete(), s.profileDb.delete()]);
});

const row = (i: number, extra: Partial<LoggedDecision> = {}): LoggedDecision => ({
  ts: 1000 + i,
  platform: 'youtube',
  itemId: `v${i}`,
  title: `Video ${i}`,
  author: 'Someone',
  url: '',
  surface: 'home',
  action: i % 2 ? 'hide' : 'show',
  reasons: i % 2 ? [{ code: 'promoted', detail: '', source: 'platform', evidence: [] }] : [],
  score: 0.5,
  reordered: false,
  ...extra,
});

describe('storage', () => {
  it('creates a default profile on first run and keeps what the user saves', async () => {
    const store = fresh();
    const first = await loadProfile(store, 1);
    expect(first.revision).toBe(0);
    const saved = await saveProfile(store, { ...first, interests: [{ id: 'birds', label: 'Birds', weight: 0.7, keywords: [], exclude: [] }] }, 2);
    expect(saved.revision).toBe(1);
    expect((await loadProfile(store)).interests[0].label).toBe('Birds');
  });

  it('moves the revision forward on every change, even when a stale copy is saved', async () => {
    const store = fresh();
    const p0 = await loadProfile(store, 1);
    const p1 = await saveProfile(store, p0, 2);
    const p2 = await saveProfile(store, p0, 3); // the popup still held revision 0
    expect(p2.revision).toBeGreaterThan(p1.revision);
    const p3 = await updateProfile(store, (p) => ({ ...p, paused: true }), 4);
    expect(p3.revision).toBe(p2.revision + 1);
  });

  it('checks a stored profile once per revision: the same row again is not parsed again, a changed one is', async () => {
    const store = fresh();
    const saved = await saveProfile(store, { ...(await loadProfile(store, 1)), paused: true }, 2);
    const first = await loadProfile(store);
    const again = await loadProfile(store);
    expect(again).toEqual(first);
    expect(again).not.toBe(first); // each read is a copy of its own
    expect(again.paused).toBe(true);
    const next = await updateProfile(store, (p) => ({ ...p, paused: false }), 3);
    expect(next.revision).toBe(saved.revision + 1);
    expect((await loadProfile(store)).paused).toBe(false);
    // A row the schema would change (a default to fill in) is parsed at every read, never handed on as stored.
    const { display: _display, ...lacking } = next;
    await store.profileDb.profile.put({ key: 'current', data: { ...lacking, revision: next.revision + 1 } });
    expect((await loadProfile(store)).display).toEqual(next.display);
    expect((await loadProfile(store)).display).toEqual(next.display);
  });

  it('migrates a stored version 1 profile when it is read', async () => {
    const store = fresh();
    await store.db.profile.put({ key: 'current', data: { version: 1, interests: ['Chess'] } });
    const p = await loadProfile(store, 5);
    expect(p.interests[0].label).toBe('Chess');
    expect(((await store.profileDb.profile.get('current'))!.data as { schemaVersion: number }).schemaVersion).toBe(PROFILE_VERSION);
  });

  it('keeps an unreadable stored profile aside instead of losing it', async () => {
    const store = fresh();
    await store.profileDb.profile.put({ key: 'current', data: { schemaVersion: 2, interests: 'oops' } });
    const p = await loadProfile(store, 9);
    expect(p.interests).toEqual([]);
    expect((await store.profileDb.aside.get('unreadable-profile-9'))?.value).toMatchObject({ data: { interests: 'oops' } });
  });

  it('prunes the oldest log rows past the cap and never the profile', async () => {
    const store = fresh(100);
    await saveProfile(store, defaultProfile(1), 1);
    for (let b = 0; b < 3; b++) await logDecisions(store, Array.from({ length: 50 }, (_, i) => row(b * 50 + i)));
    expect((await countRows(store)).decisions).toBe(100);
    const rows = await queryDecisions(store);
    expect(rows[0].itemId).toBe('v149');
    expect(rows.at(-1)!.itemId).toBe('v50');
    expect(await store.profileDb.profile.count()).toBe(1);
  });

  it('filters the log by site, action, reason and text', async () => {
    const store = fresh();
    await logDecisions(store, [row(1), row(2), row(3, { platform: 'reddit', title: 'A Reddit thread' })]);
    expect((await queryDecisions(store, { action: 'hide' })).length).toBe(2);
    expect((await queryDecisions(store, { platform: 'reddit' })).length).toBe(1);
    expect((await queryDecisions(store, { reason: 'promoted' })).length).toBe(2);
    expect((await queryDecisions(store, { search: 'reddit thr' })).map((d) => d.itemId)).toEqual(['v3']);
  });

  it('wipes everything and starts again from defaults', async () => {
    const store = fresh();
    await saveProfile(store, { ...defaultProfile(1), paused: true }, 1);
    await logDecisions(store, [row(1)]);
    await addFlags(store, [{ ts: 1, platform: 'x', itemId: '1', title: 't', author: 'a', url: '', kind: 'rage', confidence: 0.9, source: 'rule', action: 'label', evidence: [], status: 'open' }]);
    const p = await wipeAll(store, 2);
    expect(p.paused).toBe(false);
    expect((await countRows(store)).decisions).toBe(0);
    expect(await store.db.flags.count()).toBe(0);
  });

  it('takes a reversal back on every logged row of that item, and on no other', async () => {
    const store = fresh();
    await logDecisions(store, [row(1), row(1, { ts: 5000 }), row(3)]);
    const rows = await queryDecisions(store, { limit: 10 });
    for (const r of rows) await markReversed(store, r.id!, 7000);
    const target = rows.find((r) => r.itemId === 'v1')!;
    const back = await clearReversed(store, target.id!);
    expect(back?.reversedAt).toBeUndefined();
    const after = await queryDecisions(store, { limit: 10 });
    expect(after.filter((r) => r.itemId === 'v1').map((r) => r.reversedAt)).toEqual([undefined, undefined]);
    expect(after.find((r) => r.itemId === 'v3')?.reversedAt).toBe(7000);
    expect(await clearReversed(store, 999)).toBeUndefined();
  });
});
