import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { broadcasts, type Broadcast } from '@/lib/schema/messages';

/** Calls `handler` for every valid broadcast the background pushes to extension pages. */
export function useBroadcast(handler: (message: Broadcast) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (message: unknown) => {
      const parsed = broadcasts.safeParse(message);
      if (parsed.success) latest.current(parsed.data);
      // Returning nothing leaves the reply to the background: this page also sees other pages' requests.
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
}
