import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { openStore, saveProfile } from '@/lib/db';
import { dispatch } from '@/lib/messaging';
import { rejectTopic } from '@/lib/core/inference/controls';
import type { MeaningModel } from '@/lib/core/meaning/model';
import type { Responses } from '@/lib/schema/messages';
import { defaultProfile } from '@/lib/schema/profile';
import type { LoggedDecision } from '@/lib/schema/log';
import { DAY, history, shippedMeaning, SOURDOUGH, T0, WOODWORKING } from './inferred-histories';

const BAKING = ['Sourdough', 'Bread', 'Loaf', 'Baking', 'Dough', 'Starter', 'Crumb'];

function background(meaning: () => Promise<MeaningModel | null>) {
  const store = openStore(`named-${Math.random()}`);
  const handlers = createHandlers({ store, broadcastProfile: () => {}, tabStats: { get: async () => null, set: async () => {} }, selectInstructions: () => [], now: () => T0 + 10 * DAY, meaning });
  const self = { id: 'ext', origin: 'chrome-extension://ext/' };
  const page = { id: 'ext', url: 'chrome-extension://ext/dashboard.html' };
  const call = async <T>(type: string, payload: unknown = {}): Promise<T> => {
    const reply = await dispatch(handlers, { type, payload }, page, self);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as T;
  };
  return { store, call };
}

const dec = (i: number, title: string): LoggedDecision => ({
  ts: T0 + i * 60_000, platform: 'youtube', itemId: `v${i}`, title, author: 'chan', url: '', surface: 'home', action: 'show', score: 0.5, reordered: false, reasons: [],
});

describe('the background answers the Inferred view with named topics', () => {
  it('names the topics and the platform mix with the meaning model, and applies the profile\'s controls', async () => {
    const { store, call } = background(async () => shippedMeaning());
    await call('tab/report', { signals: [...history(SOURDOUGH), ...history(WOODWORKING)] });
    await call('tab/report', { decisions: SOURDOUGH.map((t, i) => dec(i, t)) });
    const first = await call<Responses['inference/get']>('inference/get');
    const labels = first.named!.topics.map((t) => t.label);
    const baking = labels.find((l) => BAKING.includes(l));
    expect(baking).toBeDefined();
    expect(BAKING).toContain(first.summary.platforms[0].topics[0].label);

    const saved = await saveProfile(store, rejectTopic(defaultProfile(0), baking!), T0);
    const after = await call<Responses['inference/get']>('inference/get');
    expect(after.named!.topics.map((t) => t.label).filter((l) => BAKING.includes(l))).toEqual([]);
    // Each answer names the profile it was computed from: the view applies its own controls to an older one.
    expect([first.revision < saved.revision, after.revision]).toEqual([true, saved.revision]);
    // Asked again with nothing changed, the background answers from what it worked out (grouping a long history
    // takes most of a second).
    expect((await call<Responses['inference/get']>('inference/get')).named).toBe(after.named);
  });

  it('without the model the view gets no named topics and infers from title words itself', async () => {
    const { call } = background(async () => null);
    await call('tab/report', { signals: history(SOURDOUGH) });
    const reply = await call<Responses['inference/get']>('inference/get');
    expect(reply.named).toBeNull();
    expect(reply.signals.length).toBe(SOURDOUGH.length);
  });
});
