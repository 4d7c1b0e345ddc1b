import { browser } from 'wxt/browser';
import { describeIssues } from './schema/migrate';
import {
  Envelope,
  requests,
  type ParsedPayload,
  type Reply,
  type RequestPayload,
  type RequestType,
  type Responses,
} from './schema/messages';

/** The one way any part of Parapet talks to the background. */
export async function send<K extends RequestType>(type: K, payload: RequestPayload<K>): Promise<Responses[K]> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<Responses[K]> | undefined;
  if (!reply) throw new Error(`No answer from Parapet's background for ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export type Handlers = {
  [K in RequestType]: (payload: ParsedPayload<K>, sender: SenderInfo) => Promise<Responses[K]> | Responses[K];
};

/** True for the extension's own pages (popup, dashboard, offscreen), false for content scripts and anyone else. */
export function isExtensionPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** Validates an incoming message and runs its handler. Unknown types, bad payloads and privileged requests from
 * a page are answered with an error and never reach a handler. */
export async function dispatch(
  handlers: Partial<Handlers>,
  message: unknown,
  sender: SenderInfo,
  self: { id: string; origin: string },
): Promise<Reply<unknown>> {
  const envelope = Envelope.safeParse(message);
  if (!envelope.success) return { ok: false, error: 'malformed message' };
  const type = envelope.data.type as RequestType;
  // Own keys only: `constructor`, `__proto__` and `toString` are names every object answers to.
  const spec = Object.hasOwn(requests, type) ? requests[type] : undefined;
  if (!spec) return { ok: false, error: `unknown message type ${envelope.data.type}` };
  if (spec.privileged && !isExtensionPage(sender, self.id, self.origin)) {
    return { ok: false, error: `${type} is only accepted from Parapet's own pages` };
  }
  const payload = envelope.data.payload ?? {};
  // The log's batches come many times a second: plain checks take them when they can (lib/schema/log-batch.ts).
  const accepted = 'accept' in spec ? (spec.accept as (p: unknown) => unknown)(payload) : null;
  const parsed = accepted ? { success: true as const, data: accepted } : spec.payload.safeParse(payload);
  if (!parsed.success) return { ok: false, error: `invalid ${type}: ${describeIssues(parsed.error).join('; ')}` };
  const handler = (Object.hasOwn(handlers, type) ? handlers[type] : undefined) as ((p: unknown, s: SenderInfo) => Promise<unknown>) | undefined;
  if (!handler) return { ok: false, error: `${type} is not handled here` };
  try {
    return { ok: true, value: (await handler(parsed.data, sender)) ?? null };
  } catch (e) {
    return { ok: false, error: (e as Error).message || String(e) };
  }
}
