import { browser } from 'wxt/browser';
import type { Decision } from '../schema/decision';
import type { MenuCommand } from '../schema/menu-command';
import type { ParsedPayload, Responses } from '../schema/messages';
import { isPageSender } from './topic-pack';

type Sender = { url?: string; tab?: { id?: number }; frameId?: number };

/** How many explanations are kept, and for how long: a person opens one within seconds of asking. */
const MAX_KEPT = 100;
const KEEP_MS = 10 * 60_000;

/** Hands a menu's command to the frame of the tab that drew the item. */
export type Deliver = (tabId: number, frameId: number, message: { type: 'why/command'; token: string; command: MenuCommand }) => Promise<unknown>;

const toTab: Deliver = (tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, { frameId });

interface Kept {
  at: number;
  decision: Decision;
  author: string;
  view: 'why' | 'menu';
  hidden: boolean;
  tabId: number;
  frameId: number;
}

/**
 * Why an item was hidden or labelled, and its menu, kept for the extension's own frame (entrypoints/why). The
 * reason is profile-derived text, so it is never drawn in the page (where window.find and the selection read it,
 * issue 25): the tab's content script puts the item's decision here under a random token when the person asks
 * "Why?" or opens the item's menu, and the frame (extension origin, out of the page's reach) fetches it by that
 * token. A command chosen in the menu goes back the same way, to that tab's frame only, never through the page.
 */
export function createWhyHandlers(now: () => number, deliver: Deliver = toTab) {
  const kept = new Map<string, Kept>();
  const prune = () => {
    for (const [token, e] of kept) if (kept.size > MAX_KEPT || now() - e.at > KEEP_MS) kept.delete(token);
  };
  return {
    // Only a feed tab's content script explains its own items.
    'why/put': async ({ token, decision, author, view, hidden }: ParsedPayload<'why/put'>, sender: Sender): Promise<Responses['why/put']> => {
      if (sender.tab?.id === undefined || !isPageSender(sender)) throw new Error('why/put comes from a feed tab');
      kept.delete(token);
      kept.set(token, { at: now(), decision, author, view: view ?? 'why', hidden: hidden ?? false, tabId: sender.tab.id, frameId: sender.frameId ?? 0 });
      prune();
      return null;
    },
    // Only the extension's own pages (the frame) read it back.
    'why/get': async ({ token }: ParsedPayload<'why/get'>, sender: Sender): Promise<Responses['why/get']> => {
      if (isPageSender(sender)) throw new Error('why/get is for the extension');
      prune();
      const e = kept.get(token);
      return e ? { decision: e.decision, author: e.author, view: e.view, hidden: e.hidden } : null;
    },
    // Only the frame sends a menu's command, and only for a menu that was opened.
    'why/act': async ({ token, command }: ParsedPayload<'why/act'>, sender: Sender): Promise<Responses['why/act']> => {
      if (isPageSender(sender)) throw new Error('why/act is for the extension');
      const e = kept.get(token);
      if (!e || e.view !== 'menu') throw new Error('this menu is closed');
      await deliver(e.tabId, e.frameId, { type: 'why/command', token, command });
      return null;
    },
  };
}
