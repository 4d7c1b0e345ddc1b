import type { Signal } from '../../schema/log';
import { evidenceConfidence } from './confidence';
import { displayTopic, TermForms, termsWithForms, type TermsWithForms } from './terms';

/** Inference replays signals in time order, so the model at any moment is built from a prefix of one ordered list.
 * This file builds that list once (each signal tokenised once, each term numbered), and then ranks the topics of
 * any moment with one pass over plain numbers, summing in the same order as a fresh inference would, so the
 * scores are the same to the last bit. The timeline's 120 moments cost 120 such passes, not 120 inferences. */

export interface ReplaySettings {
  halfLifeMs: number;
  minItems: number;
  minConfidence: number;
  rejected: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
  confirmed: ReadonlySet<string>;
  forgotten: Readonly<Record<string, number>>;
  extract?: (text: string) => string[];
  weight: (s: Signal) => number;
}

/** A topic as ranked at one moment: enough to order it, and indexes to build its evidence if it is shown. */
export interface RankedTerm {
  term: number;
  topic: string;
  pinned: boolean;
  /** Unrounded score and the rounded figures the ranking and the view use. */
  raw: number;
  score: number;
  confidence: number;
  /** The term's last counted occurrence at that moment. */
  last: number;
  crossed: number;
}

const norm = (t: string) => t.trim().toLowerCase();
// Tokenising is the costly part of a signal; a view re-runs inference on every edit with the same signal objects.
const termCache = new WeakMap<Signal, TermsWithForms>();
// The same calibration as topics by meaning: how much evidence there is, never certainty from a dozen items. The
// score already nets what was pushed away against what was chosen.
const confidenceOf = (score: number) => evidenceConfidence(score, 0);

/** (pinned first, higher rounded score, then alphabetical); equal ones keep the order they were first seen in. */
function before(x: RankedTerm, y: RankedTerm): number {
  return Number(y.pinned) - Number(x.pinned) || y.score - x.score || x.topic.localeCompare(y.topic);
}

export class EvidenceReplay {
  /** Signals that count (non-zero weight), stably ordered by time. */
  readonly signals: Signal[];
  readonly terms: string[] = [];
  private readonly ts: Float64Array;
  private readonly base: Float64Array;
  /** Occurrences of signal i are [ends[i - 1], ends[i]). */
  private readonly ends: Int32Array;
  /** How many distinct terms the signals up to i brought (terms are numbered as first seen). */
  private readonly termsBy: Int32Array;
  private readonly occTerm: number[] = [];
  private readonly occSignal: number[] = [];
  /** Distinct items behind the term, how often it occurred, and its display form, right after each occurrence. */
  private readonly itemsAfter: number[] = [];
  private readonly countAfter: number[] = [];
  private readonly formAfter: string[] = [];
  /** Each term's occurrences in order: `occs[occStart[t] .. occStart[t + 1])`. */
  private readonly occs: Int32Array;
  private readonly occStart: Int32Array;
  private readonly termPinned: boolean[] = [];
  private readonly termConfirmed: boolean[] = [];
  /** Whether the term is of several words (a pair). */
  private readonly termIsPhrase: boolean[] = [];
  /** For an eligible term of several words, the single-word terms among its words (they may be folded into it);
   * null for the others, which no ranking reads. */
  private readonly partTerms: (number[] | null)[];
  private readonly strongestPair: Int32Array;
  /** The terms that can be believed at some moment (pinned, or reaching minItems items unconfirmed), ascending, and
   * their occurrences alone: `eligibleOcc` holds indexes into the occurrence lists, signal i's being
   * [eligibleEnds[i - 1], eligibleEnds[i]). Most terms (pairs above all) never reach minItems, and a moment's
   * ranking need not sum or reset them; the eligible ones are summed in the same order as before. */
  private readonly eligible: Int32Array;
  private readonly eligibleOcc: Int32Array;
  private readonly eligibleEnds: Int32Array;
  private readonly score: Float64Array;
  private readonly lastOcc: Int32Array;
  private readonly crossedAt: Float64Array;

