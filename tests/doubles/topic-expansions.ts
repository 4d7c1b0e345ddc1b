import type { TopicExpansion } from '../../lib/core/meaning/types';

/** A hand-written stand-in for the meaning model's expansion of "politics", so the preview's own logic is tested
 * apart from what the trained model happens to know this week. As the model gives them, a weight is the term's
 * share of the evidence an item needs, summed against the threshold (lib/core/meaning/score.ts). */
export const politicsExpansion = (exclude: readonly string[] = []): TopicExpansion => {
  const terms = [
    { term: 'politic', weight: 1, shown: 'politics' },
    { term: 'senate', weight: 0.6 },
    { term: 'shutdown', weight: 0.5 },
    { term: 'government', weight: 0.3 },
    { term: 'congress', weight: 0.7 },
    { term: 'election', weight: 0.6 },
    { term: 'midterm', weight: 0.7, shown: 'midterms' },
    { term: 'rally', weight: 0.35, shown: 'rallies' },
  ].filter((t) => !exclude.includes(t.shown ?? t.term));
  return {
    label: 'politics',
    terms,
    related: terms.filter((t) => t.term !== 'politic').map((t) => t.shown ?? t.term),
    threshold: 1,
    known: true,
  };
};
