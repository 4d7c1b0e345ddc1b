import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging';
import type { Responses } from '@/lib/schema/messages';

export type TabReport = Responses['tab/stats/get'];

export interface TabStatsState {
  /** undefined while loading; `stats: null` when no feed is shielded on the tab, `chat: null` when no chat was helped. */
  report: TabReport | undefined;
  tabId: number | undefined;
  /** The tab's address: known for the supported sites (host permissions) and any tab the popup was opened over
   * (activeTab), never asked of other tabs. */
  tabUrl: string | undefined;
  error: string | null;
}

const NOTHING: TabReport = { stats: null, health: null, chat: null };

/** Counts and site health for the active tab of this window, refreshed while the popup stays open
 * (the page keeps counting as the user scrolls). */
export function useTabStats(refreshMs = 2000): TabStatsState {
  const [state, setState] = useState<TabStatsState>({ report: undefined, tabId: undefined, tabUrl: undefined, error: null });
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
        const report = tabId === undefined ? NOTHING : await send('tab/stats/get', { tabId });
        if (!stopped) setState({ report, tabId, tabUrl, error: null });
      } catch (e) {
        if (!stopped) setState((s) => ({ ...s, report: s.report ?? NOTHING, error: (e as Error).message }));
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
