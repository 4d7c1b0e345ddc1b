// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createReporter } from '@/lib/shield-runtime/reporter';
import type { Transport } from '@/lib/shield-runtime/transport';
import { createHandlers } from '@/lib/background/handlers';
import { dispatch } from '@/lib/messaging';
import { openStore } from '@/lib/db';

// A feed page found working tells the popup so with its first counts, not with a message of its own sent while the
// page waits for its items (issue 24); a broken one is told at once.
const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const fromPage = { id: 'ext-id', url: 'https://news.ycombinator.com/', tab: { id: 7, url: 'https://news.ycombinator.com/' } };
const fromPopup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const counts = { seen: 30, hidden: 2, labelled: 1, reordered: 0 };

function setup() {
  const stats = new Map();
  const handlers = createHandlers({
    store: openStore(`health-${Math.random()}`),
    broadcastProfile: () => {},
    tabStats: { get: async (id) => stats.get(id) ?? null, set: async (id, s) => void stats.set(id, s) },
    selectInstructions: () => [],
    now: () => 5000,
  });
  const sent: string[] = [];
  const transport: Transport = {
    send: (async (type: string, payload: unknown) => {
      sent.push(type);
      const r = await dispatch(handlers, { type, payload }, fromPage, self);
      if (!r.ok) throw new Error(r.error);
      return r.value;
    }) as Transport['send'],
    onProfile: () => () => {},
  };
  const popup = async () => {
    const r = await dispatch(handlers, { type: 'tab/stats/get', payload: { tabId: 7 } }, fromPopup, self);
    return (r as { value: { stats: unknown; health: unknown } }).value;
  };
  const sites = async () => ((await dispatch(handlers, { type: 'health/get', payload: {} }, fromPopup, self)) as { value: unknown[] }).value;
  return { sent, transport, popup, sites };
}

describe('site health from a feed tab', () => {
  it('a working page goes with the counts: one message, and the popup shows both', async () => {
    const { sent, transport, popup } = setup();
    const reporter = createReporter(transport, 'hackernews', { flushMs: 60_000 });
    reporter.stats(counts);
    reporter.health('front', true, 'items found');
    expect(sent).toEqual([]);
    await reporter.flush();
    expect(sent).toEqual(['tab/report']);
    const { stats, health } = await popup();
    expect(stats).toEqual({ platform: 'hackernews', ...counts, since: expect.any(Number) });
    expect(health).toEqual({ platform: 'hackernews', surface: 'front', ok: true, detail: 'items found', at: 5000 });
    reporter.destroy();
  });

  it('with unchanged counts, a surface found working later still reaches the popup', async () => {
    const { sent, transport, popup } = setup();
    const reporter = createReporter(transport, 'hackernews', { flushMs: 60_000 });
    reporter.stats(counts);
    await reporter.flush();
    reporter.health('ask', true, '30 items found');
    await reporter.flush();
    expect(sent).toEqual(['tab/report', 'tab/report']);
    expect((await popup()).health).toMatchObject({ surface: 'ask', ok: true });
    reporter.destroy();
  });

  it('a page whose address changed many times in a moment still has its counts taken', async () => {
    const { sent, transport, popup } = setup();
    const reporter = createReporter(transport, 'hackernews', { flushMs: 60_000 });
    reporter.stats(counts);
    for (let i = 0; i < 12; i++) reporter.health(`s${i}`, true, 'items found');
    await reporter.flush();
    expect(sent.filter((t) => t === 'tab/report')).toHaveLength(1);
    expect((await popup()).stats).toMatchObject(counts);
    reporter.destroy();
  });

  it('a surface found working, then unreadable once more of it was read: the popup is left saying it needs an update', async () => {
    const { transport, popup, sites } = setup();
    const reporter = createReporter(transport, 'x', { flushMs: 60_000 });
    reporter.stats(counts);
    reporter.health('home', true, 'items found');
    reporter.health('home', false, 'items found, but most without their author or title (6 of 6)');
    await reporter.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect((await popup()).health).toMatchObject({ surface: 'home', ok: false });
    expect(await sites()).toEqual([expect.objectContaining({ surface: 'home', ok: false })]);
    reporter.destroy();
  });

  it('a broken page, or one without counts, is told at once', async () => {
    const { sent, transport, sites } = setup();
    const reporter = createReporter(transport, 'hackernews', { flushMs: 60_000 });
    reporter.health('front', true, '3 items found');
    await Promise.resolve();
    expect(sent).toEqual(['health/report']);
    reporter.stats(counts);
    reporter.health('front', false, 'no front feed found on the page');
    expect(sent).toEqual(['health/report', 'health/report']);
    await new Promise((r) => setTimeout(r, 20));
    expect(await sites()).toEqual([expect.objectContaining({ surface: 'front', ok: false })]);
    reporter.destroy();
  });
});
