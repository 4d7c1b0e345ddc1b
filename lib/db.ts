import Dexie, { type Table } from 'dexie';
import { defaultProfile, Profile } from './schema/profile';
import { migrateProfile } from './schema/migrate';
import { DECISION_LOG_CAP } from './schema/constants';
import type { Feedback, Flag, LoggedDecision, Signal, StoredFlag } from './schema/log';
import { actionMatches, type ActivityQuery } from './core/activity-filter';
import { itemKey, mergePlan, titleKey } from './core/flag-dedupe';
import { BATCH_SPAN_MS, createMerger, toBatches, type DecisionBatch } from './core/decision-batches';

/** The only module that touches IndexedDB. It lives in the extension's own context (background / extension
 * pages), never in a content script, where IndexedDB would belong to the site's origin. */

export const DB_NAME = 'parapet';
/** The decision log keeps at most this many rows; the oldest go first. */
export const DEFAULT_LOG_CAP = DECISION_LOG_CAP;
/**
 * Every other log has its cap too, so no page can grow what Parapet keeps without bound (the background also
 * bounds how fast a tab may write: lib/background/tab-rates.ts). Retention is the same everywhere: past the cap,
 * the rows stored first are deleted first. The profile is never pruned, and lives in a database of its own.
 */
export type TableCaps = Record<'signals' | 'flags' | 'feedback', number>;
export const TABLE_CAPS: TableCaps = { signals: 20_000, flags: 50_000, feedback: 20_000 };
/** When the disk is full, this share of every log goes (oldest first) before the write is tried once more. */
const PRUNE_SHARE_ON_QUOTA = 0.25;

/** The profile's own database, named after the log's (`parapet-profile` in the extension). */
export const profileDbName = (logDbName: string) => `${logDbName}-profile`;

interface ProfileRow {
  key: 'current';
  data: unknown;
}
export interface MetaRow {
  key: string;
  value: unknown;
}

/** The logs: bulky, written by every tab, pruned. The `profile` table is only read, to move a profile stored by
 * the version before the profile had a database of its own. */
export class ParapetDb extends Dexie {
  profile!: Table<ProfileRow, string>;
  /** The activity log, a batch of rows per record (lib/core/decision-batches.ts). */
  decisionBatches!: Table<DecisionBatch, number>;
  feedback!: Table<Feedback, number>;
  signals!: Table<Signal, number>;
  flags!: Table<Flag, number>;
  meta!: Table<MetaRow, string>;
  /** An imported activity log, arriving in parts, until the import is confirmed whole (then it replaces the log). */
  staged!: Table<StagedRow, number>;

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
    // Version 2: one flag per item (issue 23). The queue written before is merged here: duplicates join the first row.
    this.version(2)
      .stores({ flags: '++id, ts, kind, status, itemId, [platform+itemId], titleKey', staged: '++id, token' })
      .upgrade(async (tx) => {
        const flags = tx.table<StoredFlag, number>('flags');
        const rows = await flags.toArray();
        for (const r of rows) r.titleKey = titleKey(r);
        const { keep, drop } = mergePlan(rows);
        const dropped = new Set(drop);
        await flags.bulkPut(rows.filter((r) => !dropped.has(r.id!)).map((r) => ({ ...r, ...keep.get(r.id!) })));
        await flags.bulkDelete(drop);
      });
    // Version 3: the activity log in batches, one record for up to 100 rows (issue 24): a record per decision cost
    // the browser about 0.1 ms each, a feed's worth a second. Rows keep their ids, so nothing that named one changes.
    this.version(3)
      .stores({ decisions: null, decisionBatches: '++id, ts, n, reversed' })
      .upgrade(async (tx) => {
        const old = tx.table<LoggedDecision, number>('decisions');
        const batches = tx.table<DecisionBatch, number>('decisionBatches');
        const keys = await old.toCollection().primaryKeys();
        for (let i = 0; i < keys.length; i += 5_000) {
          const rows = (await old.bulkGet(keys.slice(i, i + 5_000))).filter((r): r is LoggedDecision => !!r);
          await batches.bulkAdd(toBatches(rows));
        }
      });
  }
}

interface StagedRow {
  id?: number;
  token: string;
  row: LoggedDecision;
}

/** The profile apart from the logs, so that whatever happens to the logs (a full disk, a reset database) cannot take
 * it along. `aside` keeps stored profiles that could not be read. */
