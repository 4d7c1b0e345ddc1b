// The item log: the background hears each decision once per action and each manipulation flag once, with the
// headline model's words quoted only when the rows are sent.
import { describe, expect, it, vi } from 'vitest';
import type { Decision, Reason } from '@/lib/schema/decision';
import type { Flag, LoggedDecision, Signal } from '@/lib/schema/log';
import { createItemLog } from '@/lib/shield-runtime/item-log';
import { item } from './shield-helpers';

function setup() {
  const decisions: LoggedDecision[] = [];
  const flags: Flag[] = [];
  const signals: Array<Partial<Signal>> = [];
  const finish: Array<() => void> = [];
  const log = createItemLog(
    {
      decision: (row, f) => (decisions.push(row), f && finish.push(() => f(row))),
      flag: (row, f) => (flags.push(row), f && finish.push(() => f(row))),
      signal: (row) => void signals.push(row),
    },
    'youtube',
  );
  return { log, decisions, flags, signals, send: () => finish.splice(0).forEach((f) => f()) };
}

const clickbait: Reason = { code: 'clickbait', detail: 'curiosity gap', source: 'classifier', kind: 'clickbait', evidence: [], confidence: 0.8 };
const decision = (action: Decision['action'], reasons: Reason[] = []): Decision => ({ platform: 'youtube', itemId: 'v1', action, reasons, score: 0.3, uncertain: false });

describe('the item log', () => {
  it('logs a decision again only when its action changes', () => {
    const s = setup();
    const v = item({ id: 'v1', title: 'A video' });
    s.log.record(v, decision('show'), () => [], false);
    s.log.record(v, decision('show'), () => [], false);
    s.log.record(v, decision('hide'), () => [], true);
    expect(s.decisions.map((d) => [d.action, d.reordered])).toEqual([['show', false], ['hide', true]]);
  });

  it('raises a manipulation flag once per item, with the quoted words filled in when sent', () => {
    const s = setup();
    const v = item({ id: 'v1', title: "You won't believe this" });
    const d = decision('label', [clickbait]);
    let asked = 0;
    const quote = () => (asked++, [{ ...clickbait, evidence: ["won't believe"] }]);
    s.log.record(v, d, quote, false);
    s.log.record(v, decision('hide', [clickbait]), quote, false);
    expect(s.flags).toHaveLength(1);
    expect(asked).toBe(0);
    s.send();
    expect(s.flags[0]).toMatchObject({ kind: 'clickbait', confidence: 0.8, evidence: ["won't believe"], status: 'open' });
    expect(s.decisions[0].reasons[0].evidence).toEqual(["won't believe"]);
  });

  it('cuts what the page wrote to what the background accepts', () => {
    const s = setup();
    const v = item({ id: 'v1', title: 'x'.repeat(900), author: 'a'.repeat(300) });
    s.log.record(v, decision('show'), () => [], false);
    s.log.signal('open', v, '');
    expect(s.decisions[0].title).toHaveLength(500);
    expect(s.signals[0]).toMatchObject({ type: 'open', itemId: 'v1', detail: '' });
    expect(s.signals[0].author).toHaveLength(200);
  });
});

describe('items a page takes away before a person could see them', () => {
  it('logs an item once it has stayed a moment, never one removed sooner, and settles what is left on leaving', () => {
    vi.useFakeTimers();
    try {
      const decisions: LoggedDecision[] = [];
      const log = createItemLog({ decision: (row) => void decisions.push(row), flag: () => {}, signal: () => {} }, 'youtube');
      const on = new Set(['stays', 'flashed', 'left']);
      const rec = (id: string) => log.record(item({ id, title: id }), { ...decision('hide'), itemId: id }, () => [], false, () => on.has(id));
      rec('stays');
      rec('flashed');
      vi.advanceTimersByTime(100);
      on.delete('flashed');
      vi.advanceTimersByTime(400);
      expect(decisions.map((d) => d.itemId)).toEqual(['stays']);
      rec('left');
      vi.advanceTimersByTime(100);
      log.settle();
      expect(decisions.map((d) => d.itemId)).toEqual(['stays', 'left']);
      vi.advanceTimersByTime(1000);
      expect(decisions).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('logs each item when its own moment has passed, counted from its latest decision', () => {
    vi.useFakeTimers();
    try {
      const logged: string[] = [];
      const log = createItemLog({ decision: (row) => void logged.push(`${row.itemId} ${row.action}`), flag: () => {}, signal: () => {} }, 'youtube');
      const rec = (id: string, action: 'show' | 'hide') => log.record(item({ id, title: id }), { ...decision(action), itemId: id }, () => [], false, () => true);
      rec('a', 'show');
      vi.advanceTimersByTime(300);
      rec('b', 'show');
      vi.advanceTimersByTime(100);
      rec('a', 'hide');
      vi.advanceTimersByTime(150);
      expect(logged).toEqual([]);
      // b is due at 800 ms, a (decided again at 400) at 900: a wake takes what falls due within the next 200 ms.
      vi.advanceTimersByTime(249);
      expect(logged).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(logged).toEqual(['b show']);
      vi.advanceTimersByTime(99);
      expect(logged).toEqual(['b show']);
      vi.advanceTimersByTime(200);
      expect(logged).toEqual(['b show', 'a hide']);
    } finally {
      vi.useRealTimers();
    }
  });
});
