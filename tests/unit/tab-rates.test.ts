import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '@/lib/messaging';
import { createHandlers } from '@/lib/background/handlers';
import { createTabRates, TAB_RATES } from '@/lib/background/tab-rates';
import { listSignals, openStore } from '@/lib/db';
import type { Signal } from '@/lib/schema/log';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const tab = (id: number) => ({ id: 'ext-id', url: 'https://www.youtube.com/', tab: { id, url: 'https://www.youtube.com/' } });
const dashboard = { id: 'ext-id', url: 'chrome-extension://ext-id/dashboard.html' };
const signal = (i: number): Signal => ({ ts: 1000 + i, type: 'search', platform: 'youtube', itemId: '', title: 'crypto casino', author: '', url: '', value: 13, detail: '' }) as Signal;

function setup() {
  let clock = 0;
  const store = openStore(`rates-${Math.random()}`);
  const handlers = createHandlers({
    store,
    broadcastProfile: () => {},
    tabStats: { get: async () => null, set: async () => {} },
    selectInstructions: () => [],
    now: () => clock,
  });
  // Read as the dashboard reads: every row a tab sent before is written first.
  const signals = async () => {
    const r = await dispatch(handlers, { type: 'signals/list', payload: {} }, dashboard, self);
    return r.ok ? (r.value as Signal[]) : [];
  };
  return { store, handlers, signals, tick: (ms: number) => (clock += ms) };
}

describe('how fast a tab may write to the logs', () => {
  it('keeps a page that floods signals to what a person could produce, and counts the rest', async () => {
    const { handlers, signals, tick } = setup();
    // The attack from issue 25: 3,050 signals in 4.5 seconds, sent in reports of 500 as the reporter does.
    for (let sent = 0; sent < 3050; sent += 500) {
      await dispatch(handlers, { type: 'tab/report', payload: { signals: Array.from({ length: Math.min(500, 3050 - sent) }, (_, i) => signal(sent + i)) } }, tab(7), self);
      tick(700);
    }
    const kept = (await signals()).length;
    expect(kept).toBeLessThanOrEqual(TAB_RATES.signals.burst + Math.ceil(4.5 * TAB_RATES.signals.perSecond));
    const counts = await dispatch(handlers, { type: 'data/counts', payload: {} }, dashboard, self);
    expect(counts.ok && counts.value).toMatchObject({ signals: kept, refused: { signals: 3050 - kept } });
  });

  it('lets a person who searches now and then keep every search', async () => {
    const { handlers, signals, tick } = setup();
    for (let i = 0; i < 100; i++) {
      await dispatch(handlers, { type: 'tab/report', payload: { signals: [signal(i)] } }, tab(7), self);
      tick(3000);
    }
    expect(await signals()).toHaveLength(100);
  });

  it('gives each tab its own allowance', () => {
    const rates = createTabRates(() => 0);
    expect(rates.take(1, 'decisions', 5000)).toBe(TAB_RATES.decisions.burst);
    expect(rates.take(1, 'decisions', 10)).toBe(0);
    expect(rates.take(2, 'decisions', 10)).toBe(10);
    expect(rates.refused().decisions).toBe(5000 - TAB_RATES.decisions.burst + 10);
  });

  it('refills at the steady rate, never past the burst', () => {
    let t = 0;
    const rates = createTabRates(() => t);
    rates.take(1, 'flags', TAB_RATES.flags.burst);
    t += 2000;
    expect(rates.take(1, 'flags', 1000)).toBe(2 * TAB_RATES.flags.perSecond);
    t += 10 * 60_000;
    expect(rates.take(1, 'flags', 100_000)).toBe(TAB_RATES.flags.burst);
  });

  it('does not limit the extension’s own pages', async () => {
    const { store, handlers } = setup();
    const dashboard = { id: 'ext-id', url: 'chrome-extension://ext-id/dashboard.html', tab: { id: 4 } }; // open in a tab
    await dispatch(handlers, { type: 'tab/report', payload: { signals: Array.from({ length: 200 }, (_, i) => signal(i)) } }, dashboard, self);
    expect(await listSignals(store)).toHaveLength(200);
  });
});
