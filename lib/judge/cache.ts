import type { FeedItem } from '../schema/item';
import type { ParsedVerdict } from './output';

/** FNV-1a over UTF-16 code units, two seeds for 64 bits: stable, fast, no crypto API needed (the service
 * worker and Node both run it synchronously). Collisions at 64 bits are not a concern for a per-device cache. */
function fnv1a(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Hash of what the model sees of an item. Not the id: the same content met again under another id is the same question. */
export function itemContentHash(item: FeedItem): string {
  const s = [item.platform, item.kind, item.title, item.author, item.text, item.domain, item.promoted ? 'ad' : ''].join('\u0000');
  return fnv1a(s, 0x811c9dc5) + fnv1a(s, 0x01000193 ^ 0x5bd1e995);
}

/** An item is judged once per profile revision and model: any profile edit or a new model asks again. */
export function verdictKey(item: FeedItem, profileRevision: number, modelId: string): string {
  return `${itemContentHash(item)}:${profileRevision}:${modelId}`;
}

/** Least-recently-used map of verdicts. The raw verdict is kept, not the decision: the fast decision it is
 * folded into may differ the next time (an exception added, a policy changed). */
export class VerdictCache {
  private map = new Map<string, ParsedVerdict>();
  hits = 0;
  misses = 0;
  constructor(readonly capacity = 5000) {}

  get(key: string): ParsedVerdict | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, v: ParsedVerdict): void {
    this.map.delete(key);
    this.map.set(key, v);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }

  get size() {
    return this.map.size;
  }

  clear() {
    this.map.clear();
  }
}