export class ProfileDb extends Dexie {
  profile!: Table<ProfileRow, string>;
  aside!: Table<MetaRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ profile: 'key', aside: 'key' });
  }
}

/** A copy of the last profile that was saved, kept outside IndexedDB (storage.local in the extension). */
export interface ProfileBackup {
  read(): Promise<unknown>;
  write(profile: Profile): Promise<void>;
  clear(): Promise<void>;
}

/** Something the person must be told about: what could not be saved, or a profile brought back from its copy. */
export interface StorageProblem {
  at: number;
  detail: string;
}

export interface Store {
  db: ParapetDb;
  profileDb: ProfileDb;
  logCap: number;
  caps: TableCaps;
  backup?: ProfileBackup;
  /** The latest problem, until the person has seen it (or wipes); kept in memory because the disk may be what failed. */
  problem: StorageProblem | null;
  /** Told of each problem, and of null when the person dismissed it (the background keeps it across its sleeps). */
  onProblem?: (p: StorageProblem | null) => void;
  /** Whether this context has kept a copy yet: the first read after a start keeps one, in case none was ever made. */
  backedUp?: boolean;
  /** The version, revision and time of the last stored profile found valid as it is (see loadProfile). */
  validRow?: string;
  /** How many rows each log holds, as counted once and kept up to date by this context's writes: counting a table
   * reads all of it (IndexedDB keeps no count), which at 200,000 decisions is not a price to pay on every write.
   * Forgotten whenever rows go another way (a wipe, an import, pruning for space). */
  counted?: Map<string, number>;
}

export function openStore(name = DB_NAME, logCap = DEFAULT_LOG_CAP, opts: { backup?: ProfileBackup; caps?: Partial<TableCaps> } = {}): Store {
  return {
    db: new ParapetDb(name),
    profileDb: new ProfileDb(profileDbName(name)),
    logCap,
    caps: { ...TABLE_CAPS, ...opts.caps },
    backup: opts.backup,
    problem: null,
  };
}

function noteProblem(store: Store, detail: string, now = Date.now()): void {
  store.problem = { at: now, detail };
  store.onProblem?.(store.problem);
}

export function isQuotaError(e: unknown): boolean {
  for (let x = e as { name?: string; inner?: unknown } | undefined, i = 0; x && i < 4; x = x.inner as typeof x, i++) {
    if (x.name === 'QuotaExceededError') return true;
  }
  return false;
}

// ---- the profile ----------------------------------------------------------------------------------------------------

type Read = { kind: 'ok'; profile: Profile; upgraded: boolean } | { kind: 'unreadable'; errors: string[] } | { kind: 'none' };

function rowKey(data: unknown): string | null {
  const d = data as Partial<Profile> | undefined;
  return d && typeof d === 'object' ? `${d.schemaVersion}:${d.revision}:${d.updatedAt}` : null;
}

function readRow(data: unknown, now: number): Read {
  if (data === undefined) return { kind: 'none' };
  const result = migrateProfile(data, now);
  if (!result.ok) return { kind: 'unreadable', errors: result.errors };
  return { kind: 'ok', profile: result.value, upgraded: (data as { schemaVersion?: number })?.schemaVersion !== result.value.schemaVersion };
}

/** Stores `candidate` unless a profile arrived meanwhile (another reader migrating or restoring): never overwrites. */
async function putIfAbsent(store: Store, candidate: Profile): Promise<Profile> {
  return store.profileDb.transaction('rw', store.profileDb.profile, async () => {
    const row = await store.profileDb.profile.get('current');
    if (row) {
      const got = migrateProfile(row.data, candidate.updatedAt);
      if (got.ok) return got.value;
    }
    await store.profileDb.profile.put({ key: 'current', data: candidate });
    return candidate;
  });
}

async function keepBackup(store: Store, profile: Profile): Promise<void> {
  try {
    await store.backup?.write(profile);
    store.backedUp = true;
  } catch (e) {
    noteProblem(store, `The copy of your profile kept aside could not be updated (${errorText(e)}).`);
  }
}

/** The copy kept aside, if there is one and it reads as a profile. */
async function fromBackup(store: Store, now: number): Promise<Profile | null> {
  try {
    const data = await store.backup?.read();
    const got = data === undefined || data === null ? null : migrateProfile(data, now);
    return got?.ok ? got.value : null;
  } catch {
    return null;
  }
}

