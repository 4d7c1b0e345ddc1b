import { browser } from 'wxt/browser';
import type { Reply, RequestPayload, RequestType, Responses } from '../schema/messages';
import { ChatController, type ChatBackend } from './controller';
import { siteForHost } from './sites';

/** lib/messaging's `send`, minus its runtime import of the schemas: zod would triple this content script. */
async function send<K extends RequestType>(type: K, payload: RequestPayload<K>): Promise<Responses[K]> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<Responses[K]> | undefined;
  if (!reply) throw new Error(`No answer from Parapet's background for ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

const backend: ChatBackend = {
  select: (site, message) => send('chat/select', { site, message }),
  warn: (site, detail) => void send('chat/warn', { site, detail: detail.slice(0, 300) }).catch(() => {}),
  added: (site, instructions) => void send('chat/added', { site, instructions: Math.min(instructions, 100) }).catch(() => {}),
};

/** Content-script entry for the chat sites: one controller for the site this page is on. */
export function startChat(signal: AbortSignal) {
  const config = siteForHost(location.hostname);
  if (!config) return;
  const controller = new ChatController(config, backend, signal);
  const onMessage = (message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'profile/changed') controller.invalidate();
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
  controller.start();
}
