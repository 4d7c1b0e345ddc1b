import { seededRandom } from '../random';

export interface RerankOptions {
  /** Share (0..0.5) of the below-neutral items that keep their place instead of sinking, so the feed still
   * shows some of what the profile would push away. */
  exploreShare?: number;
  /** Picks which low items stay; the same seed gives the same order. */
  seed?: number;
}

const NEUTRAL = 0.5;

/**
 * The order to paint a batch of newly arrived items in: higher score first, ties in arrival order.
 * Returns the ids of the batch, each once per occurrence, nothing added or dropped.
 */
export function rerank(batch: ReadonlyArray<{ id: string; score: number }>, opts: RerankOptions = {}): string[] {
  const n = batch.length;
  const score = (i: number) => {
    const s = batch[i].score;
    return Number.isFinite(s) ? s : NEUTRAL;
  };
  // Items seen already are never passed: only a new batch is put in order (reorderer.ts).
  const pinned = new Uint8Array(n);

  const share = Number.isFinite(opts.exploreShare) ? Math.min(0.5, Math.max(0, opts.exploreShare!)) : 0;
  if (share > 0) {
    const low: number[] = [];
    for (let i = 0; i < n; i++) if (!pinned[i] && score(i) < NEUTRAL) low.push(i);
    const keep = Math.round(low.length * share);
    const random = seededRandom(Number.isFinite(opts.seed) ? opts.seed! : 0x5eed);
    // Partial Fisher-Yates: the first `keep` entries become a uniform random choice.
    for (let k = 0; k < keep; k++) {
      const j = k + Math.floor(random() * (low.length - k));
      [low[k], low[j]] = [low[j], low[k]];
      pinned[low[k]] = 1;
    }
  }

  const moving: number[] = [];
  for (let i = 0; i < n; i++) if (!pinned[i]) moving.push(i);
  moving.sort((a, b) => score(b) - score(a) || a - b);

  const out: string[] = new Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) out[i] = pinned[i] ? batch[i].id : batch[moving[m++]].id;
  return out;
}