/** A profile stored by the previous version, in the log database; moved out the first time the profile is read. */
async function takeLegacyProfile(store: Store, now: number): Promise<Read> {
  try {
    const row = await store.db.profile.get('current');
    return readRow(row?.data, now);
  } catch {
    return { kind: 'none' };
  }
}

/**
 * Reads the profile, in this order: its own database (migrating an older stored version in place); the profile the
 * previous version kept in the log database (moved here once); the copy kept aside (when the database came back
 * empty or unreadable: the person is told); the defaults. A row that cannot be read is kept aside, never lost.
 */
export async function loadProfile(store: Store, now = Date.now()): Promise<Profile> {
  let own: Read;
  try {
    const data = (await store.profileDb.profile.get('current'))?.data;
    // Every write moves the revision and the time on: a row read before with these, and found valid as it was, is
    // the same row and is not checked again (the schema takes a large profile a good part of a second, and every
    // page load reads it). What IndexedDB gives is a copy of its own, as a fresh parse would be.
    const key = rowKey(data);
    if (key !== null && key === store.validRow && store.backedUp) return data as Profile;
    own = readRow(data, now);
    // Only a row that is exactly what the schema makes of it (no default filled in, nothing dropped) is taken as is.
    if (own.kind === 'ok' && !own.upgraded && JSON.stringify(own.profile) === JSON.stringify(data)) store.validRow = key ?? undefined;
  } catch (e) {
    // The database itself cannot be opened or read: answer from the copy, write nothing.
    const copy = await fromBackup(store, now);
    noteProblem(store, copy ? `Your profile could not be read from storage (${errorText(e)}); the last saved copy is in use.` : `Your profile could not be read from storage (${errorText(e)}); the defaults are in use.`, now);
    return copy ?? defaultProfile(now);
  }
  if (own.kind === 'ok') {
    // The upgraded profile is in use either way; writing it back can wait for the next save if the disk is full.
    if (own.upgraded) await writeProfileRow(store, own.profile).catch(() => {});
    else if (!store.backedUp) await keepBackup(store, own.profile);
    return own.profile;
  }
  if (own.kind === 'unreadable') {
    const row = await store.profileDb.profile.get('current');
    await store.profileDb.aside.put({ key: `unreadable-profile-${now}`, value: { data: row?.data, errors: own.errors } }).catch(() => {});
  }

  const legacy = own.kind === 'none' ? await takeLegacyProfile(store, now) : ({ kind: 'none' } as Read);
  if (legacy.kind === 'unreadable') {
    const row = await store.db.profile.get('current').catch(() => undefined);
    await store.profileDb.aside.put({ key: `unreadable-profile-${now}`, value: { data: row?.data, errors: legacy.errors } }).catch(() => {});
  }
  let found: Profile | null = legacy.kind === 'ok' ? legacy.profile : null;
  if (!found) {
    found = await fromBackup(store, now);
    if (found) noteProblem(store, 'Your profile was missing from storage and was restored from the copy kept aside.', now);
  }
  const candidate = found ?? defaultProfile(now);
  let stored = candidate;
  try {
    stored = await putIfAbsent(store, candidate);
  } catch (e) {
    noteProblem(store, `Your profile could not be saved (${errorText(e)}).`, now);
    return candidate;
  }
  if (legacy.kind !== 'none') await store.db.profile.delete('current').catch(() => {});
  if (found) await keepBackup(store, stored);
  return stored;
}

async function writeProfileRow(store: Store, profile: Profile): Promise<void> {
  await withSpace(store, () => store.profileDb.profile.put({ key: 'current', data: profile }).then(() => {}), 'your profile');
  await keepBackup(store, profile);
}

/** Replaces the profile with a validated one; the revision always moves forward. */
export async function saveProfile(store: Store, next: Profile, now = Date.now()): Promise<Profile> {
  await loadProfile(store, now); // moves or restores first, so the revision continues from what the person had
  const saved = await withSpace(
    store,
    () =>
      store.profileDb.transaction('rw', store.profileDb.profile, async () => {
        const row = await store.profileDb.profile.get('current');
        const prevRevision = (row?.data as Profile | undefined)?.revision ?? 0;
        const saved = Profile.parse({ ...next, revision: Math.max(prevRevision, next.revision) + 1, updatedAt: now });
        await store.profileDb.profile.put({ key: 'current', data: saved });
        return saved;
      }),
    'your profile',
  );
  await keepBackup(store, saved);
  return saved;
}

