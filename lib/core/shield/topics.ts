import { meaningTerms } from '../meaning/tokens';
import { keywordStems } from './text';
import type { PackedTopic, TopicPack } from './topic-pack';

/** One topic's verdict on an item: how much it is about it (0..1) and the words that say so. */
export interface TopicHit {
  /** Index in the profile's avoidTopics or interests. */
  index: number;
  score: number;
  evidence: string[];
}

const MAX_EVIDENCE = 3;

/**
 * The user's topics by meaning, as a tab judges them: every term of every topic in one table, so an item's
 * words are read once whatever the number of topics. Each term found adds its weight, its share of the evidence
 * the item needs (lib/core/meaning/model.ts EXPANSION); the topic acts when the sum reaches its threshold.
 */
export class TopicIndex {
  readonly #stop: ReadonlySet<string>;
  readonly #foreign: ReadonlySet<string>;
  /** term -> [slot, weight] pairs, flattened; slots below #avoidCount are avoid-topics, the rest interests. */
  readonly #byTerm = new Map<string, number[]>();
  readonly #shown = new Map<string, string>();
  readonly #avoidCount: number;
  readonly #slots: Array<{ index: number; threshold: number }> = [];

  /** avoidIndex/interestIndex map a packed topic's id to its index in the compiled profile's lists. */
  constructor(pack: TopicPack, avoidIndex: ReadonlyMap<string, number>, interestIndex: ReadonlyMap<string, number>) {
    this.#stop = new Set(pack.stopwords);
    this.#foreign = new Set(pack.foreign);
    this.#addAll(pack.avoid, avoidIndex);
    this.#avoidCount = this.#slots.length;
    this.#addAll(pack.interests, interestIndex);
  }

  get size(): number {
    return this.#slots.length;
  }

  #addAll(topics: readonly PackedTopic[], indexOf: ReadonlyMap<string, number>): void {
    for (const t of topics) {
      const index = indexOf.get(t.id);
      if (index === undefined || t.terms.length === 0) continue;
      const slot = this.#slots.push({ index, threshold: t.threshold }) - 1;
      for (const [term, weight, shown] of t.terms) {
        let list = this.#byTerm.get(term);
        if (!list) this.#byTerm.set(term, (list = []));
        list.push(slot, weight);
        if (shown !== undefined) this.#shown.set(term, shown);
      }
    }
  }

  /** The avoid-topics and interests an item's text is about. Empty for text that reads as another language. */
  judge(text: string): { avoid: TopicHit[]; interests: TopicHit[] } {
    const avoid: TopicHit[] = [];
    const interests: TopicHit[] = [];
    if (this.#slots.length === 0 || this.#readsForeign(text)) return { avoid, interests };
    const sum = new Float64Array(this.#slots.length);
    const found: Array<Array<[string, number]> | undefined> = new Array(this.#slots.length);
    for (const term of meaningTerms(text, this.#stop)) {
      const list = this.#byTerm.get(term);
      if (list === undefined) continue;
      for (let i = 0; i < list.length; i += 2) {
        const slot = list[i];
        sum[slot] += list[i + 1];
        (found[slot] ??= []).push([term, list[i + 1]]);
      }
    }
    for (let slot = 0; slot < this.#slots.length; slot++) {
      const score = Math.min(1, sum[slot]);
      const { index, threshold } = this.#slots[slot];
      if (score < threshold) continue;
      const evidence = found[slot]!.sort((a, b) => b[1] - a[1])
        .slice(0, MAX_EVIDENCE)
        .map(([t]) => this.#shown.get(t) ?? t);
      (slot < this.#avoidCount ? avoid : interests).push({ index, score, evidence });
    }
    return { avoid, interests };
  }

  /** More function words of another language than of English: not ours to judge by English terms. */
  #readsForeign(text: string): boolean {
    let foreign = 0;
    let english = 0;
    for (const w of keywordStems(text)) {
      if (this.#stop.has(w)) english++;
      else if (this.#foreign.has(w)) foreign++;
    }
    return foreign > english;
  }
}
