// @vitest-environment happy-dom
// Reordering a newly arrived batch: each item lands in one of the places the batch held, with the rows that belong
// to it, everything else stays put, and an item that keeps its place is never taken out of the page (a site's
// own observer would see it leave and come back).
import { describe, expect, it } from 'vitest';
import { permute, type Movable } from '@/lib/shield-runtime/reorder';

type Row = Movable & { name: string };

/** A table body: a header row, then items of a root row and one part row each, with a sentinel at the end. */
function table(names: string[]): { body: HTMLElement; items: Row[] } {
  const body = document.createElement('tbody');
  const head = document.createElement('tr');
  head.id = 'head';
  body.append(head);
  const items = names.map((name) => {
    const root = document.createElement('tr');
    root.id = name;
    const part = document.createElement('tr');
    part.id = `${name}-sub`;
    body.append(root, part);
    return { name, root, parts: [part] };
  });
  const more = document.createElement('tr');
  more.id = 'more';
  body.append(more);
  document.body.replaceChildren(body);
  return { body, items };
}

const ids = (body: HTMLElement) => [...body.children].map((r) => r.id);

describe('permute', () => {
  it('puts the batch in the wanted order, each item followed by its own rows, around rows that are not its own', () => {
    const { body, items } = table(['a', 'b', 'c', 'd']);
    const moved = permute(items, [2, 0, 3, 1]);
    expect(ids(body)).toEqual(['head', 'c', 'c-sub', 'a', 'a-sub', 'd', 'd-sub', 'b', 'b-sub', 'more']);
    expect(moved.map((m) => m.name).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never takes out an item that keeps its place', async () => {
    const { body, items } = table(['a', 'b', 'c', 'd', 'e']);
    const removed: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) for (const n of r.removedNodes) if (n.nodeType === 1) removed.push((n as Element).id);
    });
    observer.observe(body, { childList: true });
    // a and e stay; b, c, d rotate
    const moved = permute(items, [0, 2, 3, 1, 4]);
    await Promise.resolve();
    observer.disconnect();
    expect(ids(body)).toEqual(['head', 'a', 'a-sub', 'c', 'c-sub', 'd', 'd-sub', 'b', 'b-sub', 'e', 'e-sub', 'more']);
    expect(moved.map((m) => m.name).sort()).toEqual(['b', 'c', 'd']);
    expect(removed).not.toContain('a');
    expect(removed).not.toContain('e');
  });

  it('does nothing when the order is already the wanted one', () => {
    const { body, items } = table(['a', 'b', 'c']);
    expect(permute(items, [0, 1, 2])).toEqual([]);
    expect(ids(body)).toEqual(['head', 'a', 'a-sub', 'b', 'b-sub', 'c', 'c-sub', 'more']);
  });

  it('uses the places the items hold in the page, whatever order they were handed over in', () => {
    const { body, items } = table(['a', 'b', 'c']);
    // handed over as c, a, b; wanted: b first, then c, then a, in the page's three places
    const shuffled = [items[2], items[0], items[1]];
    permute(shuffled, [2, 0, 1]);
    expect(ids(body)).toEqual(['head', 'b', 'b-sub', 'c', 'c-sub', 'a', 'a-sub', 'more']);
  });

  it('moves a batch whose places are not next to each other, leaving the rows between them where they were', () => {
    const { body, items } = table(['a', 'x', 'b', 'y', 'c']);
    const batch = [items[0], items[2], items[4]];
    permute(batch, [2, 1, 0]);
    expect(ids(body)).toEqual(['head', 'c', 'c-sub', 'x', 'x-sub', 'b', 'b-sub', 'y', 'y-sub', 'a', 'a-sub', 'more']);
  });
});
