// @vitest-environment happy-dom
// A feed page opened again (lib/schema/known-decisions.ts): the runner decides the items of an earlier visit as they
// were then, without making the models, and reports what it decided afresh as the page is left, for the next one.
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_DETECTORS } from '@/lib/core/detectors/shipped';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import type { KnownEntry } from '@/lib/schema/known-decisions';
import { LazyModel, type KnownStart } from '@/lib/shield-runtime/decider';
import { tick } from './adapters-fixture';
import { startOnHackerNews } from './shield-start';
import { loadShippedClickbait } from './shipped-clickbait';

const BAIT = '42000002';
const PLAIN = '42000001';
const AD = '42000004';
const STORIES = 8;

const person: Profile = (() => {
  const p = defaultProfile(1);
  return { ...p, revision: 4, policies: { ...p.policies, clickbait: { action: 'hide', strictness: 0.5 } } };
})();
const clickbait = loadShippedClickbait();

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup.reverse()) f();
  cleanup = [];
});

/** A page of the fixture, started with `entries` kept for `profile` (the person's by default), the models counted
 * as they are made; they load once `models` resolves. */
function visit(entries: KnownEntry[], profile: Profile = person, opts: { models?: Promise<unknown>; holdMs?: number } = {}) {
  const made: string[] = [];
  const decided: string[] = [];
  const known: KnownStart = { profile, key: '4 1 words', stamp: 'one', entries };
  const s = startOnHackerNews({
    person: () => person,
    answerMs: 5,
    holdMs: opts.holdMs ?? 2_000,
    onDecide: (id) => void decided.push(id),
    models: {
      loadKnown: async () => known,
      loadClickbait: async () => (await opts.models, new LazyModel(() => (made.push('clickbait'), clickbait))),
      loadDetectors: async () => (await opts.models, new LazyModel(() => (made.push('detectors'), SHIPPED_DETECTORS))),
    },
  });
  cleanup.push(s.stop);
  const reported = () => s.payloads.filter((p) => p.type === 'page/known').map((p) => p.payload as { key: string; stamp: string; entries: KnownEntry[] });
  return { ...s, made, decided, reported };
}

async function firstVisit(): Promise<KnownEntry[]> {
  const first = visit([]);
  await tick(40);
  first.leave();
  await tick(0);
  return first.reported()[0].entries;
}

describe('a feed page and the decisions kept from earlier visits', () => {
  it('a first visit decides with the models and, as it is left, reports each decision with its quoted words', async () => {
    const first = visit([]);
    await tick(40);
    expect(first.mode(BAIT)).toBe('stub');
    expect(first.made.sort()).toEqual(['clickbait', 'detectors']);
    expect(first.reported()).toEqual([]);
    // A pagehide the page itself dispatches does not make it report.
    first.leave(false);
    await tick(0);
    expect(first.reported()).toEqual([]);
    first.leave();
    await tick(0);
    const [report] = first.reported();
    expect(report).toMatchObject({ key: '4 1 words', stamp: 'one' });
    expect(report.entries.map((e) => e.id).sort()).toEqual([...new Set(first.decided)].sort());
    expect(report.entries).toHaveLength(STORIES);
    const bait = report.entries.find((e) => e.id === BAIT)!;
    expect(bait.decision.action).toBe('hide');
    expect(bait.quoted.find((r) => r.code === 'clickbait')?.evidence.length).toBeGreaterThan(0);
    // Left again (a page kept in the back/forward cache): nothing new to report.
    first.leave();
    await tick(0);
    expect(first.reported()).toHaveLength(1);
  });

  it('a revisit decides every item it knows as before, with no model made and nothing decided, and reports nothing', async () => {
    const entries = await firstVisit();
    const again = visit(entries);
    await tick(40);
    expect(again.mode(BAIT)).toBe('stub');
    expect(again.mode(AD)).toBe('stub');
    expect(again.mode(PLAIN)).toBe('show');
    expect(again.decided).toEqual([]);
    expect(again.made).toEqual([]);
    again.leave();
    await tick(0);
    expect(again.reported()).toEqual([]);
  });

  it('a story it has not seen makes the models then, is decided with them, and is reported', async () => {
    const entries = (await firstVisit()).filter((e) => e.id !== BAIT);
    const again = visit(entries);
    await tick(40);
    expect(again.mode(BAIT)).toBe('stub');
    expect(again.decided).toEqual([BAIT]);
    expect(again.made.sort()).toEqual(['clickbait', 'detectors']);
    again.leave();
    await tick(0);
    expect(again.reported()[0].entries.map((e) => e.id)).toEqual([BAIT]);
  });

  describe('shown before the models come (they are read after the profile and the decisions kept)', () => {
    const later = () => {
      let arrive!: () => void;
      return { models: new Promise<void>((r) => (arrive = r)), arrive: () => arrive() };
    };

    it('every story it knows is shown as decided; one it does not know waits unseen in its place until they come', async () => {
      const entries = (await firstVisit()).filter((e) => e.id !== BAIT);
      const { models, arrive } = later();
      const again = visit(entries, person, { models });
      await tick(40);
      expect(again.mode(PLAIN)).toBe('show');
      expect(again.mode(AD)).toBe('stub');
      expect(again.mode(BAIT)).toBe('wait');
      expect(again.decided).toEqual([]);
      arrive();
      await tick(0);
      expect(again.mode(BAIT)).toBe('stub');
      expect(again.decided).toEqual([BAIT]);
      // Decided with the models, it is kept for the next page like any story decided afresh.
      again.leave();
      await tick(0);
      expect(again.reported()[0].entries.map((e) => e.id)).toEqual([BAIT]);
    });

    it('a profile saved meanwhile waits for them: nothing is decided without the models, then every story is, by it', async () => {
      const entries = await firstVisit();
      const { models, arrive } = later();
      const again = visit(entries, person, { models });
      await tick(40);
      again.broadcast({ ...person, revision: 5 });
      await tick(0);
      // Decided without the headline model, the clickbait story would have shown.
      expect(again.mode(BAIT)).toBe('stub');
      expect(again.decided).toEqual([]);
      arrive();
      await tick(0);
      expect(again.mode(BAIT)).toBe('stub');
      expect(new Set(again.decided).size).toBe(STORIES);
    });

    it('when they never come, a story it does not know is shown at the hold’s cap, decided without them', async () => {
      const entries = (await firstVisit()).filter((e) => e.id !== PLAIN);
      const again = visit(entries, person, { models: new Promise(() => {}), holdMs: 200 });
      await tick(40);
      expect(again.mode(PLAIN)).toBe('wait');
      expect(again.mode(BAIT)).toBe('stub');
      await tick(200);
      expect(again.mode(PLAIN)).toBe('show');
      expect(again.decided).toEqual([PLAIN]);
    });
  });

  it('kept for another profile, they are not used: every story decided afresh, and nothing reported under that key', async () => {
    const entries = await firstVisit();
    const again = visit(entries, { ...person, revision: 3 });
    await tick(40);
    expect(again.decided.length).toBeGreaterThanOrEqual(STORIES);
    again.leave();
    await tick(0);
    expect(again.reported()).toEqual([]);
  });
});
