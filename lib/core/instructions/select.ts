import type { ChatSite } from '../../schema/common';
import type { Instruction } from '../../schema/profile';
import { defaultLexicon } from './default-lexicon';
import type { Lexicon } from './lexicon';
import { closestSubjects, MEANING_MIN as MEANING_FLOOR, MEANING_VETO, similarities, type MeaningReader } from './meaning';
import { overrideReason, settingOf, type Setting } from './override';
import { parseInstruction } from './parse';
import { preferenceRuns, subjectText } from './preference';
import { DEFAULT_MIN_SHARE, matchRuns, relatedness, runsOf, type MatchOptions, type Run, type RunMatch } from './relate';
import { tokenize, words, type Token } from './text';
import { unitSystems } from './units';

export interface Selection {
  instruction: Instruction;
  /** 0..1; 1 for instructions that always apply. */
  score: number;
  /** Short text for the user: why this instruction was added. */
  why: string;
  /** Set when the instruction fits the message's subject but the message asks otherwise ("you asked for miles"):
   * it is not added, and the chip says why. */
  overridden?: string;
}

/** What goes with a message, and what fitted its subject but was left out because the message asks otherwise. */
export interface Choice {
  added: Selection[];
  skipped: Selection[];
}

export interface SelectOptions {
  /** Defaults to the lexicon shipped with the extension. */
  lexicon?: Lexicon;
  /** Lowest score that selects an `auto` or `topics` instruction. */
  threshold?: number;
  /** How much of the message an area must be about before a merely related word counts for it (0..1). */
  minShare?: number;
  /** The meaning model, when loaded: everyday preferences ("I dislike seafood") then go with messages about their
   * subject in other words. Without it the selector reads words and WordNet only. */
  meaning?: MeaningReader;
}

/**
 * Optional second opinion (the local model): receives the message and the candidates the lexical selector
 * scored, and returns the ones to keep. Candidates include near misses (score >= CANDIDATE_FLOOR) so a model
 * can add what words alone missed as well as drop what they wrongly caught.
 */
export type RefineSelection = (message: string, candidates: Selection[]) => Promise<Selection[]>;

export const DEFAULT_THRESHOLD = 0.5;
export const CANDIDATE_FLOOR = 0.25;

/** A tested value that is mentioned decides its clause; naming the attribute too ("the city is") adds a little. */
const VALUE_SHARE = 0.8;
/** The condition decides; an action that fits the message only tips a borderline case. */
const ACTION_TIP = 0.1;
const MAX_CHAIN_ROUNDS = 4;

interface Prepared {
  /** Conditions that name a subject: one group of runs per clause, all clauses must hold. */
  subjects: Run[][];
  /** Conditions that test a value ("the cuisine is Thai"). */
  tests: { topic: Token[]; value: Token[] }[];
  action: Token[];
  /** What the instruction asks for, as written (the whole text when it has no condition). */
  actionText: string;
  actionSetsValues: boolean;
  setting?: Setting;
  general: boolean;
  /** A preference with no condition ("I'm allergic to shellfish"): its subject in plain words, for the meaning
   * model; null for instructions with a condition, which say what they are about. */
  preference: string | null;
}

interface Evidence {
  score: number;
  why: string;
}

const prepared = new WeakMap<Lexicon, Map<string, Prepared>>();

