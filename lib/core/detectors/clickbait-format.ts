/**
 * Titles that say what they are. A how-to, a tutorial or a review names what it teaches or shows ("How to tie a
 * bowline knot", "Blender tutorial part 3"): nothing is withheld, so it is not a teaser. The model's corpus files
 * BuzzFeed's how-tos under bait, and the model leans on "How to" itself; on YouTube, where most teaching videos are
 * titled that way, that labelled a quarter of ordinary titles. Such a title's score counts for half: at the default
 * strictness it is not labelled, at the strictest it still is. A title that also teases or over-promises
 * ("(nobody tells you this)", "in 5 seconds", "!!!") is not plain, and keeps its whole score.
 */

export const STATED_FORMAT_FACTOR = 0.5;

const HOW_TO = /^\W*how to \p{L}/iu;
const FORMAT = /\b(?:tutorial|for beginners|step by step|beginner'?s guide|full course|walkthrough|review|recipe)\b/iu;
const TEASE =
  /[!?…]|\.\.\.|\b(?:this|these|secrets?|tricks?|hacks?|nobody|no one|never|everyone|anyone|actually|literally|instantly|overnight|shocking|insane|crazy|believe|guess|wrong|truth|rich|quick|fast)\b|\bin \d+ (?:seconds?|minutes?|days?)\b/iu;

/** What a title's clickbait score is multiplied by: STATED_FORMAT_FACTOR for a plain how-to, tutorial or
 * review, else 1. */
export function statedFormatFactor(headline: string): number {
  if (!HOW_TO.test(headline) && !FORMAT.test(headline)) return 1;
  return TEASE.test(headline) ? 1 : STATED_FORMAT_FACTOR;
}
