import { browser } from 'wxt/browser';
import type { Decision } from '../schema/decision';
import { cleanReasons } from './reporter';
import type { Transport } from './transport';

/**
 * The address of the why frame (the reason, or the item's menu) for one item: its decision is handed to the
 * background under a fresh random token (the address is all the frame gets), so nothing in the page, the address
 * included, carries the reason.
 */
export async function whyLink(transport: Pick<Transport, 'send'>, decision: Decision, author: string, view: 'why' | 'menu', hidden: boolean): Promise<string> {
  const token = crypto.randomUUID().replace(/-/g, '');
  // Cut to what the background's schema accepts, as the log's rows are.
  const d = { ...decision, itemId: decision.itemId.slice(0, 200), reasons: cleanReasons(decision.reasons), judgedBy: decision.judgedBy?.slice(0, 120) };
  await transport.send('why/put', { token, decision: d, author: author.slice(0, 200), view, hidden });
  return `${(browser.runtime.getURL as (p: string) => string)('/why.html')}#${token}`;
}