function prepare(instruction: Instruction, lexicon: Lexicon): Prepared {
  let cache = prepared.get(lexicon);
  if (!cache) prepared.set(lexicon, (cache = new Map()));
  const key = instruction.scope.type === 'topics' ? `${instruction.text}\u0000${instruction.scope.topics.join('\u0000')}` : instruction.text;
  const hit = cache.get(key);
  if (hit) return hit;
  const parsed = parseInstruction(instruction.text);
  const result: Prepared = {
    subjects: [],
    tests: [],
    action: parsed.clauses.length ? tokenize(parsed.action, lexicon) : [],
    actionText: parsed.action,
    actionSetsValues: parsed.actionSetsValues,
    setting: parsed.actionSetsValues ? settingOf(parsed.action) : undefined,
    general: parsed.general,
    preference: null,
  };
  if (instruction.scope.type === 'topics') {
    result.subjects.push(instruction.scope.topics.flatMap((t) => runsOf(tokenize(t, lexicon))));
  } else if (!parsed.clauses.length) {
    result.subjects.push(preferenceRuns(instruction.text, lexicon));
    result.preference = subjectText(instruction.text) || null;
  } else {
    for (const c of parsed.clauses) {
      const topic = tokenize(c.topic, lexicon);
      if (c.value) result.tests.push({ topic, value: tokenize(c.value, lexicon) });
      else if (topic.length) result.subjects.push(runsOf(topic));
    }
  }
  if (cache.size > 2000) cache.clear();
  cache.set(key, result);
  return result;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function allowed(instruction: Instruction, site: ChatSite): boolean {
  return instruction.enabled && instruction.sites.includes(site);
}

/** What instructions already selected bring into the conversation. */
interface Chain {
  /** Subjects their actions name ("also look at hotels"): matched as if the user had said them. */
  subjects: Token[];
  /** Values they set ("my preferred cuisine is Thai"): they satisfy other instructions' value tests. */
  values: Token[];
  from: Map<Token, Instruction>;
}

function explain(m: RunMatch, chain: Chain): string {
  if (!m.by || !m.of) return '';
  const from = chain.from.get(m.by);
  if (from) return `follows from "${clip(from.text)}"`;
  return m.by.stem === m.of.stem ? `mentions "${m.by.surface}"` : `about "${m.of.surface}" (matched "${m.by.surface}")`;
}

/** A tested value ("Paris") must itself be mentioned, by the user or by an instruction already selected. */
function valueEvidence(values: Token[], message: Token[], chain: Chain): Evidence {
  let found = 0;
  let why = '';
  for (const v of values) {
    const m = message.find((t) => t.stem === v.stem);
    const c = m ? undefined : chain.values.find((t) => t.stem === v.stem);
    if (m || c) found++;
    if (!why && m) why = `mentions "${m.surface}"`;
    if (!why && c) why = `follows from "${clip(chain.from.get(c)!.text)}"`;
  }
  return { score: values.length ? found / values.length : 0, why };
}

function bestRelated(words: Token[], message: Token[]): number {
  let best = 0;
  for (const w of words) for (const m of message) best = Math.max(best, relatedness(w, m));
  return best;
}

function score(instruction: Instruction, p: Prepared, runScores: Map<Run, RunMatch>, message: Token[], chain: Chain): Evidence {
  if (instruction.scope.type === 'always') return { score: 1, why: 'always' };
  if (p.general && instruction.scope.type === 'auto') return { score: 1, why: 'applies to every message' };
  let condition: Evidence = { score: 1, why: '' };
  let first = '';
  for (const runs of p.subjects) {
    let best: RunMatch = { score: 0 };
    for (const run of runs) {
      const m = runScores.get(run)!;
      if (m.score > best.score) best = m;
    }
    const ev = { score: best.score, why: explain(best, chain) };
    first ||= ev.why;
    if (ev.score < condition.score) condition = ev;
  }
  for (const test of p.tests) {
    const value = valueEvidence(test.value, message, chain);
    const topic = test.topic.length ? bestRelated(test.topic, message) : 1;
    const ev = { score: value.score * (VALUE_SHARE + (1 - VALUE_SHARE) * topic), why: value.why };
    first ||= ev.why;
    if (ev.score < condition.score) condition = ev;
  }
  if (!p.subjects.length && !p.tests.length) return { score: 0, why: '' };
  const tip = p.action.length && condition.score > 0 ? ACTION_TIP * bestRelated(p.action, message) : 0;
  // The first clause usually names the subject: its match explains the choice best.
  return { score: Math.min(1, condition.score + tip), why: first || condition.why };
}

/**
 * Scores every enabled instruction allowed on `site` against `message`, in the user's order. Instructions
 * selected by the message can in turn select others whose condition they satisfy ("for trips, also look at
 * hotels" brings in the hotel instructions; "my preferred cuisine is Thai" satisfies "if the cuisine is Thai").
 * An instruction whose setting the message itself gives another value ("... the city is Boston" against
 * "my preferred city is Atlanta") does not apply, nor does what only followed from it.
 */
export function scoreInstructions(message: string, instructions: Instruction[], site: ChatSite, opts: SelectOptions = {}): Selection[] {
  const lexicon = opts.lexicon ?? defaultLexicon();
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const usable = instructions.filter((i) => allowed(i, site));
  const preps = usable.map((i) => prepare(i, lexicon));
  const msg = tokenize(message, lexicon);
  const said = words(message);
  // Only "when it fits" gives way to the message: an instruction the user scoped themselves always holds.
  const overridden = usable.map((ins, i) => (ins.scope.type === 'auto' ? overrideReason(ins.text, preps[i].actionText, preps[i].setting, message, said, lexicon) : undefined));
  const runs = [...new Set(preps.flatMap((p) => p.subjects.flat()))];
  const matching: MatchOptions = { parents: lexicon.areas.map((a) => a.parent), minShare: opts.minShare ?? DEFAULT_MIN_SHARE };
  const byMeaning = opts.meaning ? meaningEvidence(message, usable, preps, opts.meaning) : new Map<number, Evidence>();
  const doubted = opts.meaning ? unconfirmed(message, usable, preps, opts.meaning) : new Set<number>();
  const chain: Chain = { subjects: [], values: [], from: new Map() };
  const chained = new Set<number>();
  let results: Evidence[] = [];
  for (let round = 0; round < MAX_CHAIN_ROUNDS; round++) {
    const matched = matchRuns(runs, chain.subjects.length ? [...msg, ...chain.subjects] : msg, matching);
    const runScores = new Map(runs.map((r, i) => [r, matched[i]]));
    results = usable.map((ins, i) => {
      let words = score(ins, preps[i], runScores, msg, chain);
      // A word merely related through WordNet (a "mac" is also a raincoat) needs the meaning model's assent.
      if (doubted.has(i) && words.score < 1) words = { score: 0, why: '' };
      const meant = byMeaning.get(i);
      return meant && meant.score > words.score ? meant : words;
    });
    let grew = false;
    results.forEach((r, i) => {
      if (r.score < threshold || overridden[i] || chained.has(i) || usable[i].scope.type !== 'auto') return;
      chained.add(i);
      for (const token of preps[i].action) {
        // A subject it names is matched by its word alone, not by everything related to it.
        const t: Token = preps[i].actionSetsValues ? token : { ...token, areas: [] };
        (preps[i].actionSetsValues ? chain.values : chain.subjects).push(t);
        chain.from.set(t, usable[i]);
        grew = true;
      }
    });
    if (!grew) break;
  }
  return usable.map((instruction, i) => {
    const fits = Math.min(1, results[i].score);
    // An override only matters where the instruction would have applied: that is what the chip lists as skipped.
    if (!overridden[i]) return { instruction, score: fits, why: results[i].why };
    return fits >= threshold ? { instruction, score: 0, why: results[i].why, overridden: overridden[i] } : { instruction, score: 0, why: '' };
  });
}

/** Scores of the preferences the message is about by meaning (only "when it fits" ones: a user who named the
 * topics themselves said what they meant). */
function meaningEvidence(message: string, usable: Instruction[], preps: Prepared[], model: MeaningReader): Map<number, Evidence> {
  const subjects = preps.map((p, i) => (usable[i].scope.type === 'auto' && !p.general ? p.preference : null));
  const out = new Map<number, Evidence>();
  for (const m of closestSubjects(model, message, subjects)) {
    // From the threshold at the closeness that just counts, up to 1 for the same meaning.
    const score = DEFAULT_THRESHOLD + (1 - DEFAULT_THRESHOLD) * Math.min(1, (m.similarity - MEANING_FLOOR) / (1 - MEANING_FLOOR));
    out.set(m.index, { score, why: m.by ? `close in meaning to "${m.by}"` : 'close in meaning' });
  }
  return out;
}

/** Preferences the meaning model places far from the message (units aside: the model knows "metric" as a band). */
function unconfirmed(message: string, usable: Instruction[], preps: Prepared[], model: MeaningReader): Set<number> {
  const subjects = preps.map((p, i) => (usable[i].scope.type === 'auto' && !unitSystems(words(usable[i].text)).size ? p.preference : null));
  const out = new Set<number>();
  similarities(model, message, subjects).forEach((s, i) => {
    if (s !== null && s < MEANING_VETO) out.add(i);
  });
  return out;
}

/** The instructions that apply to `message` and those the message overrides, each in the user's order. */
export function chooseInstructions(message: string, instructions: Instruction[], site: ChatSite, opts: SelectOptions = {}): Choice {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const scored = scoreInstructions(message, instructions, site, opts);
  return { added: scored.filter((s) => s.score >= threshold), skipped: scored.filter((s) => s.overridden) };
}

/** The instructions that apply to `message`, in the user's order. */
export function selectInstructions(message: string, instructions: Instruction[], site: ChatSite, opts: SelectOptions = {}): Selection[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  return scoreInstructions(message, instructions, site, opts).filter((s) => s.score >= threshold);
}

/**
 * Selection with an optional refine step (e.g. the local model). The refiner sees everything above
 * CANDIDATE_FLOOR; "always" instructions are kept whatever it says, and a failing refiner leaves the
 * lexical selection in place.
 */
export async function selectInstructionsRefined(
  message: string,
  instructions: Instruction[],
  site: ChatSite,
  refine: RefineSelection | undefined,
  opts: SelectOptions = {},
): Promise<Selection[]> {
  return (await chooseInstructionsRefined(message, instructions, site, refine, opts)).added;
}

/** As selectInstructionsRefined, with what the message overrode beside it (the refiner never brings those back). */
export async function chooseInstructionsRefined(
  message: string,
  instructions: Instruction[],
  site: ChatSite,
  refine: RefineSelection | undefined,
  opts: SelectOptions = {},
): Promise<Choice> {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const scored = scoreInstructions(message, instructions, site, opts);
  const skipped = scored.filter((s) => s.overridden);
  return { added: await refined(message, scored, threshold, refine), skipped };
}

async function refined(message: string, scored: Selection[], threshold: number, refine: RefineSelection | undefined): Promise<Selection[]> {
  const lexical = scored.filter((s) => s.score >= threshold);
  if (!refine) return lexical;
  const candidates = scored.filter((s) => s.score >= CANDIDATE_FLOOR || s.instruction.scope.type === 'always');
  try {
    // The refiner's own reason ("confirmed by <model>") is what the person reads for what it kept.
    const kept = new Map((await refine(message, candidates)).map((s) => [s.instruction.id, s.why]));
    return scored
      .filter((s) => s.instruction.scope.type === 'always' || (kept.has(s.instruction.id) && candidates.includes(s)))
      .map((s) => (kept.get(s.instruction.id) ? { ...s, why: kept.get(s.instruction.id)! } : s));
  } catch {
    return lexical;
  }
}
