import { decodeMeaning, TermFlag, type MeaningData } from './format';
import { stem } from '../shield/text';
import { MEANING_STOPWORDS } from './stopwords';
import { meaningTerms as termsWith, meaningWords as wordsWith } from './tokens';
import type { TopicExpansion, TopicTerm } from './types';

/**
 * How a typed topic becomes weighted terms. The topic is a set of training communities (subjects), each with a
 * membership 0..1: those the label names, then their neighbours in the model's space. A term's weight is how
 * much likelier the topic becomes once the term is seen: log P(topic | term) / P(topic), from the share of the
 * term's use that falls in those communities. Tuned on the development set of scripts/eval-topics.ts (Reddit
 * titles the model never trained on).
 */
export const EXPANSION = {
  /** Without a community of that name, the closest communities to the label's vector seed the topic. */
  seedsByVector: 3,
  /** A community named by a narrower term joins the seeds when at least this close to the named ones. */
  linkMin: 0.3,
  /** Neighbours: a subject whose vector is this close (cosine) to the members' centre joins, fully at `nearFull`. */
  nearNone: 0.45,
  nearFull: 0.7,
  /** Share of the prior's log odds against the topic that an item's terms must make up: 1 = the topic becomes
   * likelier than not; 0.9, a little before, recalls more at the same precision on the development set. */
  oddsFactor: 0.9,
  /** Terms weaker than this are left out: they take many to add up, and cost bytes in every tab. */
  minWeight: 0.25,
  maxTerms: 1500,
  /** The summed weight an item needs at default strictness. */
  threshold: 1,
};