/** Read-modify-write in one transaction, so two writers (popup and a page's feedback) never lose each other's change. */
export async function updateProfile(store: Store, change: (p: Profile) => Profile, now = Date.now()): Promise<Profile> {
  const loaded = await loadProfile(store, now);
  const saved = await withSpace(
    store,
    () =>
      store.profileDb.transaction('rw', store.profileDb.profile, async () => {
        const row = await store.profileDb.profile.get('current');
        const read = readRow(row?.data, now);
        const current = read.kind === 'ok' ? read.profile : loaded;
        const saved = Profile.parse({ ...change(current), revision: current.revision + 1, updatedAt: now });
        await store.profileDb.profile.put({ key: 'current', data: saved });
        return saved;
      }),
    'your profile',
  );
  await keepBackup(store, saved);
  return saved;
}

// ---- the logs -------------------------------------------------------------------------------------------------------

/**
 * Runs a write; when the disk is full, makes room by pruning the logs (oldest first) and tries once more. What still
 * cannot be written is reported to the person; a log write is then dropped (the page goes on), a profile write fails.
 */
async function withSpace<T>(store: Store, write: () => Promise<T>, what: string): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (!isQuotaError(e)) throw e;
    await pruneForSpace(store);
    try {
      return await write();
    } catch (again) {
      if (isQuotaError(again)) noteProblem(store, `The disk is full: ${what} could not be saved.`);
      throw again;
    }
  }
}

/** Log writes never fail the page that sent them: when space runs out even after pruning, the rows are dropped and
 * the person is told (withSpace). */
async function writeLog(store: Store, write: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await withSpace(store, write, what);
  } catch (e) {
    if (!isQuotaError(e)) throw e;
  }
}

/** Deletes the oldest share of every log, each in its own transaction (a delete frees space; one big one may not fit). */
export async function pruneForSpace(store: Store, share = PRUNE_SHARE_ON_QUOTA): Promise<void> {
  store.counted?.clear();
  try {
    const n = Math.ceil((await countLogged(store)) * share);
    if (n > 0) await store.db.transaction('rw', store.db.decisionBatches, () => dropOldest(store, n));
  } catch {
    // as below
  }
  for (const table of [store.db.signals, store.db.flags, store.db.feedback] as Table<unknown, number>[]) {
    try {
      const count = await table.count();
      const n = Math.ceil(count * share);
      if (n > 0) await table.bulkDelete(await table.toCollection().limit(n).primaryKeys());
    } catch {
      // A table that cannot be pruned leaves the others to make the room.
    }
  }
}

/** Rows for the logs, written together (lib/background/log-buffer.ts gathers what the tabs send). */
export interface LogRows {
  decisions?: LoggedDecision[];
  signals?: Signal[];
  flags?: Flag[];
}

/** For each flag that repeated an item already queued: the row, and the stored row it joined. */
export type FlagRepeat = { row: Flag; into: StoredFlag };

/**
 * Adds rows to every log in one transaction (one commit, one change notice, however many tabs and kinds), each log
 * then cut to its cap, the rows stored first going first. Flags are added once per item (addFlags).
 */
export async function writeLogs(store: Store, rows: LogRows): Promise<FlagRepeat[]> {
  const { decisions = [], signals = [], flags = [] } = rows;
  const tables = [decisions.length && store.db.decisionBatches, signals.length && store.db.signals, flags.length && store.db.flags].filter(
    (t): t is Table<never, number> => !!t,
  );
  if (tables.length === 0) return [];
  const repeats: FlagRepeat[] = [];
  const what = tables.length === 1 && !decisions.length ? `the ${tables[0].name} log` : 'the activity log';
  await writeLog(
    store,
    async () => {
      // Counts are taken up only once the transaction has committed: an aborted one leaves them as they were.
      const counts = new Map<string, number>();
      repeats.length = 0;
      await store.db.transaction('rw', tables, async () => {
        if (decisions.length) await addDecisionsIn(store, counts, decisions);
        await addCappedIn(store, counts, store.db.signals, signals, store.caps.signals);
        if (flags.length) repeats.push(...(await addFlagsIn(store, counts, flags)));
      });
      const counted = (store.counted ??= new Map());
      for (const [name, n] of counts) counted.set(name, n);
    },
    what,
  ).catch((e) => {
    store.counted?.clear();
    throw e;
  });
  return repeats.filter((r) => r.into.id !== undefined);
}

