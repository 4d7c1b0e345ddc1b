import Dexie, { type Table } from 'dexie';
import { defaultProfile, Profile } from './schema/profile';
import { migrateProfile } from './schema/migrate';
import type { Feedback, Flag, LoggedDecision, Signal } from './schema/log';
import type { ActivityQuery } from './core/activity-filter';

/** The only module that touches IndexedDB. It lives in the extension's own context (background / extension
 * pages), never in a content script, where IndexedDB would belong to the site's origin. */

export const DB_NAME = 'parapet';
/** The activity log keeps at most this many rows; the oldest go first. The profile is never pruned. */
export const DEFAULT_LOG_CAP = 200_000;

interface ProfileRow {
  key: 'current';
  data: unknown;
}
export interface MetaRow {
  key: string;
  value: unknown;
}

export class ParapetDb extends Dexie {
  profile!: Table<ProfileRow, string>;
  decisions!: Table<LoggedDecision, number>;
  feedback!: Table<Feedback, number>;
  signals!: Table<Signal, number>;
  flags!: Table<Flag, number>;
  meta!: Table<MetaRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      profile: 'key',
      decisions: '++id, ts, platform, action, itemId',
      feedback: '++id, ts, type, itemId',
      signals: '++id, ts, type, platform, itemId',
      flags: '++id, ts, kind, status, itemId',
      meta: 'key',
    });
  }
}

export interface Store {
  db: ParapetDb;
  logCap: number;
}

export function openStore(name = DB_NAME, logCap = DEFAULT_LOG_CAP): Store {
  return { db: new ParapetDb(name), logCap };
}

/** Reads the profile, migrating an older stored version in place. A row that cannot be read is kept aside
 * in meta (so nothing of the user's is silently lost) and a default profile takes its place. */
export async function loadProfile(store: Store, now = Date.now()): Promise<Profile> {
  const row = await store.db.profile.get('current');
  if (!row) {
    const fresh = defaultProfile(now);
    await store.db.profile.put({ key: 'current', data: fresh });
    return fresh;
  }
  const result = migrateProfile(row.data, now);
  if (result.ok) {
    const stored = row.data as { schemaVersion?: number };
    if (stored.schemaVersion !== result.value.schemaVersion) await store.db.profile.put({ key: 'current', data: result.value });
    return result.value;
  }
  await store.db.meta.put({ key: `unreadable-profile-${now}`, value: { data: row.data, errors: result.errors } });
  const fresh = defaultProfile(now);
  await store.db.profile.put({ key: 'current', data: fresh });
  return fresh;
}

/** Replaces the profile with a validated one; the revision always moves forward. */
export async function saveProfile(store: Store, next: Profile, now = Date.now()): Promise<Profile> {
  return store.db.transaction('rw', store.db.profile, async () => {
    const row = await store.db.profile.get('current');
    const prevRevision = (row?.data as Profile | undefined)?.revision ?? 0;
    const saved = Profile.parse({ ...next, revision: Math.max(prevRevision, next.revision) + 1, updatedAt: now });
    await store.db.profile.put({ key: 'current', data: saved });
    return saved;
  });
}

/** Read-modify-write in one transaction, so two writers (popup and a page's feedback) never lose each other's change. */
export async function updateProfile(store: Store, change: (p: Profile) => Profile, now = Date.now()): Promise<Profile> {
  return store.db.transaction('rw', store.db.profile, store.db.meta, async () => {
    const current = await loadProfile(store, now);
    const saved = Profile.parse({ ...change(current), revision: current.revision + 1, updatedAt: now });
    await store.db.profile.put({ key: 'current', data: saved });
    return saved;
  });
}

export async function logDecisions(store: Store, rows: LoggedDecision[]): Promise<void> {
  if (rows.length === 0) return;
  await store.db.transaction('rw', store.db.decisions, async () => {
    await store.db.decisions.bulkAdd(rows);
    const count = await store.db.decisions.count();
    const excess = count - store.logCap;
    if (excess > 0) {
      const oldest = await store.db.decisions.orderBy('ts').limit(excess).primaryKeys();
      await store.db.decisions.bulkDelete(oldest);
    }
  });
}

export async function addSignals(store: Store, rows: Signal[]): Promise<void> {
  if (rows.length) await store.db.signals.bulkAdd(rows);
}

export async function addFeedback(store: Store, row: Feedback): Promise<number> {
  return store.db.feedback.add(row);
}

export async function addFlags(store: Store, rows: Flag[]): Promise<void> {
  if (rows.length) await store.db.flags.bulkAdd(rows);
}

/** The Activity view's filters (lib/core/activity-filter.ts builds them), and how many rows at most. */
export interface DecisionQuery extends ActivityQuery {
  limit?: number;
}

/** Newest first. Filters that have no index run over the ts-ordered cursor, which stays fast at 100k rows. */
export async function queryDecisions(store: Store, q: DecisionQuery = {}): Promise<LoggedDecision[]> {
  const coll = decisionCollection(store, q);
  return q.limit ? coll.limit(q.limit).toArray() : coll.toArray();
}

