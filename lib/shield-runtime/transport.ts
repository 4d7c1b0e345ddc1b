import { browser } from 'wxt/browser';
import { isMenuCommand, type MenuCommand } from '../schema/menu-command';
import type { Profile } from '../schema/profile';
import type { RequestPayload, RequestType, Responses } from '../schema/messages';

/** How the runner talks to the background. Same wire format as lib/messaging.ts `send`, but with type-only
 * schema imports: the zod schemas behind `send` would add about 450 KB to every content script. */
export interface Transport {
  send<K extends RequestType>(type: K, payload: RequestPayload<K>): Promise<Responses[K]>;
  /** Calls `fn` with each profile the background broadcasts; returns the unsubscribe. */
  onProfile(fn: (profile: Profile) => void): () => void;
  /** Calls `fn` with each command an item's menu chose (handed on by the background); returns the unsubscribe. */
  onCommand?(fn: (token: string, command: MenuCommand) => void): () => void;
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export function browserTransport(): Transport {
  return {
    async send(type, payload) {
      const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<never> | undefined;
      if (!reply) throw new Error(`No answer from Parapet's background for ${type}`);
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
    onProfile(fn) {
      const listener = (message: unknown) => {
        const m = message as { type?: unknown; profile?: unknown } | null;
        if (m && m.type === 'profile/changed' && m.profile && typeof m.profile === 'object') fn(m.profile as Profile);
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
    onCommand(fn) {
      const listener = (message: unknown) => {
        const m = message as { type?: unknown; token?: unknown; command?: unknown } | null;
        if (m && m.type === 'why/command' && typeof m.token === 'string' && isMenuCommand(m.command)) fn(m.token, m.command);
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
  };
}
