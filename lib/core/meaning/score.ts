import { meaningTerms } from './tokens';
import type { TopicScore, TopicTerm } from './types';

/**
 * How much a text is about one topic, from the topic's weighted terms alone: each term found is independent
 * evidence (weight w means "about it with probability w"), combined as 1 - prod(1 - w). Small and pure, so the
 * content scripts run it on every item with nothing but the compact expansion they received.
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

  score(text: string): TopicScore {
    return scoreTerms(this.#weights, this.#shown, meaningTerms(text));
  }

  /** The same, for terms already taken from the text (one tokenising serves every topic). */
  scoreTerms(terms: readonly string[]): TopicScore {
    return scoreTerms(this.#weights, this.#shown, terms);
  }
}

const MAX_EVIDENCE = 4;

function scoreTerms(weights: ReadonlyMap<string, number>, shown: ReadonlyMap<string, string>, terms: readonly string[]): TopicScore {
  let miss = 1;
  const found: Array<[string, number]> = [];
  for (const t of terms) {
    const w = weights.get(t);
    if (w === undefined) continue;
    miss *= 1 - w;
    found.push([t, w]);
  }
  found.sort((a, b) => b[1] - a[1]);
  return { score: 1 - miss, evidence: found.slice(0, MAX_EVIDENCE).map(([t]) => shown.get(t) ?? t) };
}
