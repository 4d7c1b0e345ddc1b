import type { Feedback, LoggedDecision } from '../schema/log';

/** Actions a user can take back from the Activity view. A shown or boosted item was never held back. */
const REVERSIBLE = new Set<LoggedDecision['action']>(['hide', 'demote', 'label']);

export function canReverse(d: Pick<LoggedDecision, 'action' | 'reversedAt'>): boolean {
  return REVERSIBLE.has(d.action) && d.reversedAt === undefined;
}

/** The feedback that makes a reversal hold next time the item comes by: its hand hide is undone and every
 * reason is excused for this item (an item exception on its title, see applyFeedback 'reverse'). */
export function reversalFeedback(d: LoggedDecision, now: number): Feedback | null {
  if (!REVERSIBLE.has(d.action)) return null;
  return {
    ts: now,
    type: 'reverse',
    platform: d.platform,
    itemId: d.itemId,
    title: d.title,
    author: d.author,
  };
}
