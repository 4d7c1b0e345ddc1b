import { base64ToInt32 } from '../shield/packed';
import { HashIndex32 } from '../shield/word-hash';
import { DETECTOR_DATA_VERSION, DETECTOR_KINDS, type DetectorData } from './data-file';
import { placeWords } from './tokens';

/**
 * Checks the detector data (parsed models/detectors.json) where it is read, in the background, before any tab
 * receives it: content scripts carry no zod, and no checking code either (they read it with readDetectors, which
 * trusts it). Anything malformed is refused with the place it went wrong; what passes is returned as it came.
 */
export function checkDetectors(data: unknown): DetectorData {
  const top = record(data, 'detector data');
  if (top.version !== DETECTOR_DATA_VERSION) {
    throw new Error(`detector data: version ${JSON.stringify(top.version)} is not ${DETECTOR_DATA_VERSION}`);
  }
  const lists = array(top.phraseLists, 'phraseLists');
  lists.forEach((l, i) => strings(l, `phraseLists[${i}]`, true));
  const isList = (v: unknown, where: string) => {
    if (!Number.isInteger(v) || (v as number) < 0 || (v as number) >= lists.length) bad(where, `is not the index of a phrase list`);
  };
  const byKind = record(top.rules, 'rules');
  for (const kind of DETECTOR_KINDS) array(byKind[kind], `rules.${kind}`).forEach((r, i) => checkRule(r, `rules.${kind}[${i}]`, isList));
  texts(top.explanations, 'explanations');
  texts(top.stopwords, 'stopwords');
  checkIndex(top.index);
  checkIndexFits(data as DetectorData);
  checkLanguage(top.language, (data as DetectorData).index.vocabulary.length);
  return data as DetectorData;
}

/** The language profile's look-ups (language.ts, LanguageTables): their shape, and that their numbers point inside
 * the index's vocabulary (the words they were built over) and the languages. */
function checkLanguage(v: unknown, vocabularySize: number): void {
  const r = record(v, 'language');
  const languages = strings(r.languages, 'language.languages', true);
  const whole = (key: string) => {
    const a = array(r[key], `language.${key}`);
    if (!a.every((n) => Number.isInteger(n) && (n as number) >= 0)) bad(`language.${key}`, 'holds something that is not a whole number');
    return a as number[];
  };
  const start = whole('ownerStart');
  const owner = whole('ownerLang');
  const share = array(r.ownerShare, 'language.ownerShare');
  if (!share.every((n) => typeof n === 'number' && n > 0 && n <= 1)) bad('language.ownerShare', 'holds something that is not a share');
  array(r.hints, 'language.hints').forEach((h, i) => {
    const where = `language.hints[${i}]`;
    const [source, weights] = array(h, where);
    if (typeof source !== 'string') bad(where, 'has no regular expression');
    try {
      new RegExp(source);
    } catch (e) {
      bad(where, `is not a valid regular expression: ${(e as Error).message}`);
    }
    const pairs = array(weights, `${where}[1]`);
    if (!pairs.every((p) => Array.isArray(p) && Number.isInteger(p[0]) && p[0] >= 0 && p[0] < languages.length && typeof p[1] === 'number')) {
      bad(`${where}[1]`, 'holds something that is not a language number and a weight');
    }
  });
  if (start.length !== vocabularySize + 2 || share.length !== owner.length || !start.every((n) => n <= owner.length) || !owner.every((l) => l < languages.length)) {
    bad('language', 'does not fit the index’s vocabulary and its languages');
  }
}

/** The index's shape. */
function checkIndex(v: unknown): void {
  const r = record(v, 'index');
  strings(r.vocabulary, 'index.vocabulary', true);
  for (const key of ['rootNode', 'setStart', 'setList', 'regexStart', 'regexList']) {
    if (!array(r[key], `index.${key}`).every((n) => Number.isInteger(n))) bad(`index.${key}`, 'holds something that is not a whole number');
  }
  for (const key of ['wordSlots', 'edgeKeys', 'edgeNodes']) int32s(r[key], `index.${key}`);
}

function int32s(v: unknown, where: string): Int32Array {
  if (typeof v !== 'string') bad(where, 'is not text');
  try {
    return base64ToInt32(v);
  } catch {
    return bad(where, 'is not 32-bit numbers in base64');
  }
}

/**
 * What the rule engine restores without a look (rules.ts, RuleEngine), checked to answer as what it stands for: the
 * vocabulary's words are distinct and their places are the ones the WordIndex of them takes (placeWords: the restored
 * table is then the built one), and the hash of edges is a table HashIndex32 reads (a power of two long, a slot left
 * empty so that a search for a key not in it ends, each key's node the one a search for the key finds) whose nodes
 * exist. A table made for other words, or damaged, is refused rather than mis-answering. Once per background
 * lifetime, cold: plain loops, no look-up per word.
 */
