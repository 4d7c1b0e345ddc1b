import { describe, expect, it } from 'vitest';
import { applyFeedback } from '@/lib/core/feedback';
import { canReverse, canUndoReversal, reversalFeedback, undoReversal } from '@/lib/core/reverse';
import { compileProfile, decide } from '@/lib/core/shield';
import type { LoggedDecision } from '@/lib/schema/log';
import { item, profile } from './shield-helpers';

const logged = (over: Partial<LoggedDecision> = {}): LoggedDecision => ({
  id: 1,
  ts: 1000,
  platform: 'youtube',
  itemId: 'v-gossip',
  title: 'Red carpet meltdown: what really happened',
  author: 'StarWatch',
  url: 'https://www.youtube.com/watch?v=abc',
  surface: 'home',
  action: 'hide',
  reasons: [{ code: 'avoid-topic', detail: 'Celebrity gossip', source: 'rule', evidence: ['red carpet'] }],
  score: 0,
  reordered: false,
  ...over,
});

describe('reversing a decision from the Activity view', () => {
  const base = profile({
    avoidTopics: [{ id: 'gossip', label: 'Celebrity gossip', keywords: ['red carpet'] }],
    hiddenItems: [{ platform: 'youtube', itemId: 'v-hand', at: 1 }],
  });
  const video = item({ platform: 'youtube', id: 'v-gossip', title: 'Red carpet meltdown: what really happened', author: 'StarWatch' });

  it('offers a reverse only for what held an item back, once', () => {
    expect(canReverse(logged())).toBe(true);
    expect(canReverse(logged({ action: 'label' }))).toBe(true);
    expect(canReverse(logged({ action: 'show' }))).toBe(false);
    expect(canReverse(logged({ action: 'boost' }))).toBe(false);
    expect(canReverse(logged({ reversedAt: 5 }))).toBe(false);
    expect(reversalFeedback(logged({ action: 'show' }), 5)).toBeNull();
  });

  it('makes the next decision on the same item show it', () => {
    const before = decide(compileProfile(base, { policyStage: null }), video);
    expect(before.action).toBe('hide');
    const next = applyFeedback(base, reversalFeedback(logged(), 2000)!, undefined, 2000);
    const after = decide(compileProfile(next, { policyStage: null }), video);
    expect(after.action).toBe('show');
    expect(after.reasons[0]?.code).toBe('user-exception');
    // Other items on the avoided topic stay hidden.
    const other = item({ platform: 'youtube', title: 'Red carpet looks of the year', author: 'StarWatch' });
    expect(decide(compileProfile(next, { policyStage: null }), other).action).toBe('hide');
  });

  it('undoes a hand hide, and a second reversal changes nothing more', () => {
    const fb = reversalFeedback(logged({ itemId: 'v-hand', title: 'Some video', reasons: [{ code: 'user-hidden', detail: '', source: 'user', evidence: [] }] }), 3000)!;
    const once = applyFeedback(base, fb, undefined, 3000);
    expect(once.hiddenItems).toEqual([]);
    expect(once.exceptions).toHaveLength(1);
    expect(applyFeedback(once, fb, undefined, 3001)).toBe(once);
  });

  it('stores a title carrying markup as plain words the profile accepts', () => {
    const fb = reversalFeedback(logged({ title: '<img src=x onerror=alert(1)> Big news' }), 4000)!;
    const next = applyFeedback(base, fb, undefined, 4000);
    expect(next.exceptions.at(-1)?.title).toBe('img src x onerror alert 1 big news');
  });

  it('can be undone: the item is held back again for the same reason, and other reversals stay', () => {
    const fb = reversalFeedback(logged(), 2000)!;
    const otherFb = reversalFeedback(logged({ itemId: 'v-other', title: 'Red carpet looks of the year' }), 2001)!;
    const reversed = applyFeedback(applyFeedback(base, fb, undefined, 2000), otherFb, undefined, 2001);
    const row = logged({ reversedAt: 2000 });
    expect(canUndoReversal(row)).toBe(true);
    expect(canUndoReversal(logged())).toBe(false);

    const undone = undoReversal(reversed, row, 3000);
    expect(decide(compileProfile(undone, { policyStage: null }), video).action).toBe('hide');
    expect(undone.exceptions.map((e) => e.title)).toEqual(['red carpet looks of the year']);
    // Nothing left to take back: the same profile comes back.
    expect(undoReversal(undone, row, 3001)).toBe(undone);
  });

  it('hides a hand-hidden item by hand again when its reversal is undone', () => {
    const hand = logged({ itemId: 'v-hand', title: 'Some video', reasons: [{ code: 'user-hidden', detail: '', source: 'user', evidence: [] }] });
    const reversed = applyFeedback(base, reversalFeedback(hand, 3000)!, undefined, 3000);
    expect(reversed.hiddenItems).toEqual([]);
    const undone = undoReversal(reversed, { ...hand, reversedAt: 3000 }, 4000);
    expect(undone.hiddenItems).toEqual([{ platform: 'youtube', itemId: 'v-hand', at: 4000 }]);
    expect(undone.exceptions).toEqual([]);
  });
});
