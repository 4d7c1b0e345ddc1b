import { cosine, normalise } from './topic-space';

/** How items are grouped by what they are about. Tuned on simulated histories of held-out Reddit titles
 * (scripts/bench-inferred-topics.ts). */
export const GROUPING = {
  /** An item joins a group whose centre is at least this close to it (cosine of unit vectors). */
  join: 0.45,
  /** Two groups whose centres are this close are one subject. */
  merge: 0.75,
  /** Rounds of moving every item to its closest centre and recomputing the centres. */
  rounds: 2,
  /** At most this many groups are open while items are placed; later items that fit none stay ungrouped. */
  maxGroups: 120,
};

export interface MeaningGroup {
  /** Unit vector: the weighted mean of the members' directions. */
  centre: Float32Array;
  /** Indexes into the input, heaviest first. */
  members: number[];
  /** Weighted mean closeness of the members to the centre (0..1): how much they are about one thing. */
  cohesion: number;
}

type Settings = typeof GROUPING;

/**
 * Groups unit vectors by closeness: each item, heaviest first, joins the closest group within `join` or opens a
 * new one (leader clustering); then a few rounds move every item to its closest centre (as k-means does) and groups
 * whose centres are closer than `merge` are joined. Deterministic: the same input gives the same groups.
 */
export function groupByMeaning(vecs: readonly Float32Array[], weights: readonly number[], settings: Partial<Settings> = {}): MeaningGroup[] {
  const s = { ...GROUPING, ...settings };
  if (!vecs.length) return [];
  const dim = vecs[0].length;
  const order = vecs.map((_, i) => i).sort((a, b) => weights[b] - weights[a] || a - b);

  // Leader pass: running sums, compared after normalising.
  let sums: Float32Array[] = [];
  let centres: Float32Array[] = [];
  for (const i of order) {
    const [best, sim] = closest(vecs[i], centres);
    if (best >= 0 && sim >= s.join) {
      addTo(sums[best], vecs[i], weights[i]);
      centres[best] = normalise(Float32Array.from(sums[best]));
    } else if (centres.length < s.maxGroups) {
      const sum = new Float32Array(dim);
      addTo(sum, vecs[i], weights[i]);
      sums.push(sum);
      centres.push(normalise(Float32Array.from(sum)));
    }
  }

  let assignment: Int32Array = new Int32Array(vecs.length).fill(-1);
  for (let round = 0; round < s.rounds; round++) {
    assignment = assign(vecs, centres, s.join);
    ({ sums, centres } = recentre(vecs, weights, assignment, centres.length, dim));
    // A group left with one member says nothing yet; its item may fit another group next round.
    const sizes = new Int32Array(centres.length);
    for (const a of assignment) if (a >= 0) sizes[a]++;
    const keep = centres.map((_, g) => sizes[g] >= 2);
    centres = centres.filter((_, g) => keep[g]);
    sums = sums.filter((_, g) => keep[g]);
  }
  centres = mergeClose(centres, sums, s.merge);
  assignment = assign(vecs, centres, s.join);

  const groups: MeaningGroup[] = centres.map((centre) => ({ centre, members: [], cohesion: 0 }));
  order.forEach((i) => {
    if (assignment[i] >= 0) groups[assignment[i]].members.push(i);
  });
  for (const g of groups) {
    let w = 0;
    let c = 0;
    for (const i of g.members) {
      w += weights[i];
      c += weights[i] * cosine(vecs[i], g.centre);
    }
    g.cohesion = w > 0 ? c / w : 0;
  }
  return groups.filter((g) => g.members.length > 0);
}

/** Each vector's closest centre within `join`, or -1. */
export function assign(vecs: readonly Float32Array[], centres: readonly Float32Array[], join: number): Int32Array {
  const out = new Int32Array(vecs.length).fill(-1);
  vecs.forEach((v, i) => {
    const [best, sim] = closest(v, centres);
    if (best >= 0 && sim >= join) out[i] = best;
  });
  return out;
}

export function closest(v: Float32Array, centres: readonly Float32Array[]): [number, number] {
  let best = -1;
  let sim = -Infinity;
  for (let g = 0; g < centres.length; g++) {
    const c = cosine(v, centres[g]);
    if (c > sim) {
      sim = c;
      best = g;
    }
  }
  return [best, sim];
}

function addTo(sum: Float32Array, v: Float32Array, w: number): void {
  for (let k = 0; k < v.length; k++) sum[k] += v[k] * w;
}

function recentre(vecs: readonly Float32Array[], weights: readonly number[], assignment: Int32Array, groups: number, dim: number) {
  const sums = Array.from({ length: groups }, () => new Float32Array(dim));
  vecs.forEach((v, i) => {
    if (assignment[i] >= 0) addTo(sums[assignment[i]], v, weights[i]);
  });
  return { sums, centres: sums.map((x) => normalise(Float32Array.from(x))) };
}

/** Joins the closest pair of groups while any pair's centres are closer than `merge`: their weighted sums add up,
 * so the joined centre weighs each by its members. */
function mergeClose(centres: Float32Array[], sums: Float32Array[], merge: number): Float32Array[] {
  const out = [...centres];
  const total = sums.map((x) => Float32Array.from(x));
  for (;;) {
    let a = -1;
    let b = -1;
    let best = merge;
    for (let x = 0; x < out.length; x++) {
      for (let y = x + 1; y < out.length; y++) {
        const c = cosine(out[x], out[y]);
        if (c >= best) [a, b, best] = [x, y, c];
      }
    }
    if (a < 0) return out;
    for (let k = 0; k < total[a].length; k++) total[a][k] += total[b][k];
    out[a] = normalise(Float32Array.from(total[a]));
    out.splice(b, 1);
    total.splice(b, 1);
  }
}
