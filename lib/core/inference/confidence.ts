/**
 * How sure Parapet may be that a group of items is an interest, from how much evidence there is: the lower bound
 * of a Wilson score interval (95%) on the share of the user's actions on those items that were for them, over as
 * many trials as there are items (each weighed by how recent and how strong the action was). A dozen items opened
 * and nothing pushed away gives 0.76, a hundred 0.96; it never reaches 1, and every "less like this" near the topic
 * pulls it down. The same figure for the same evidence, whatever the topic is called.
 */
const Z = 1.96;
const MAX = 0.99;

export function evidenceConfidence(positive: number, negative: number): number {
  const n = Math.max(0, positive) + Math.max(0, negative);
  if (n <= 0) return 0;
  const p = Math.max(0, positive) / n;
  const z2 = Z * Z;
  const centre = p + z2 / (2 * n);
  const spread = Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n);
  return Math.min(MAX, Math.max(0, (centre - spread) / (1 + z2 / n)));
}
