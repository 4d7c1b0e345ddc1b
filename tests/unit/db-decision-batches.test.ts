import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { clearReversed, countDecisions, countRows, getDecision, logDecisions, markReversed, openStore, pageDecisions, queryDecisions, replaceLogWithStaged, stageLog, type Store } from '@/lib/db';
import type { LoggedDecision } from '@/lib/schema/log';
import { toBatches } from '@/lib/core/decision-batches';

const row = (i: number, over: Partial<LoggedDecision> = {}): LoggedDecision => ({
  ts: 1000 + i,
  platform: 'youtube',
  itemId: `v${i}`,
  title: `Video ${i}`,
  author: `Channel ${i % 3}`,
  url: `https://www.youtube.com/watch?v=v${i}`,
  surface: 'home',
  action: i % 4 === 0 ? 'hide' : 'show',
  reasons: i % 4 === 0 ? [{ code: 'promoted', detail: 'Ad', source: 'platform', evidence: [] }] : [],
  score: 0.5,
  reordered: false,
  ...over,
});

const stores: Store[] = [];
const fresh = (cap?: number) => {
  const s = openStore(`batches-${Math.random()}`, cap);
  stores.push(s);
  return s;
};
afterEach(async () => {
  for (const s of stores.splice(0)) {
    s.db.close();
    await Dexie.delete(s.db.name);
    await Dexie.delete(s.profileDb.name);
  }
});

/** The log database as version 2 left it: a record per decision, with its indexes. */
class LogV2 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(2).stores({
      profile: 'key',
      decisions: '++id, ts, platform, action, itemId',
      feedback: '++id, ts, type, itemId',
      signals: '++id, ts, type, platform, itemId',
      flags: '++id, ts, kind, status, itemId, [platform+itemId], titleKey',
      meta: 'key',
      staged: '++id, token',
    });
  }
}

