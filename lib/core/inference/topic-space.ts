import type { MeaningModel } from '../meaning/model';

/**
 * What the inferred model needs of the meaning model (lib/core/meaning): where a text points in meaning, how close
 * two directions are, and which plain names lie near a direction. Passed in by the caller (the background holds
 * the model; tests and scripts read public/models/meaning.bin), so lib/core never fetches anything.
 */
export type TopicSpace = Pick<MeaningModel, 'embed' | 'terms' | 'neighbours'>;

/** Unit vectors compared by their dot product. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

/** Scales v to unit length in place (a zero vector stays zero). */
export function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (let k = 0; k < v.length; k++) n += v[k] * v[k];
  n = Math.sqrt(n);
  if (n > 0) for (let k = 0; k < v.length; k++) v[k] /= n;
  return v;
}

// Titles repeat across signals and decisions (feeds show the same items on every visit): each distinct text is
// embedded once per space. Bounded so a long session cannot grow it forever.
const embedded = new WeakMap<TopicSpace, Map<string, Float32Array | null>>();
const EMBED_CACHE_MAX = 50_000;

export function embedOnce(space: TopicSpace, text: string): Float32Array | null {
  let cache = embedded.get(space);
  if (!cache) embedded.set(space, (cache = new Map()));
  let v = cache.get(text);
  if (v !== undefined) return v;
  v = space.embed(text);
  if (cache.size >= EMBED_CACHE_MAX) cache.clear();
  cache.set(text, v);
  return v;
}
