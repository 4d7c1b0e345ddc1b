import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addFeedback, addFlags, addSignals, listFlags, listSignals, loadProfile, openStore, saveProfile, type TableCaps, type Store } from '@/lib/db';
import type { Feedback, Flag, Signal } from '@/lib/schema/log';

const stores: Store[] = [];
const fresh = (caps: Partial<TableCaps>) => {
  const s = openStore(`caps-${Math.random()}`, 100, { caps });
  stores.push(s);
  return s;
};
afterEach(async () => {
  for (const s of stores.splice(0)) await Promise.all([s.db.delete(), s.profileDb.delete()]);
});

const signal = (i: number): Signal => ({ ts: 1000 + i, type: 'search', platform: 'youtube', itemId: '', title: `query ${i}`, author: '', url: '', value: 1, detail: '' }) as Signal;
const flag = (i: number): Flag => ({ ts: 1000 + i, platform: 'x', itemId: `${i}`, title: `t${i}`, author: 'a', url: '', kind: 'rage', confidence: 0.9, source: 'rule', action: 'label', evidence: [], status: 'open' });
const feedback = (i: number): Feedback => ({ ts: 1000 + i, type: 'show-anyway', platform: 'x', itemId: `${i}`, title: `t${i}`, author: 'a' }) as Feedback;

describe('every log has a cap, and the oldest rows go first', () => {
  it('keeps the signals table at its cap however many a page sends, the newest kept', async () => {
    const store = fresh({ signals: 50 });
    for (let b = 0; b < 4; b++) await addSignals(store, Array.from({ length: 40 }, (_, i) => signal(b * 40 + i)));
    const kept = await listSignals(store);
    expect(kept).toHaveLength(50);
    expect(kept[0].title).toBe('query 159');
    expect(kept.at(-1)!.title).toBe('query 110');
  });

  it('keeps the flags and feedback tables at their caps', async () => {
    const store = fresh({ flags: 30, feedback: 10 });
    await addFlags(store, Array.from({ length: 45 }, (_, i) => flag(i)));
    for (let i = 0; i < 25; i++) await addFeedback(store, feedback(i));
    const flags = await listFlags(store);
    expect(flags).toHaveLength(30);
    expect(flags.at(-1)!.itemId).toBe('15');
    expect(await store.db.feedback.count()).toBe(10);
    expect((await store.db.feedback.toArray()).map((f) => f.itemId)[0]).toBe('15');
  });

  it('never prunes the profile, however full the logs', async () => {
    const store = fresh({ signals: 5 });
    const p = await loadProfile(store, 1);
    await saveProfile(store, { ...p, paused: true }, 2);
    await addSignals(store, Array.from({ length: 20 }, (_, i) => signal(i)));
    expect((await loadProfile(store, 3)).paused).toBe(true);
  });

  it('has caps in the shipped store for signals, flags and feedback', () => {
    const store = openStore(`caps-default-${Math.random()}`);
    stores.push(store);
    expect(store.caps.signals).toBeGreaterThan(0);
    expect(store.caps.flags).toBeGreaterThan(0);
    expect(store.caps.feedback).toBeGreaterThan(0);
    expect(store.logCap).toBe(200_000);
  });
});
