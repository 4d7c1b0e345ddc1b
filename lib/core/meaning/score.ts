import { MEANING_STOPWORDS } from './stopwords';
import { meaningTerms } from './tokens';
import type { TopicScore, TopicTerm } from './types';

/**
 * How much a text is about one topic, from the topic's weighted terms alone: each term found adds its weight (its
 * share of the evidence needed, see EXPANSION in ./model), capped at 1. For the background and Node (previews,
 * evals); content scripts score every topic at once with lib/core/shield/topics.ts, the same way.
 */
export class TopicScorer {
  readonly #weights: Map<string, number>;
  readonly #shown: Map<string, string>;

  constructor(terms: readonly TopicTerm[]) {
    this.#weights = new Map();
    this.#shown = new Map();
    for (const t of terms) {
      if (!t || typeof t.term !== 'string' || !(t.weight > 0)) continue;
      this.#weights.set(t.term, Math.min(1, t.weight));
      if (typeof t.shown === 'string') this.#shown.set(t.term, t.shown);
    }
  }

  score(text: string, stop: ReadonlySet<string> = MEANING_STOPWORDS): TopicScore {
    return scoreTerms(this.#weights, this.#shown, meaningTerms(text, stop));
  }

  /** The same, for terms already taken from the text (one tokenising serves every topic). */
  scoreTerms(terms: readonly string[]): TopicScore {
    return scoreTerms(this.#weights, this.#shown, terms);
  }
}

const MAX_EVIDENCE = 3;

export function scoreTerms(weights: ReadonlyMap<string, number>, shown: ReadonlyMap<string, string>, terms: readonly string[]): TopicScore {
  let sum = 0;
  const found: Array<[string, number]> = [];
  for (const t of terms) {
    const w = weights.get(t);
    if (w === undefined) continue;
    sum += w;
    found.push([t, w]);
  }
  found.sort((a, b) => b[1] - a[1]);
  return { score: Math.min(1, sum), evidence: found.slice(0, MAX_EVIDENCE).map(([t]) => shown.get(t) ?? t) };
}