/** Adds rows inside the caller's transaction and deletes the ones stored first past the cap; `counts` gets the
 * table's new size. */
async function addCappedIn<T>(store: Store, counts: Map<string, number>, table: Table<T, number>, rows: T[], cap: number, added = rows.length): Promise<void> {
  if (rows.length) await table.bulkAdd(rows);
  if (added === 0) return;
  const known = store.counted?.get(table.name);
  let n = known === undefined ? await table.count() : known + added;
  if (n > cap) {
    await table.bulkDelete(await table.toCollection().limit(n - cap).primaryKeys());
    n = cap;
  }
  counts.set(table.name, n);
}

/** How many rows the activity log holds: the batches' sizes, read from their index without the rows. */
async function countLogged(store: Store): Promise<number> {
  let n = 0;
  for (const k of await store.db.decisionBatches.where('n').above(0).keys()) n += k as number;
  return n;
}

/** The id the next logged row takes. */
async function nextDecisionId(store: Store): Promise<number> {
  return (((await store.db.decisionBatches.toCollection().lastKey()) as number | undefined) ?? 0) + 1;
}

/** Deletes the `n` rows stored first, inside the caller's transaction: whole batches, and the front of the next. */
async function dropOldest(store: Store, n: number): Promise<void> {
  const table = store.db.decisionBatches;
  const whole: number[] = [];
  let cut: DecisionBatch | undefined;
  await table
    .toCollection()
    .until(() => n <= 0 || cut !== undefined)
    .each((b) => {
      if (b.n <= n) {
        whole.push(b.id);
        n -= b.n;
      } else cut = b;
    });
  if (whole.length) await table.bulkDelete(whole);
  if (cut && n > 0) await table.put(batchAfter(cut, cut.rows.slice(n)));
}

/** `b` holding `rows` of its own (its key, the id of its last row, stays). */
function batchAfter(b: DecisionBatch, rows: LoggedDecision[]): DecisionBatch {
  const [next] = toBatches(rows);
  return { ...next, id: b.id };
}

/** Logs rows inside the caller's transaction, numbered on from the last, and cuts the log to its cap. */
async function addDecisionsIn(store: Store, counts: Map<string, number>, rows: LoggedDecision[]): Promise<void> {
  const table = store.db.decisionBatches;
  const known = store.counted?.get(table.name);
  const before = known ?? (await countLogged(store));
  await table.bulkAdd(toBatches(rows, await nextDecisionId(store)));
  let n = before + rows.length;
  if (n > store.logCap) {
    await dropOldest(store, n - store.logCap);
    n = store.logCap;
  }
  counts.set(table.name, n);
}

export async function logDecisions(store: Store, rows: LoggedDecision[]): Promise<void> {
  await writeLogs(store, { decisions: rows });
}

export async function addSignals(store: Store, rows: Signal[]): Promise<void> {
  await writeLogs(store, { signals: rows });
}

export async function addFeedback(store: Store, row: Feedback): Promise<void> {
  await writeLog(
    store,
    async () => {
      const counts = new Map<string, number>();
      await store.db.transaction('rw', store.db.feedback, () => addCappedIn(store, counts, store.db.feedback, [row], store.caps.feedback));
      for (const [name, n] of counts) (store.counted ??= new Map()).set(name, n);
    },
    'the feedback log',
  ).catch((e) => {
    store.counted?.clear();
    throw e;
  });
}

/**
 * Adds flags, one row per item: a row for an item already in the queue (same platform and id, or a near-identical
 * headline of the same kind) is not added again; the row there counts it as seen once more and keeps its verdict.
 * Returns, for each repeat, the stored row it joined, so a "wrong" verdict can cover the newcomer too.
 */
export async function addFlags(store: Store, rows: Flag[]): Promise<FlagRepeat[]> {
  return writeLogs(store, { flags: rows });
}

