import { isTokenChar, tokenize, WordIndex, type Tokens } from './tokens';

/**
 * Cheap language identification for short feed text: the writing system first, then, for Latin script, a
 * profile of function words and a few letters that only some languages use. It is meant to keep
 * English-only rules off text in other languages, not to be a general-purpose identifier: when the evidence
 * is thin it answers 'und' rather than guess.
 */

export type Script = 'latin' | 'other' | 'none';

export type LanguageGuess = { lang: string; script: Script };

const STOPWORDS: Record<string, string> = {
  en: "the and of to is are you your this that with for it what how why who my we they be was will not don't can't won't it's i'm if or from have has just about i when here there these those than then so do does did should would could our their his her them me us can been being into after before because which while off out over only very in on at by an a all get new more most no i'll i've you'll without",
  es: 'el la los las de del que y en un una es por para con no se su al lo como más pero sus le ya este esta porque muy sin sobre también hay mi tu qué cómo cuando dónde nuestro ella ellos son está están fue ser todo todos tras hoy así',
  fr: "le la les de des du et est un une en dans pour pas que qui sur au aux avec ce cette il elle nous vous je ne mais ou son sa ses plus par pourquoi comment c'est l'on sont été être tout tous très selon après chez leur",
  de: 'der die das und ist nicht ein eine zu den dem mit von für auf im sich des auch es an als wie bei nach aus warum wird sind ich du wir ihr sie oder aber über noch nur einer einen vom zum zur beim wenn dass was wer kein keine jetzt neue neuen',
  pt: 'o a os as de do da dos das e é um uma em no na nos nas por para com não que se seu sua mais como mas ao à meu minha você isso este esta são foi ser pelo pela também sobre quando onde porque muito',
  it: 'il lo la gli le di del della dei delle e è un una in per con non che si da al nel nella sono come ma più questo questa perché anche degli alla alle dal dalla ecco tutto tutti',
  nl: 'de het een en van is niet op te in dat die voor met zijn er aan ook als naar maar om bij nog wat hoe nieuwe geen wordt worden door over uit tot deze dit wij jij',
  pl: 'i w z na się nie do to że jest o co jak ale po od za czy dla tak przez jego jej są być może',
  tr: 've bir bu da de için ile ne çok daha gibi mi ama olan en var yok nasıl neden değil olarak sonra kadar',
  sv: 'och att det som en på är av för med till den inte har om ett jag vad hur varför men från ska kan',
  id: 'dan yang di ini itu dengan untuk tidak dari ke ada akan saya kamu bagaimana cara juga bisa',
};

/** Letters that point at one language (or a few) whatever the words. */
const LETTER_HINTS: Array<[RegExp, Record<string, number>]> = [
  [/[ñ¿¡]/, { es: 1.5 }],
  [/ß/, { de: 1.5 }],
  [/[äöü]/, { de: 0.8, tr: 0.3, sv: 0.3 }],
  [/[ãõ]/, { pt: 1.5 }],
  [/ç/, { fr: 0.6, pt: 0.6, tr: 0.4 }],
  [/[èàù]/, { fr: 0.5, it: 0.6 }],
  [/[êâîôû]/, { fr: 0.8, pt: 0.3 }],
  [/[łąęśżźćń]/, { pl: 1.5 }],
  [/[ğşı]/, { tr: 1.5 }],
  [/å/, { sv: 1.5 }],
];

const LANGS = Object.keys(STOPWORDS);

/** Per word of WORDS (by its number), (language index, share) pairs, flattened; a word used by n languages gives
 * each 1/n. */
const { WORDS, OWNERS } = (() => {
  const owners = new Map<string, number[]>();
  LANGS.forEach((lang, li) => {
    for (const w of STOPWORDS[lang].split(' ')) {
      const list = owners.get(w) ?? [];
      if (!list.includes(li)) list.push(li);
      owners.set(w, list);
    }
  });
  const index = new WordIndex(owners.keys());
  return { WORDS: index, OWNERS: index.words.map((w) => owners.get(w)!.flatMap((l, _, all) => [l, 1 / all.length])) };
})();

const HINTS: Array<[RegExp, Array<[number, number]>]> = LETTER_HINTS.map(([re, h]) => [
  re,
  Object.entries(h).map(([lang, w]) => [LANGS.indexOf(lang), w] as [number, number]),
]);

export { isTokenChar, tokenize, type Tokens };

/** Languages the Latin profile can name; other scripts are named from the script alone. */
export const PROFILED_LANGUAGES = LANGS;

const ANY_NON_ASCII = /[^\x00-\x7f]/;
const ASCII_LETTER = /[a-z]/;

/** The writing system of `text` up to `end` (a prefix is read in place, not copied). `ascii`: the caller knows
 * the whole text is ASCII (the tokenizer noted it). */
