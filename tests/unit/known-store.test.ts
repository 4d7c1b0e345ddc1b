// The decisions a feed's tabs made with the copy kept for them (lib/background/known-store.ts), kept for that feed's
// next pages: only under the copy a tab started from while it is still the feed's, the newest KNOWN_CAP, and gone
// with every change the person makes (a wipe leaves none behind).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '@/lib/messaging';
import { openStore } from '@/lib/db';
import { KNOWN_CAP, knownKey, type KnownEntry, type StoredKnown } from '@/lib/schema/known-decisions';
import { tabReadyKey, type StoredTabReady } from '@/lib/schema/stored-models';
import { defaultProfile } from '@/lib/schema/profile';
import { background, fromDashboard, fromTab, memoryArea, self } from './tab-ready-background';

const entry = (id: string, action: 'show' | 'hide' = 'show'): KnownEntry => ({
  id,
  fp: Number(id),
  decision: { platform: 'hackernews', itemId: id, action, reasons: [], score: 0.5, uncertain: false },
  quoted: [],
});

async function started() {
  const store = openStore(`known-${Math.random()}`);
  const { area, items } = memoryArea();
  const bg = background(store, area);
  await bg.tabReady.refresh();
  const copy = items.get(tabReadyKey('hackernews')) as StoredTabReady;
  const report = async (entries: KnownEntry[], key = copy.key, stamp = copy.stamp, sender: object = fromTab) => {
    const answer = await dispatch(bg.handlers, { type: 'page/known', payload: { key, stamp, entries } }, sender, self);
    await bg.known.keep('hackernews', 'none', 'none', []); // the write queued behind the answer
    return answer;
  };
  const stored = () => items.get(knownKey('hackernews')) as StoredKnown | undefined;
  return { ...bg, store, items, copy, report, stored };
}

describe('the decisions kept for a feed’s next pages', () => {
  it('keeps what a tab reports under the copy it started from, added to what was kept, a repeated item moved to the newest', async () => {
    const { report, stored, copy } = await started();
    expect((await report([entry('1'), entry('2', 'hide')])).ok).toBe(true);
    await report([entry('3'), entry('1')]);
    expect(stored()).toMatchObject({ build: 'build-1', stamp: 'stamp-1', key: copy.key });
    expect(stored()!.entries.map((e) => e.id)).toEqual(['2', '3', '1']);
  });

  it('keeps the newest KNOWN_CAP', async () => {
    const { report, stored } = await started();
    const many = Array.from({ length: KNOWN_CAP }, (_, i) => entry(String(i + 1)));
    await report(many);
    await report([entry('99999')]);
    expect(stored()!.entries).toHaveLength(KNOWN_CAP);
    expect(stored()!.entries[0].id).toBe('2');
    expect(stored()!.entries.at(-1)!.id).toBe('99999');
  });

  it('drops a report made with another copy or other models, and replaces what was kept under an older copy', async () => {
    const { report, stored, items, copy } = await started();
    await report([entry('1')], '0 1 words');
    await report([entry('1')], copy.key, 'stamp-0');
    expect(stored()).toBeUndefined();
    items.set(knownKey('hackernews'), { ...({ v: 1, build: 'build-1', stamp: 'stamp-1', key: '0 1 words', entries: [entry('old')] } satisfies StoredKnown) });
    await report([entry('1')]);
    expect(stored()!.entries.map((e) => e.id)).toEqual(['1']);
  });

  it('takes reports from a feed page only, and refuses one that is not a list of decisions', async () => {
    const { report, stored, handlers, copy } = await started();
    await report([entry('1')], copy.key, copy.stamp, fromDashboard);
    expect(stored()).toBeUndefined();
    const bad = await dispatch(handlers, { type: 'page/known', payload: { key: copy.key, stamp: copy.stamp, entries: [{ id: '1', fp: 1, decision: { action: 'obliterate' }, quoted: [] }] } }, fromTab, self);
    expect(bad.ok).toBe(false);
  });

  it('are gone with the person’s next change', async () => {
    const { report, stored, handlers, tabReady, copy } = await started();
    await report([entry('1')]);
    expect(stored()).toBeDefined();
    const saved = await dispatch(handlers, { type: 'profile/save', payload: { profile: { ...defaultProfile(1000), revision: copy.profile.revision } } }, fromDashboard, self);
    expect(saved.ok).toBe(true);
    expect(stored()).toBeUndefined();
    // A tab that started before the save reports under the copy it started from: not kept.
    await tabReady.refresh();
    await report([entry('1')], copy.key);
    expect(stored()).toBeUndefined();
  });

  it('are gone with a wipe', async () => {
    const { report, stored, handlers } = await started();
    await report([entry('1')]);
    expect((await dispatch(handlers, { type: 'data/wipe', payload: { confirm: 'wipe' } }, fromDashboard, self)).ok).toBe(true);
    expect(stored()).toBeUndefined();
  });
});
