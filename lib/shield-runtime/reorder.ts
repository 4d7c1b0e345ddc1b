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
  // Batches nearly always arrive in document order; checking that costs one comparison per item, and each
  // comparison of two rows deep in a long table walks the rows between them.
  const slots = inDocumentOrder(items) ? items : [...items].sort((a, b) => (follows(a, b) ? -1 : 1));
  const wanted = order.map((i) => items[i]);
  if (wanted.every((it, i) => it === slots[i])) return [];
  const doc = slots[0].root.ownerDocument;
  const marks = slots.map((s, i) => {
    // An item that keeps its place is never taken out: nothing before it can land behind it (each item is
    // wanted once), so moving it back onto its own mark would only cost the page a removal and an insertion.
    if (wanted[i] === s) return null;
    const mark = doc.createComment('');
    s.root.before(mark);
    return mark;
  });
  const moved: T[] = [];
  wanted.forEach((it, i) => {
    const mark = marks[i];
    if (mark === null) return;
    mark.replaceWith(it.root, ...it.parts);
    moved.push(it);
  });
  return moved;
}

const follows = (a: Movable, b: Movable) => (a.root.compareDocumentPosition(b.root) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

function inDocumentOrder(items: readonly Movable[]): boolean {
  for (let i = 1; i < items.length; i++) if (!follows(items[i - 1], items[i])) return false;
  return true;
}