export function scriptOf(text: string, end = text.length, ascii = false): { script: Script; lang: string } {
  // Plain ASCII (most feed text) has no letters of other scripts: Latin if it has a letter at all. A native
  // scan of the whole text rules other scripts out (what follows the prefix cannot add any to it).
  if (ascii || !ANY_NON_ASCII.test(text)) return hasAsciiLetter(text, end) ? { script: 'latin', lang: 'und' } : { script: 'none', lang: 'und' };
  let latin = 0;
  let other = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 97 && c <= 122) latin++;
    } else if (c >= 0xc0 && c <= 0x24f) latin++;
    else if (isLetterOfOtherScript(c)) other++;
  }
  if (latin === 0 && other === 0) return { script: 'none', lang: 'und' };
  if (other <= latin) return { script: 'latin', lang: 'und' };
  return { script: 'other', lang: otherScriptLanguage(text, end) };
}

function hasAsciiLetter(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

const isLetterOfOtherScript = (c: number) =>
  (c >= 0x370 && c <= 0x6ff) || (c >= 0x900 && c <= 0x97f) || (c >= 0xe00 && c <= 0xe7f) ||
  (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0x4e00 && c <= 0x9fff);

function otherScriptLanguage(text: string, end: number): string {
  const counts: Record<string, number> = {};
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    let k = '';
    if (c >= 0x370 && c <= 0x3ff) k = 'el';
    else if (c >= 0x400 && c <= 0x4ff) k = c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491 ? 'uk' : 'ru';
    else if (c >= 0x590 && c <= 0x5ff) k = 'he';
    else if (c >= 0x600 && c <= 0x6ff) k = 'ar';
    else if (c >= 0x900 && c <= 0x97f) k = 'hi';
    else if (c >= 0xe00 && c <= 0xe7f) k = 'th';
    else if (c >= 0x3040 && c <= 0x30ff) k = 'ja';
    else if (c >= 0xac00 && c <= 0xd7af) k = 'ko';
    else if (c >= 0x4e00 && c <= 0x9fff) k = 'zh';
    if (k) counts[k] = (counts[k] ?? 0) + 1;
  }
  // Japanese mixes kanji with kana: any kana means Japanese. Any Ukrainian-only letter means Ukrainian.
  if (counts.ja) return 'ja';
  if (counts.uk) return 'uk';
  let best = 'und';
  let n = 0;
  for (const k in counts) if (counts[k] > n) [best, n] = [k, counts[k]];
  return best;
}

const scores = new Float64Array(LANGS.length);

/**
 * The language of `lower` up to `end`, from its first `wordCount` words (`tokens`, when given, are its words;
 * a prefix is read in place rather than copied, since every feed item is read this way).
 */
export function analyseLanguage(lower: string, tokens?: Tokens, end = lower.length, wordCount = tokens?.count): LanguageGuess {
  const s = scriptOf(lower, end, tokens?.ascii === true);
  if (s.script !== 'latin') return s;
  const toks = tokens ?? tokenize(lower.slice(0, end));
  const n = wordCount ?? toks.count;
  scores.fill(0);
  for (let i = 0; i < n; i++) {
    const id = WORDS.id(toks, i);
    if (id < 0) continue;
    const owners = OWNERS[id];
    for (let k = 0; k < owners.length; k += 2) scores[owners[k]] += owners[k + 1];
  }
  if (!toks.ascii && NON_ASCII_LATIN.test(lower)) {
    const prose = end < lower.length ? lower.slice(0, end) : lower;
    for (const [re, hints] of HINTS) {
      if (!re.test(prose)) continue;
      for (const [li, w] of hints) scores[li] += w;
    }
  }
  let best = -1;
  let top = 0;
  let second = 0;
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i];
    if (v > top) {
      second = top;
      top = v;
      best = i;
    } else if (v > second) second = v;
  }
  if (best < 0) return { script: 'latin', lang: 'und' };
  const lang = LANGS[best];
  // English needs less evidence than the others: feed titles are mostly English and a wrong 'en' only lets
  // English phrases match, which other languages rarely contain. Naming another language must be clearer.
  if (lang === 'en') return { script: 'latin', lang: top >= 0.9 && top > second ? 'en' : 'und' };
  if (top >= 1.2 && top >= 1.5 * second) return { script: 'latin', lang };
  return { script: 'latin', lang: 'und' };
}

const NON_ASCII_LATIN = /[\u00c0-\u024f¿¡]/;

export function normaliseForMatching(text: string): string {
  const lower = text.toLowerCase();
  return lower.indexOf('\u2019') >= 0 || lower.indexOf('\u2018') >= 0 ? lower.replace(/[\u2018\u2019]/g, "'") : lower;
}

/** 'en', 'es', 'de', 'fr', 'pt', 'it', 'nl', 'pl', 'tr', 'sv', 'id' from words; 'ru', 'uk', 'el', 'he', 'ar',
 * 'hi', 'th', 'ja', 'ko', 'zh' from the script; 'und' when unsure or for any other script. */
export function detectLanguage(text: string): string {
  return analyseLanguage(normaliseForMatching(text)).lang;
}

export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  pt: 'Portuguese',
  it: 'Italian',
  nl: 'Dutch',
  pl: 'Polish',
  tr: 'Turkish',
  sv: 'Swedish',
  id: 'Indonesian',
  ru: 'Russian',
  uk: 'Ukrainian',
  el: 'Greek',
  he: 'Hebrew',
  ar: 'Arabic',
  hi: 'Hindi',
  th: 'Thai',
  ja: 'Japanese',
  ko: 'Korean',
  zh: 'Chinese',
  und: 'Unknown',
};
