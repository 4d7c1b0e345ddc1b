import type { Decision } from '../schema/decision';
import type { ParsedPayload, Responses } from '../schema/messages';
import { isPageSender } from './topic-pack';

type Sender = { url?: string; tab?: { id?: number } };

/** How many explanations are kept, and for how long: a person opens one within seconds of asking. */
const MAX_KEPT = 100;
const KEEP_MS = 10 * 60_000;

/**
 * Why an item was hidden or labelled, kept for the extension's own "why" frame (entrypoints/why). The reason is
 * profile-derived text, so it is never drawn in the page (where window.find and the selection read it, issue 25):
 * the tab's content script puts the item's decision here under a random token when the person asks "Why?", and
 * the frame (extension origin, out of the page's reach) fetches it by that token.
 */
export function createWhyHandlers(now: () => number) {
  const kept = new Map<string, { at: number; decision: Decision; author: string }>();
  const prune = () => {
    for (const [token, e] of kept) if (kept.size > MAX_KEPT || now() - e.at > KEEP_MS) kept.delete(token);
  };
  return {
    // Only a feed tab's content script explains its own items.
    'why/put': async ({ token, decision, author }: ParsedPayload<'why/put'>, sender: Sender): Promise<Responses['why/put']> => {
      if (sender.tab?.id === undefined || !isPageSender(sender)) throw new Error('why/put comes from a feed tab');
      kept.delete(token);
      kept.set(token, { at: now(), decision, author });
      prune();
      return null;
    },
    // Only the extension's own pages (the frame) read it back.
    'why/get': async ({ token }: ParsedPayload<'why/get'>, sender: Sender): Promise<Responses['why/get']> => {
      if (isPageSender(sender)) throw new Error('why/get is for the extension');
      prune();
      const e = kept.get(token);
      return e ? { decision: e.decision, author: e.author } : null;
    },
  };
}
