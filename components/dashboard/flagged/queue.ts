import { POLICY_KINDS, type PolicyKind } from '@/lib/schema/profile';
import type { StoredFlag } from '@/lib/schema/log';

export type StatusFilter = 'open' | 'reviewed' | 'all';

/** What the list shows for a filter. Rows judged in this visit (`judged`) stay under "To review" until the filter
 * changes, so nothing moves under the pointer and Undo stays where it was. */
export function shownFlags(flags: readonly StoredFlag[], kind: PolicyKind | 'all', status: StatusFilter, judged: ReadonlySet<number>): StoredFlag[] {
  return flags.filter(
    (f) => (kind === 'all' || f.kind === kind) && (status === 'all' || (status === 'open' ? f.status === 'open' || judged.has(f.id!) : f.status !== 'open')),
  );
}

/** Rows per kind under a status filter: the same numbers as the section headings show for that filter. */
export function countsByKind(flags: readonly StoredFlag[], status: StatusFilter, judged: ReadonlySet<number>): Map<PolicyKind, number> {
  const counts = new Map<PolicyKind, number>();
  for (const f of shownFlags(flags, 'all', status, judged)) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return counts;
}

export type Entry = { type: 'head'; kind: PolicyKind; ids: number[] } | { type: 'row'; flag: StoredFlag; last: boolean };

/** The shown rows grouped by kind (in the order kinds are listed), as one flat list: a heading, then its rows. */
export function entries(shown: readonly StoredFlag[]): Entry[] {
  const by = new Map<PolicyKind, StoredFlag[]>();
  for (const f of shown) {
    const list = by.get(f.kind);
    if (list) list.push(f);
    else by.set(f.kind, [f]);
  }
  const out: Entry[] = [];
  for (const kind of POLICY_KINDS) {
    const rows = by.get(kind);
    if (!rows) continue;
    out.push({ type: 'head', kind, ids: rows.map((f) => f.id!).filter((id) => id !== undefined) });
    rows.forEach((flag, i) => out.push({ type: 'row', flag, last: i === rows.length - 1 }));
  }
  return out;
}
