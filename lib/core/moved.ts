/**
 * Which items a new order actually moved: `order[i]` is the index (the site's place) of the item put in place i.
 * The items that keep their order relative to one another (the longest increasing run of `order`, not necessarily
 * contiguous) stayed; the rest are the fewest items that had to be taken out and put back elsewhere to get the new
 * order. Putting two items first among eighteen moves those two, not the sixteen that each slid down a place or
 * two. Among runs of equal length, the one keeping more items in their very place is the one that stayed.
 */
export function movedItems(order: readonly number[]): Set<number> {
  const n = order.length;
  // Batches are tens of items: the plain quadratic search is fast enough and makes the tie-break simple.
  const score = (length: number, inPlace: number) => length * (n + 1) + inPlace;
  const best = new Array<number>(n);
  const length = new Array<number>(n);
  const inPlace = new Array<number>(n);
  const before = new Array<number>(n).fill(-1);
  let end = -1;
  for (let i = 0; i < n; i++) {
    length[i] = 1;
    inPlace[i] = order[i] === i ? 1 : 0;
    for (let j = 0; j < i; j++) {
      if (order[j] >= order[i]) continue;
      const l = length[j] + 1;
      const p = inPlace[j] + (order[i] === i ? 1 : 0);
      if (score(l, p) > score(length[i], inPlace[i])) {
        length[i] = l;
        inPlace[i] = p;
        before[i] = j;
      }
    }
    best[i] = score(length[i], inPlace[i]);
    if (end < 0 || best[i] > best[end]) end = i;
  }
  const stayed = new Set<number>();
  for (let i = end; i >= 0; i = before[i]) stayed.add(order[i]);
  const moved = new Set<number>();
  for (const item of order) if (!stayed.has(item)) moved.add(item);
  return moved;
}