describe('the activity log stored in batches', () => {
  it('brings a version 2 log over whole: the same rows, ids, order, reversals and counts', async () => {
    const name = `v2-${Math.random()}`;
    const old = new LogV2(name);
    // Ids with gaps (rows pruned past the cap) and times out of id order (tabs send what waited in them).
    const rows = Array.from({ length: 250 }, (_, i) => ({ ...row(i, { ts: 5000 + ((i * 37) % 250) }), id: 1000 + i * 2 }));
    rows[7].reversedAt = 9000;
    await old.table('decisions').bulkAdd(rows);
    const before = await old.table('decisions').orderBy('ts').reverse().toArray();
    old.close();

    const store = openStore(name);
    stores.push(store);
    const after = await queryDecisions(store);
    expect(after).toEqual(before);
    expect((await countRows(store)).decisions).toBe(250);
    expect(await getDecision(store, 1014)).toMatchObject({ itemId: 'v7', reversedAt: 9000 });
    expect(await getDecision(store, 1015)).toBeUndefined();
    // What the person reversed before can be taken back, and the log goes on from the last id.
    expect((await clearReversed(store, 1014))?.reversedAt).toBeUndefined();
    await logDecisions(store, [row(900, { ts: 1 })]);
    const [{ id }] = await queryDecisions(store, { search: 'video 900' });
    expect(id).toBe(1000 + 249 * 2 + 1);
  });

  it('lists rows newest first across batches that overlap in time, as far as asked', async () => {
    const store = fresh();
    // Three tabs' batches: each tab's rows waited a different time before they were sent.
    await logDecisions(store, Array.from({ length: 150 }, (_, i) => row(i, { ts: 2000 + i * 3 })));
    await logDecisions(store, Array.from({ length: 150 }, (_, i) => row(200 + i, { ts: 2001 + i * 3 })));
    await logDecisions(store, Array.from({ length: 150 }, (_, i) => row(400 + i, { ts: 2000 + i * 3 })));
    const all = await queryDecisions(store);
    expect(all).toHaveLength(450);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      expect(a.ts > b.ts || (a.ts === b.ts && a.id! > b.id!)).toBe(true);
    }
    expect(await queryDecisions(store, { limit: 7 })).toEqual(all.slice(0, 7));
    expect(await queryDecisions(store, { since: 2300, until: 2310 })).toEqual(all.filter((d) => d.ts >= 2300 && d.ts <= 2310));
    expect(await countDecisions(store, { action: 'hide' })).toBe(all.filter((d) => d.action === 'hide').length);
    expect(await countDecisions(store)).toBe(450);
    expect(await countDecisions(store, { since: 2400 })).toBe(all.filter((d) => d.ts >= 2400).length);
  });

  it('pages through every row by id for an export, whatever the page size, and marks one row alone', async () => {
    const store = fresh();
    for (let b = 0; b < 5; b++) await logDecisions(store, Array.from({ length: 70 }, (_, i) => row(b * 70 + i)));
    for (const limit of [1, 33, 100, 1000]) {
      const ids: number[] = [];
      let below: number | undefined;
      for (;;) {
        const page = await pageDecisions(store, below, limit);
        ids.push(...page.rows.map((r) => r.id!));
        if (page.next === null) break;
        below = page.next;
      }
      expect(ids).toEqual(Array.from({ length: 350 }, (_, i) => 350 - i));
    }
    await markReversed(store, 123, 7);
    const reversed = (await queryDecisions(store)).filter((d) => d.reversedAt !== undefined);
    expect(reversed.map((d) => [d.id, d.reversedAt])).toEqual([[123, 7]]);
  });

  it('an imported log replaces the old one, numbered on after it', async () => {
    const store = fresh();
    await logDecisions(store, [row(1), row(2)]);
    await stageLog(store, 't', [row(10, { id: 1 }), row(11, { id: 2, reversedAt: 5 }), row(12)], true);
    expect(await replaceLogWithStaged(store, 't', 3)).toBe(3);
    const rows = await queryDecisions(store);
    expect(rows.map((r) => [r.itemId, r.id])).toEqual([
      ['v12', 5],
      ['v11', 4],
      ['v10', 3],
    ]);
    expect((await clearReversed(store, 4))?.reversedAt).toBeUndefined();
  });

  it('keeps each record small enough for Chromium to store in place (it writes a value past 64 KiB to a file of its own)', () => {
    const long = 'x'.repeat(120);
    const big = (i: number) =>
      row(i, { title: 't'.repeat(500), url: 'u'.repeat(1000), reasons: Array.from({ length: 20 }, () => ({ code: 'c', detail: 'd'.repeat(200), source: 'rule' as const, evidence: Array(10).fill(long) })) });
    const batches = toBatches([...Array.from({ length: 30 }, (_, i) => big(i)), ...Array.from({ length: 250 }, (_, i) => row(100 + i))], 1);
    for (const b of batches) expect(JSON.stringify(b).length).toBeLessThan(64 * 1024);
    expect(batches.flatMap((b) => b.rows.map((r) => r.id))).toEqual(Array.from({ length: 280 }, (_, i) => i + 1));
    expect(batches.map((b) => b.id)).toEqual(batches.map((b) => b.rows.at(-1)!.id));
  });

  it('pages Activity down by time (the rows before the last shown), a row that waited long in a tab included', async () => {
    const store = fresh();
    // A minute of a feed, a row every 100 ms, written every 2 s; one row recorded in a hidden tab 40 s before it was sent.
    for (let w = 0; w < 30; w++) {
      const rows = Array.from({ length: 20 }, (_, i) => row(w * 20 + i, { ts: 100_000 + (w * 20 + i) * 100 }));
      if (w === 25) rows.push(row(999, { ts: 100_000 + (w * 20) * 100 - 40_000 }));
      await logDecisions(store, rows);
    }
    const all = await queryDecisions(store);
    expect(all).toHaveLength(601);
    const seen: LoggedDecision[] = [];
    let until: number | undefined;
    for (;;) {
      const page = (await queryDecisions(store, { until, limit: 50 })).filter((r) => !seen.some((s) => s.id === r.id));
      if (page.length === 0) break;
      seen.push(...page);
      until = page.at(-1)!.ts;
    }
    expect(seen).toEqual(all);
    expect(await queryDecisions(store, { until: 110_000, since: 100_000 })).toEqual(all.filter((d) => d.ts <= 110_000));
  });
});
