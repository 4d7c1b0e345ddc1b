import { describe, expect, it, vi } from 'vitest';
import { createJudgeClient, type JudgeClientOptions } from '@/lib/shield-runtime/judge-client';
import type { Decision } from '@/lib/schema/decision';
import type { JudgeItemsResponse } from '@/lib/judge/protocol';
import type { ItemVerdict } from '@/lib/judge/judge';
import { fast, feed, item } from '../doubles/judge-fixtures';
import { sleep } from '../doubles/scripted-engine';

type Sent = { items: { id: string }[]; fast: Decision[]; visibleIds: string[] };

/** A page's view of the judge: what it sent, and the decision each item carries now. */
function page(answer: (sent: Sent, n: number) => Promise<JudgeItemsResponse> | JudgeItemsResponse, patch: Partial<JudgeClientOptions> = {}) {
  const sent: Sent[] = [];
  const now = new Map<string, Decision>();
  /** Every decision each item was given, in order: timing on a loaded machine may move past a state quickly. */
  const history = new Map<string, Decision[]>();
  let revision = 1;
  let inFlight = 0;
  let maxInFlight = 0;
  const client = createJudgeClient({
    transport: {
      send: (async (type: string, payload: Sent) => {
        expect(type).toBe('judge/items');
        sent.push(payload);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          return await answer(payload, sent.length);
        } finally {
          inFlight--;
        }
      }) as never,
    },
    active: () => true,
    revision: () => revision,
    visible: () => false,
    apply: (id, d) => {
      now.set(id, d);
      history.set(id, [...(history.get(id) ?? []), d]);
    },
    gatherMs: 5,
    retryMs: 20,
    ...patch,
  });
  return {
    client,
    sent,
    now,
    history: (id: string) => history.get(id) ?? [],
    maxInFlight: () => maxInFlight,
    setRevision: (r: number) => (revision = r),
  };
}

const judged = (d: Decision, patch: Partial<Decision> = {}): ItemVerdict => ({
  platform: d.platform,
  itemId: d.itemId,
  status: 'judged',
  cached: false,
  note: '',
  decision: { ...d, action: 'label', uncertain: false, judgedBy: 'Qwen2.5 0.5B', reasons: [{ code: 'clickbait', kind: 'clickbait', source: 'model', detail: 'judged by Qwen2.5 0.5B: teases', evidence: [] }], ...patch },
});
const allJudged = (s: Sent): JudgeItemsResponse => ({ enabled: true, model: 'Qwen2.5 0.5B', verdicts: s.fast.map((d) => judged(d)) });

