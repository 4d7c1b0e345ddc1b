import type { ChatSite } from '../schema/common';
import type { ChatTabStats, TabStats } from '../schema/messages';
import { sessionArea } from './session-area';

export interface TabStatsStore {
  get(tabId: number): Promise<TabStats | null>;
  set(tabId: number, s: TabStats): Promise<void>;
  /** What a chat tab added: messages sent with instructions, and the instructions in them. */
  chat?: {
    get(tabId: number): Promise<ChatTabStats | null>;
    add(tabId: number, site: ChatSite, instructions: number): Promise<void>;
  };
  forget?(tabId: number): Promise<void>;
}

const statsKey = (tabId: number) => `tab-stats:${tabId}`;
const chatKey = (tabId: number) => `tab-chat:${tabId}`;

/** Tab counts live in session storage: the MV3 worker sleeps, and the popup opened later must still see them. */
export function sessionTabStats(): TabStatsStore {
  const read = async <T>(key: string): Promise<T | null> => ((await sessionArea().get(key))[key] as T | undefined) ?? null;
  // Additions run one after another, so two sends in quick succession both count.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    get: (tabId) => read<TabStats>(statsKey(tabId)),
    set: (tabId, s) => sessionArea().set({ [statsKey(tabId)]: s }),
    chat: {
      get: (tabId) => read<ChatTabStats>(chatKey(tabId)),
      add(tabId, site, instructions) {
        const next = queue.then(async () => {
          const before = await read<ChatTabStats>(chatKey(tabId));
          // A tab that moved to another chat site starts over: the popup speaks of the site shown now.
          const base = before?.site === site ? before : { site, messages: 0, instructions: 0 };
          await sessionArea().set({ [chatKey(tabId)]: { site, messages: base.messages + 1, instructions: base.instructions + instructions } });
        });
        queue = next.catch(() => {});
        return next;
      },
    },
    forget: (tabId) => sessionArea().remove([statsKey(tabId), chatKey(tabId)]),
  };
}
