import { useCallback, useEffect, useState } from 'react';
import { send } from '@/lib/messaging';
import type { Responses } from '@/lib/schema/messages';

/** What Parapet could not save lately (a full disk), or a profile it restored from its copy: the person must know,
 * until they say they have read it. */
export function useStorageProblem(): { problem: Responses['storage/problem']; dismiss: () => void } {
  const [problem, setProblem] = useState<Responses['storage/problem']>(null);
  useEffect(() => {
    send('storage/problem', {})
      .then(setProblem)
      .catch(() => {});
  }, []);
  const dismiss = useCallback(() => {
    setProblem(null);
    send('storage/problem', { dismiss: true }).catch(() => {});
  }, []);
  return { problem, dismiss };
}
