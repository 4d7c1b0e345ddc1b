import { useEffect, useState } from 'react';
import { send } from '@/lib/messaging';
import { judgeReadiness, type Readiness } from '@/lib/judge/readiness';
import type { ModelCapabilitiesResponse, ModelStatusResponse } from '@/lib/judge/protocol';

/** Whether the local model judges here now (lib/judge/readiness.ts), asked once when the view opens. */
export function useReadiness(): Readiness {
  const [caps, setCaps] = useState<ModelCapabilitiesResponse | null>(null);
  const [status, setStatus] = useState<ModelStatusResponse | null>(null);
  useEffect(() => {
    let alive = true;
    send('model/status', {}).then((s) => alive && setStatus(s), () => undefined);
    send('model/capabilities', {}).then((c) => alive && setCaps(c), () => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return judgeReadiness(caps, status);
}
