import type { Feedback, LoggedDecision } from '../schema/log';
import type { Exception, Profile } from '../schema/profile';
import { normaliseTitle } from './feedback';

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

/** A reversal taken back ("Undo" in the Activity view): the item is held back again as it was before. */
export function canUndoReversal(d: Pick<LoggedDecision, 'action' | 'reversedAt'>): boolean {
  return REVERSIBLE.has(d.action) && d.reversedAt !== undefined;
}

/**
 * The profile without what reversing `d` added: the item exception on its title goes (the one a reversal writes:
 * no kind, no author), and an item the person had hidden by hand is hidden by hand again. Returns the same
 * object when there is nothing to take back.
 */
export function undoReversal(profile: Profile, d: LoggedDecision, now: number): Profile {
  if (!canUndoReversal(d)) return profile;
  const title = normaliseTitle(d.title);
  const isReversal = (e: Exception) => e.type === 'item' && e.platform === d.platform && !e.kind && !e.author && e.title === title;
  const exceptions = title ? profile.exceptions.filter((e) => !isReversal(e)) : profile.exceptions;
  const byHand = d.reasons.some((r) => r.code === 'user-hidden');
  const hiddenAlready = profile.hiddenItems.some((h) => h.platform === d.platform && h.itemId === d.itemId);
  const hiddenItems =
    byHand && !hiddenAlready ? [...profile.hiddenItems, { platform: d.platform, itemId: d.itemId, at: Math.max(0, Math.floor(now)) }].slice(-10_000) : profile.hiddenItems;
  if (exceptions.length === profile.exceptions.length && hiddenItems === profile.hiddenItems) return profile;
  return { ...profile, exceptions, hiddenItems };
}