async function addFlagsIn(store: Store, counts: Map<string, number>, rows: Flag[]): Promise<FlagRepeat[]> {
  const repeats: FlagRepeat[] = [];
  const table = store.db.flags as Table<StoredFlag, number>;
  const keys = rows.map(titleKey);
  const [byItem, byTitle] = await Promise.all([
    table.where('[platform+itemId]').anyOf(rows.map(itemKey)).toArray(),
    table.where('titleKey').anyOf(keys.filter(Boolean)).toArray(),
  ]);
  // One object per stored row, whichever lookup found it, so its count adds up.
  const byId = new Map([...byItem, ...byTitle].map((f) => [f.id!, f]));
  const items = new Map(byItem.map((f) => [`${f.platform}\u0000${f.itemId}`, byId.get(f.id!)!]));
  const titles = new Map(byTitle.map((f) => [f.titleKey!, byId.get(f.id!)!]));
  const fresh: StoredFlag[] = [];
  for (const [i, row] of rows.entries()) {
    const ik = `${row.platform}\u0000${row.itemId}`;
    const into = items.get(ik) ?? (keys[i] ? titles.get(keys[i]) : undefined);
    if (into) {
      into.seen = (into.seen ?? 1) + 1;
      items.set(ik, into);
      repeats.push({ row, into });
      continue;
    }
    const stored: StoredFlag = { ...row, titleKey: keys[i] };
    fresh.push(stored);
    items.set(ik, stored);
    if (keys[i]) titles.set(keys[i], stored);
  }
  const seenAgain = new Set(repeats.map((r) => r.into).filter((f) => f.id !== undefined));
  await Promise.all([...seenAgain].map((f) => table.update(f.id!, { seen: f.seen })));
  await addCappedIn(store, counts, table, fresh, store.caps.flags);
  return repeats;
}

/** The Activity view's filters (lib/core/activity-filter.ts builds them), and how many rows at most. */
export interface DecisionQuery extends ActivityQuery {
  limit?: number;
}

/** Newest first (by time, then id), read a batch at a time until `limit` rows match. */
export async function queryDecisions(store: Store, q: DecisionQuery = {}): Promise<LoggedDecision[]> {
  const out: LoggedDecision[] = [];
  const limit = q.limit ?? Infinity;
  const merger = createMerger(decisionFilter(q));
  const take = (rows: LoggedDecision[]) => {
    for (const r of rows) if (out.length < limit) out.push(r);
  };
  await newestFirst(store, q.until)
    // Once a batch's newest row is older than `since`, so is every row of the batches after it.
    .until((b) => out.length >= limit || (q.since !== undefined && b.ts < q.since))
    .each((b) => take(merger.add(b)));
  take(merger.rest());
  return out;
}

/**
 * Calls `onChange` after every committed write that may have changed the decision log, whether this context or
 * another (a page, the background) made it: Dexie reports each transaction's mutated tables, across contexts
 * through a BroadcastChannel. Returns the unsubscribe.
 */
