import { LanguageProfile, type LanguageTables } from './language';
import { WordIndex } from './tokens';

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

/**
 * The language profile's look-ups (LanguageTables) for the stopword table that ships with the detector data
 * (lib/core/detectors/stopwords.ts), over `lexicon`, which must hold every function word: the rule engine's
 * vocabulary, so that one look-up per word of a text serves both. Run where the tables are written (the build,
 * into models/detectors.json) and in Node; content scripts restore what it made.
 */
export function languageTables(stopwords: Readonly<Record<string, string>>, lexicon: WordIndex): LanguageTables {
  const languages = Object.keys(stopwords);
  const owners = ownersOf(stopwords);
  for (const w of owners.keys()) if (lexicon.idOf(w) < 0) throw new Error(`LanguageProfile: the lexicon lacks "${w}"`);
  const ownerStart = [0, 0];
  const ownerLang: number[] = [];
  const ownerShare: number[] = [];
  for (const w of lexicon.words) {
    const list = owners.get(w) ?? [];
    for (const l of list) {
      ownerLang.push(l);
      ownerShare.push(1 / list.length);
    }
    ownerStart.push(ownerLang.length);
  }
  const hints = LETTER_HINTS.map(([re, h]): [string, Array<[number, number]>] => [
    re.source,
    Object.entries(h)
      .filter(([lang]) => languages.includes(lang))
      .map(([lang, w]) => [languages.indexOf(lang), w]),
  ]);
  return { languages, ownerStart, ownerLang, ownerShare, hints };
}

/** A profile of the stopword table alone, or over `lexicon` (see languageTables): for Node. */
export function languageProfile(stopwords: Readonly<Record<string, string>>, lexicon?: WordIndex): LanguageProfile {
  const words = lexicon ?? new WordIndex(ownersOf(stopwords).keys());
  return new LanguageProfile(languageTables(stopwords, words), words);
}

/** Per function word, the languages (by their place in the table) whose word it is. */
function ownersOf(stopwords: Readonly<Record<string, string>>): Map<string, number[]> {
  const owners = new Map<string, number[]>();
  Object.keys(stopwords).forEach((lang, li) => {
    for (const w of stopwords[lang].split(' ')) {
      const list = owners.get(w) ?? [];
      if (!list.includes(li)) list.push(li);
      owners.set(w, list);
    }
  });
  return owners;
}