/**
 * Calls `onChange` after every committed write that may have changed the decision log, whether this context or
 * another (a page, the background) made it: Dexie reports each transaction's mutated tables, across contexts
 * through a BroadcastChannel. Returns the unsubscribe.
 */
export function watchDecisions(store: Store, onChange: () => void): () => void {
  const prefix = `idb://${store.db.name}/decisions/`;
  const listener = (parts: Record<string, unknown>) => {
    for (const part of Object.keys(parts)) {
      if (part.startsWith(prefix)) {
        onChange();
        return;
      }
    }
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}

/** How many rows a query matches, without loading them into memory (for "1,234 decisions" above a list). */
export async function countDecisions(store: Store, q: Omit<DecisionQuery, 'limit'> = {}): Promise<number> {
  return decisionCollection(store, q).count();
}

function decisionCollection(store: Store, q: DecisionQuery) {
  const needle = q.search?.toLowerCase();
  let coll = store.db.decisions.orderBy('ts').reverse();
  if (q.since !== undefined || q.until !== undefined) {
    coll = store.db.decisions.where('ts').between(q.since ?? 0, q.until ?? Number.MAX_SAFE_INTEGER, true, true).reverse();
  }
  // Without a filter, count() and limit() stay on the index instead of reading every row.
  if (!q.platform && !q.action && !q.reason && !needle) return coll;
  return coll.filter(
    (d) =>
      (!q.platform || d.platform === q.platform) &&
      (!q.action || d.action === q.action) &&
      (!q.reason || d.reasons.some((r) => r.code === q.reason)) &&
      (!needle || d.title.toLowerCase().includes(needle) || d.author.toLowerCase().includes(needle)),
  );
}

export async function markReversed(store: Store, id: number, now = Date.now()): Promise<LoggedDecision | undefined> {
  await store.db.decisions.update(id, { reversedAt: now });
  return store.db.decisions.get(id);
}

export async function getDecision(store: Store, id: number): Promise<LoggedDecision | undefined> {
  return store.db.decisions.get(id);
}

/** Every meta row whose key starts with `prefix` (the sites' health records live under "health:"). */
export async function listMeta<T>(store: Store, prefix: string): Promise<T[]> {
  const rows = await store.db.meta.where('key').startsWith(prefix).toArray();
  return rows.map((r) => r.value as T);
}

/** Takes a reversal back: the row, and any other reversed row of the same item, read as decided again. */
export async function clearReversed(store: Store, id: number): Promise<LoggedDecision | undefined> {
  const row = await store.db.decisions.get(id);
  if (!row) return undefined;
  await store.db.decisions
    .where('itemId')
    .equals(row.itemId)
    .filter((d) => d.platform === row.platform && d.reversedAt !== undefined)
    .modify((d) => {
      delete d.reversedAt;
    });
  return store.db.decisions.get(id);
}

export async function listSignals(store: Store, limit?: number): Promise<Signal[]> {
  const coll = store.db.signals.orderBy('ts').reverse();
  return limit ? coll.limit(limit).toArray() : coll.toArray();
}

export async function listFlags(store: Store, status?: Flag['status']): Promise<Flag[]> {
  const coll = status ? store.db.flags.where('status').equals(status) : store.db.flags.toCollection();
  return (await coll.toArray()).sort((a, b) => b.ts - a.ts);
}

export async function setFlagStatus(store: Store, ids: number[], status: Flag['status'], now = Date.now()): Promise<Flag[]> {
  await store.db.transaction('rw', store.db.flags, async () => {
    for (const id of ids) await store.db.flags.update(id, { status, verdictAt: now });
  });
  return (await store.db.flags.bulkGet(ids)).filter((f): f is Flag => !!f);
}

export async function getMeta<T>(store: Store, key: string): Promise<T | undefined> {
  return (await store.db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(store: Store, key: string, value: unknown): Promise<void> {
  await store.db.meta.put({ key, value });
}

export async function countRows(store: Store) {
  const [decisions, signals, feedback, flags] = await Promise.all([
    store.db.decisions.count(),
    store.db.signals.count(),
    store.db.feedback.count(),
    store.db.flags.count(),
  ]);
  return { decisions, signals, feedback, flags };
}

/** Deletes everything Parapet stored, then starts again from a default profile. */
export async function wipeAll(store: Store, now = Date.now()): Promise<Profile> {
  await store.db.transaction('rw', [store.db.profile, store.db.decisions, store.db.feedback, store.db.signals, store.db.flags, store.db.meta], async () => {
    await Promise.all([
      store.db.profile.clear(),
      store.db.decisions.clear(),
      store.db.feedback.clear(),
      store.db.signals.clear(),
      store.db.flags.clear(),
      store.db.meta.clear(),
    ]);
  });
  return loadProfile(store, now);
}
