import type { FeedItem } from '../schema/item';
import { hashString } from './shield/word-hash';

/** Names an item as it was read, every field (lib/schema/known-decisions.ts): the same id read with another title,
 * text or surface is another item to decide. A 32-bit hash: entries are looked up by id first, so only two reads of
 * one item could ever collide. */
export function itemFingerprint(item: FeedItem): number {
  return hashString(JSON.stringify(item));
}
