import { decodeMeaning, TermFlag, type MeaningData } from './format';
import { meaningTerms, meaningWords } from './tokens';
import type { TopicExpansion, TopicTerm } from './types';

/**
 * How a typed topic becomes weighted terms. A term's association with a topic is the model's estimate of how
 * over-represented it is (natural log of the ratio, as PPMI) in the subjects the topic is about; tuned on the
 * development set of scripts/eval-topics.ts (Reddit titles, never the titles the model was trained on).
 */
export const EXPANSION = {
  /** Subjects (communities of the training corpus) at least this close to the label's meaning take part... */
  subjectMin: 0.3,
  /** ...and at least this share of the closest one's closeness, at most maxSubjects of them. */
  subjectRel: 0.75,
  maxSubjects: 12,
  /** A term weighs 0 at association `low` and `maxWeight` at `high` or above. */
  low: 1.2,
  high: 3.5,
  maxWeight: 0.9,
  /** What WordNet's narrower terms of the label ("sport" -> "football") add to its meaning. */
  linkShare: 0.5,
  maxTerms: 1500,
  /** Evidence (1 - prod(1 - w)) an item needs at default strictness. */
  threshold: 0.8,
} as const;

const RELATED_SHOWN = 12;

export interface ExpandOptions {
  /** Terms the user dropped ("american football"): never part of the topic. */
  exclude?: readonly string[];
  /** The user's own keywords for the topic: part of its meaning, and full evidence when found. */
  keywords?: readonly string[];
}

/** The model held by the background (and by Node scripts and tests): the whole vocabulary with its vectors. */
export class MeaningModel {
  readonly dim: number;
  readonly size: number;
  readonly #data: MeaningData;
  readonly #index = new Map<string, number>();
  /** Each term's vector (length x direction), dequantised once. */
  readonly #vec: Float32Array;
  readonly #subjects: Float32Array;
  readonly #subjectCount: number;
  readonly #linkStart: Uint32Array;
  readonly #idf: Float32Array;

  static fromBytes(bytes: Uint8Array): MeaningModel {
    return new MeaningModel(decodeMeaning(bytes));
  }

