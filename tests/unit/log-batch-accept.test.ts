// A feed tab's report (tab/report) is taken by plain checks before the schema is asked (lib/schema/log-batch.ts): what
// those accept, the schema accepts too, and both hand the handler the same rows; what they leave, the schema decides.
import { describe, expect, it } from 'vitest';
import { dispatch } from '@/lib/messaging';
import type { Reason } from '@/lib/schema/decision';
import type { Flag, LoggedDecision } from '@/lib/schema/log';
import { requests } from '@/lib/schema/messages';
import { createItemLog } from '@/lib/shield-runtime/item-log';
import { item } from './shield-helpers';

/** Rows as a feed tab's item log makes them. */
function tabRows(): { decisions: LoggedDecision[]; flags: Flag[] } {
  const decisions: LoggedDecision[] = [];
  const flags: Flag[] = [];
  const finish: Array<() => void> = [];
  const log = createItemLog(
    { decision: (row, f) => (decisions.push(row), f && finish.push(() => f(row))), flag: (row, f) => (flags.push(row), f && finish.push(() => f(row))), signal: () => {} },
    'hackernews',
  );
  const bait: Reason = { code: 'clickbait', detail: 'curiosity gap', source: 'classifier', kind: 'clickbait', evidence: [], confidence: 0.8 };
  const topic: Reason = { code: 'avoid-topic', detail: 'politics (senate)', source: 'rule', evidence: ['senate'] };
  const cases: Array<[string, 'show' | 'hide' | 'label' | 'demote' | 'boost', Reason[], number]> = [
    ['A plain story', 'show', [], 0.5],
    ["You won't believe this", 'label', [bait], 0.2],
    ['Senate passes a bill', 'hide', [topic], 0.1],
    ['x'.repeat(900), 'demote', [bait, topic], 0],
    ['Gardening', 'boost', [], 1],
  ];
  cases.forEach(([title, action, reasons, score], i) =>
    log.record(item({ id: `h${i}`, title, author: 'someone', url: `https://example.org/${i}` }), { platform: 'hackernews', itemId: `h${i}`, action, reasons, score, uncertain: false }, () => reasons, i % 2 === 0),
  );
  finish.forEach((f) => f());
  return { decisions, flags };
}

const schema = requests['tab/report'].payload;
const accept = requests['tab/report'].accept;

/** Each field of a row set to each of these in turn (a key set to `DROP` is taken out). */
const DROP = Symbol('drop');
const ODD: unknown[] = [DROP, undefined, null, '', 'x'.repeat(1001), -1, 0.5, 1.5, 2, NaN, Infinity, 2 ** 60, true, [], {}, ['a'], [{}], 'hackernews', 'show', 'open', 'rule', 'clickbait'];

function variants(row: Record<string, unknown>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [{ ...row, extra: 'dropped by both' }];
  for (const key of [...Object.keys(row), 'id', 'tab', 'judgedBy', 'reversedAt', 'verdictAt']) {
    for (const v of ODD) {
      const next: Record<string, unknown> = { ...row };
      if (v === DROP) delete next[key];
      else next[key] = v;
      out.push(next);
    }
  }
  const reasons = row.reasons as Array<Record<string, unknown>> | undefined;
  if (reasons?.length) {
    for (const key of ['code', 'detail', 'source', 'kind', 'confidence', 'evidence', 'extra']) {
      for (const v of ODD) {
        const r: Record<string, unknown> = { ...reasons[0] };
        if (v === DROP) delete r[key];
        else r[key] = v;
        out.push({ ...row, reasons: [r, ...reasons.slice(1)] });
      }
    }
  }
  return out;
}

/** Each payload through the plain checks and through the schema: whatever the checks take, the schema takes too and
 * gives the same. How many payloads the checks took, and how many they left to the schema. */
function compareWithSchema(payloads: unknown[], accept: (p: unknown) => unknown, schema: { safeParse(p: unknown): { success: boolean; data?: unknown } }): { taken: number; left: number } {
  let taken = 0;
  let left = 0;
  for (const p of payloads) {
    const fast = accept(p);
    const full = schema.safeParse(p);
    if (fast) {
      taken++;
      expect(full.success, JSON.stringify(p)).toBe(true);
      expect(fast).toEqual(full.data);
    } else left++;
  }
  return { taken, left };
}

