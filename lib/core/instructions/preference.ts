import type { Lexicon } from './lexicon';
import { runsOf, type Run } from './relate';
import { isStopWord, tokenize, words, type Token } from './text';
import { unitSystems } from './units';

/**
 * What an everyday preference with no condition is about, as subjects for the lexical matcher. "I dislike
 * seafood" is about seafood (how the person stands towards it names no subject); it holds across its subject's
 * area ("I'm lactose intolerant" matters for any dish); a unit system holds wherever something is measured.
 */
export function preferenceRuns(text: string, lexicon: Lexicon): Run[] {
  const own = tokenize(text, lexicon).filter((t) => !STANCE.has(t.surface));
  const runs = [...runsOf(own), ...areaRuns(own, lexicon)];
  return unitSystems(words(text)).size ? [...runs, ...recipeRuns(lexicon)] : runs;
}

/**
 * Words that say how a person stands towards a subject, not what it is: "I dislike seafood" is about seafood,
 * "I'm afraid of flying" about flying, "I work night shifts" about night shifts.
 */
const STANCE = new Set(
  `dislike dislikes hate hates love loves enjoy enjoys avoid avoids follow follows afraid scared fear allergic
  intolerant learning learn live lives work works rather usually generally bad good big small young old`.split(/\s+/),
);

/** The subject of a preference in plain words: its content minus stance and framing. */
export function subjectText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .split(/[^a-z'-]+/)
    .filter((w) => w && !STANCE.has(w) && !isStopWord(w.replace(/'.*$/, '')))
    .join(' ');
}

/** A subject word firmly in an area stands for it (0.9: best of 0.7, 0.8, 0.9 on the everyday file). */
const AREA_FIRM = 0.9;
/** What one eats is food of any kind: a diet holds for every dish and restaurant. A fear of flying, for any trip. */
const HOLDS_FOR: Record<string, string> = { nutrition: 'food', flights: 'travel' };

/** One run per area a subject word firmly belongs to, standing for the area itself (its label is the "why"). */
function areaRuns(tokens: Token[], lexicon: Lexicon): Run[] {
  const areas = new Set<number>();
  for (const t of tokens) {
    if (!t.areas.length || t.areas[0].weight < AREA_FIRM) continue;
    const span = HOLDS_FOR[lexicon.areas[t.areas[0].area].id];
    areas.add(span ? lexicon.areas.findIndex((a) => a.id === span) : t.areas[0].area);
  }
  // Its own stem, so that only a related word, never a repeated one, matches it.
  return [...areas].map((area) => [{ surface: lexicon.areas[area].label, stem: `\u0000${area}`, areas: [{ area, weight: 1 }], at: -10 }]);
}

/**
 * What a unit system is used for beyond the measurement words the lexicon files under it: the amounts in a
 * recipe. "Use metric units" then goes with "Give me a recipe for pancakes" as with "How far is Lyon?".
 */
const recipes = new WeakMap<Lexicon, Run[]>();
function recipeRuns(lexicon: Lexicon): Run[] {
  let runs = recipes.get(lexicon);
  if (!runs) recipes.set(lexicon, (runs = tokenize('recipe', lexicon).map((t) => [t])));
  return runs;
}