const RELATED_SHOWN = 12;
/** Terms in at least 200 training titles (log2 x 8, as stored) read as common words. */
const RELATED_MIN_LOG_COUNT = Math.round(Math.log2(200) * 8);

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
  readonly #index: Map<string, number>;
  /** Each term's vector (length x direction), dequantised once. */
  readonly #vec: Float32Array;
  readonly #subjects: Float32Array;
  readonly #subjectCount: number;
  readonly #linkStart: Uint32Array;
  readonly #idf: Float32Array;
  /** Per subject, the terms that count it among their top communities: (term, share) pairs. */
  readonly #usesOf: Float64Array[];
  /** Per term, the share of its use outside its top communities. */
  readonly #rest: Float64Array;
  /** Each subject's name folded whole ("malefashionadvice") and as words ("political", "discussion"). */
  readonly #subjectNames: Array<{ whole: string; wholeStem: string; words: string[] }>;

  static fromBytes(bytes: Uint8Array): MeaningModel {
    return new MeaningModel(decodeMeaning(bytes));
  }

  /**
   * As fromBytes, with `pause()` awaited between its steps (each under a tenth of a second on two cores), so that a
   * caller with other work waiting (the background's messages) is not held for the whole load.
   */
  static async load(bytes: Uint8Array, pause: () => Promise<void>): Promise<MeaningModel> {
    const data = decodeMeaning(bytes);
    const steps = buildSteps(data);
    for (;;) {
      await pause();
      const step = steps.next();
      if (step.done) return new MeaningModel(data, step.value);
    }
  }

  constructor(data: MeaningData, built?: Built) {
    this.#data = data;
    this.dim = data.dim;
    this.size = data.keys.length;
    this.#subjectCount = data.subjectNorm.length;
    ({
      index: this.#index,
      vec: this.#vec,
      subjects: this.#subjects,
      linkStart: this.#linkStart,
      subjectNames: this.#subjectNames,
      usesOf: this.#usesOf,
      rest: this.#rest,
      idf: this.#idf,
    } = built ?? runAll(buildSteps(data)));
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
    const own = this.#ownTerms(label, opts.keywords);
    const excluded = new Set((opts.exclude ?? []).flatMap((e) => [e.toLowerCase(), ...meaningTerms(e)]));
    if (own.size === 0) return { label, terms: [], related: [], threshold: EXPANSION.threshold, known: false };

    const member = this.#membersOf(own);
    let prior = 0;
    for (const m of member) prior += m;
    prior /= this.#subjectCount;
    // Only terms used in some member community can gain: walk those communities' terms, not the vocabulary.
    const share = new Float64Array(this.size);
    const touched: number[] = [];
    member.forEach((m, sub) => {
      if (m === 0) return;
      const uses = this.#usesOf[sub];
      for (let j = 0; j < uses.length; j += 2) {
        if (share[uses[j]] === 0) touched.push(uses[j]);
        share[uses[j]] += m * uses[j + 1];
      }
    });
    // Naive Bayes: the item is more likely about the topic than not once its terms' log ratios reach the prior's
    // log odds against it, log(1 / P(topic)) for a rare topic; a term's weight is its share of that.
    const needed = EXPANSION.oddsFactor * Math.log(1 / Math.min(prior, 0.5));
    const picked: Array<[number, number]> = [];
    for (const i of touched) {
      // The term's use outside its top communities is spread thin; take it to fall in the topic at the base rate.
      const p = share[i] + this.#rest[i] * prior;
      // log P(topic | term) / P(topic): how many times likelier the topic is once the term is seen (naive Bayes).
      const w = Math.log(p / prior) / needed;
      if (w >= EXPANSION.minWeight) picked.push([i, w]);
    }
    picked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const terms: TopicTerm[] = [];
    const keys = this.#data.keys;
    for (const [t, w] of own) if (!excluded.has(t)) terms.push(this.#term(this.#index.get(t)!, w));
    for (const [i, w] of picked) {
      if (terms.length >= EXPANSION.maxTerms) break;
      const key = keys[i];
      if (own.has(key) || excluded.has(key) || isExcludedPhrase(key, excluded)) continue;
      terms.push(this.#term(i, round3(Math.min(1, w))));
    }
    const related = this.#plainestOf(terms.filter((t) => !own.has(t.term)));
    return { label, terms, related, threshold: EXPANSION.threshold, known: true };
  }

  /** The related words a person can check at a glance: common words and WordNet's names before rare names and
   * title fragments, the strongest first among them. */
  #plainestOf(terms: readonly TopicTerm[]): string[] {
    const plain = (t: TopicTerm) => {
      const i = this.#index.get(t.term)!;
      const common = this.#data.logCount[i] >= RELATED_MIN_LOG_COUNT;
      return common && ((this.#data.flags[i] & TermFlag.name) !== 0 || !t.term.includes(' '));
    };
    const first = terms.filter(plain);
    return [...first, ...terms.filter((t) => !plain(t))].slice(0, RELATED_SHOWN).map((t) => t.shown ?? t.term);
  }

  #term(i: number, weight: number): TopicTerm {
    const shown = this.#data.shown[i];
    return shown ? { term: this.#data.keys[i], weight, shown } : { term: this.#data.keys[i], weight };
  }

  /**
   * Communities whose name says the topic: named by the label itself (r/politics) if any, else by one of its words
   * (r/PoliticalDiscussion), else by one of WordNet's narrower terms (r/Basketball for "sport").
   */
  #namedSubjects(own: ReadonlyMap<string, number>): Float32Array {
    const out = new Float32Array(this.#subjectCount);
    const mark = (term: string, byWord: boolean): boolean => {
      const glued = term.replace(/ /g, '');
      let any = false;
      this.#subjectNames.forEach((n, s) => {
        const hit = byWord
          ? !term.includes(' ') && n.words.some((w) => sameRoot(w, term))
          : n.whole === glued || n.wholeStem === glued;
        if (hit) out[s] = 1;
        any ||= hit;
      });
      return any;
    };
    const full = [...own].filter(([, w]) => w >= 1).map(([t]) => t);
    let found = false;
    for (const t of full) found = mark(t, false) || found;
    if (!found) for (const t of full) found = mark(t, true) || found;
    if (!found) out.set(this.#linkNamedSubjects(own));
    return out;
  }

  /** Communities named by one of WordNet's narrower terms of the label's words. */
  #linkNamedSubjects(own: ReadonlyMap<string, number>): Float32Array {
    const out = new Float32Array(this.#subjectCount);
    const names = new Set<string>();
    for (const [t, w] of own) {
      if (w < 1) continue;
      const i = this.#index.get(t)!;
      for (let p = this.#linkStart[i]; p < this.#linkStart[i + 1]; p++) names.add(this.#data.keys[this.#data.links[2 * p + 1]].replace(/ /g, ''));
    }
    this.#subjectNames.forEach((n, s) => {
      if (names.has(n.whole) || names.has(n.wholeStem)) out[s] = 1;
    });
    return out;
  }

  /** Each training subject's membership in a typed topic (0..1), for evaluation and debugging. */
  subjectsOf(label: string): Float32Array {
    return this.#membersOf(this.#ownTerms(label));
  }

  /** The label's and keywords' own known terms: a two-word phrase the model knows counts whole, its words half. */
  #ownTerms(label: string, keywords: readonly string[] = []): Map<string, number> {
    const own = new Map<string, number>();
    for (const source of [label, ...keywords]) {
      const words = meaningWords(source);
      const phrase = words.length === 2 && this.#index.has(words.join(' ')) ? words.join(' ') : null;
      if (phrase) own.set(phrase, 1);
      for (const w of words) if (this.#index.has(w) && !own.has(w)) own.set(w, phrase ? 0.5 : 1);
    }
    return own;
  }

  /**
   * How much each training subject belongs to the topic. Seeds: the communities the label names (r/politics for
   * "politics"), else the ones closest to the label's own vector. Then every community near the seeds' centre in
   * the model's space joins (r/Liberal, r/government, r/moderatepolitics...), more fully the closer it is.
   */
  #membersOf(own: ReadonlyMap<string, number>): Float32Array {
    const count = this.#subjectCount;
    const dim = this.dim;
    const seeds = this.#namedSubjects(own);
    if (!seeds.some((m) => m > 0)) {
      const q = new Float32Array(dim);
      for (const [t, w] of own) {
        const i = this.#index.get(t)!;
        addScaled(q, this.#vec, i * dim, w / (this.#data.termNorm[i] || 1), dim);
      }
      normalise(q);
      const near = [...Array(count).keys()].map((s) => [s, this.#cosSubject(s, q)] as const).sort((a, b) => b[1] - a[1]);
      for (const [s] of near.slice(0, EXPANSION.seedsByVector)) seeds[s] = 1;
    }
    const centre = new Float32Array(dim);
    for (let s = 0; s < count; s++) if (seeds[s] > 0) addScaled(centre, this.#subjects, s * dim, seeds[s] / (this.#data.subjectNorm[s] || 1), dim);
    normalise(centre);
    // Communities named by a narrower term (r/soccer, r/hockey for "sports") join when they are on the subject.
    const narrower = this.#linkNamedSubjects(own);
    for (let s = 0; s < count; s++) {
      if (narrower[s] > 0 && seeds[s] === 0 && this.#cosSubject(s, centre) >= EXPANSION.linkMin) {
        seeds[s] = 1;
        addScaled(centre, this.#subjects, s * dim, 1 / (this.#data.subjectNorm[s] || 1), dim);
      }
    }
    normalise(centre);
    const member = new Float32Array(count);
    for (let s = 0; s < count; s++) member[s] = Math.max(seeds[s], ramp(this.#cosSubject(s, centre), EXPANSION.nearNone, EXPANSION.nearFull));
    return member;
  }

  #cosSubject(s: number, unit: Float32Array): number {
    return cosineAt(this.#subjects, s, this.#data.subjectNorm[s], unit);
  }

  #cosTerm(i: number, unit: Float32Array): number {
    return cosineAt(this.#vec, i, this.#data.termNorm[i], unit);
  }
}

const meaningTerms = (text: string) => termsWith(text, MEANING_STOPWORDS);
const meaningWords = (text: string) => wordsWith(text, MEANING_STOPWORDS);

/** A phrase is dropped with a dropped word only when the user dropped that phrase or all of its words. */
function isExcludedPhrase(key: string, excluded: ReadonlySet<string>): boolean {
  if (!key.includes(' ')) return false;
  return key.split(' ').every((w) => excluded.has(w));
}

/** Cosine of row `i` of a row-major matrix (its length given) with a unit vector. */
function cosineAt(rows: Float32Array, i: number, norm: number, unit: Float32Array): number {
  const o = i * unit.length;
  let dot = 0;
  for (let k = 0; k < unit.length; k++) dot += rows[o + k] * unit[k];
  return dot / (norm || 1);
}

/** What the model makes of its data once, before it answers anything. */
interface Built {
  index: Map<string, number>;
  vec: Float32Array;
  subjects: Float32Array;
  linkStart: Uint32Array;
  subjectNames: Array<{ whole: string; wholeStem: string; words: string[] }>;
  usesOf: Float64Array[];
  rest: Float64Array;
  idf: Float32Array;
}

/** Makes `Built` in steps: each `yield` is a place to let other work run (MeaningModel.load). */
function* buildSteps(data: MeaningData): Generator<void, Built> {
  const { dim, keys } = data;
  const size = keys.length;
  const index = new Map<string, number>();
  keys.forEach((k, i) => index.set(k, i));
  yield;
  const vec = dequantise(data.termDir, data.termNorm, dim);
  yield;
  const subjects = dequantise(data.subjectDir, data.subjectNorm, dim);
  // links are sorted by their first term: index where each term's links start
  const linkStart = new Uint32Array(size + 1);
  const pairs = data.links.length / 2;
  let p = 0;
  for (let t = 0; t <= size; t++) {
    while (p < pairs && data.links[2 * p] < t) p++;
    linkStart[t] = p;
  }
  const subjectNames = data.subjectNames.map((name) => {
    const whole = name.toLowerCase().replace(/[^a-z0-9]/g, '');
    const words = name
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/[_\d]+/g, ' ')
      .toLowerCase()
      .split(' ')
      .filter((w) => w.length > 1)
      .map(stem);
    return { whole, wholeStem: stem(whole), words };
  });
  yield;
  const { usesOf, rest } = usesBySubject(data, data.subjectNorm.length);
  let maxLog = 0;
  for (const c of data.logCount) maxLog = Math.max(maxLog, c);
  const idf = new Float32Array(size);
  for (let i = 0; i < size; i++) idf[i] = 1 + (maxLog - data.logCount[i]) / 8;
  return { index, vec, subjects, linkStart, subjectNames, usesOf, rest, idf };
}

function runAll<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Each subject's (term, share) pairs in term order, and each term's share outside its top subjects. Counted first,
 * then filled: the worker answers no tab while a model loads, and growing 2,491 lists of numbers took most of it.
 */
function usesBySubject(data: MeaningData, subjects: number): { usesOf: Float64Array[]; rest: Float64Array } {
  const { topK: k, topSubject, topShare } = data;
  const terms = data.keys.length;
  const count = new Uint32Array(subjects);
  for (let i = 0; i < terms; i++) {
    for (let j = i * k; j < i * k + k && topSubject[j] !== 0xffff; j++) count[topSubject[j]]++;
  }
  const usesOf = Array.from(count, (c) => new Float64Array(2 * c));
  const filled = new Uint32Array(subjects);
  const rest = new Float64Array(terms).fill(1);
  for (let i = 0; i < terms; i++) {
    for (let j = i * k; j < i * k + k && topSubject[j] !== 0xffff; j++) {
      const sub = topSubject[j];
      const at = filled[sub]++ * 2;
      usesOf[sub][at] = i;
      usesOf[sub][at + 1] = topShare[j] / 65535;
      rest[i] -= topShare[j] / 65535;
    }
    if (rest[i] < 0) rest[i] = 0;
  }
  return { usesOf, rest };
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

/** "political" and "politics", "gardening" and "garden": one word's forms, not merely a shared start. */
function sameRoot(a: string, b: string): boolean {
  if (a === b) return true;
  const short = Math.min(a.length, b.length);
  if (short < 5) return false;
  let i = 0;
  while (i < short && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i >= 6 && i >= short - 2;
}

/** 0 at or below `none`, 1 at or above `full`, linear between. */
function ramp(x: number, none: number, full: number): number {
  return x <= none ? 0 : x >= full ? 1 : (x - none) / (full - none);
}
