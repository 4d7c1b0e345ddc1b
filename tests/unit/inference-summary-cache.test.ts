import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { logDecisions, openStore } from '@/lib/db';
import { dispatch } from '@/lib/messaging';
import type { DecisionSummary } from '@/lib/core/inference/summary';
import type { LoggedDecision } from '@/lib/schema/log';
import type { Profile } from '@/lib/schema/profile';

const T0 = Date.UTC(2026, 10, 1);
const row = (i: number, extra: Partial<LoggedDecision> = {}): LoggedDecision => ({
  ts: T0 + i * 60_000,
  platform: 'youtube',
  itemId: `v${i}`,
  title: i % 2 ? 'Pruning roses in the autumn garden' : 'Rust borrow checker tips',
  author: 'Someone',
  url: '',
  surface: 'home',
  action: i % 3 === 0 ? 'hide' : 'show',
  reasons: [],
  score: 0.5,
  reordered: false,
  ...extra,
});

function background() {
  const store = openStore(`summary-cache-${Math.random()}`);
  const handlers = createHandlers({ store, broadcastProfile: () => {}, tabStats: { get: async () => null, set: async () => {} }, selectInstructions: () => [], now: () => T0 + 86_400_000, meaning: async () => null });
  const self = { id: 'ext', origin: 'chrome-extension://ext/' };
  const page = { id: 'ext', url: 'chrome-extension://ext/dashboard.html' };
  const call = async <T>(type: string, payload: unknown = {}): Promise<T> => {
    const reply = await dispatch(handlers, { type, payload }, page, self);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as T;
  };
  const summary = async () => (await call<{ summary: DecisionSummary }>('inference/get')).summary;
  // The decision log is read through its ts index: each read of the rows starts there.
  const reads = vi.spyOn(store.db.decisionBatches, 'orderBy');
  return { store, call, summary, reads };
}

describe('the Inferred view reopens without reading the decision log again', () => {
  it('answers from the summary it made until a decision is logged, reversed or wiped', async () => {
    const { store, call, summary, reads } = background();
    await call('tab/report', { decisions: [row(1), row(2), row(3)] });
    expect((await summary()).considered).toBe(3);
    expect((await summary()).considered).toBe(3);
    expect(reads).toHaveBeenCalledTimes(1);

    await call('tab/report', { decisions: [row(4)] });
    expect((await summary()).considered).toBe(4);
    expect(reads).toHaveBeenCalledTimes(2);

    // Showing a hidden item anyway changes what the user saw.
    const [hidden] = (await call<LoggedDecision[]>('activity/query', { action: 'hide', limit: 1 })) ?? [];
    reads.mockClear();
    await call('activity/reverse', { id: hidden.id });
    await summary();
    expect(reads).toHaveBeenCalled();

    await call('data/wipe', { confirm: 'wipe' });
    expect((await summary()).considered).toBe(0);
    await store.db.delete();
  });

  it('reads again when the interests it compares against change', async () => {
    const { store, call, summary, reads } = background();
    await logDecisions(store, [row(1), row(2), row(3), row(5)]);
    const before = await summary();
    expect(before.platforms[0].stated).toEqual([]);
    const profile = await call<Profile>('profile/get');
    await call('profile/save', { profile: { ...profile, interests: [{ id: 'roses', label: 'Roses', weight: 0.8, keywords: ['pruning'] }] } });
    const after = await summary();
    expect(reads).toHaveBeenCalledTimes(2);
    expect(after.platforms[0].stated.map((s) => s.label)).toEqual(['Roses']);
    await store.db.delete();
  });
});
