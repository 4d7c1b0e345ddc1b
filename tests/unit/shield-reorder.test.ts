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
    // c before d stays as it was: a and b are the two taken out and put back.
    expect(moved.map((m) => m.name).sort()).toEqual(['a', 'b']);
  });

  it('never takes out an item that keeps its place or only slides to make room', async () => {
    const { body, items } = table(['a', 'b', 'c', 'd', 'e']);
    const removed: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) for (const n of r.removedNodes) if (n.nodeType === 1) removed.push((n as Element).id);
    });
    observer.observe(body, { childList: true });
    // a and e stay; b goes after d, and c and d slide up a place
    const moved = permute(items, [0, 2, 3, 1, 4]);
    await Promise.resolve();
    observer.disconnect();
    expect(ids(body)).toEqual(['head', 'a', 'a-sub', 'c', 'c-sub', 'd', 'd-sub', 'b', 'b-sub', 'e', 'e-sub', 'more']);
    expect(moved.map((m) => m.name)).toEqual(['b']);
    expect(removed.sort()).toEqual(['b', 'b-sub']);
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

  it('gives every order of a batch in one run of rows, taking out only the items that must move', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const names = Array.from({ length: 2 + (round % 9) }, (_, i) => `i${i}`);
      const { body, items } = table(names);
      const order = names.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const moved = permute(items, order);
      expect(ids(body)).toEqual(['head', ...order.flatMap((i) => [names[i], `${names[i]}-sub`]), 'more']);
      // The items that stayed keep their order among themselves: at most the rest had to move.
      const stayed = order.filter((i) => !moved.includes(items[i]));
      expect(stayed).toEqual([...stayed].sort((a, b) => a - b));
    }
  });
});