export function watchDecisions(store: Store, onChange: () => void): () => void {
  const prefix = `idb://${store.db.name}/${store.db.decisionBatches.name}/`;
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

/** How many rows a query matches, without keeping them (for "1,234 decisions" above a list). */
export async function countDecisions(store: Store, q: Omit<DecisionQuery, 'limit'> = {}): Promise<number> {
  const keep = decisionFilter(q);
  if (keep === all) return countLogged(store);
  let n = 0;
  await newestFirst(store, q.until)
    .until((b) => q.since !== undefined && b.ts < q.since)
    .each((b) => {
      for (const r of b.rows) if (keep(r)) n++;
    });
  return n;
}

const all = () => true;

/** The batches newest first; with `until`, from the first that can hold a row at or before it (Activity scrolled far
 * down asks for the rows before the last it shows): a batch spans at most BATCH_SPAN_MS. */
function newestFirst(store: Store, until?: number) {
  const table = store.db.decisionBatches;
  return until === undefined ? table.orderBy('ts').reverse() : table.where('ts').belowOrEqual(until + BATCH_SPAN_MS).reverse();
}

function decisionFilter(q: Omit<DecisionQuery, 'limit'>): (d: LoggedDecision) => boolean {
  const needle = q.search?.toLowerCase();
  if (q.since === undefined && q.until === undefined && !q.platform && !q.action && !q.reason && !needle && q.tab === undefined && !q.reordered) return all;
  return (d) =>
    (q.since === undefined || d.ts >= q.since) &&
    (q.until === undefined || d.ts <= q.until) &&
    (!q.platform || d.platform === q.platform) &&
    actionMatches(q.action, d.action) &&
    (q.tab === undefined || d.tab === q.tab) &&
    (!q.reordered || d.reordered) &&
    (!q.reason || d.reasons.some((r) => r.code === q.reason)) &&
    (!needle || d.title.toLowerCase().includes(needle) || d.author.toLowerCase().includes(needle));
}

/** The batch holding row `id` (the first whose key, its last row's id, is at or above it), and the row. */
async function findDecision(store: Store, id: number): Promise<{ batch: DecisionBatch; row: LoggedDecision } | undefined> {
  const batch = await store.db.decisionBatches.where(':id').aboveOrEqual(id).first();
  const row = batch?.rows.find((r) => r.id === id);
  return batch && row ? { batch, row } : undefined;
}

export async function markReversed(store: Store, id: number, now = Date.now()): Promise<LoggedDecision | undefined> {
  return store.db.transaction('rw', store.db.decisionBatches, async () => {
    const found = await findDecision(store, id);
    if (!found) return undefined;
    found.row.reversedAt = now;
    found.batch.reversed = 1;
    await store.db.decisionBatches.put(found.batch);
    return found.row;
  });
}

export async function getDecision(store: Store, id: number): Promise<LoggedDecision | undefined> {
  return (await findDecision(store, id))?.row;
}

/** Every meta row whose key starts with `prefix` (the sites' health records live under "health:"). */
export async function listMeta<T>(store: Store, prefix: string): Promise<T[]> {
  const rows = await store.db.meta.where('key').startsWith(prefix).toArray();
  return rows.map((r) => r.value as T);
}

/** Takes a reversal back: the row, and any other reversed row of the same item, read as decided again. */
export async function clearReversed(store: Store, id: number): Promise<LoggedDecision | undefined> {
  return store.db.transaction('rw', store.db.decisionBatches, async () => {
    const found = await findDecision(store, id);
    if (!found) return undefined;
    const { itemId, platform } = found.row;
    const changed: DecisionBatch[] = [];
    let row: LoggedDecision | undefined;
    await store.db.decisionBatches
      .where('reversed')
      .equals(1)
      .each((b) => {
        let still = false;
        let hit = false;
        for (const r of b.rows) {
          if (r.reversedAt !== undefined && r.itemId === itemId && r.platform === platform) {
            delete r.reversedAt;
            hit = true;
          }
          still ||= r.reversedAt !== undefined;
          if (r.id === id) row = r;
        }
        if (!hit) return;
        if (!still) delete b.reversed;
        changed.push(b);
      });
    if (changed.length) await store.db.decisionBatches.bulkPut(changed);
    return row ?? found.row;
  });
}

export async function listSignals(store: Store, limit?: number): Promise<Signal[]> {
  const coll = store.db.signals.orderBy('ts').reverse();
  return limit ? coll.limit(limit).toArray() : coll.toArray();
}

export async function listFlags(store: Store, status?: Flag['status']): Promise<StoredFlag[]> {
  const coll = status ? store.db.flags.where('status').equals(status) : store.db.flags.toCollection();
  return (await coll.toArray()).sort((a, b) => b.ts - a.ts);
}

/** At most `limit` rows stored before `below` (an id), newest first, and the id to ask below next (null: the end).
 * The dashboard reads a long log this way, a message at a time, never the whole of it in one. */
export async function pageRows<T extends { id?: number }>(table: Table<T, number>, below: number | undefined, limit: number): Promise<{ rows: T[]; next: number | null }> {
  const coll = below === undefined ? table.orderBy(':id').reverse() : table.where(':id').below(below).reverse();
  const rows = await coll.limit(limit).toArray();
  return { rows, next: rows.length < limit ? null : (rows.at(-1)!.id ?? null) };
}

export const pageFlags = (store: Store, below: number | undefined, limit: number) => pageRows(store.db.flags as Table<StoredFlag, number>, below, limit);
/** As pageRows, for the activity log's rows (read a batch at a time). */
export async function pageDecisions(store: Store, below: number | undefined, limit: number): Promise<{ rows: LoggedDecision[]; next: number | null }> {
  const rows: LoggedDecision[] = [];
  const table = store.db.decisionBatches;
  const take = (b: DecisionBatch) => {
    for (let i = b.rows.length - 1; i >= 0 && rows.length < limit; i--) if (below === undefined || b.rows[i].id! < below) rows.push(b.rows[i]);
  };
  // The batch that holds the row just below `below` may also hold rows at or above it.
  const first = below === undefined ? undefined : await table.where(':id').aboveOrEqual(below).first();
  if (first) take(first);
  const coll = below === undefined ? table.orderBy(':id').reverse() : table.where(':id').below(below).reverse();
  if (rows.length < limit) await coll.until(() => rows.length >= limit).each(take);
  return { rows, next: rows.length < limit ? null : (rows.at(-1)!.id ?? null) };
}

/** Keeps part of an imported log under `token`; parts of any earlier, unfinished import are dropped. */
export async function stageLog(store: Store, token: string, rows: LoggedDecision[], first: boolean): Promise<number> {
  return store.db.transaction('rw', store.db.staged, async () => {
    if (first) await store.db.staged.clear();
    await store.db.staged.bulkAdd(rows.map((row) => ({ token, row })));
    return store.db.staged.where('token').equals(token).count();
  });
}

/**
 * Replaces the activity log with the rows staged under `token` (all `expected` of them, or nothing changes): oldest
 * first, so ids follow time as in a log written here, and no more than the cap (the newest kept).
 */
export async function replaceLogWithStaged(store: Store, token: string, expected: number): Promise<number> {
  const { db } = store;
  store.counted?.clear();
  const kept = await withSpace(
    store,
    () =>
      db.transaction('rw', db.decisionBatches, db.staged, async () => {
        const staged = await db.staged.where('token').equals(token).primaryKeys();
        if (staged.length !== expected) throw new Error(`the activity log arrived in part (${staged.length} of ${expected} rows); nothing was changed`);
        const rows = (await db.staged.bulkGet(staged)).map((s) => s!.row);
        rows.sort((a, b) => a.ts - b.ts);
        const newest = rows.slice(Math.max(0, rows.length - store.logCap));
        // Numbered on from the log it replaces, so an id read before (an Activity still open) names no imported row.
        const next = await nextDecisionId(store);
        await db.decisionBatches.clear();
        await db.decisionBatches.bulkAdd(toBatches(newest, next));
        await db.staged.clear();
        return newest.length;
      }),
    'the imported activity log',
  );
  // A batch written meanwhile counted the table as it was before the import.
  store.counted?.clear();
  return kept;
}

/** Gives `ids` a verdict and returns the rows it changed. With `onlyOpen`, a row that already has a verdict keeps
 * it (a bulk "Mark right" never overwrites what the person said one by one). */
export async function setFlagStatus(store: Store, ids: number[], status: Flag['status'], now = Date.now(), onlyOpen = false): Promise<StoredFlag[]> {
  const changed = await store.db.transaction('rw', store.db.flags, async () => {
    const rows = (await store.db.flags.bulkGet(ids)).filter((f): f is StoredFlag => !!f && (!onlyOpen || f.status === 'open'));
    for (const f of rows) await store.db.flags.update(f.id!, { status, verdictAt: now });
    return rows.map((f) => f.id!);
  });
  return (await store.db.flags.bulkGet(changed)).filter((f): f is StoredFlag => !!f);
}

export async function getMeta<T>(store: Store, key: string): Promise<T | undefined> {
  return (await store.db.meta.get(key))?.value as T | undefined;
}

/** Meta rows (a site's health, a chat warning) are log-like: one row per key, so they cannot grow, and on a full disk
 * they make room like the logs and are dropped rather than failing the tab that reported them. */
export async function setMeta(store: Store, key: string, value: unknown): Promise<void> {
  await writeLog(store, () => store.db.meta.put({ key, value }), 'a status report');
}

export async function countRows(store: Store) {
  const [decisions, signals, feedback, flags] = await Promise.all([
    countLogged(store),
    store.db.signals.count(),
    store.db.feedback.count(),
    store.db.flags.count(),
  ]);
  return { decisions, signals, feedback, flags };
}

/**
 * Deletes everything Parapet stored, then starts again from a default profile. The databases are deleted, not
 * cleared: clearing is a write, and it fails (AbortError) when the disk is full, which is when a person wipes.
 */
export async function wipeAll(store: Store, now = Date.now()): Promise<Profile> {
  store.counted?.clear();
  await Promise.all([store.db.delete({ disableAutoOpen: false }), store.profileDb.delete({ disableAutoOpen: false })]);
  await store.backup?.clear().catch(() => {});
  dismissProblem(store);
  return loadProfile(store, now);
}

/** The person has read what went wrong. */
export function dismissProblem(store: Store): void {
  store.problem = null;
  store.onProblem?.(null);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}
