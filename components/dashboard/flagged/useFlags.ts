import { useCallback, useEffect, useRef, useState } from 'react';
import { send } from '@/lib/messaging';
import type { Flag, StoredFlag } from '@/lib/schema/log';

/** Rows per message: a page of the longest rows the schema allows still travels well under Chrome's 64 MiB. */
const PAGE = 1_000;
/** Ids per verdict message (the protocol takes 10,000). */
const VERDICT_CHUNK = 5_000;

export interface FlagsState {
  /** Every flag read so far, newest first; null before the first page. */
  flags: StoredFlag[] | null;
  /** True while later pages are still arriving. */
  loading: boolean;
  error: string | null;
  /** Gives a verdict and returns the rows it changed (with `onlyOpen`, rows that had one are left alone), or null. */
  verdict(ids: number[], status: Flag['status'], onlyOpen?: boolean): Promise<StoredFlag[] | null>;
  reload(): Promise<void>;
}

/** The review queue, read from the background a page at a time so a queue of any size arrives, with verdicts sent
 * back (the background turns a "wrong" into an exception in the profile). */
export function useFlags(): FlagsState {
  const [flags, setFlags] = useState<StoredFlag[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const all: StoredFlag[] = [];
      let below: number | undefined;
      for (;;) {
        const page = await send('flags/page', { below, limit: PAGE });
        if (mine !== generation.current) return;
        all.push(...page.rows);
        // The first rows show at once; the rest follow as they arrive. Newest first by when they were flagged.
        setFlags(all.slice().sort((a, b) => b.ts - a.ts));
        if (page.next === null) break;
        below = page.next;
      }
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError((e as Error).message);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const verdict = useCallback(
    async (ids: number[], status: Flag['status'], onlyOpen = false) => {
      if (!ids.length) return [];
      const wanted = new Set(ids);
      // Shown at once; put back from the store if the background refuses.
      setFlags((fs) => fs?.map((f) => (f.id !== undefined && wanted.has(f.id) && (!onlyOpen || f.status === 'open') ? { ...f, status } : f)) ?? fs);
      try {
        const changed: StoredFlag[] = [];
        for (let i = 0; i < ids.length; i += VERDICT_CHUNK) changed.push(...(await send('flags/verdict', { ids: ids.slice(i, i + VERDICT_CHUNK), status, onlyOpen })));
        const updated = new Map(changed.map((f) => [f.id, f]));
        setFlags((fs) => fs?.map((f) => updated.get(f.id) ?? f) ?? fs);
        setError(null);
        return changed;
      } catch (e) {
        setError(`Could not save the verdict: ${(e as Error).message}`);
        await load();
        return null;
      }
    },
    [load],
  );

  return { flags, loading, error, verdict, reload: load };
}