describe("the log's rows, taken by plain checks", () => {
  it("takes every row a feed tab's item log makes, as the schema gives it", () => {
    const { decisions, flags } = tabRows();
    expect(decisions).toHaveLength(5);
    expect(flags.length).toBeGreaterThan(0);
    for (const payload of [{ decisions }, { flags }, { decisions, flags }]) expect(accept(payload)).toEqual(schema.parse(payload));
  });

  it('accepts no row the schema refuses, and gives what the schema gives for what it accepts', () => {
    const { decisions, flags } = tabRows();
    const each = (rows: object[], part: 'decisions' | 'flags') => rows.flatMap((base) => variants(base as Record<string, unknown>).map((v) => ({ [part]: [v] })));
    const d = compareWithSchema(each(decisions, 'decisions'), accept, schema);
    const f = compareWithSchema(each(flags, 'flags'), accept, schema);
    const taken = d.taken + f.taken;
    const left = d.left + f.left;
    // Both paths are exercised: the odd values are mostly left to the schema, a few are fine as they are.
    expect(taken).toBeGreaterThan(20);
    expect(left).toBeGreaterThan(500);
  });

  it('leaves lists of the wrong shape or size to the schema, which refuses them with its reasons', async () => {
    const [row] = tabRows().decisions;
    for (const payload of [null, [], { decisions: {} }, { decisions: Array(501).fill(row) }, { decisions: [row, { ...row, score: 2 }] }]) expect(accept(payload)).toBeNull();
    const self = { id: 'ext', origin: 'chrome-extension://ext/' };
    const sender = { id: 'ext', url: 'https://news.ycombinator.com/', tab: { id: 1 } };
    const seen: unknown[] = [];
    const handlers = { 'tab/report': (p: unknown) => (seen.push(p), null) };
    expect(await dispatch(handlers, { type: 'tab/report', payload: { decisions: [{ ...row, score: 2 }] } }, sender, self)).toMatchObject({ ok: false, error: expect.stringContaining('score') });
    // A row with a default to fill in goes through the schema, and the handler gets it filled.
    const { reordered: _, ...noReordered } = row;
    expect(await dispatch(handlers, { type: 'tab/report', payload: { decisions: [noReordered] } }, sender, self)).toEqual({ ok: true, value: null });
    expect(seen).toEqual([{ decisions: [{ ...row, reordered: false }], flags: [], signals: [] }]);
  });
});

describe('a feed tab’s report (tab/report): its rows and counts in one message', () => {
  const signal = { ts: 5, type: 'hide-by-hand', platform: 'hackernews', itemId: 'h1', title: 'A story', author: 'pg', url: 'https://example.org/1', detail: '' };
  const stats = { platform: 'hackernews', seen: 30, hidden: 2, labelled: 1, reordered: 0, since: 1000, health: [{ surface: 'front', ok: true, detail: '30 items' }] };

  /** What the reporter sends, then each part of it made odd in turn. */
  function reports(): Array<Record<string, unknown>> {
    const { decisions, flags } = tabRows();
    const whole = { decisions, flags, signals: [signal], stats };
    const out: Array<Record<string, unknown>> = [whole, { decisions: [], flags: [], signals: [] }, { stats }, {}, { ...whole, extra: 'dropped by both' }];
    for (const part of ['decisions', 'flags', 'signals', 'stats'] as const) {
      for (const v of ODD) {
        const next: Record<string, unknown> = { ...whole };
        if (v === DROP) delete next[part];
        else next[part] = v;
        out.push(next);
      }
    }
    for (const v of variants(decisions[1] as unknown as Record<string, unknown>)) out.push({ ...whole, decisions: [decisions[0], v] });
    for (const v of variants(flags[0] as unknown as Record<string, unknown>)) out.push({ ...whole, flags: [v] });
    for (const v of variants(signal)) out.push({ ...whole, signals: [v] });
    for (const v of variants(stats)) out.push({ ...whole, stats: v });
    out.push({ ...whole, decisions: Array(501).fill(decisions[0]) }, { ...whole, signals: Array(501).fill(signal) }, { ...whole, stats: { ...stats, health: Array(9).fill(stats.health[0]) } });
    return out;
  }

  it('accepts nothing the schema refuses, and gives what the schema gives for what it accepts', () => {
    const { taken, left } = compareWithSchema(reports(), accept, schema);
    expect(taken).toBeGreaterThan(20);
    expect(left).toBeGreaterThan(500);
  });

  it('takes what the reporter sends by the plain checks, and refuses a bad part with its reason', async () => {
    const { decisions, flags } = tabRows();
    const sent = { decisions, flags, signals: [signal], stats };
    expect(accept(sent)).toEqual(schema.parse(sent));
    const self = { id: 'ext', origin: 'chrome-extension://ext/' };
    const sender = { id: 'ext', url: 'https://news.ycombinator.com/', tab: { id: 1 } };
    const seen: unknown[] = [];
    const handlers = { 'tab/report': (p: unknown) => (seen.push(p), null) };
    for (const bad of [{ ...sent, decisions: [{ ...decisions[0], score: 2 }] }, { ...sent, stats: { ...stats, seen: -1 } }, { ...sent, signals: [{ ...signal, type: 'forged' }] }]) {
      expect(await dispatch(handlers, { type: 'tab/report', payload: bad }, sender, self)).toMatchObject({ ok: false, error: expect.stringMatching(/invalid tab\/report: .*(score|seen|type)/) });
    }
    expect(seen).toEqual([]);
    expect(await dispatch(handlers, { type: 'tab/report', payload: sent }, sender, self)).toEqual({ ok: true, value: null });
    expect(seen).toHaveLength(1);
  });
});
