import type { TextContext } from './rules';
import { wordAt } from './tokens';

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
/** Words that name a format; "step by step" and "full course" are read as pairs. A set of strings, not a WordIndex:
 * it is asked about the few headlines the model scores high enough (statedFormatFactor), and a WordIndex built at
 * every page start hashed its words and compiled the code that places them (issue 24). */
const FORMAT_WORDS = new Set(['tutorial', 'beginner', 'beginners', "beginner's", 'walkthrough', 'review', 'recipe', 'step', 'course']);
const TEASE =
  /[!?…]|\.\.\.|\b(?:this|these|secrets?|tricks?|hacks?|nobody|no one|never|everyone|anyone|actually|literally|instantly|overnight|shocking|insane|crazy|believe|guess|wrong|truth|rich|quick|fast)\b|\bin \d+ (?:seconds?|minutes?|days?)\b/i;

/** Whether the first `length` characters of the context name a format (read from its words: every headline of
 * the feed passes here, and a regex over the text cost more than the look-ups). */
function namesFormat(ctx: TextContext, length: number): boolean {
  const t = ctx.tokens;
  for (let i = 0; i < t.count && t.ends[i] <= length; i++) {
    const word = wordAt(t, i);
    if (!FORMAT_WORDS.has(word)) continue;
    if (word === 'step') {
      if (i + 2 < t.count && wordAt(t, i + 1) === 'by' && wordAt(t, i + 2) === 'step') return true;
    } else if (word === 'course') {
      if (i > 0 && wordAt(t, i - 1) === 'full') return true;
    } else return true;
  }
  return false;
}

/** What the clickbait score of `headline`, the first characters of the context, is multiplied by:
 * STATED_FORMAT_FACTOR for a plain how-to, tutorial or review, else 1. */
export function statedFormatFactor(ctx: TextContext, headline: string): number {
  if (!HOW_TO.test(headline) && !namesFormat(ctx, headline.length + 1)) return 1;
  return TEASE.test(headline) ? 1 : STATED_FORMAT_FACTOR;
}