  constructor(data: MeaningData) {
    this.#data = data;
    const { dim, keys } = data;
    this.dim = dim;
    this.size = keys.length;
    keys.forEach((k, i) => this.#index.set(k, i));
    this.#vec = dequantise(data.termDir, data.termNorm, dim);
    this.#subjects = dequantise(data.subjectDir, data.subjectNorm, dim);
    this.#subjectCount = data.subjectNorm.length;
    // links are sorted by their first term: index where each term's links start
    this.#linkStart = new Uint32Array(this.size + 1);
    const pairs = data.links.length / 2;
    let p = 0;
    for (let t = 0; t <= this.size; t++) {
      while (p < pairs && data.links[2 * p] < t) p++;
      this.#linkStart[t] = p;
    }
    let maxLog = 0;
    for (const c of data.logCount) maxLog = Math.max(maxLog, c);
    this.#idf = new Float32Array(this.size);
    for (let i = 0; i < this.size; i++) this.#idf[i] = 1 + (maxLog - data.logCount[i]) / 8;
  }

  has(term: string): boolean {
    return this.#index.has(term);
  }

  /** How a folded term is written for people. */
  shown(term: string): string {
    const i = this.#index.get(term);
    return i === undefined ? term : (this.#data.shown[i] ?? term);
  }

  /** The text's known terms: words and two-word phrases the model has vectors for. */
  terms(text: string): string[] {
    return meaningTerms(text).filter((t) => this.#index.has(t));
  }

  /** A unit vector for what a text is about (rarer terms count more), or null when no word of it is known. */
  embed(text: string): Float32Array | null {
    return this.embedTerms(meaningTerms(text));
  }

  embedTerms(terms: readonly string[]): Float32Array | null {
    const out = new Float32Array(this.dim);
    let any = false;
    for (const t of terms) {
      const i = this.#index.get(t);
      if (i === undefined) continue;
      addScaled(out, this.#vec, i * this.dim, this.#idf[i] / (this.#data.termNorm[i] || 1), this.dim);
      any = true;
    }
    return any ? normalise(out) : null;
  }

  /** Cosine of two vectors from embed(). */
  similarity(a: Float32Array, b: Float32Array): number {
    let s = 0;
    for (let k = 0; k < a.length; k++) s += a[k] * b[k];
    return s;
  }

  /** The k terms closest to a direction; `names` keeps only terms a person would use to name a subject. */
  neighbours(vec: Float32Array, k: number, opts: { names?: boolean; minCount?: number } = {}): Array<{ term: string; shown: string; similarity: number }> {
    const best: Array<{ i: number; s: number }> = [];
    const minLog = Math.log2(Math.max(1, opts.minCount ?? 1)) * 8;
    for (let i = 0; i < this.size; i++) {
      if (opts.names && (this.#data.flags[i] & TermFlag.name) === 0) continue;
      if (this.#data.logCount[i] < minLog) continue;
      const s = this.#cosTerm(i, vec);
      if (best.length < k || s > best[best.length - 1].s) {
        best.push({ i, s });
        best.sort((a, b) => b.s - a.s);
        if (best.length > k) best.pop();
      }
    }
    return best.map(({ i, s }) => ({ term: this.#data.keys[i], shown: this.#data.shown[i] ?? this.#data.keys[i], similarity: s }));
  }

  /** A plain name for a subject direction ("sourdough", "woodworking"), or null when nothing names it well. */
  nameFor(vec: Float32Array, minSimilarity = 0.5): string | null {
    const [top] = this.neighbours(vec, 1, { names: true, minCount: 20 });
    return top && top.similarity >= minSimilarity ? top.shown : null;
  }

  /** A typed topic ("politics", "home cooking") as the weighted terms that are about it. */
  expandTopic(label: string, opts: ExpandOptions = {}): TopicExpansion {
    const own = new Map<string, number>();
    for (const source of [label, ...(opts.keywords ?? [])]) {
      const words = meaningWords(source);
      const phrase = words.length === 2 ? words.join(' ') : null;
      if (phrase && this.#index.has(phrase)) own.set(phrase, 1);
      for (const w of words) if (this.#index.has(w) && !own.has(w)) own.set(w, phrase && this.#index.has(phrase) ? 0.5 : 1);
    }
    const excluded = new Set((opts.exclude ?? []).flatMap((e) => [e.toLowerCase(), ...meaningTermsOf(e)]));
    if (own.size === 0) return { label, terms: [], related: [], threshold: EXPANSION.threshold, known: false };

    const subject = this.#subjectOf(own);
    const assoc = this.#associations(subject);
    const span = EXPANSION.high - EXPANSION.low;
    const picked: Array<[number, number]> = [];
    for (let i = 0; i < this.size; i++) {
      const w = Math.min(EXPANSION.maxWeight, (assoc[i] - EXPANSION.low) / span);
      if (w > 0) picked.push([i, w]);
    }
    picked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const terms: TopicTerm[] = [];
    const keys = this.#data.keys;
    for (const [t] of own) if (!excluded.has(t)) terms.push(this.#term(this.#index.get(t)!, 1));
    for (const [i, w] of picked) {
      if (terms.length >= EXPANSION.maxTerms) break;
      const key = keys[i];
      if (own.has(key) || excluded.has(key) || isExcludedPhrase(key, excluded)) continue;
      terms.push(this.#term(i, round3(w)));
    }
    const related = terms
      .filter((t) => !own.has(t.term))
      .slice(0, RELATED_SHOWN)
      .map((t) => t.shown ?? t.term);
    return { label, terms, related, threshold: EXPANSION.threshold, known: true };
  }

  #term(i: number, weight: number): TopicTerm {
    const shown = this.#data.shown[i];
    return shown ? { term: this.#data.keys[i], weight, shown } : { term: this.#data.keys[i], weight };
  }

  /** The label's direction, then the centre of the training subjects closest to it. */
  #subjectOf(own: ReadonlyMap<string, number>): Float32Array {
    const dim = this.dim;
    const q = new Float32Array(dim);
    for (const [t, w] of own) {
      const i = this.#index.get(t)!;
      addScaled(q, this.#vec, i * dim, w / (this.#data.termNorm[i] || 1), dim);
      const from = this.#linkStart[i];
      const to = this.#linkStart[i + 1];
      if (to > from) {
        const share = (EXPANSION.linkShare * w) / (to - from);
        for (let p = from; p < to; p++) {
          const j = this.#data.links[2 * p + 1];
          addScaled(q, this.#vec, j * dim, share / (this.#data.termNorm[j] || 1), dim);
        }
      }
    }
    normalise(q);
    const rel: Array<[number, number]> = [];
    for (let s = 0; s < this.#subjectCount; s++) {
      const norm = this.#data.subjectNorm[s] || 1;
      let dot = 0;
      for (let k = 0; k < dim; k++) dot += q[k] * this.#subjects[s * dim + k];
      rel.push([s, dot / norm]);
    }
    rel.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = rel[0][1];
    const centre = new Float32Array(dim);
    let total = 0;
    for (const [s, r] of rel.slice(0, EXPANSION.maxSubjects)) {
      if (r < EXPANSION.subjectMin || r < top * EXPANSION.subjectRel) break;
      addScaled(centre, this.#subjects, s * dim, r, dim);
      total += r;
    }
    if (total === 0) {
      // No subject is close: the label's own direction, at the length of a typical subject.
      return q;
    }
    for (let k = 0; k < dim; k++) centre[k] /= total;
    return centre;
  }

  /** Each term's association with a subject direction: the reconstructed PPMI of term and subject. */
  #associations(subject: Float32Array): Float32Array {
    const out = new Float32Array(this.size);
    const dim = this.dim;
    const v = this.#vec;
    for (let i = 0; i < this.size; i++) {
      let dot = 0;
      const o = i * dim;
      for (let k = 0; k < dim; k++) dot += v[o + k] * subject[k];
      out[i] = dot;
    }
    return out;
  }

  #cosTerm(i: number, unit: Float32Array): number {
    const o = i * this.dim;
    let dot = 0;
    for (let k = 0; k < this.dim; k++) dot += this.#vec[o + k] * unit[k];
    return dot / (this.#data.termNorm[i] || 1);
  }
}

function meaningTermsOf(text: string): string[] {
  return meaningTerms(text);
}

/** A phrase is dropped with a dropped word only when the user dropped that phrase or all of its words. */
function isExcludedPhrase(key: string, excluded: ReadonlySet<string>): boolean {
  if (!key.includes(' ')) return false;
  return key.split(' ').every((w) => excluded.has(w));
}

function dequantise(dir: Int8Array, norm: Float32Array, dim: number): Float32Array {
  const out = new Float32Array(dir.length);
  for (let i = 0; i < norm.length; i++) {
    const scale = norm[i] / 127;
    for (let k = 0; k < dim; k++) out[i * dim + k] = dir[i * dim + k] * scale;
  }
  return out;
}

function addScaled(out: Float32Array, src: Float32Array, offset: number, scale: number, dim: number): void {
  for (let k = 0; k < dim; k++) out[k] += src[offset + k] * scale;
}

function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let k = 0; k < v.length; k++) v[k] /= n;
  return v;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
