import type { ChatSite } from '../../schema/common';
import type { Instruction } from '../../schema/profile';
import { defaultLexicon } from './default-lexicon';
import type { Lexicon } from './lexicon';
import { parseInstruction } from './parse';
import { tokenize, type Token } from './text';

export interface Selection {
  instruction: Instruction;
  /** 0..1; 1 for instructions that always apply. */
  score: number;
  /** Short text for the user: why this instruction was added. */
  why: string;
}

export interface SelectOptions {
  /** Defaults to the lexicon shipped with the extension. */
  lexicon?: Lexicon;
  /** Lowest score that selects an `auto` or `topics` instruction. */
  threshold?: number;
}

/**
 * Optional second opinion (the local model): receives the message and the candidates the lexical selector
 * scored, and returns the ones to keep. Candidates include near misses (score >= CANDIDATE_FLOOR) so a model
 * can add what words alone missed as well as drop what they wrongly caught.
 */
export type RefineSelection = (message: string, candidates: Selection[]) => Promise<Selection[]>;

export const DEFAULT_THRESHOLD = 0.5;
export const CANDIDATE_FLOOR = 0.25;

/** A related word counts a little less than the word itself. */
const RELATED = 0.9;
/** An area a word only leans to (a rare sense, a word in its definition) is too weak to relate it to others. */
const WEAK_AREA = 0.55;
/** A tested value that is mentioned decides its clause; naming the attribute too ("the city is") adds a little. */
const VALUE_SHARE = 0.8;
/** The condition decides; the action only tips a borderline case. */
const CONDITION_SHARE = 0.8;
const MAX_CHAIN_ROUNDS = 4;

interface Prepared {
  clauses: { topic: Token[]; value: Token[] }[];
  action: Token[];
  actionSetsValues: boolean;
  general: boolean;
  topics: Token[][];
}

interface Evidence {
  score: number;
  why: string;
}

interface ChainWord {
  token: Token;
  from: Instruction;
  /** Set by an action that sets values: it satisfies value tests only, not a subject. */
  valueOnly: boolean;
}

const prepared = new WeakMap<Lexicon, Map<string, Prepared>>();

function prepare(instruction: Instruction, lexicon: Lexicon): Prepared {
  let cache = prepared.get(lexicon);
  if (!cache) prepared.set(lexicon, (cache = new Map()));
  const key = instruction.scope.type === 'topics' ? `${instruction.text}\u0000${instruction.scope.topics.join('\u0000')}` : instruction.text;
  const hit = cache.get(key);
  if (hit) return hit;
  const parsed = parseInstruction(instruction.text);
  const clauses = parsed.clauses.length
    ? parsed.clauses.map((c) => ({ topic: tokenize(c.topic, lexicon), value: tokenize(c.value, lexicon) }))
    : [{ topic: tokenize(instruction.text, lexicon), value: [] }];
  const result: Prepared = {
    clauses,
    action: parsed.clauses.length ? tokenize(parsed.action, lexicon) : [],
    actionSetsValues: parsed.actionSetsValues,
    general: parsed.general,
    topics: instruction.scope.type === 'topics' ? instruction.scope.topics.map((t) => tokenize(t, lexicon)) : [],
  };
  if (cache.size > 2000) cache.clear();
  cache.set(key, result);
  return result;
}

function relatedness(a: Token, b: Token): number {
  if (a.stem === b.stem) return 1;
  let best = 0;
  for (const x of a.areas) {
    if (x.weight < WEAK_AREA) continue;
    for (const y of b.areas) if (x.area === y.area && y.weight >= WEAK_AREA) best = Math.max(best, x.weight * y.weight);
  }
  return best * RELATED;
}

/** How strongly a message (and what already-selected instructions set) touches any of these words. */
function topicEvidence(words: Token[], message: Token[], chain: ChainWord[], forValue = false): Evidence {
  let best: Evidence = { score: 0, why: '' };
  for (const w of words) {
    for (const m of message) {
      const r = relatedness(w, m);
      if (r <= best.score) continue;
      best = { score: r, why: w.stem === m.stem ? `mentions "${m.surface}"` : `about "${w.surface}" (matched "${m.surface}")` };
    }
    for (const c of chain) {
      if ((c.valueOnly && !forValue) || c.token.stem !== w.stem || best.score >= 1) continue;
      best = { score: 1, why: `follows from "${clip(c.from.text)}"` };
    }
  }
  return best;
}