  constructor(
    input: readonly Signal[],
    private readonly settings: ReplaySettings,
  ) {
    const weighted = input.filter((s) => !Number.isNaN(s.ts) && settings.weight(s) !== 0).sort((a, b) => a.ts - b.ts);
    this.signals = weighted;
    this.ts = new Float64Array(weighted.length);
    this.base = new Float64Array(weighted.length);
    this.ends = new Int32Array(weighted.length);
    this.termsBy = new Int32Array(weighted.length);
    const index = new Map<string, number>();
    // Items as small numbers: hashing one key per signal instead of one per term.
    const itemIds = new Map<string, number>();
    // Most terms (pairs above all) occur once: a term gets a set of items only when a second, different item comes.
    const firstItem: number[] = [];
    const items: (Set<number> | undefined)[] = [];
    const itemCount: number[] = [];
    const occCount: number[] = [];
    const forms = new TermForms();
    // A Map, not the record: looking up thousands of absent keys on an object is slow.
    const forgotten = new Map(Object.entries(settings.forgotten));
    for (let i = 0; i < weighted.length; i++) {
      const s = weighted[i];
      this.ts[i] = s.ts;
      this.base[i] = settings.weight(s);
      const text = `${s.title} ${s.type === 'search' ? s.detail : ''}`;
      let own = termCache.get(s);
      if (!own) termCache.set(s, (own = termsWithForms(text)));
      let terms = own.terms;
      let termForms = own.forms;
      const extra = settings.extract?.(text);
      if (extra?.length) {
        const merged = new Map<string, string>(terms.map((t, n) => [t, termForms[n]]));
        for (const t of extra) if (!merged.has(norm(t))) merged.set(norm(t), norm(t));
        terms = [...merged.keys()];
        termForms = [...merged.values()];
      }
      const itemKey = `${s.platform}:${s.itemId || s.title}`;
      let item = itemIds.get(itemKey);
      if (item === undefined) itemIds.set(itemKey, (item = itemIds.size));
      for (let n = 0; n < terms.length; n++) {
        const term = terms[n];
        const forgotAt = forgotten.get(term);
        if (settings.rejected.has(term) || (forgotAt !== undefined && s.ts <= forgotAt)) continue;
        let id = index.get(term);
        if (id === undefined) {
          index.set(term, (id = this.terms.length));
          this.terms.push(term);
          firstItem.push(item);
          items.push(undefined);
          itemCount.push(0);
          occCount.push(0);
          this.termPinned.push(settings.pinned.has(term));
          this.termConfirmed.push(settings.confirmed.has(term));
          this.termIsPhrase.push(term.includes(' '));
        }
        if (itemCount[id] === 0) itemCount[id] = 1;
        else if (items[id]) itemCount[id] = items[id]!.add(item).size;
        else if (item !== firstItem[id]) itemCount[id] = (items[id] = new Set([firstItem[id], item])).size;
        const form = forms.add(term, termForms[n]);
        this.occTerm.push(id);
        this.occSignal.push(i);
        this.itemsAfter.push(itemCount[id]);
        this.countAfter.push(++occCount[id]);
        this.formAfter.push(form);
      }
      this.ends[i] = this.occTerm.length;
      this.termsBy[i] = this.terms.length;
    }
    this.occStart = new Int32Array(this.terms.length + 1);
    for (let t = 0; t < this.terms.length; t++) this.occStart[t + 1] = this.occStart[t] + occCount[t];
    this.occs = new Int32Array(this.occTerm.length);
    for (let k = 0; k < this.occTerm.length; k++) this.occs[this.occStart[this.occTerm[k]] + this.countAfter[k] - 1] = k;
    this.score = new Float64Array(this.terms.length);
    this.lastOcc = new Int32Array(this.terms.length);
    this.crossedAt = new Float64Array(this.terms.length);
    this.strongestPair = new Int32Array(this.terms.length);
    const canBelieve = this.terms.map((_, t) => this.termPinned[t] || (!this.termConfirmed[t] && itemCount[t] >= settings.minItems));
    const eligible: number[] = [];
    this.partTerms = new Array<number[] | null>(this.terms.length).fill(null);
    for (let t = 0; t < this.terms.length; t++) {
      if (!canBelieve[t]) continue;
      eligible.push(t);
      if (!this.termIsPhrase[t]) continue;
      const ids = this.terms[t].split(' ').map((w) => index.get(w));
      this.partTerms[t] = ids.filter((id): id is number => id !== undefined && !this.termIsPhrase[id]);
    }
    this.eligible = Int32Array.from(eligible);
    const occ: number[] = [];
    this.eligibleEnds = new Int32Array(weighted.length);
    for (let i = 0, k = 0; i < weighted.length; i++) {
      for (; k < this.ends[i]; k++) if (canBelieve[this.occTerm[k]]) occ.push(k);
      this.eligibleEnds[i] = occ.length;
    }
    this.eligibleOcc = Int32Array.from(occ);
  }