function checkLookups(index: DetectorData['index'], nodes: number): void {
  const placed = base64ToInt32(index.wordSlots);
  const words = index.vocabulary;
  const built = placeWords(words);
  let same = placed.length === built.length && new Set(words).size === words.length;
  for (let i = 0; same && i < built.length; i++) same = placed[i] === built[i];
  if (!same) bad('index.wordSlots', 'are not the places of the vocabulary');
  const keys = base64ToInt32(index.edgeKeys);
  const values = base64ToInt32(index.edgeNodes);
  // Its shape first: a search in a table without an empty slot, or not a power of two long, may never end.
  if (values.length !== keys.length || (keys.length & (keys.length - 1)) !== 0 || !keys.includes(0)) bad('index.edgeKeys', 'is not a hash table');
  const table = HashIndex32.restore(keys, values);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== 0 && !(values[i] >= 0 && values[i] < nodes && table.get(keys[i]) === values[i])) bad('index.edgeKeys', 'is not a hash of edges to these nodes');
  }
}

/** Whether the index's numbers point inside these rules: the rule engine restores it without a look (rules.ts,
 * RuleEngine), numbering each phrase list its rules use once and the regex rules in order, as indexRules did. An
 * index made of other rules is refused. */
function checkIndexFits({ rules, index }: DetectorData): void {
  const lists = new Set<number>();
  let regexes = 0;
  for (const kind of DETECTOR_KINDS) {
    for (const r of rules[kind]) {
      if ('phrases' in r) lists.add(r.phrases);
      else if ('parts' in r) r.parts.forEach((p) => lists.add(p));
      else regexes++;
    }
  }
  const nodes = index.setStart.length - 1;
  const within = (list: readonly number[], below: number, from = 0) => list.every((n) => n >= from && n < below);
  if (
    !(nodes >= 0 && index.regexStart.length === nodes + 1 && index.rootNode.length === index.vocabulary.length + 1) ||
    !(within(index.rootNode, nodes, -1) && within(index.setList, lists.size) && within(index.regexList, regexes)) ||
    !(within(index.setStart, index.setList.length + 1) && within(index.regexStart, index.regexList.length + 1))
  ) {
    bad('index', 'does not fit these rules');
  }
  checkLookups(index, nodes);
}

function texts(v: unknown, where: string): void {
  for (const [key, text] of Object.entries(record(v, where))) {
    if (typeof text !== 'string') bad(where, `.${key} is not text`);
  }
}

function checkRule(v: unknown, where: string, isList: (v: unknown, where: string) => void): void {
  const r = record(v, where);
  if (typeof r.code !== 'string' || !r.code) bad(where, `.code is missing`);
  fraction(r.weight, `${where}.weight`);
  if (r.langs !== undefined && r.langs !== 'any') strings(r.langs, `${where}.langs`);
  if (r.capsBoost !== undefined) fraction(r.capsBoost, `${where}.capsBoost`);
  if (r.damp !== undefined) fraction(r.damp, `${where}.damp`);
  const shapes = ['phrases', 'parts', 're'].filter((k) => r[k] !== undefined);
  if (shapes.length !== 1) bad(where, `needs exactly one of phrases, parts or re`);

  if (r.phrases !== undefined) {
    isList(r.phrases, `${where}.phrases`);
    if (r.rejectAfter !== undefined) regex(r.rejectAfter, `${where}.rejectAfter`);
  } else if (r.parts !== undefined) {
    const parts = array(r.parts, `${where}.parts`);
    parts.forEach((p, i) => isList(p, `${where}.parts[${i}]`));
    const gaps = array(r.gaps, `${where}.gaps`);
    if (parts.length < 1 || gaps.length !== parts.length - 1 || !gaps.every((g) => Number.isInteger(g) && (g as number) >= 0)) {
      bad(where, `needs parts and one whole-number gap between each pair of them`);
    }
  } else {
    regex(r.re, `${where}.re`);
    const triggers = r.triggers === undefined ? [] : strings(r.triggers, `${where}.triggers`, true);
    const contains = r.contains === undefined ? [] : strings(r.contains, `${where}.contains`, true);
    if (triggers.length === 0 && contains.length === 0) bad(where, `has neither triggers nor contains, so it could never run`);
    if (r.raw !== undefined && typeof r.raw !== 'boolean') bad(where, `.raw is not true or false`);
  }
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

function fraction(v: unknown, where: string): void {
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) bad(where, `is not a number from 0 to 1`);
}

function regex(v: unknown, where: string): void {
  const r = record(v, where);
  if (typeof r.source !== 'string' || typeof r.flags !== 'string') bad(where, `needs source and flags`);
  // A global or sticky expression keeps state between tests and would match differently item to item.
  if (/[gy]/.test(r.flags)) bad(where, `has flags "${r.flags}"; g and y are refused`);
  try {
    new RegExp(r.source, r.flags);
  } catch (e) {
    bad(where, `is not a valid regular expression: ${(e as Error).message}`);
  }
}
