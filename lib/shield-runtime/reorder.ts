import { movedItems } from '../core/moved';

/** One item of a newly arrived batch: its root and the elements that move with it (HN's subtext rows). */
export interface Movable {
  root: Element;
  parts: Element[];
}

/**
 * Puts a batch of sibling items into `order` (indexes into `items`), using only the places the batch already
 * occupies: whatever else is in the container (older items, separators, the infinite-scroll sentinel) stays
 * exactly where it is. Returns the items taken out and put back; an item that keeps its place, or only slides
 * because others moved around it, is never taken out (a site's own observer would see it leave and come back).
 */
export function permute<T extends Movable>(items: readonly T[], order: readonly number[]): T[] {
  if (items.length < 2 || order.length !== items.length) return [];
  const slots = documentOrder(items);
  const wanted = order.map((i) => items[i]);
  if (wanted.every((it, i) => it === slots[i])) return [];
  return contiguous(slots) ? moveFewest(slots, wanted) : intoSlots(slots, wanted);
}

/** The items in document order: `items` itself when they already are, as a fresh batch nearly always is. */
export function documentOrder<T extends Movable>(items: readonly T[]): readonly T[] {
  for (let i = 1; i < items.length; i++) if (!follows(items[i - 1], items[i])) return [...items].sort((a, b) => (follows(a, b) ? -1 : 1));
  return items;
}

/**
 * Whether `a` comes before `b`. Asked in this direction only: Chromium answers it by walking back from `b`, a few
 * rows for neighbours; the other way round it walks back to the start of the list (36 µs at 3,000 rows, and a
 * sort asks that of half its pairs).
 */
const follows = (a: Movable, b: Movable) => (a.root.compareDocumentPosition(b.root) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

const lastOf = (it: Movable): Element => (it.parts.length > 0 ? it.parts[it.parts.length - 1] : it.root);

/** The batch fills one run of siblings, each item's rows right after its root, nothing else between. */
function contiguous(slots: readonly Movable[]): boolean {
  let prev: Element | null = null;
  for (const it of slots) {
    if (prev !== null && prev.nextElementSibling !== it.root) return false;
    prev = it.root;
    for (const p of it.parts) {
      if (prev.nextElementSibling !== p) return false;
      prev = p;
    }
  }
  return true;
}

/** A run of siblings in a new order with the fewest items taken out: those that keep their order among the
 * others stay (core/moved.ts), each of the rest goes right before the item that is to follow it. */
function moveFewest<T extends Movable>(slots: readonly T[], wanted: readonly T[]): T[] {
  const place = new Map<T, number>();
  slots.forEach((it, i) => place.set(it, i));
  const out = movedItems(wanted.map((it) => place.get(it)!));
  const parent = slots[0].root.parentNode!;
  let next: Node | null = lastOf(slots[slots.length - 1]).nextSibling;
  const moved: T[] = [];
  for (let i = wanted.length; i--; ) {
    const it = wanted[i];
    if (out.has(place.get(it)!)) {
      parent.insertBefore(it.root, next);
      for (const p of it.parts) parent.insertBefore(p, next);
      moved.push(it);
    }
    next = it.root;
  }
  return moved;
}

/** Slot by slot, for a batch with other elements between its items: each item lands in one of the places the batch
 * held. */
function intoSlots<T extends Movable>(slots: readonly T[], wanted: readonly T[]): T[] {
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
