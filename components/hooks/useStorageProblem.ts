import { useEffect, useState } from 'react';
import { send } from '@/lib/messaging';
import type { Responses } from '@/lib/schema/messages';

/** What Parapet could not save lately (a full disk), or a profile it restored from its copy: the person must know. */
export function useStorageProblem(): Responses['storage/problem'] {
  const [problem, setProblem] = useState<Responses['storage/problem']>(null);
  useEffect(() => {
    send('storage/problem', {})
      .then(setProblem)
      .catch(() => {});
  }, []);
  return problem;
}
