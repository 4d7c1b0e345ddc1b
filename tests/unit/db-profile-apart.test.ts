import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProfile, logDecisions, openStore, profileDbName, queryDecisions, saveProfile, updateProfile, type Store } from '@/lib/db';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { memoryBackup } from '../doubles/profile-backup';

const names: string[] = [];
const open = (name: string, backup = memoryBackup()) => openStore(name, undefined, { backup });
const newName = () => {
  const n = `apart-${Math.random()}`;
  names.push(n);
  return n;
};
afterEach(async () => {
  for (const n of names.splice(0)) await Promise.all([Dexie.delete(n), Dexie.delete(profileDbName(n))]);
});

const birds = (p: Profile): Profile => ({ ...p, interests: [{ id: 'birds', label: 'Birds', weight: 0.7, keywords: ['heron'], exclude: [] }] });

/** The database exactly as the previous version wrote it: the profile beside the logs. */
async function previousVersion(name: string, profile: unknown) {
  const db = new Dexie(name);
  db.version(1).stores({
    profile: 'key',
    decisions: '++id, ts, platform, action, itemId',
    feedback: '++id, ts, type, itemId',
    signals: '++id, ts, type, platform, itemId',
    flags: '++id, ts, kind, status, itemId',
    meta: 'key',
  });
  await db.table('profile').put({ key: 'current', data: profile });
  await db.table('decisions').bulkAdd([{ ts: 1, platform: 'x', itemId: '1', title: 'kept', author: '', url: '', surface: 'home', action: 'show', reasons: [], score: 0.5, reordered: false }]);
  db.close();
}

describe('the profile in a database of its own', () => {
  it('moves the profile the previous version stored beside the logs, once, and leaves the log in place', async () => {
    const name = newName();
    const old = { ...birds(defaultProfile(1)), revision: 7 };
    await previousVersion(name, old);
    const store = open(name);
    const p = await loadProfile(store, 2);
    expect(p.interests.map((i) => i.label)).toEqual(['Birds']);
    expect(p.revision).toBe(7);
    expect((await store.profileDb.profile.get('current'))?.data).toMatchObject({ revision: 7 });
    expect(await store.db.profile.count()).toBe(0);
    expect((await queryDecisions(store)).map((d) => d.title)).toEqual(['kept']);
    // A later start reads the moved profile and the next save continues its revisions.
    store.db.close();
    store.profileDb.close();
    const again = open(name);
    expect((await saveProfile(again, await loadProfile(again, 3), 3)).revision).toBe(8);
    again.db.close();
    again.profileDb.close();
  });

  it('moves an older-schema profile from the previous version, migrated', async () => {
    const name = newName();
    await previousVersion(name, { version: 1, interests: ['Chess'] });
    const store = open(name);
    expect((await loadProfile(store, 2)).interests.map((i) => i.label)).toEqual(['Chess']);
    expect(await store.db.profile.count()).toBe(0);
    store.db.close();
    store.profileDb.close();
  });

  it('two readers at once move it once and agree', async () => {
    const name = newName();
    await previousVersion(name, birds(defaultProfile(1)));
    const store = open(name);
    const [a, b] = await Promise.all([loadProfile(store, 2), loadProfile(store, 2)]);
    expect(a.interests.map((i) => i.label)).toEqual(['Birds']);
    expect(b.interests.map((i) => i.label)).toEqual(['Birds']);
    store.db.close();
    store.profileDb.close();
  });

  it('survives the log database being reset', async () => {
    const name = newName();
    const store = open(name);
    await saveProfile(store, birds(await loadProfile(store, 1)), 2);
    await logDecisions(store, [{ ts: 1, platform: 'x', itemId: '1', title: 't', author: '', url: '', surface: 'home', action: 'show', reasons: [], score: 0.5, reordered: false }]);
    await store.db.delete({ disableAutoOpen: false });
    expect((await loadProfile(store, 3)).interests.map((i) => i.label)).toEqual(['Birds']);
    expect(store.problem).toBeNull();
    store.db.close();
    store.profileDb.close();
  });
});

describe('the last good profile kept aside', () => {
  it('restores the profile when its database comes back empty, and tells the person', async () => {
    const name = newName();
    const backup = memoryBackup();
    const store = open(name, backup);
    await updateProfile(store, (p) => ({ ...birds(p), paused: true }), 2);
    await store.profileDb.delete({ disableAutoOpen: false }); // what Chrome did under sustained quota errors
    const p = await loadProfile(store, 3);
    expect(p.paused).toBe(true);
    expect(p.interests.map((i) => i.label)).toEqual(['Birds']);
    expect(store.problem?.detail).toMatch(/restored/);
    // Restored into the database, so the next start reads it there.
    expect((await store.profileDb.profile.get('current'))?.data).toMatchObject({ paused: true });
    store.db.close();
    store.profileDb.close();
  });

  it('restores the profile when the stored row cannot be read, keeping that row aside', async () => {
    const name = newName();
    const store = open(name);
    await saveProfile(store, birds(await loadProfile(store, 1)), 2);
    await store.profileDb.profile.put({ key: 'current', data: { schemaVersion: 2, interests: 'garbled' } });
    const p = await loadProfile(store, 4);
    expect(p.interests.map((i) => i.label)).toEqual(['Birds']);
    expect(await store.profileDb.aside.get('unreadable-profile-4')).toBeTruthy();
    store.db.close();
    store.profileDb.close();
  });

  it('answers from the copy when the database cannot be opened at all, writing nothing', async () => {
    const name = newName();
    const store = open(name);
    await saveProfile(store, birds(await loadProfile(store, 1)), 2);
    store.profileDb.close({ disableAutoOpen: true }); // any read now fails, as an unreadable database does
    const p = await loadProfile(store, 3);
    expect(p.interests.map((i) => i.label)).toEqual(['Birds']);
    expect(store.problem?.detail).toMatch(/could not be read/);
    store.db.close();
  });

  it('starts from the defaults on a first run, with nothing to tell', async () => {
    const store = open(newName());
    expect((await loadProfile(store, 1)).interests).toEqual([]);
    expect(store.problem).toBeNull();
    store.db.close();
    store.profileDb.close();
  });
});

describe('a profile saved before the copy was kept', () => {
  it('is copied aside on the first read after a start, so a reset right after loses nothing', async () => {
    const name = newName();
    const first = openStore(name); // an earlier start without a copy
    await saveProfile(first, birds(await loadProfile(first, 1)), 2);
    first.db.close();
    first.profileDb.close();
    const backup = memoryBackup();
    const store = open(name, backup);
    await loadProfile(store, 3);
    await store.profileDb.delete({ disableAutoOpen: false });
    expect((await loadProfile(store, 4)).interests.map((i) => i.label)).toEqual(['Birds']);
    store.db.close();
    store.profileDb.close();
  });
});
