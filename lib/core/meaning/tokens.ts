import { STOPWORDS } from '../detectors/stopwords';
import { keywordStems } from '../shield/text';

/** English function words and feed filler that say nothing about a subject. */
const EXTRA_STOPWORDS =
  "a an as at by on in up out off over under again just also very really much many more most some any all each " +
  'every no nor only own same other another such too s t i ve ll re d m im ive id youre dont cant wont isnt ' +
  'doesnt didnt thats whats heres theres one two first new get got make made go going way thing things ' +
  'like know think want see look day time year years people today now still even back well good great best';

export const MEANING_STOPWORDS: ReadonlySet<string> = new Set(
  [...STOPWORDS.en.split(' '), ...EXTRA_STOPWORDS.split(' ')].flatMap((w) => keywordStems(w)),
);

/**
 * The words of a text as the meaning model reads them: small letters, plurals folded the way the shield's
 * matcher folds them ("gardens" -> "garden"), function words dropped. One folding for training, the background
 * and the tab, so a term learned from Reddit titles is found again in a YouTube title.
 */
export function meaningWords(text: string): string[] {
  const out: string[] = [];
  for (const w of keywordStems(text)) if (!MEANING_STOPWORDS.has(w) && !/^\d+$/.test(w)) out.push(w);
  return out;
}

/** Every word and every two-word phrase of a text (adjacent content words), each once. */
export function meaningTerms(text: string): string[] {
  const words = meaningWords(text);
  const out = new Set<string>(words);
  for (let i = 1; i < words.length; i++) out.add(words[i - 1] + ' ' + words[i]);
  return [...out];
}