  /** The topics believed at `now`, best first, at most `limit` (as `Array.slice` reads it). `learnedAt` asks for
   * when each crossed into belief, which the timeline does not need. */
  rank(now: number, limit: number, learnedAt = true): RankedTerm[] {
    const { ts, base, score, lastOcc, crossedAt, occTerm, itemsAfter, countAfter } = this;
    const { halfLifeMs, minItems, minConfidence } = this.settings;
    let upto = 0;
    for (let lo = 0, hi = ts.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (ts[mid] <= now) lo = upto = mid + 1;
      else hi = mid;
    }
    const seen = upto ? this.termsBy[upto - 1] : 0;
    const { eligible, eligibleOcc, eligibleEnds } = this;
    let eligibleSeen = 0;
    while (eligibleSeen < eligible.length && eligible[eligibleSeen] < seen) eligibleSeen++;
    for (let e = 0; e < eligibleSeen; e++) {
      score[eligible[e]] = 0;
      crossedAt[eligible[e]] = 0;
    }
    for (let i = 0, j = 0; i < upto; i++) {
      const end = eligibleEnds[i];
      if (j === end) continue;
      // 0.5 ** (age / half-life), as exp: V8's Math.pow with a fractional exponent costs several times Math.exp,
      // and the timeline asks for every signal at each of its moments.
      const w = base[i] * Math.exp(-Math.LN2 * (Math.max(0, now - ts[i]) / halfLifeMs));
      for (; j < end; j++) {
        const k = eligibleOcc[j];
        const t = occTerm[k];
        score[t] += w;
        lastOcc[t] = k;
        if (learnedAt && !crossedAt[t] && score[t] > 0 && itemsAfter[k] >= minItems) crossedAt[t] = ts[i];
      }
    }

    // Thousands of terms pass at a moment: they stay plain numbers until they may reach the top.
    const kept: number[] = [];
    const keptConfidence: number[] = [];
    // Every eligible term numbered below `seen` occurred in the prefix, so `lastOcc` holds for all of them.
    for (let e = 0; e < eligibleSeen; e++) {
      const t = eligible[e];
      const last = lastOcc[t];
      const pinned = this.termPinned[t];
      if (!pinned && (itemsAfter[last] < minItems || this.termConfirmed[t])) continue;
      const c = confidenceOf(score[t]);
      if (!pinned && c < minConfidence) continue;
      kept.push(t);
      keptConfidence.push(c);
    }
    // A single word that only ever came with the same pair says nothing the pair doesn't (evidence counts cap at 20,
    // as many as a topic shows).
    const shownEvidence = (t: number) => Math.min(20, countAfter[lastOcc[t]]);
    // All zero between rankings: only the entries set here are cleared again, not every term's.
    const strongest = this.strongestPair;
    for (const t of kept) {
      const parts = this.partTerms[t];
      if (!parts) continue;
      const n = shownEvidence(t);
      for (const w of parts) if (strongest[w] < n) strongest[w] = n;
    }
    const survivors: number[] = [];
    const survivorConfidence: number[] = [];
    kept.forEach((t, n) => {
      if (!this.termPinned[t] && !this.termIsPhrase[t] && strongest[t] >= shownEvidence(t)) return;
      survivors.push(t);
      survivorConfidence.push(keptConfidence[n]);
    });
    for (const t of kept) for (const w of this.partTerms[t] ?? []) strongest[w] = 0;
    // Rounding every score is the costly part of ranking thousands of terms. Rounding moves a score by at most
    // 0.0005, so a term more than 0.001 below the limit-th best unrounded score can never reach the top.
    const floor = Number.isInteger(limit) && limit > 0 ? this.lowestOfBest(survivors, limit) - 0.001 : -Infinity;
    const ranked: RankedTerm[] = [];
    survivors.forEach((t, n) => {
      const pinned = this.termPinned[t];
      if (!pinned && score[t] < floor) return;
      const raw = score[t];
      ranked.push({ term: t, topic: this.terms[t], pinned, raw, score: +raw.toFixed(3), confidence: +survivorConfidence[n].toFixed(3), last: lastOcc[t], crossed: crossedAt[t] });
    });
    return topOf(ranked, limit);
  }

  /** The limit-th highest unrounded score among the unpinned (pinned ones rank first whatever their score). */
  private lowestOfBest(terms: readonly number[], limit: number): number {
    const best: number[] = [];
    for (const t of terms) {
      const raw = this.score[t];
      if (this.termPinned[t] || (best.length === limit && raw <= best[limit - 1])) continue;
      let at = best.length;
      while (at > 0 && raw > best[at - 1]) at--;
      best.splice(at, 0, raw);
      if (best.length > limit) best.pop();
    }
    return best.length === limit ? best[limit - 1] : -Infinity;
  }

  label(r: RankedTerm): string {
    return displayTopic(this.formAfter[r.last]);
  }

  /** The term's counted signals up to its last occurrence at that moment, newest first, at most `max`. */
  evidence(r: RankedTerm, max = 20): { signal: Signal; weight: number }[] {
    const from = this.occStart[r.term];
    const upto = this.countAfter[r.last];
    const out: { signal: Signal; weight: number }[] = [];
    for (let p = upto - 1; p >= Math.max(0, upto - max); p--) {
      const i = this.occSignal[this.occs[from + p]];
      out.push({ signal: this.signals[i], weight: this.base[i] });
    }
    return out;
  }

  firstSeen(r: RankedTerm): number {
    return this.ts[this.occSignal[this.occs[this.occStart[r.term]]]];
  }
}

/** The first `limit` in ranking order without sorting everything when only a few are wanted. */
function topOf(items: RankedTerm[], limit: number): RankedTerm[] {
  if (limit === 0) return [];
  if (!Number.isInteger(limit) || limit < 0 || limit * 4 >= items.length) return items.sort(before).slice(0, limit);
  const top: RankedTerm[] = [];
  for (const r of items) {
    if (top.length === limit && before(r, top[limit - 1]) >= 0) continue;
    let at = top.length;
    while (at > 0 && before(r, top[at - 1]) < 0) at--;
    top.splice(at, 0, r);
    if (top.length > limit) top.pop();
  }
  return top;
}