/** A tested value ("Paris") must itself be mentioned, by the user or by an instruction already selected. */
function valueEvidence(values: Token[], message: Token[], chain: ChainWord[]): Evidence {
  let found = 0;
  let why = '';
  for (const v of values) {
    const m = message.find((t) => t.stem === v.stem);
    const c = m ? undefined : chain.find((t) => t.token.stem === v.stem);
    if (m || c) found++;
    if (!why && m) why = `mentions "${m.surface}"`;
    if (!why && c) why = `follows from "${clip(c.from.text)}"`;
  }
  return { score: found / values.length, why };
}

function conditionEvidence(p: Prepared, message: Token[], chain: ChainWord[]): Evidence {
  let worst: Evidence = { score: 1, why: '' };
  let first = '';
  for (const clause of p.clauses) {
    let ev: Evidence;
    if (!clause.topic.length && !clause.value.length) continue;
    if (!clause.value.length) ev = topicEvidence(clause.topic, message, chain);
    else {
      const value = valueEvidence(clause.value, message, chain);
      const topic = clause.topic.length ? topicEvidence(clause.topic, message, chain, true) : value;
      ev = { score: value.score * (VALUE_SHARE + (1 - VALUE_SHARE) * topic.score), why: value.why || topic.why };
    }
    if (!first) first = ev.why;
    if (ev.score < worst.score) worst = ev;
  }
  // The first clause usually names the subject: its match explains the choice best.
  return { score: worst.score, why: first || worst.why };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function allowed(instruction: Instruction, site: ChatSite): boolean {
  return instruction.enabled && instruction.sites.includes(site);
}

function score(instruction: Instruction, p: Prepared, message: Token[], chain: ChainWord[], lexicon: Lexicon): Evidence {
  const scope = instruction.scope;
  if (scope.type === 'always') return { score: 1, why: 'always' };
  if (scope.type === 'topics') {
    let best: Evidence = { score: 0, why: '' };
    scope.topics.forEach((topic, i) => {
      const ev = topicEvidence(p.topics[i], message, []);
      if (ev.score > best.score) best = { score: ev.score, why: ev.why.startsWith('mentions') ? ev.why : `about "${topic}"${ev.why.replace(/^about "[^"]*"/, '')}` };
    });
    return best;
  }
  if (p.general) return { score: 1, why: 'applies to every message' };
  const condition = conditionEvidence(p, message, chain);
  if (!p.action.length) return condition;
  const action = topicEvidence(p.action, message, []);
  return { score: CONDITION_SHARE * condition.score + (1 - CONDITION_SHARE) * action.score, why: condition.why || action.why };
}

/**
 * Scores every enabled instruction allowed on `site` against `message`, in the user's order. Instructions
 * selected by the message can in turn select others whose condition they satisfy ("for trips, also look at
 * hotels" brings in the hotel instructions).
 */
export function scoreInstructions(message: string, instructions: Instruction[], site: ChatSite, opts: SelectOptions = {}): Selection[] {
  const lexicon = opts.lexicon ?? defaultLexicon();
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const usable = instructions.filter((i) => allowed(i, site));
  const preps = usable.map((i) => prepare(i, lexicon));
  const msg = tokenize(message, lexicon);
  const chain: ChainWord[] = [];
  const chained = new Set<number>();
  let results: Evidence[] = [];
  for (let round = 0; round < MAX_CHAIN_ROUNDS; round++) {
    results = usable.map((ins, i) => score(ins, preps[i], msg, chain, lexicon));
    let grew = false;
    results.forEach((r, i) => {
      if (r.score < threshold || chained.has(i) || usable[i].scope.type !== 'auto') return;
      chained.add(i);
      for (const token of preps[i].action) chain.push({ token, from: usable[i], valueOnly: preps[i].actionSetsValues });
      grew = preps[i].action.length > 0 || grew;
    });
    if (!grew) break;
  }
  return usable.map((instruction, i) => ({ instruction, score: Math.min(1, results[i].score), why: results[i].why }));
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
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const scored = scoreInstructions(message, instructions, site, opts);
  const lexical = scored.filter((s) => s.score >= threshold);
  if (!refine) return lexical;
  const candidates = scored.filter((s) => s.score >= CANDIDATE_FLOOR || s.instruction.scope.type === 'always');
  try {
    const kept = new Set((await refine(message, candidates)).map((s) => s.instruction.id));
    return scored.filter((s) => s.instruction.scope.type === 'always' || (kept.has(s.instruction.id) && candidates.includes(s)));
  } catch {
    return lexical;
  }
}
