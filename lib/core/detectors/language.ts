import { isTokenChar, tokenize, WordIndex, type Tokens } from './tokens';

/**
 * Cheap language identification for short feed text: the writing system first, then, for Latin script, a
 * profile of function words and a few letters that only some languages use. It is meant to keep
 * English-only rules off text in other languages, not to be a general-purpose identifier: when the evidence
 * is thin it answers 'und' rather than guess.
 */

export type Script = 'latin' | 'other' | 'none';

export type LanguageGuess = { lang: string; script: Script };

/**
 * A language profile's look-ups as plain numbers and texts, built ahead from the stopword table
 * (language-tables.ts: at build time into models/detectors.json, and in Node): a tab restores them and builds
 * nothing. For the lexicon they were built over: per word of it, the languages whose function word it is and the
 * share each gets (a word used by n languages gives each 1/n), entries ownerStart[id + 1] to ownerStart[id + 2] of
 * ownerLang and ownerShare. The shift by one gives a word not in the lexicon (id -1) an empty range, so that no
 * branch tests for it: two in five words of a headline are function words, too many and too irregular for a branch
 * to foresee. `hints`: letters that point at languages whatever the words (a regex source, then language number and
 * weight pairs).
 */
export type LanguageTables = {
  languages: string[];
  ownerStart: number[];
  ownerLang: number[];
  ownerShare: number[];
  hints: Array<[string, Array<[number, number]>]>;
};

/** What names a Latin-script language: each language's function words, and the letters that point at it. */
export class LanguageProfile {
  readonly languages: readonly string[];
  /** The words it looks up: its function words, or a larger lexicon holding them (see LanguageTables). */
  readonly lexicon: WordIndex;
  readonly #ownerStart: Int32Array;
  readonly #ownerLang: Int32Array;
  readonly #ownerShare: Float64Array;
  readonly #hints: Array<[RegExp, Array<[number, number]>]>;
  readonly #scores: Float64Array;

  /** `lexicon`: the words `tables` were built over (languageTables), numbered as they were then. A caller that looks
   * each word of a text up in it once for its own purposes (the rule detectors) then passes the numbers to name()
   * instead of a second look-up. */
  constructor(tables: LanguageTables, lexicon: WordIndex) {
    this.languages = tables.languages;
    this.lexicon = lexicon;
    this.#ownerStart = Int32Array.from(tables.ownerStart);
    this.#ownerLang = Int32Array.from(tables.ownerLang);
    this.#ownerShare = Float64Array.from(tables.ownerShare);
    this.#hints = tables.hints.map(([source, weights]) => [new RegExp(source), weights]);
    this.#scores = new Float64Array(tables.languages.length);
  }

  /** Whether `word` is a function word of any of its languages: one that is not has no languages in the tables. */
  isFunctionWord(word: string): boolean {
    const id = this.lexicon.idOf(word);
    return this.#ownerStart[id + 2] > this.#ownerStart[id + 1];
  }

  /** The Latin-script language of the first `n` words of `toks`, up to `end` of `lower`. `ids`: the words'
   * numbers in the lexicon, when the caller has them. */
  name(lower: string, toks: Tokens, end: number, n: number, ids: readonly number[] | null = null): string {
    const scores = this.#scores;
    // cleared by a loop: TypedArray fill is a call into the runtime, once per item
    for (let l = 0; l < scores.length; l++) scores[l] = 0;
    const ownerStart = this.#ownerStart;
    const ownerLang = this.#ownerLang;
    const ownerShare = this.#ownerShare;
    for (let i = 0; i < n; i++) {
      const id = ids !== null ? ids[i] : this.lexicon.id(toks, i);
      for (let k = ownerStart[id + 1]; k < ownerStart[id + 2]; k++) scores[ownerLang[k]] += ownerShare[k];
    }
    if (!toks.ascii && NON_ASCII_LATIN.test(lower)) {
      const prose = end < lower.length ? lower.slice(0, end) : lower;
      for (const [re, hints] of this.#hints) {
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
    if (best < 0) return 'und';
    const lang = this.languages[best];
    // English needs less evidence than the others: feed titles are mostly English and a wrong 'en' only lets
    // English phrases match, which other languages rarely contain. Naming another language must be clearer.
    if (lang === 'en') return top >= 0.9 && top > second ? 'en' : 'und';
    if (top >= 1.2 && top >= 1.5 * second) return lang;
    return 'und';
  }
}

export { isTokenChar, tokenize, type Tokens };


const ANY_NON_ASCII = /[^\x00-\x7f]/;

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

/**
 * The language of `lower` up to `end`, from its first `wordCount` words (`tokens`, when given, are its words;
 * a prefix is read in place rather than copied, since every feed item is read this way). Without a `profile`
 * (the detector data has not arrived) Latin-script text is 'und'; other scripts are named from the script alone.
 */
export function analyseLanguage(
  lower: string,
  tokens?: Tokens,
  end = lower.length,
  wordCount = tokens?.count,
  profile: LanguageProfile | null = null,
  ids: readonly number[] | null = null,
): LanguageGuess {
  const s = scriptOf(lower, end, tokens?.ascii === true);
  if (s.script !== 'latin' || profile === null) return s;
  const toks = tokens ?? tokenize(lower.slice(0, end));
  return { script: 'latin', lang: profile.name(lower, toks, end, wordCount ?? toks.count, tokens ? ids : null) };
}

const NON_ASCII_LATIN = /[\u00c0-\u024f¿¡]/;

export function normaliseForMatching(text: string): string {
  const lower = text.toLowerCase();
  return lower.indexOf('\u2019') >= 0 || lower.indexOf('\u2018') >= 0 ? lower.replace(/[\u2018\u2019]/g, "'") : lower;
}

/** 'en', 'es', 'de', 'fr', 'pt', 'it', 'nl', 'pl', 'tr', 'sv', 'id' from words (with the shipped profile);
 * 'ru', 'uk', 'el', 'he', 'ar', 'hi', 'th', 'ja', 'ko', 'zh' from the script; 'und' when unsure or for any other
 * script. */
export function detectLanguage(text: string, profile: LanguageProfile): string {
  const lower = normaliseForMatching(text);
  return analyseLanguage(lower, undefined, lower.length, undefined, profile).lang;
}

/** A text named as another language than English (undetermined counts as English): the English-only judgments
 * (topics by meaning) leave it alone. Without a profile only other scripts are named. */
export function readsAsOtherLanguage(text: string, profile: LanguageProfile | null | undefined): boolean {
  const lang = profile ? detectLanguage(text, profile) : scriptOf(text).lang;
  return lang !== 'en' && lang !== 'und';
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
