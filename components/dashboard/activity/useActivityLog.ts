import { useCallback, useEffect, useRef, useState } from 'react';
import { send } from '@/lib/messaging';
import type { ActivityQuery } from '@/lib/core/activity-filter';
import type { LoggedDecision } from '@/lib/schema/log';

/** The first page fills the screen fast; later pages are larger so a long scroll asks less often. */
export const FIRST_PAGE = 100;
export const NEXT_PAGE = 400;

export interface ActivityLog {
  rows: LoggedDecision[];
  /** Matching rows in the whole log; null while counting. */
  total: number | null;
  done: boolean;
  loading: boolean;
  error: string | null;
  loadMore(): void;
  /** Replaces one row (after a reversal) without reloading. */
  replace(row: LoggedDecision): void;
}

/**
 * Reads the log newest first, one page at a time, never all 100,000 rows at once. The next page starts at the
 * oldest time loaded so far (inclusive), and rows already shown are skipped, so equal timestamps neither repeat
 * nor go missing.
 */
export async function fetchPage(query: ActivityQuery, after: readonly LoggedDecision[], size: number): Promise<{ rows: LoggedDecision[]; done: boolean }> {
  const last = after.at(-1);
  if (!last) {
    const rows = await send('activity/query', { ...query, limit: size });
    return { rows, done: rows.length < size };
  }
  const sameTs = new Set<number>();
  for (let i = after.length - 1; i >= 0 && after[i].ts === last.ts; i--) if (after[i].id !== undefined) sameTs.add(after[i].id!);
  const limit = size + sameTs.size;
  const got = await send('activity/query', { ...query, until: Math.min(query.until ?? Number.MAX_SAFE_INTEGER, last.ts), limit });
  return { rows: got.filter((r) => r.ts !== last.ts || !sameTs.has(r.id!)), done: got.length < limit };
}

export function useActivityLog(query: ActivityQuery): ActivityLog {
  const key = JSON.stringify(query);
  const [rows, setRows] = useState<LoggedDecision[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Answers to an older filter are dropped: the user may type faster than the log answers.
  const generation = useRef(0);
  const busy = useRef(false);
  const state = useRef({ rows, done });
  state.current = { rows, done };

  useEffect(() => {
    const mine = ++generation.current;
    const q = JSON.parse(key) as ActivityQuery;
    busy.current = true;
    setLoading(true);
    setError(null);
    setTotal(null);
    fetchPage(q, [], FIRST_PAGE)
      .then((page) => {
        if (mine !== generation.current) return;
        setRows(page.rows);
        setDone(page.done);
        if (page.done) setTotal(page.rows.length);
        // Counting reads every matching row in the background: only once the first rows are on screen.
        else void send('activity/count', q).then((n) => mine === generation.current && setTotal(n), () => {});
      })
      .catch((e: Error) => mine === generation.current && (setRows([]), setError(e.message)))
      .finally(() => {
        if (mine !== generation.current) return;
        busy.current = false;
        setLoading(false);
      });
  }, [key]);

  const loadMore = useCallback(() => {
    if (busy.current || state.current.done) return;
    const mine = generation.current;
    busy.current = true;
    setLoading(true);
    fetchPage(JSON.parse(key) as ActivityQuery, state.current.rows, NEXT_PAGE)
      .then((page) => {
        if (mine !== generation.current) return;
        setRows((r) => r.concat(page.rows));
        setDone(page.done);
      })
      .catch((e: Error) => mine === generation.current && setError(e.message))
      .finally(() => {
        if (mine !== generation.current) return;
        busy.current = false;
        setLoading(false);
      });
  }, [key]);

  const replace = useCallback((row: LoggedDecision) => setRows((r) => r.map((x) => (x.id === row.id ? row : x))), []);

  return { rows, total, done, loading, error, loadMore, replace };
}

/** Every row a query matches, page by page, for an export. */
export async function fetchAll(query: ActivityQuery, onProgress?: (n: number) => void): Promise<LoggedDecision[]> {
  const all: LoggedDecision[] = [];
  for (;;) {
    const page = await fetchPage(query, all, 5_000);
    all.push(...page.rows);
    onProgress?.(all.length);
    if (page.done || page.rows.length === 0) return all;
  }
}
