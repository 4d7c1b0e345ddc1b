import { useCallback, useEffect, useState } from 'react';
import { send } from '@/lib/messaging';
import type { Responses } from '@/lib/schema/messages';

export type InferenceData = Responses['inference/get'];

/** The signals and the decision summary behind the Inferred view. `key` changes (e.g. the stated interests)
 * ask the background for a fresh summary; the topics themselves are computed here, so edits show at once. */
export function useInference(key: string) {
  const [data, setData] = useState<InferenceData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await send('inference/get', {}));
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
