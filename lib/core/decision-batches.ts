import type { LoggedDecision } from '../schema/log';

/**
 * The activity log is stored as batches of rows, one IndexedDB record per batch (lib/db.ts): a record costs the
 * browser a message and an entry per index whatever its size, and a feed logs hundreds of decisions a second.
 * A batch's key is the id of its last row, so the batch holding any row is the first at or above the row's id.
 */
export interface DecisionBatch {
  /** The id of its last row. */
  id: number;
  /** Its newest row's time: batches read newest first by it. */
  ts: number;
  /** How many rows it holds (an index: the log is counted from the keys alone). */
  n: number;
  rows: LoggedDecision[];
  /** Present (1) while a row in it is reversed: an undo finds the rows to take back among these alone. */
  reversed?: 1;
}

/** Rows per record at most, and about as many characters: Chromium stores a value past 64 KiB as a file of its own. */
const BATCH_ROWS = 100;
const BATCH_CHARS = 40_000;
/** The most time between a batch's oldest and newest row: a read of the rows before a moment (Activity scrolled far
 * down) starts at the batches whose newest row is at most this much later, instead of at the newest. */
export const BATCH_SPAN_MS = 10_000;

function size(r: LoggedDecision): number {
  let n = 150 + r.title.length + r.author.length + r.url.length;
  for (const x of r.reasons) {
    n += 60 + x.detail.length;
    for (const e of x.evidence) n += e.length;
  }
  return n;
}

/** Numbers the rows from `nextId` on, oldest first (in place: the log's own copies), and cuts them into batches;
 * without `nextId`, rows keep the ids they carry, in the order given (ascending ids). */
export function toBatches(rows: LoggedDecision[], nextId?: number): DecisionBatch[] {
  if (nextId !== undefined) rows = [...rows].sort((a, b) => a.ts - b.ts);
  const out: DecisionBatch[] = [];
  let part: LoggedDecision[] = [];
  let chars = 0;
  let from = 0;
  let to = 0;
  const close = () => {
    if (part.length) out.push(batchOf(part));
    part = [];
    chars = 0;
  };
  for (const [i, row] of rows.entries()) {
    const s = size(row);
    const span = Math.max(to, row.ts) - Math.min(from, row.ts);
    if (part.length >= BATCH_ROWS || (part.length && (chars + s > BATCH_CHARS || span > BATCH_SPAN_MS))) close();
    if (part.length === 0) from = to = row.ts;
    from = Math.min(from, row.ts);
    to = Math.max(to, row.ts);
    if (nextId !== undefined) row.id = nextId + i;
    part.push(row);
    chars += s;
  }
  close();
  return out;
}

/** A batch record for rows that carry their ids, in ascending order. */
export function batchOf(rows: LoggedDecision[]): DecisionBatch {
  let ts = 0;
  let reversed = false;
  for (const r of rows) {
    if (r.ts > ts) ts = r.ts;
    if (r.reversedAt !== undefined) reversed = true;
  }
  const b: DecisionBatch = { id: rows[rows.length - 1].id!, ts, n: rows.length, rows };
  if (reversed) b.reversed = 1;
  return b;
}

/** Newest first, as a ts index read backwards gives them: by time, then by id. */
export const newerFirst = (a: LoggedDecision, b: LoggedDecision) => b.ts - a.ts || b.id! - a.id!;

/**
 * Puts rows of batches read newest first (by each batch's newest row) into the log's order, newest first. Batches
 * overlap in time (each tab sends what waited in it), so a row is given out only once no batch still to come can
 * hold a newer one: every later batch's rows are at most its `ts`.
 */
export function createMerger(keep: (d: LoggedDecision) => boolean) {
  let pool: LoggedDecision[] = [];
  return {
    /** Rows now certain of their place, before `next` (the batch about to be read) is added. */
    add(next: DecisionBatch): LoggedDecision[] {
      const ready = pool.filter((r) => r.ts > next.ts).sort(newerFirst);
      pool = pool.filter((r) => r.ts <= next.ts);
      for (const r of next.rows) if (keep(r)) pool.push(r);
      return ready;
    },
    /** What is left, once no batch remains. */
    rest(): LoggedDecision[] {
      const out = pool.sort(newerFirst);
      pool = [];
      return out;
    },
  };
}
