import type { LanguageTables } from './language';
import type { DetectorKind, PatternRule, RuleIndex } from './rules';

/**
 * The detector rule tables as JSON, so that content scripts receive them (models/detectors.json, written at build
 * time from the TypeScript tables) instead of carrying them in their code. The background checks the file once as it
 * reads it (data-file-check.ts) and hands tabs only data that passed.
 */

// 2: the language profile's stopwords came along. 3: the rule engine's index (rules.ts, RuleIndex) came along.
// 4: the language profile's look-ups (language.ts, LanguageTables) came along.
// 5: the index carries its words' hashes and its hash of edges as laid out (rules.ts, RuleIndex), not the edges.
export const DETECTOR_DATA_VERSION = 5;

/** In the order the engine has always been built in: hits, and so decisions, come out in this order. */
export const DETECTOR_KINDS: readonly DetectorKind[] = ['rage', 'engagement', 'urgency', 'promotion'];

export type DetectorTables = {
  rules: Record<DetectorKind, readonly PatternRule[]>;
  /** One sentence per reason code, for the UI. */
  explanations: Readonly<Record<string, string>>;
  /** Function words per language code, space-separated, for naming the language of Latin-script text. */
  stopwords: Readonly<Record<string, string>>;
  /** The rule engine's look-ups for these rules and every language's function words (rule-index.ts). */
  index: RuleIndex;
  /** The language profile's look-ups for the stopwords, over the index's vocabulary (language-tables.ts). */
  language: LanguageTables;
};

/** Every language's function words: the rule engine looks them up with the rules' words (see buildDetectorRules). */
export const functionWordsOf = (stopwords: Readonly<Record<string, string>>): string[] =>
  Object.values(stopwords).flatMap((list) => list.split(' '));

export type RegexData = { source: string; flags: string };
type CommonData = { code: string; weight: number; langs?: readonly string[] | 'any'; capsBoost?: number; damp?: number };
export type RuleData = CommonData &
  (
    | { phrases: number; rejectAfter?: RegexData }
    | { parts: number[]; gaps: readonly number[] }
    | { re: RegexData; triggers?: readonly string[]; contains?: readonly string[]; raw?: boolean }
  );

export type DetectorData = {
  version: typeof DETECTOR_DATA_VERSION;
  /** Phrase lists, each once: rules refer to them by index. Rules that shared one list in the tables share it
   * again after reading, and the engine indexes a shared list once. */
  phraseLists: string[][];
  rules: Record<DetectorKind, RuleData[]>;
  explanations: Record<string, string>;
  stopwords: Record<string, string>;
  index: RuleIndex;
  language: LanguageTables;
};

const regexData = (r: RegExp): RegexData => ({ source: r.source, flags: r.flags });

export function serialiseDetectors(tables: DetectorTables): DetectorData {
  const phraseLists: string[][] = [];
  const listIds = new Map<readonly string[], number>();
  const listId = (l: readonly string[]) => {
    let id = listIds.get(l);
    if (id === undefined) listIds.set(l, (id = phraseLists.push([...l]) - 1));
    return id;
  };
  const rules = {} as Record<DetectorKind, RuleData[]>;
  for (const kind of DETECTOR_KINDS) {
    rules[kind] = tables.rules[kind].map((r): RuleData => {
      const common: CommonData = { code: r.code, weight: r.weight };
      if (r.langs !== undefined) common.langs = r.langs === 'any' ? 'any' : [...r.langs];
      if (r.capsBoost !== undefined) common.capsBoost = r.capsBoost;
      if (r.damp !== undefined) common.damp = r.damp;
      if ('phrases' in r) {
        return { ...common, phrases: listId(r.phrases), ...(r.rejectAfter ? { rejectAfter: regexData(r.rejectAfter) } : {}) };
      }
      if ('parts' in r) return { ...common, parts: r.parts.map(listId), gaps: [...r.gaps] };
      return {
        ...common,
        re: regexData(r.re),
        ...(r.triggers ? { triggers: [...r.triggers] } : {}),
        ...(r.contains ? { contains: [...r.contains] } : {}),
        ...(r.raw !== undefined ? { raw: r.raw } : {}),
      };
    });
  }
  const { explanations, stopwords, index, language } = tables;
  return { version: DETECTOR_DATA_VERSION, phraseLists, rules, explanations: { ...explanations }, stopwords: { ...stopwords }, index, language };
}

/**
 * The data as feed tabs are handed it, as text (they parse it with JSON.parse and take its rules as they are:
 * rules.ts, EngineRule). Without the phrase lists, 22 KB of the file's 141 that every page would read: a tab's rules
 * find their phrases through the index built ahead, by list number (rules.ts, #addSet); only readDetectors, in the
 * background, gives the lists back to their rules.
 */
export function detectorsForTabs(data: DetectorData): string {
  const { phraseLists: _, ...forTabs } = data;
  return JSON.stringify(forTabs);
}

/**
 * The tables from what serialiseDetectors wrote, as a tab receives it: the background checked it on reading the file
 * (checkDetectors, data-file-check.ts), so this only gives the phrase lists back to their rules and makes the
 * regular expressions again (messages carry no RegExp).
 */
export function readDetectors(data: DetectorData): DetectorTables {
  const lists = data.phraseLists;
  const regex = (r: RegexData) => new RegExp(r.source, r.flags);
  const rules = {} as Record<DetectorKind, PatternRule[]>;
  for (const kind of DETECTOR_KINDS) {
    rules[kind] = data.rules[kind].map((r) => {
      const rule: Record<string, unknown> = { ...r };
      if ('phrases' in r) {
        rule.phrases = lists[r.phrases];
        if (r.rejectAfter) rule.rejectAfter = regex(r.rejectAfter);
      } else if ('parts' in r) rule.parts = r.parts.map((p) => lists[p]);
      else rule.re = regex(r.re);
      return rule as PatternRule;
    });
  }
  return { rules, explanations: data.explanations, stopwords: data.stopwords, index: data.index, language: data.language };
}
