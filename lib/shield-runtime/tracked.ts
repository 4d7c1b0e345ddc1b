import type { Decision } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import type { Painted } from './painter';

/** One item root met on the page. The runner owns the record; `paint` is the painter's alone. */
export interface Tracked {
  root: Element;
  /** The adapter's identity of the root when it was last read: a new one means the site recycled the element. */
  identity: string;
  /** null: the root could not be read into an item (it is left as the site drew it). */
  item: FeedItem | null;
  decision: Decision | null;
  /** Decided at least once: a recycled root is not a new arrival, so it is not reordered again. */
  decidedOnce: boolean;
  paint: Painted;
}
