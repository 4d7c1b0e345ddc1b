// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { createReporter } from '@/lib/shield-runtime/reporter';
import type { Transport } from '@/lib/shield-runtime/transport';
import { createHandlers } from '@/lib/background/handlers';
import { dispatch } from '@/lib/messaging';
import { openStore, queryDecisions, writeLogs } from '@/lib/db';
import type { Flag, LoggedDecision } from '@/lib/schema/log';

const decision = (i: number, tab?: number): LoggedDecision => ({
  ts: 1000 + i,
  platform: 'hackernews',
  itemId: `h${i}`,
  title: `Story ${i}`,
  author: 'pg',
  url: `https://example.org/${i}`,
  surface: 'front',
  action: 'show',
  reasons: [],
  score: 0.5,
  reordered: false,
  ...(tab === undefined ? {} : { tab }),
});
const flag = (i: number): Flag => ({
  ts: 1000 + i,
  platform: 'hackernews',
  itemId: `h${i}`,
  title: `You won't believe story ${i}`,
  author: 'pg',
  url: `https://example.org/${i}`,
  kind: 'clickbait',
  confidence: 0.9,
  source: 'classifier',
  action: 'label',
  evidence: [],
  status: 'open',
});

function recordingTransport() {
  const sent: Array<{ type: string; payload: { decisions?: unknown[]; stats?: unknown } }> = [];
  const transport: Transport = {
    send: (async (type: string, payload: { decisions?: unknown[]; stats?: unknown }) => {
      sent.push({ type, payload });
      return null;
    }) as Transport['send'],
    onProfile: () => () => {},
  };
  return { sent, transport };
}

describe('what a feed tab sends to the log', () => {
  it('sends a fast feed’s 1,000 decisions and its counts in two messages, not one per 50 rows', async () => {
    const { sent, transport } = recordingTransport();
    const reporter = createReporter(transport, 'hackernews', { flushMs: 5 });
    for (let i = 0; i < 1000; i++) reporter.decision(decision(i));
    reporter.stats({ seen: 1000, hidden: 10, labelled: 3, reordered: 0 });
    await vi.waitFor(() => expect(reporter.pending).toBe(0));
    await reporter.flush();
    expect(sent.map((m) => m.type)).toEqual(['tab/report', 'tab/report']);
    expect(sent.map((m) => m.payload.decisions!.length)).toEqual([500, 500]);
    expect(sent.filter((m) => m.payload.stats)).toHaveLength(1);
    reporter.destroy();
  });

  it('sends what waits as soon as the tab is hidden, before its timer (a hidden tab may be discarded)', async () => {
    const { sent, transport } = recordingTransport();
    const reporter = createReporter(transport, 'hackernews', { flushMs: 60_000, win: window });
    reporter.decision(decision(1));
    expect(sent).toHaveLength(0);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    window.dispatchEvent(new Event('visibilitychange'));
    expect(sent.map((m) => [m.type, m.payload.decisions?.length])).toEqual([['tab/report', 1]]);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    reporter.destroy();
  });
});

describe('the background’s log writes', () => {
  const self = { id: 'ext', origin: 'chrome-extension://ext/' };
  const dashboard = { id: 'ext', url: 'chrome-extension://ext/dashboard.html' };
  const tab = (id: number) => ({ id: 'ext', url: 'https://news.ycombinator.com/', tab: { id, url: 'https://news.ycombinator.com/' } });

  function setup() {
    const store = openStore(`batches-${Math.random()}`);
    const handlers = createHandlers({
      store,
      broadcastProfile: () => {},
      tabStats: { get: async () => null, set: async () => {} },
      selectInstructions: () => [],
      logBuffer: { delayMs: 60_000 },
    });
    return { store, handlers };
  }

  it('writes what several tabs sent in one transaction, and Activity opened a moment later shows every row', async () => {
    const { store, handlers } = setup();
    await store.db.open();
    const writes: string[][] = [];
    const listener = (parts: Record<string, unknown>) => writes.push(Object.keys(parts).filter((p) => p.startsWith(`idb://${store.db.name}/`) && p.endsWith('/')));
    Dexie.on('storagemutated', listener);
    try {
      await dispatch(handlers, { type: 'tab/report', payload: { decisions: [decision(1), decision(2, 9)] } }, tab(3), self);
      await dispatch(handlers, { type: 'tab/report', payload: { decisions: [decision(3)], flags: [flag(3)], signals: [] } }, tab(4), self);
      // The tabs were answered; nothing is written yet.
      expect(await queryDecisions(store)).toEqual([]);
      const shown = await dispatch(handlers, { type: 'activity/query', payload: {} }, dashboard, self);
      const rows = shown.ok ? (shown.value as LoggedDecision[]) : [];
      expect(rows.map((r) => [r.itemId, r.tab])).toEqual([
        ['h3', 4],
        ['h2', 3],
        ['h1', 3],
      ]);
      const flags = await dispatch(handlers, { type: 'flags/list', payload: {} }, dashboard, self);
      expect(flags.ok && (flags.value as Flag[]).map((f) => f.itemId)).toEqual(['h3']);
      // One commit for both logs and both tabs' reports.
      expect(writes.filter((w) => w.length > 0)).toEqual([[`idb://${store.db.name}/decisionBatches/`, `idb://${store.db.name}/flags/`]]);
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
    }
  });

  it('a page that numbers its rows like stored ones cannot fail the batch other tabs’ rows are in', async () => {
    const { handlers } = setup();
    await dispatch(handlers, { type: 'tab/report', payload: { decisions: [decision(1)] } }, dashboard, self);
    await dispatch(handlers, { type: 'tab/report', payload: { decisions: [decision(2)] } }, tab(3), self);
    await dispatch(handlers, { type: 'tab/report', payload: { decisions: [{ ...decision(3), id: 1 }], flags: [{ ...flag(3), id: 1 }] } }, tab(9), self);
    const shown = await dispatch(handlers, { type: 'activity/query', payload: {} }, dashboard, self);
    expect(shown.ok && (shown.value as LoggedDecision[]).map((r) => r.itemId)).toEqual(['h3', 'h2', 'h1']);
  });

  it('keeps each log to its cap while counting the table only once', async () => {
    const store = openStore(`caps-${Math.random()}`, 50);
    // The log is counted from its batches' sizes (an index read with where).
    const count = vi.spyOn(store.db.decisionBatches, 'where');
    for (let i = 0; i < 10; i++) await writeLogs(store, { decisions: Array.from({ length: 20 }, (_, j) => decision(i * 20 + j)) });
    expect(count).toHaveBeenCalledTimes(1);
    const kept = await queryDecisions(store);
    expect(kept).toHaveLength(50);
    expect(kept[0].itemId).toBe('h199');
    expect(kept.at(-1)!.itemId).toBe('h150');
  });
});
