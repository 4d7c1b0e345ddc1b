import type { Flag } from '../schema/log';
import { normaliseTitle } from './feedback';

/**
 * One row per item in the review queue (issue 23): the same item seen again (a reload, another page, another tab)
 * and a near-identical headline of the same kind (reposted, re-uploaded) join the row already there instead of
 * waiting for a second verdict.
 */

/** The same item: its platform and the platform's own id. */
export const itemKey = (f: Pick<Flag, 'platform' | 'itemId'>): [string, string] => [f.platform, f.itemId];

/** The same headline for the same kind of flag, on any platform, once case, punctuation and spacing are set aside.
 * Empty for a title too bare to tell items apart (an untitled item is never merged by its title). */
export function titleKey(f: Pick<Flag, 'kind' | 'title'>): string {
  const title = normaliseTitle(f.title);
  return title.length < 4 ? '' : `${f.kind}\u0000${title}`;
}

export interface KeyedFlag {
  id?: number;
  platform: string;
  itemId: string;
  titleKey?: string;
  status: Flag['status'];
  verdictAt?: number;
  seen?: number;
}

/**
 * Which stored rows duplicate others, for merging a queue written before rows were deduplicated. Rows are taken
 * in the order given (oldest first); each duplicate joins the first row it matches. The kept row takes the latest
 * verdict any of its duplicates had, and counts how often the item was seen.
 */
export type FlagChange = Partial<Pick<KeyedFlag, 'seen' | 'status' | 'verdictAt'>>;

export function mergePlan<T extends KeyedFlag>(rows: readonly T[]): { keep: Map<number, FlagChange>; drop: number[] } {
  const byItem = new Map<string, T>();
  const byTitle = new Map<string, T>();
  const keep = new Map<number, FlagChange>();
  const drop: number[] = [];
  for (const row of rows) {
    if (row.id === undefined) continue;
    const ik = `${row.platform}\u0000${row.itemId}`;
    const first = byItem.get(ik) ?? (row.titleKey ? byTitle.get(row.titleKey) : undefined);
    if (!first) {
      byItem.set(ik, row);
      if (row.titleKey) byTitle.set(row.titleKey, row);
      continue;
    }
    byItem.set(ik, first);
    drop.push(row.id);
    const change: FlagChange = keep.get(first.id!) ?? {};
    const seen = (change.seen ?? first.seen ?? 1) + (row.seen ?? 1);
    const later = row.status !== 'open' && (row.verdictAt ?? 0) >= (change.verdictAt ?? first.verdictAt ?? -1);
    keep.set(first.id!, later ? { ...change, seen, status: row.status, verdictAt: row.verdictAt } : { ...change, seen });
  }
  return { keep, drop };
}
