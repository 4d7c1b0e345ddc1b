import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging';
import type { Responses } from '@/lib/schema/messages';

export type TabReport = Responses['tab/stats/get'];

export interface TabStatsState {
  /** undefined while loading; `stats: null` when Parapet is not running on the tab. */
  report: TabReport | undefined;
  tabUrl: string | undefined;
  error: string | null;
}

/** Counts and site health for the active tab of this window, refreshed while the popup stays open
 * (the page keeps counting as the user scrolls). */
export function useTabStats(refreshMs = 2000): TabStatsState {
  const [state, setState] = useState<TabStatsState>({ report: undefined, tabUrl: undefined, error: null });
  useEffect(() => {
    let stopped = false;
    let tabId: number | undefined;
    let tabUrl: string | undefined;
    const load = async () => {
      try {
        if (tabId === undefined) {
          const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
          tabId = tab?.id;
          tabUrl = tab?.url;
        }
        const report = tabId === undefined ? { stats: null, health: null } : await send('tab/stats/get', { tabId });
        if (!stopped) setState({ report, tabUrl, error: null });
      } catch (e) {
        if (!stopped) setState((s) => ({ ...s, report: s.report ?? { stats: null, health: null }, error: (e as Error).message }));
      }
    };
    void load();
    const timer = setInterval(load, refreshMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [refreshMs]);
  return state;
}
