// What the popup's counts open: Activity on one tab's page and one kind of decision, decided by the background
// from the tab that logged each row (never from what the page wrote in it).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '@/lib/messaging';
import { createHandlers } from '@/lib/background/handlers';
import { openStore } from '@/lib/db';
import { EMPTY_FILTER, formatFilter, parseFilter, toQuery } from '@/lib/core/activity-filter';
import { activityQuery } from '@/components/popup/count-links';
import type { LoggedDecision } from '@/lib/schema/log';
import type { ChatTabStats } from '@/lib/schema/messages';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const tab = (id: number, url = 'https://www.youtube.com/') => ({ id: 'ext-id', url, tab: { id, url } });
const dashboard = { id: 'ext-id', url: 'chrome-extension://ext-id/dashboard.html' };

function setup() {
  const chat = new Map<number, ChatTabStats>();
  const handlers = createHandlers({
    store: openStore(`links-${Math.random()}`),
    broadcastProfile: () => {},
    tabStats: {
      get: async () => null,
      set: async () => {},
      chat: {
        get: async (id) => chat.get(id) ?? null,
        add: async (id, site, n) => {
          const b = chat.get(id) ?? { site, messages: 0, instructions: 0 };
          chat.set(id, { site, messages: b.messages + 1, instructions: b.instructions + n });
        },
      },
    },
    selectInstructions: () => [],
    now: () => 5000,
  });
  return handlers;
}

const row = (itemId: string, action: LoggedDecision['action'], ts: number, extra: Partial<LoggedDecision> = {}): LoggedDecision => ({
  ts, platform: 'youtube', itemId, title: itemId, author: 'a', url: '', surface: 'home', action, reasons: [], score: 0.5, reordered: false, ...extra,
});

describe('Activity from the popup', () => {
  it("shows one tab's hidden items since its page started, whatever tab a row claims", async () => {
    const h = setup();
    await dispatch(h, { type: 'tab/report', payload: { decisions: [row('old', 'hide', 900), row('a', 'hide', 1200, { tab: 8 }), row('b', 'show', 1300), row('m', 'show', 1400, { reordered: true })] } }, tab(7), self);
    await dispatch(h, { type: 'tab/report', payload: { decisions: [row('other-tab', 'hide', 1250, { tab: 7 })] } }, tab(8), self);
    const link = activityQuery({ platform: 'youtube', seen: 3, hidden: 1, labelled: 0, reordered: 1, since: 1000 }, 7, { action: 'hide' });
    expect(link).toBe('site=youtube&action=hide&tab=7&since=1000');
    const query = (q: string) => dispatch(h, { type: 'activity/query', payload: toQuery(parseFilter(q), 5000) }, dashboard, self);
    const hidden = await query(link);
    expect(hidden.ok && (hidden.value as LoggedDecision[]).map((r) => r.itemId)).toEqual(['a']);
    const moved = await query(activityQuery({ platform: 'youtube', seen: 3, hidden: 1, labelled: 0, reordered: 1, since: 1000 }, 7, { moved: true }));
    expect(moved.ok && (moved.value as LoggedDecision[]).map((r) => r.itemId)).toEqual(['m']);
  });

  it('keeps the page and moved filters through the address, and drops malformed ones', () => {
    const f = { ...EMPTY_FILTER, site: 'youtube', action: 'label,demote', page: { tab: 7, since: 1000 }, moved: true };
    expect(parseFilter(formatFilter(f))).toEqual(f);
    expect(parseFilter('tab=7&since=soon&moved=yes')).toEqual(EMPTY_FILTER);
  });
});

describe('a chat tab', () => {
  it('counts the messages sent with instructions and the instructions in them, for that tab only', async () => {
    const h = setup();
    const chatgpt = tab(5, 'https://chatgpt.com/');
    await dispatch(h, { type: 'chat/added', payload: { site: 'chatgpt', instructions: 2 } }, chatgpt, self);
    await dispatch(h, { type: 'chat/added', payload: { site: 'chatgpt', instructions: 1 } }, chatgpt, self);
    const r = await dispatch(h, { type: 'tab/stats/get', payload: { tabId: 5 } }, dashboard, self);
    expect(r.ok && r.value).toEqual({ stats: null, health: null, chat: { site: 'chatgpt', messages: 2, instructions: 3 } });
    const other = await dispatch(h, { type: 'tab/stats/get', payload: { tabId: 6 } }, dashboard, self);
    expect(other.ok && (other.value as { chat: unknown }).chat).toBeNull();
  });
});
