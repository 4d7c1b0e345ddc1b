import type { DetectorKind, PatternRule, RuleIndex } from './rules';

/**
 * The detector rule tables as JSON, so that content scripts fetch them (models/detectors.json, written at build
 * time from the TypeScript tables) instead of carrying them in their code. Content scripts carry no zod, so what
 * arrives is checked by hand here, and anything malformed is refused with the place it went wrong.
 */

// 2: the language profile's stopwords came along. 3: the rule engine's index (rules.ts, RuleIndex) came along.
export const DETECTOR_DATA_VERSION = 3;

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
};

/** Every language's function words: the rule engine looks them up with the rules' words (see buildDetectorRules). */
export const functionWordsOf = (stopwords: Readonly<Record<string, string>>): string[] =>
  Object.values(stopwords).flatMap((list) => list.split(' '));

type RegexData = { source: string; flags: string };
type CommonData = { code: string; weight: number; langs?: readonly string[] | 'any'; capsBoost?: number; damp?: number };
type RuleData = CommonData &
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
  const { explanations, stopwords, index } = tables;
  return { version: DETECTOR_DATA_VERSION, phraseLists, rules, explanations: { ...explanations }, stopwords: { ...stopwords }, index };
}

/** Reads what serialiseDetectors wrote (parsed JSON); throws on anything else. */
export function readDetectors(data: unknown): DetectorTables {
  const top = record(data, 'detector data');
  if (top.version !== DETECTOR_DATA_VERSION) {
    throw new Error(`detector data: version ${JSON.stringify(top.version)} is not ${DETECTOR_DATA_VERSION}`);
  }
  const lists = array(top.phraseLists, 'phraseLists').map((l, i) => strings(l, `phraseLists[${i}]`, true));
  const listAt = (v: unknown, where: string) => {
    if (!Number.isInteger(v) || (v as number) < 0 || (v as number) >= lists.length) {
      bad(where, `is not the index of a phrase list`);
    }
    return lists[v as number];
  };
  const byKind = record(top.rules, 'rules');
  const rules = {} as Record<DetectorKind, PatternRule[]>;
  for (const kind of DETECTOR_KINDS) {
    rules[kind] = array(byKind[kind], `rules.${kind}`).map((r, i) => readRule(r, `rules.${kind}[${i}]`, listAt));
  }
  return { rules, explanations: texts(top.explanations, 'explanations'), stopwords: texts(top.stopwords, 'stopwords'), index: readIndex(top.index) };
}

/** The index's shape; whether its numbers fit the rules, the engine checks as it restores it. */
function readIndex(v: unknown): RuleIndex {
  const r = record(v, 'index');
  const numbers = (key: string) => {
    const a = array(r[key], `index.${key}`);
    if (!a.every((n) => Number.isInteger(n))) bad(`index.${key}`, 'holds something that is not a whole number');
    return a as number[];
  };
  return {
    vocabulary: strings(r.vocabulary, 'index.vocabulary', true),
    rootNode: numbers('rootNode'),
    setStart: numbers('setStart'),
    setList: numbers('setList'),
    regexStart: numbers('regexStart'),
    regexList: numbers('regexList'),
    edges: numbers('edges'),
  };
}

function texts(v: unknown, where: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [key, text] of Object.entries(record(v, where))) {
    if (typeof text !== 'string') bad(where, `.${key} is not text`);
    out[key] = text;
  }
  return out;
}

function readRule(v: unknown, where: string, listAt: (v: unknown, where: string) => string[]): PatternRule {
  const r = record(v, where);
  if (typeof r.code !== 'string' || !r.code) bad(where, `.code is missing`);
  const rule: Record<string, unknown> = { code: r.code, weight: fraction(r.weight, `${where}.weight`) };
  if (r.langs !== undefined) rule.langs = r.langs === 'any' ? 'any' : strings(r.langs, `${where}.langs`);
  if (r.capsBoost !== undefined) rule.capsBoost = fraction(r.capsBoost, `${where}.capsBoost`);
  if (r.damp !== undefined) rule.damp = fraction(r.damp, `${where}.damp`);
  const shapes = ['phrases', 'parts', 're'].filter((k) => r[k] !== undefined);
  if (shapes.length !== 1) bad(where, `needs exactly one of phrases, parts or re`);

  if (r.phrases !== undefined) {
    rule.phrases = listAt(r.phrases, `${where}.phrases`);
    if (r.rejectAfter !== undefined) rule.rejectAfter = regex(r.rejectAfter, `${where}.rejectAfter`);
  } else if (r.parts !== undefined) {
    const parts = array(r.parts, `${where}.parts`).map((p, i) => listAt(p, `${where}.parts[${i}]`));
    const gaps = array(r.gaps, `${where}.gaps`);
    if (parts.length < 1 || gaps.length !== parts.length - 1 || !gaps.every((g) => Number.isInteger(g) && (g as number) >= 0)) {
      bad(where, `needs parts and one whole-number gap between each pair of them`);
    }
    rule.parts = parts;
    rule.gaps = gaps;
  } else {
    rule.re = regex(r.re, `${where}.re`);
    if (r.triggers !== undefined) rule.triggers = strings(r.triggers, `${where}.triggers`, true);
    if (r.contains !== undefined) rule.contains = strings(r.contains, `${where}.contains`, true);
    if (!(rule.triggers as string[] | undefined)?.length && !(rule.contains as string[] | undefined)?.length) {
      bad(where, `has neither triggers nor contains, so it could never run`);
    }
    if (r.raw !== undefined) {
      if (typeof r.raw !== 'boolean') bad(where, `.raw is not true or false`);
      rule.raw = r.raw;
    }
  }
  return rule as PatternRule;
}

/** Every reading error names where in the file it is. */
function bad(where: string, what: string): never {
  throw new Error(`detector data: ${where}${what.startsWith('.') ? '' : ' '}${what}`);
}

function record(v: unknown, where: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) bad(where, `is not an object`);
  return v as Record<string, unknown>;
}

function array(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) bad(where, `is not a list`);
  return v;
}

function strings(v: unknown, where: string, nonEmpty = false): string[] {
  const a = array(v, where);
  if (!a.every((s) => typeof s === 'string' && (!nonEmpty || s.length > 0))) {
    bad(where, `holds something that is not ${nonEmpty ? 'non-empty ' : ''}text`);
  }
  if (nonEmpty && a.length === 0) bad(where, `is empty`);
  return a as string[];
}

function fraction(v: unknown, where: string): number {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) bad(where, `is not a number from 0 to 1`);
  return v;
}

function regex(v: unknown, where: string): RegExp {
  const r = record(v, where);
  if (typeof r.source !== 'string' || typeof r.flags !== 'string') bad(where, `needs source and flags`);
  // A global or sticky expression keeps state between tests and would match differently item to item.
  if (/[gy]/.test(r.flags)) bad(where, `has flags "${r.flags}"; g and y are refused`);
  try {
    return new RegExp(r.source, r.flags);
  } catch (e) {
    bad(where, `is not a valid regular expression: ${(e as Error).message}`);
  }
}
