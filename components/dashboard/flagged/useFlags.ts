import { useCallback, useEffect, useState } from 'react';
import { send } from '@/lib/messaging';
import type { Flag } from '@/lib/schema/log';

/** Every flag in the review queue, newest first, with verdicts sent to the background (which turns a "wrong"
 * into an exception in the profile). */
export function useFlags() {
  const [flags, setFlags] = useState<Flag[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setFlags(await send('flags/list', {}));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const verdict = useCallback(async (ids: number[], status: Flag['status']) => {
    if (!ids.length) return true;
    const wanted = new Set(ids);
    // Shown at once; put back from the store if the background refuses.
    setFlags((fs) => fs?.map((f) => (f.id !== undefined && wanted.has(f.id) ? { ...f, status } : f)) ?? fs);
    try {
      const updated = new Map((await send('flags/verdict', { ids, status })).map((f) => [f.id, f]));
      setFlags((fs) => fs?.map((f) => updated.get(f.id) ?? f) ?? fs);
      setError(null);
      return true;
    } catch (e) {
      setError(`Could not save the verdict: ${(e as Error).message}`);
      await load();
      return false;
    }
  }, [load]);

  return { flags, error, verdict, reload: load };
}
