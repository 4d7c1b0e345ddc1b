import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { addFlags, listFlags, openStore, pageFlags, setFlagStatus, type Store } from '@/lib/db';
import type { Flag, StoredFlag } from '@/lib/schema/log';

// Issue 23: at volume the same cat headline sat in "To review" 9 times and the queue grew to 874 items. One item,
// one row, one verdict.

const stores: Store[] = [];
const fresh = (name = `flags-once-${Math.random()}`) => {
  const s = openStore(name);
  stores.push(s);
  return s;
};
afterEach(async () => {
  for (const s of stores.splice(0)) await Promise.all([s.db.delete(), s.profileDb.delete()]);
});

const CAT = "You won't believe what this cat did next";
const flag = (itemId: string, over: Partial<Flag> = {}): Flag => ({
  ts: 1000, platform: 'youtube', itemId, title: CAT, author: 'Cats Daily', url: '', kind: 'clickbait', confidence: 0.8, source: 'classifier', action: 'label', evidence: [], status: 'open', ...over,
});

describe('the review queue keeps one row per item', () => {
  it('an item seen again, on a reload or another page, joins its row', async () => {
    const store = fresh();
    for (let i = 0; i < 9; i++) await addFlags(store, [flag('cat1', { ts: 1000 + i })]);
    const rows = await listFlags(store);
    expect(rows).toHaveLength(1);
    expect(rows[0].seen).toBe(9);
  });

  it('a near-identical headline of the same kind joins the row, on any platform; another kind or title does not', async () => {
    const store = fresh();
    await addFlags(store, [
      flag('a'),
      flag('b', { title: "You WON'T believe what this cat did next!!" }),
      flag('c', { platform: 'reddit', author: 'u/cats', title: 'You won’t believe what this cat did next…' }),
      flag('d', { kind: 'engagement' }),
      flag('e', { title: 'What this dog did next' }),
    ]);
    expect((await listFlags(store)).map((f) => f.itemId).sort()).toEqual(['a', 'd', 'e']);
  });

  it('an item judged once never comes back to "To review"', async () => {
    const store = fresh();
    await addFlags(store, [flag('cat1')]);
    const [row] = await listFlags(store);
    await setFlagStatus(store, [row.id!], 'right', 5);
    const repeats = await addFlags(store, [flag('cat1', { ts: 2000 }), flag('cat2', { ts: 2001, author: 'Other' })]);
    expect(repeats.map((r) => [r.row.itemId, r.into.status])).toEqual([['cat1', 'right'], ['cat2', 'right']]);
    expect(await listFlags(store, 'open')).toEqual([]);
    expect((await listFlags(store)).map((f) => [f.status, f.seen])).toEqual([['right', 3]]);
  });

  it('a bulk verdict leaves rows that already have one as they were', async () => {
    const store = fresh();
    await addFlags(store, [flag('1', { title: 'First headline here' }), flag('2', { ts: 1001, title: 'Second headline here' })]);
    const [second, first] = await listFlags(store);
    await setFlagStatus(store, [first.id!], 'wrong', 5);
    const changed = await setFlagStatus(store, [first.id!, second.id!], 'right', 6, true);
    expect(changed.map((f) => f.itemId)).toEqual(['2']);
    expect(new Map((await listFlags(store)).map((f) => [f.itemId, f.status]))).toEqual(new Map([['1', 'wrong'], ['2', 'right']]));
  });

  it('reads the queue in pages, newest first, to the end', async () => {
    const store = fresh();
    await addFlags(store, Array.from({ length: 25 }, (_, i) => flag(`i${i}`, { title: `Headline number ${i}` })));
    const seen: string[] = [];
    let below: number | undefined;
    for (let page = 0; page < 10; page++) {
      const got = await pageFlags(store, below, 10);
      seen.push(...got.rows.map((f) => f.itemId));
      if (got.next === null) break;
      below = got.next;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `i${24 - i}`));
  });
});

describe('a queue stored by the previous version', () => {
  it('is merged on upgrade: one row per item, the verdict kept, the repeats counted', async () => {
    const name = `flags-v1-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ profile: 'key', decisions: '++id, ts, platform, action, itemId', feedback: '++id, ts, type, itemId', signals: '++id, ts, type, platform, itemId', flags: '++id, ts, kind, status, itemId', meta: 'key' });
    const old: Flag[] = [
      ...Array.from({ length: 9 }, (_, i) => flag(`cat${i % 3}`, { ts: 1000 + i })),
      flag('cat-judged', { ts: 1100, status: 'wrong', verdictAt: 1200 }),
      flag('other', { ts: 1300, title: 'Only 2 hours left to grab this', kind: 'urgency' }),
    ];
    await v1.table('flags').bulkAdd(old);
    v1.close();

    const store = fresh(name);
    const rows = (await listFlags(store)) as StoredFlag[];
    expect(rows.map((f) => [f.kind, f.status, f.seen ?? 1])).toEqual([
      ['urgency', 'open', 1],
      ['clickbait', 'wrong', 10],
    ]);
    // New repeats still find the merged row.
    await addFlags(store, [flag('cat-new', { ts: 5000 })]);
    expect(await store.db.flags.count()).toBe(2);
  });
});

describe('through the background', () => {
  it('a repost of a headline judged wrong, by another author, is covered by the same verdict', async () => {
    const { createHandlers } = await import('@/lib/background/handlers');
    const { dispatch } = await import('@/lib/messaging');
    const store = fresh();
    const handlers = createHandlers({ store, broadcastProfile: () => {}, tabStats: { get: async () => null, set: async () => {} }, selectInstructions: () => [], now: () => 10 });
    const self = { id: 'ext', origin: 'chrome-extension://ext/' };
    const dashboard = { id: 'ext', url: 'chrome-extension://ext/dashboard.html' };
    const tab = { id: 'ext', url: 'https://www.reddit.com/', tab: { id: 3 } };
    // The queue is read as the Flagged view reads it: what tabs sent before is written (and acted on) first.
    const queue = async () => {
      const r = await dispatch(handlers, { type: 'flags/list', payload: {} }, dashboard, self);
      return r.ok ? (r.value as Awaited<ReturnType<typeof listFlags>>) : [];
    };
    await dispatch(handlers, { type: 'tab/report', payload: { flags: [flag('cat1')] } }, tab, self);
    const [row] = await queue();
    await dispatch(handlers, { type: 'flags/verdict', payload: { ids: [row.id!], status: 'wrong' } }, dashboard, self);
    await dispatch(handlers, { type: 'tab/report', payload: { flags: [flag('cat9', { platform: 'reddit', author: 'u/reposter' })] } }, tab, self);
    expect(await queue()).toHaveLength(1);
    const profile = await dispatch(handlers, { type: 'profile/get', payload: {} }, dashboard, self);
    const exceptions = profile.ok ? (profile.value as { exceptions: Array<{ platform: string; author?: string; kind?: string }> }).exceptions : [];
    expect(exceptions.map((e) => [e.platform, e.author, e.kind])).toEqual([
      ['youtube', 'Cats Daily', 'clickbait'],
      ['reddit', 'u/reposter', 'clickbait'],
    ]);
    expect(await listFlags(store, 'open')).toEqual([]);
  });
});
