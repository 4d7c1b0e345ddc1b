import { useCallback, useEffect, useState } from 'react';
import { takeInference, type InferenceData } from './prefetch';

export type { InferenceData };

/** The signals and the decision summary behind the Inferred view. `key` changes (e.g. the stated interests)
 * ask the background for a fresh summary; the topics themselves are computed here, so edits show at once. */
export function useInference(key: string) {
  const [data, setData] = useState<InferenceData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await takeInference());
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, key]);
  return { data, error, reload: load };
}
