import { browser } from 'wxt/browser';
import { openStore } from '../db';
import { dispatch } from '../messaging';
import type { Profile } from '../schema/profile';
import type { TabStats } from '../schema/messages';
import { createHandlers } from './handlers';
import { chatSelections } from './chat';

const statsKey = (tabId: number) => `tab-stats:${tabId}`;

/** Tab counts live in session storage: the MV3 worker sleeps, and the popup opened later must still see them. */
const tabStats = {
  async get(tabId: number): Promise<TabStats | null> {
    const area = browser.storage.session ?? browser.storage.local;
    const got = await area.get(statsKey(tabId));
    return (got[statsKey(tabId)] as TabStats | undefined) ?? null;
  },
  async set(tabId: number, s: TabStats) {
    const area = browser.storage.session ?? browser.storage.local;
    await area.set({ [statsKey(tabId)]: s });
  },
};

async function broadcastProfile(profile: Profile) {
  const message = { type: 'profile/changed', profile };
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => {});
  }
  browser.runtime.sendMessage(message).catch(() => {});
}

export function startBackground() {
  const store = openStore();
  const handlers = createHandlers({
    store,
    broadcastProfile: (p) => void broadcastProfile(p),
    tabStats,
    selectInstructions: chatSelections,
  });
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Broadcasts we sent ourselves come back to our own listener in some browsers: ignore them.
    if ((message as { type?: string })?.type === 'profile/changed') return undefined;
    return dispatch(handlers, message, sender, self);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    const area = browser.storage.session ?? browser.storage.local;
    void area.remove(statsKey(tabId));
  });
}
