import { useCallback, useEffect, useRef, useState } from 'react';
import { takeInference, type InferenceData } from './prefetch';

export type { InferenceData };

/** The signals and the decision summary behind the Inferred view. `key` changes (e.g. the stated interests)
 * ask the background for a fresh summary; the topics themselves are computed here, so edits show at once. */
export function useInference(key: string) {
  const [data, setData] = useState<InferenceData | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the last request's answer is shown: an earlier one that comes later was computed from an older profile.
  const latest = useRef(0);
  const load = useCallback(async () => {
    const mine = ++latest.current;
    try {
      const answer = await takeInference();
      if (mine !== latest.current) return;
      setData(answer);
      setError(null);
    } catch (e) {
      if (mine === latest.current) setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, key]);
  return { data, error, reload: load };
}
