import { STOPWORDS } from '../detectors/stopwords';
import { keywordStems } from '../shield/text';

/** English function words and feed filler that say nothing about a subject. */
const EXTRA_STOPWORDS =
  "a an as at by on in up out off over under again just also very really much many more most some any all each " +
  'every no nor only own same other another such too s t i ve ll re d m im ive id youre dont cant wont isnt ' +
  'doesnt didnt thats whats heres theres one two first new get got make made go going way thing things ' +
  'like know think want see look day time year years people today now still even back well good great best';

/** Words the meaning model never reads. Not in content scripts' code: tabs receive them with the topics. */
export const MEANING_STOPWORDS: ReadonlySet<string> = new Set(
  [...STOPWORDS.en.split(' '), ...EXTRA_STOPWORDS.split(' ')].flatMap((w) => keywordStems(w)),
);
