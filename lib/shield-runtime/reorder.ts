/** One item of a newly arrived batch: its root and the elements that move with it (HN's subtext rows). */
export interface Movable {
  root: Element;
  parts: Element[];
}

/**
 * Puts a batch of sibling items into `order` (indexes into `items`), using only the places the batch already
 * occupies: whatever else is in the container (older items, separators, the infinite-scroll sentinel) stays
 * exactly where it is. Returns the items whose position changed.
 */
export function permute<T extends Movable>(items: readonly T[], order: readonly number[]): T[] {
  if (items.length < 2 || order.length !== items.length) return [];
  const slots = [...items].sort((a, b) => (a.root.compareDocumentPosition(b.root) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const wanted = order.map((i) => items[i]);
  if (wanted.every((it, i) => it === slots[i])) return [];
  const doc = slots[0].root.ownerDocument;
  const marks = slots.map((s) => {
    const mark = doc.createComment('');
    s.root.before(mark);
    return mark;
  });
  const moved: T[] = [];
  wanted.forEach((it, i) => {
    marks[i].replaceWith(it.root, ...it.parts);
    if (it !== slots[i]) moved.push(it);
  });
  return moved;
}
