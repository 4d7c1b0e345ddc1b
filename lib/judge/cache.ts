import type { FeedItem } from '../schema/item';
import { MANIPULATION_KINDS } from '../schema/profile';
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

  /** The newest `max` entries, oldest first (the order restore() expects). */
  entries(max = this.capacity): [string, ParsedVerdict][] {
    const all = [...this.map];
    return all.slice(Math.max(0, all.length - max));
  }

  /** Puts saved entries back beneath the ones already here: a verdict judged since the save stays the newer. */
  restore(entries: readonly [string, ParsedVerdict][]): void {
    const current = [...this.map];
    this.map = new Map([...entries.filter(([k]) => !this.map.has(k)), ...current]);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }

  clear() {
    this.map.clear();
  }
}

const KINDS = new Set<string>(MANIPULATION_KINDS);

/** Saved entries are read back from storage: anything not of the shape written is dropped, never trusted. */
export function savedVerdicts(raw: unknown, max = 5000): [string, ParsedVerdict][] {
  if (!Array.isArray(raw)) return [];
  const out: [string, ParsedVerdict][] = [];
  for (const e of raw.slice(-max)) {
    if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string' || e[0].length > 400) continue;
    const v = e[1] as Partial<ParsedVerdict> | null;
    if (!v || typeof v.relevance !== 'number' || !(v.relevance >= 0 && v.relevance <= 1)) continue;
    if (!Array.isArray(v.kinds) || !v.kinds.every((k) => typeof k === 'string' && KINDS.has(k))) continue;
    if (!(v.rule === null || (typeof v.rule === 'string' && /^r\d{1,3}$/.test(v.rule)))) continue;
    if (typeof v.reason !== 'string' || v.reason.length > 300) continue;
    out.push([e[0], { relevance: v.relevance, kinds: [...v.kinds], rule: v.rule, reason: v.reason }]);
  }
  return out;
}
