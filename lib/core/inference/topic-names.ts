import { cosine, type TopicSpace } from './topic-space';

/** How a group of items gets a name a person would use. Tuned on simulated histories of held-out Reddit titles
 * (scripts/bench-inferred-topics.ts). */
export const NAMING = {
  /** Plain names (WordNet nouns and noun phrases the model knows) near the group's centre that may name it. */
  candidates: 150,
  /** A name must be common enough in feed text to be one people use (titles it appeared in when trained)... */
  minCount: 30,
  /** ...and not so common that it says nothing about a subject ("post", "life", "guys"). */
  maxCount: 5000,
  /** A name must be written in at least this share of the group's items (and in two of them): a group is named
   * after what its items say, not after a word that only lies near their average. */
  minCoverage: 0.05,
  /** Bands of how common a name is, and how much being rarer counts. */
  bands: [300, 1000],
  rarity: 0.1,
  /** How much the share of items naming it counts beside closeness in meaning. */
  coverage: 0.5,
  /** How much a name's closeness to the user's other groups counts against it: "Table" is near woodworking and
   * near home and cooking; "Woodworking" only near woodworking. */
  contrast: 0.3,
};

export interface TopicName {
  /** For people: "Woodworking", "Bread". */
  label: string;
  /** The folded terms behind the label. */
  terms: string[];
  /** Share of the group's items that say the name: how plainly the items are about it. */
  coverage: number;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A plain name for a group of items: among the names the model knows near the group's centre, the one written in
 * many of its items, closest in meaning to them and least close to the user's other groups; null when no name is
 * written in enough of them (the group is a mix of things, or of everyday words, and is not shown). Names come only
 * from the model's list of nouns, so a fragment of a title ("Crumb Finally") can never be one.
 */
export function nameGroup(space: TopicSpace, centre: Float32Array, texts: readonly string[], others: readonly Float32Array[] = []): TopicName | null {
  const near = new Map(space.neighbours(centre, NAMING.candidates, { names: true, minCount: NAMING.minCount }).map((n) => [n.term, n]));
  // The everyday words among them: any that is among the closest overall is among the closest of the common ones.
  for (const n of space.neighbours(centre, NAMING.candidates, { names: true, minCount: NAMING.maxCount })) near.delete(n.term);
  // How common each is, in bands: a rarer name says more about a subject ("Woodworking" over "Table").
  const common = new Map<string, number>();
  for (const band of NAMING.bands) for (const n of space.neighbours(centre, NAMING.candidates, { names: true, minCount: band })) common.set(n.term, band);
  const written = new Map<string, number>();
  for (const text of texts) for (const t of new Set(space.terms(text))) if (near.has(t)) written.set(t, (written.get(t) ?? 0) + 1);
  const scored = [...written]
    .map(([term, count]) => ({ ...near.get(term)!, coverage: count / Math.max(1, texts.length), count }))
    .filter((n) => n.count >= 2 && n.coverage >= NAMING.minCoverage)
    .map((n) => {
      const own = space.embed(n.term);
      let close = 0;
      if (own) for (const o of others) close = Math.max(close, cosine(own, o));
      const rarity = Math.log(NAMING.maxCount / (common.get(n.term) ?? NAMING.minCount)) / Math.log(NAMING.maxCount / NAMING.minCount);
      return { ...n, score: n.similarity + NAMING.coverage * n.coverage + NAMING.rarity * rarity - NAMING.contrast * Math.max(0, close) };
    })
    .sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
  const [first] = scored;
  return first ? { label: capital(first.shown), terms: [first.term], coverage: first.coverage } : null;
}
