import { movedItems } from '../core/moved';

/** One item of a newly arrived batch: its root and the elements that move with it (HN's subtext rows). */
export interface Movable {
  root: Element;
  parts: Element[];
}

/**
 * Puts a batch of sibling items into `order` (indexes into `items`), using only the places the batch already
 * occupies: whatever else is in the container (older items, separators, the infinite-scroll sentinel) stays
 * exactly where it is. Returns the items Parapet moved: those that keep their order among the others (the longest
 * such run, core/moved.ts) only slid to make room, and in one run of rows they are never taken out of the page (a
 * site's own observer would see them leave and come back).
 */
export function permute<T extends Movable>(items: readonly T[], order: readonly number[]): T[] {
  if (items.length < 2 || order.length !== items.length) return [];
  const slots = documentOrder(items);
  // The wanted order as places in the page.
  const at = slots === items ? order : order.map((i) => slots.indexOf(items[i]));
  if (at.every((p, i) => p === i)) return [];
  const moved = movedItems(at);
  if (contiguous(slots)) moveFewest(slots, at, moved);
  else intoSlots(slots, at);
  return [...moved].map((p) => slots[p]);
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
const follows = (a: Movable, b: Movable) => (a.root.compareDocumentPosition(b.root) & 4) !== 0; // DOCUMENT_POSITION_FOLLOWING

/** The batch fills one run of siblings, each item's rows right after its root, nothing else between. */
function contiguous(slots: readonly Movable[]): boolean {
  let prev: Element | null = null;
  for (const it of slots) {
    for (const e of [it.root, ...it.parts]) {
      if (prev && prev.nextElementSibling !== e) return false;
      prev = e;
    }
  }
  return true;
}

/** One run of rows in a new order: each moved item goes right before the item that is to follow it. */
function moveFewest(slots: readonly Movable[], at: readonly number[], moved: ReadonlySet<number>): void {
  const last = slots[slots.length - 1];
  let next = (last.parts[last.parts.length - 1] ?? last.root).nextSibling;
  for (let i = at.length; i--; ) {
    const it = slots[at[i]];
    if (moved.has(at[i])) for (const e of [it.root, ...it.parts]) e.parentNode!.insertBefore(e, next);
    next = it.root;
  }
}

/** Slot by slot, for a batch with other elements between its items: each item lands in one of the places the batch
 * held. */
function intoSlots(slots: readonly Movable[], at: readonly number[]): void {
  const doc = slots[0].root.ownerDocument;
  const marks = slots.map((s, i) => {
    // An item that keeps its place is never taken out: nothing before it can land behind it (each item is wanted
    // once), so moving it back onto its own mark would only cost the page a removal and an insertion.
    if (at[i] === i) return null;
    const mark = doc.createComment('');
    s.root.before(mark);
    return mark;
  });
  at.forEach((p, i) => marks[i]?.replaceWith(slots[p].root, ...slots[p].parts));
}
