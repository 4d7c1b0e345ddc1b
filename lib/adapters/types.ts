import type { FeedPlatform } from '../schema/common';
import type { FeedItemInput } from '../schema/item';
import type { PagePatterns } from './page-signals';

/** CSS selectors kept as data, by name: what the adapter looks for on its site. */
export type SelectorTable = Record<string, string>;

/**
 * How many times each selector of a table must match on each fixture page that names it (fixture file name in
 * tests/fixtures/feeds/ -> count; tests/unit/adapters-selectors.test.ts counts them): a selector that drifts from
 * the site fails a test, not a user. Every selector has its entry. Kept beside the table but in its own export, so
 * that the counts never ship in a content script (they were a kilobyte of YouTube's).
 */
export type SelectorCounts<T extends SelectorTable> = Record<keyof T, Record<string, number>>;

/** Where an extra element of the runtime (stub, badge + controls) goes: appended to `parent`, or put before
 * `before`, one of its children. */
export interface Slot {
  parent: Element;
  before?: Element;
  /** Wrapper the runtime creates and appends to `parent` before mounting into it (HN needs a table cell). */
  wrap?: 'td';
  /** A plain item's menu button takes no room there: it sits over the end of `parent`'s last 24 px (shield.css,
   * parapet-mark[data-over]), where the site leaves room, instead of adding a line. */
  over?: boolean;
}

/**
 * One platform's knowledge of its pages. Pure reading: an adapter never changes the page; the runner in
 * lib/shield-runtime/ owns observing, marking, reordering and cleanup.
 */
export interface Adapter {
  platform: FeedPlatform;
  matches(url: URL): boolean;
  /** The kind of page ("home", "watch", "search", "front"...), or null when Parapet has nothing to do there. */
  surface(url: URL): string | null;
  /** What the site's addresses say: a search run, an item's own page (page-signals.ts). */
  pages: PagePatterns;
  /** Surfaces where a feed is always expected: finding no items there means the selectors broke. */
  expectsItems(surface: string): boolean;
  /** The feed container of a surface, when it exists in the page; used to tell "broken" from "not loaded yet". */
  feedContainer(doc: Document, surface: string): Element | null;
  /** Matches any element that may be (or be inside) an item; the runner narrows with itemRoot. */
  candidateSelector: string;
  /** Every item root under `root` (the root itself included), in document order, without duplicates. */
  findItems(root: ParentNode): Element[];
  /** The element that stands for the item containing `el` (the one that gets marked), or null. */
  itemRoot(el: Element): Element | null;
  /** Reads an item root. Null while its content is not rendered yet; it is read again when it changes. */
  readItem(root: Element, surface: string): FeedItemInput | null;
  /** The surface an item belongs to when the page holds several (YouTube keeps the home grid alive under a watch
   * page); default: the page's surface. */
  itemSurface?(root: Element): string | null;
  /** Events the site fires after its own client-side navigation (YouTube's yt-navigate-finish). */
  navigationEvents?: readonly string[];
  /** Cheap identity of what the root shows now (e.g. its link): a change means the element was recycled. */
  identity(root: Element): string;
  /** Attributes whose change (anywhere inside an item) may mean recycling: watched by the runner. */
  watchAttributes: readonly string[];
  /** Elements that belong to the item besides its root (HN's subtext and spacer rows): hidden and moved with it. */
  extraParts?(root: Element): Element[];
  /** False while an item's extra parts are still being parsed: it is then left out of reordering. */
  partsComplete?(root: Element): boolean;
  /** Where the stub for a hidden item goes (default: inside the root, whose other children are hidden). */
  stubSlot?(root: Element): Slot;
  /** Where the badge and per-item controls go (default: appended to the root). */
  markSlot?(root: Element): Slot;
  /** Where a plain item's menu button goes when the badge's place would take room (default: markSlot). The button
   * comes when the person turns to the item, so it must take none: X's badge place is a line of its own after the
   * post, and the button goes in the post's header row instead, beside X's own menu. Null when the item has no
   * such place: markSlot then. */
  menuSlot?(root: Element): Slot | null;
  /** The site's own number for the item's place ("12." on Hacker News), renumbered when Parapet moves items. */
  rankLabel?(root: Element): Element | null;
  /** The item's main link, for "opened" signals. */
  linkSelector: string;
  /** Reordering is allowed on this surface (never on X: a virtualised list). */
  canReorder(surface: string): boolean;
  /** False for an item that must keep its place even where reordering is allowed (a full-width shelf in a grid:
   * moving it leaves a gap in the row it lands after). Default: every item may move. */
  movable?(root: Element): boolean;
}