describe('the page side of the judge', () => {
  it('sends only the unsure items, in one message, on-screen ones first, and puts the verdicts on them', async () => {
    const { items, fast: f } = feed(6);
    const p = page(allJudged, { visible: (id) => id === 'v4' || id === 'v5' });
    items.forEach((it, i) => p.client.offer(it, i === 1 ? { ...f[i], uncertain: false } : f[i]));
    await sleep(30);
    expect(p.sent).toHaveLength(1);
    expect(p.sent[0].items.map((i) => i.id)).toEqual(['v4', 'v5', 'v0', 'v2', 'v3']);
    expect(p.sent[0].visibleIds).toEqual(['v4', 'v5']);
    expect(p.now.get('v0')?.action).toBe('label');
    expect(p.now.get('v0')?.reasons[0].detail).toMatch(/^judged by Qwen2.5 0.5B/);
    expect(p.now.has('v1')).toBe(false);
  });

  it('keeps one message in flight per page, and splits a long feed into messages', async () => {
    const { items, fast: f } = feed(60);
    const p = page(async (s) => {
      await sleep(10);
      return allJudged(s);
    }, { maxPerMessage: 24 });
    items.forEach((it, i) => p.client.offer(it, f[i]));
    await sleep(150);
    expect(p.sent.map((s) => s.items.length)).toEqual([24, 24, 12]);
    expect(p.maxInFlight()).toBe(1);
    expect(p.now.size).toBe(60);
  });

  it('ignores verdicts for items the message did not carry', async () => {
    const a = item('a', 'A title');
    const p = page((s) => ({
      enabled: true,
      model: 'Qwen2.5 0.5B',
      verdicts: [judged(fast(item('zzz', 'not on this page')), { action: 'hide' }), ...s.fast.map((d) => judged(d))],
    }));
    p.client.offer(a, fast(a));
    await sleep(30);
    expect([...p.now.keys()]).toEqual(['a']);
  });

  it('a background that fails or never answers leaves the fast decision, marked not judged, and asks again later', async () => {
    const a = item('a', 'A title');
    const b = item('b', 'B title');
    let calls = 0;
    const p = page(async (s) => {
      calls++;
      if (calls === 1) throw new Error('No answer from Parapet’s background for judge/items');
      if (calls === 2) return new Promise<never>(() => {});
      return allJudged(s);
    }, { timeoutMs: 30 });
    const notJudged = (id: string, detail: RegExp) =>
      p.history(id).find((d) => d.reasons.at(-1)?.code === 'not-judged' && detail.test(d.reasons.at(-1)?.detail ?? ''));
    const waiting = { timeout: 3000, interval: 2 };
    p.client.offer(a, fast(a));
    const failed = await vi.waitFor(() => notJudged('a', /not judged: No answer/) ?? expect.fail('a not yet marked'), waiting);
    expect(failed).toMatchObject({ action: 'show', uncertain: true });
    // Re-offering our own "not judged" decision (the runner records it) does not send it again by itself.
    p.client.offer(a, failed);
    p.client.offer(b, fast(b));
    await vi.waitFor(() => notJudged('b', /did not answer within/) ?? expect.fail('b not yet marked'), waiting);
    await vi.waitFor(() => {
      expect(p.now.get('a')?.action).toBe('label');
      expect(p.now.get('b')?.action).toBe('label');
    }, waiting);
  });

  it('the background’s "not judged" is shown as such and retried; "the judge is off" stops asking', async () => {
    const a = item('a', 'A title');
    let calls = 0;
    const p = page((s) => {
      calls++;
      if (calls === 1) return { enabled: true, model: 'x', verdicts: s.fast.map((d) => ({ platform: d.platform, itemId: d.itemId, status: 'not-judged' as const, cached: false, note: 'the model is loading', decision: d })) };
      return allJudged(s);
    });
    p.client.offer(a, fast(a));
    await sleep(15);
    expect(p.now.get('a')?.reasons.at(-1)?.detail).toBe('not judged: the model is loading');
    await sleep(60);
    expect(p.now.get('a')?.action).toBe('label');

    const off = page((s) => ({ enabled: false, model: null, verdicts: s.fast.map((d) => ({ platform: d.platform, itemId: d.itemId, status: 'skipped' as const, cached: false, note: 'the judge is off', decision: d })) }));
    off.client.offer(a, fast(a));
    await sleep(15);
    off.client.offer(item('b', 'B'), fast(item('b', 'B')));
    await sleep(30);
    expect(off.sent).toHaveLength(1);
    expect(off.now.size).toBe(0);
  });

  it('re-deciding the same way puts the verdict back without asking; a new profile revision asks again', async () => {
    const a = item('a', 'A title');
    const p = page(allJudged);
    p.client.offer(a, fast(a));
    await sleep(20);
    p.now.clear();
    p.client.offer(a, fast(a));
    await sleep(20);
    expect(p.sent).toHaveLength(1);
    expect(p.now.get('a')?.action).toBe('label');
    p.setRevision(2);
    p.client.offer(a, fast(a));
    await sleep(20);
    expect(p.sent).toHaveLength(2);
  });

  it('asks nothing while the judge is off in the profile', async () => {
    const a = item('a', 'A title');
    const p = page(allJudged, { active: () => false });
    p.client.offer(a, fast(a));
    await sleep(20);
    expect(p.sent).toHaveLength(0);
  });

  it('drops answers that arrive after the profile changed', async () => {
    const a = item('a', 'A title');
    const p = page(async (s) => {
      await sleep(20);
      return allJudged(s);
    });
    p.client.offer(a, fast(a));
    await sleep(10);
    p.setRevision(5);
    await sleep(30);
    expect(p.now.size).toBe(0);
  });
});
