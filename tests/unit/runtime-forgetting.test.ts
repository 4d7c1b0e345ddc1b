// @vitest-environment happy-dom
// Issue 25, retention: what leaves the page is forgotten, but what Parapet did to it still counts for the tab.
import { afterEach, describe, expect, it } from 'vitest';
import { bound } from '@/lib/shield-runtime/bounded';
import { createPainter } from '@/lib/shield-runtime/painter';
import { createReorderer } from '@/lib/shield-runtime/reorderer';
import { scriptedEngine } from '../doubles/runtime-engine';
import { adapter, hackerNews, hidingReason } from './runtime-parts';

let close: () => void = () => {};
afterEach(() => close());

describe('a map kept by item id', () => {
  it('keeps only its newest ids', () => {
    const kept = new Map(Array.from({ length: 10 }, (_, i) => [`id${i}`, i]));
    bound(kept, 3);
    expect([...kept.keys()]).toEqual(['id7', 'id8', 'id9']);
    const set = new Set(['a', 'b']);
    bound(set, 3);
    expect([...set]).toEqual(['a', 'b']);
  });
});

describe('items that left the page', () => {
  it('stay in the tab’s counts', () => {
    const page = hackerNews();
    close = page.close;
    const painter = createPainter(page.doc, adapter, { act: () => {}, later: () => {}, open: () => {} });
    painter.paint(page.track('42000008', { action: 'hide', reasons: [hidingReason] }), 'stub', true);
    painter.paint(page.track('42000002', { action: 'label', reasons: [hidingReason] }), 'label', true);
    painter.paint(page.track('42000001'), 'show', true);
    painter.gone(['42000008', '42000002', 'never-painted']);
    expect(painter.counts()).toEqual({ seen: 3, hidden: 1, labelled: 1 });
    // The one still on the page is counted once, however often it is painted.
    painter.paint(page.track('42000001'), 'show', true);
    expect(painter.counts()).toEqual({ seen: 3, hidden: 1, labelled: 1 });
    painter.forget();
    expect(painter.counts()).toEqual({ seen: 0, hidden: 0, labelled: 0 });
  });

  it('stay counted as reordered, and Pause still puts back the ones that remain', () => {
    const page = hackerNews();
    close = page.close;
    page.fixture.loadMore(4);
    const batch = ['42100001', '42100002', '42100003', '42100004'].map((id, i) => page.track(id, { score: [0.2, 0.5, 0.9, 0.7][i] }));
    for (const t of batch) t.paint.parts = adapter.extraParts!(t.root);
    const before = page.order();
    const reorderer = createReorderer(adapter, scriptedEngine().engine, () => ({ hiddenStyle: 'stub', reorder: true, exploreShare: 0 }), 1);
    reorderer.reorder(batch);
    const moved = reorderer.count();
    expect(moved).toBeGreaterThan(1);
    // The page takes one story away (with its rows).
    const leaving = batch[2];
    for (const r of [leaving.root, ...leaving.paint.parts]) r.remove();
    reorderer.gone([leaving.item!.id]);
    expect(reorderer.count()).toBe(moved);
    expect(reorderer.moved(leaving.item!.id)).toBe(false);
    reorderer.restore();
    expect(page.order()).toEqual(before.filter((id) => id !== leaving.item!.id));
  });
});
