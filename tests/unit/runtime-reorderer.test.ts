// @vitest-environment happy-dom
// The reorderer: a newly arrived batch is put in order among itself, in the places it arrived in, each story
// with its own subtext row; the person's "keep the site's order" is respected.
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '@/lib/schema/profile';
import { createReorderer } from '@/lib/shield-runtime/reorderer';
import { scriptedEngine } from '../doubles/runtime-engine';
import { adapter, hackerNews } from './runtime-parts';

let close: () => void = () => {};
afterEach(() => close());

function setup(display: Profile['display'] = { hiddenStyle: 'stub', reorder: true, exploreShare: 0 }) {
  const page = hackerNews();
  close = page.close;
  page.fixture.loadMore(3);
  const batch = ['42100001', '42100002', '42100003'].map((id, i) => page.track(id, { score: [0.2, 0.5, 0.9][i] }));
  for (const t of batch) t.paint.parts = adapter.extraParts!(t.root);
  const reorderer = createReorderer(adapter, scriptedEngine().engine, () => display, 1);
  return { ...page, batch, reorderer };
}

describe('the reorderer', () => {
  it('puts the new stories highest score first, after the older ones, each followed by its own subtext', () => {
    const s = setup();
    s.reorderer.reorder(s.batch);
    expect(s.order()).toEqual(['42000001', '42000002', '42000003', '42000004', '42000005', '42000006', '42000007', '42000008', '42100003', '42100002', '42100001']);
    for (const t of s.batch) expect(t.root.nextElementSibling!.querySelector('.subtext')).not.toBeNull();
    expect(['42100001', '42100003'].map((id) => s.reorderer.moved(id))).toEqual([true, true]);
    expect(s.reorderer.moved('42100002')).toBe(false);
    expect(s.reorderer.count()).toBe(2);
  });

  it('keeps the site’s order when the person turned reordering off', () => {
    const s = setup({ hiddenStyle: 'stub', reorder: false, exploreShare: 0 });
    const before = s.order();
    s.reorderer.reorder(s.batch);
    expect(s.order()).toEqual(before);
    expect(s.reorderer.count()).toBe(0);
  });
});

describe('the site’s numbers and order', () => {
  const ranks = (s: ReturnType<typeof setup>) => [...s.doc.querySelectorAll('tr.athing .rank')].map((r) => r.textContent);

  it('renumbers what it moved, so the ranks read in order', () => {
    const s = setup();
    s.reorderer.reorder(s.batch);
    expect(s.order().slice(-3)).toEqual(['42100003', '42100002', '42100001']);
    expect(ranks(s)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.', '11.']);
  });

  it('puts the site’s own order and numbers back', () => {
    const s = setup();
    const before = s.order();
    s.reorderer.reorder(s.batch);
    s.reorderer.restore();
    expect(s.order()).toEqual(before);
    expect(ranks(s)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.', '10.', '11.']);
    expect(s.doc.getElementById('42100001')!.querySelector('.rank')!.textContent).toBe('9.');
    for (const t of s.batch) expect(t.root.nextElementSibling!.querySelector('.subtext')).not.toBeNull();
    expect(s.reorderer.count()).toBe(0);
  });
});
