import { base64ToInt32 } from '../shield/packed';
import { HashIndex32 } from '../shield/word-hash';
import { sortSmall } from '../sort-small';
import { analyseLanguage, normaliseForMatching, scriptOf, type LanguageProfile, type Script } from './language';
import { mayContain, symbolGate, tokenize, WordIndex, type TokenBuffer, type Tokens } from './tokens';
import type { RegexData, RuleData } from './data-file';

export type DetectorKind = 'rage' | 'engagement' | 'urgency' | 'promotion';

type Common = {
  /** Machine-readable reason code shown to the UI; several rules may share one code. */
  code: string;
  /** Confidence this signal gives on its own. Signals of one kind combine as independent evidence. */
  weight: number;
  /** Languages whose text this rule reads; default English only. 'any' for links and hashtags. */
  langs?: readonly string[] | 'any';
  /** Added to weight when the matched words are in capitals in the original text ("DESTROYS"). */
  capsBoost?: number;
  /** A counter-signal: multiplies the kind's confidence (disclaimers, news framing). No evidence kept. */
  damp?: number;
};

/**
 * A list of phrases, any of which is the signal. Phrases are plain lowercase words; they are matched as whole
 * token sequences in one pass over the text (a trie), so hundreds of phrases cost about as much as a few.
 * An apostrophe may be left out ("dont"), and a hyphenated word may be written joined ("braindead").
 */
export type PhraseRule = Common & {
  phrases: readonly string[];
  /** The match does not count when the text right after it matches this (e.g. /^\s*:/ for "Act Now: a film"). */
  rejectAfter?: RegExp;
};

/** Phrases from each list in order, at most `gaps[i]` tokens apart: "liberals" .. "are" .. "idiots". */
export type SequenceRule = Common & {
  parts: ReadonlyArray<readonly string[]>;
  gaps: readonly number[];
};

/** A regular expression, for what tokens cannot express (links, codes in capitals, punctuation). It runs only
 * when one of its trigger tokens is in the text or one of its `contains` strings is. */
export type RegexRule = Common & {
  re: RegExp;
  triggers?: readonly string[];
  contains?: readonly string[];
  /** Match the original text, where letter case matters (ALL-CAPS codes). */
  raw?: boolean;
};

export type PatternRule = PhraseRule | SequenceRule | RegexRule;

/** A rule as the engine takes it: as the tables write it, or as models/detectors.json holds it (data-file.ts,
 * RuleData: each phrase list by its number, regular expressions as source and flags), which a tab hands over as
 * parsed instead of rebuilding the tables' objects first. The engine reads a phrase list only to number it. */
export type EngineRule = PatternRule | RuleData;

const regexOf = <R extends RegExp | RegexData | undefined>(r: R): RegExp | Exclude<R, RegexData> =>
  r === undefined || r instanceof RegExp ? (r as Exclude<R, RegexData>) : new RegExp((r as RegexData).source, (r as RegexData).flags);

export type RuleHit = { rule: PatternRule; weight: number; evidence: string };

export type TextContext = {
  raw: string;
  lower: string;
  tokens: Tokens;
  lang: string;
  script: Script;
  /** English rules apply: the text is English, or Latin-script text too short to tell. */
  english: boolean;
  /** Mostly capitals: case-sensitive rules cannot tell a code or a shout from the rest. Counted on first use
   * (only case-sensitive rules ask, on the few items they match): read it through isShouty(). */
  shouty: boolean | undefined;
  /** Where the prose ends and the link begins (the language was read from the prose). */
  proseLength: number;
  /** Each word's number in `lexicon` (the language profile's), -1 for words not in it; null without a profile.
   * A rule engine whose vocabulary is that lexicon reads them instead of looking every word up again. */
  wordIds: readonly number[] | null;
  lexicon: WordIndex | null;
};

/**
 * `reuse`: the context's words are written into this buffer (see tokenize), and the context is valid until it is
 * used again. `proseLength`: the text is prose up to there and a link after it (see itemText). The language is read from
 * the prose alone: a link's Latin letters ("watch?v=...") would otherwise outnumber a short Japanese title and
 * let English rules read it. `language` names Latin-script languages (it ships with the detector data); without
 * it such text is 'und', which English readers take as English.
 */
export function makeContext(
  raw: string,
  proseLength = raw.length,
  language: LanguageProfile | null = null,
  reuse: TokenBuffer | null = null,
): TextContext {
  const lower = normaliseForMatching(raw);
  const wordIds = language === null ? null : reuse === null ? [] : reuse.ids;
  const tokens = tokenize(lower, reuse, language === null ? null : language.lexicon, wordIds);
  const { lang, script } = languageOfPrefix(lower, tokens, proseLength, language, wordIds);
  return {
    raw,
    lower,
    tokens,
    lang,
    script,
    english: isEnglish(lang, script),
    shouty: undefined,
    proseLength: Math.min(proseLength, lower.length),
    wordIds,
    lexicon: language === null ? null : language.lexicon,
  };
}

export function isShouty(ctx: TextContext): boolean {
  if (ctx.shouty !== undefined) return ctx.shouty;
  const raw = ctx.raw;
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  return (ctx.shouty = letters >= 8 && upper / letters > 0.6);
}

function languageOfPrefix(lower: string, tokens: Tokens, length: number, language: LanguageProfile | null, ids: readonly number[] | null) {
  if (length >= lower.length) return analyseLanguage(lower, tokens, lower.length, tokens.count, language, ids);
  let n = tokens.count;
  while (n > 0 && tokens.starts[n - 1] >= length) n--;
  return analyseLanguage(lower, tokens, length, n, language, ids);
}

const isEnglish = (lang: string, script: Script) => lang === 'en' || (lang === 'und' && script === 'latin');

/**
 * Whether English-only readers apply to the first `length` characters (a title above a body): the item's prose
 * is English, and that part is not in another script. Only the script is read there: the word profile is too
 * unsure on a title alone ("... As A ..." reads as Portuguese), while the whole prose tells better.
 */
export function englishPrefix(ctx: TextContext, length: number): boolean {
  if (!ctx.english) return false;
  if (length >= ctx.proseLength) return true;
  return scriptOf(ctx.lower, Math.min(length, ctx.lower.length), ctx.tokens.ascii).script !== 'other';
}

/**
 * The rule engine's look-ups as plain numbers and words, built by indexRules (rule-index.ts) once, at build time,
 * into models/detectors.json: a tab restores them instead of building the trie of every phrase's words, which costs
 * tens of milliseconds in a page's fresh, not yet optimised script, and leaves that code out of the content scripts.
 *
 * The trie, flattened: nodes are numbered; rootNode[w + 1] is the node of vocabulary word w (-1: none), a node's
 * phrase lists are setList[setStart[n] .. setStart[n + 1]) and its regex rules (by their place among the regex
 * rules of the tables, in order) regexList[regexStart[n] .. regexStart[n + 1]); the child of node n by word w is
 * the node of the key n * vocabulary.length + w + 1 in the hash of edges. What every tab would otherwise derive
 * the same way from these, is here derived once: each vocabulary word's hash and place in the WordIndex of them, and
 * the hash of edges as its slots lie (HashIndex32.restore), in base64.
 */
export type RuleIndex = {
  vocabulary: string[];
  /** Int32, each word's hash and slot in the WordIndex of them (tokens.ts, placeWords). */
  wordSlots: string;
  rootNode: number[];
  setStart: number[];
  setList: number[];
  regexStart: number[];
  regexList: number[];
  /** Int32, the hash of edges' slots: keys (0: empty), and the node of each. */
  edgeKeys: string;
  edgeNodes: string;
};

/** A phrase found in the text: token range [start, end] inclusive. */
type Found = { start: number; end: number };

type Owned<R> = R & { kind: DetectorKind };
type OwnedSequence = Owned<SequenceRule> & { ids: number[] };
type OwnedRegex = Owned<RegexRule> & { stamp: number };

export class RuleEngine {
  /** Each phrase list's number, by the list object (or the data file's number for it): rules that share a list
   * share its finds. */
  #setIds = new Map<readonly string[] | number, number>();
  #phraseRules: Array<Array<Owned<PhraseRule>>> = [];
  #sequenceRules: OwnedSequence[] = [];
  /** Per phrase list: the sequences (by index) whose first part it is. Only those can be complete. */
  #sequencesByFirst: number[][] = [];
  /** The `contains` strings, each with its rules. The shipped tables have a handful (symbols, emoji, "utm_"), each
   * found with the native indexOf, behind its symbol gate: an automaton over every character cost more than that,
   * and building it cost every page. */
  #byContains: Array<[string, OwnedRegex[]]> = [];
  #containsPresent = new Uint8Array(0);
  /** Per `contains` string, the symbol the text must have for it to occur (see symbolGate). */
  #containsGates: number[] = [];
  /** Every word on any path of the trie, numbered: a text's words are looked up here once each. */
  #vocabulary: WordIndex;
  /**
   * The trie, flattened into numbers (see RuleIndex): every item's words walk it, and each step through node
   * objects and maps read several objects scattered over the heap (the flat walk made the fast tier 2% faster).
   */
  #rootNode: Int32Array;
  #setStart: Int32Array;
  #setList: Int32Array;
  #regexStart: Int32Array;
  #regexList: OwnedRegex[];
  #edges: HashIndex32;
  /** Per-text scratch, for a context that brings no numbers of its own (see TextContext.wordIds): the number of
   * each word of the text in the vocabulary, -1 for words not in it. */
  readonly #ids: number[] = [];
  #allRegex: OwnedRegex[] = [];
  /** Per phrase list, its finds in this text: the first foundCount[id] entries of found[id], whose objects are
   * reused from text to text. Scratch lists here keep counts rather than being emptied: setting an array's length
   * to 0 calls into the runtime and drops its storage, which the next text then allocates again. */
  #found: Found[][] = [];
  #foundCount: number[] = [];
  #foundStamp: number[] = [];
  #run = 0;
  /** Per-text scratch, reused: match() runs synchronously and is never re-entered. */
  readonly #candidates: OwnedRegex[] = [];
  readonly #touched: number[] = [];
  /** Scratch, like #candidates: sequences whose first part was found. */
  readonly #sequenceCandidates: number[] = [];

  /** `index`: what indexRules made of these very rules (and of the lexicon it was given: more words for the
   * vocabulary, the language profile's function words, so that one look-up per word serves both; see
   * TextContext.wordIds). Trusted: indexRules, which Node callers build it with, refuses malformed rules, and the
   * background refuses a data file whose index does not fit its rules (data-file-check.ts) before a tab gets it. */
  constructor(sets: Record<DetectorKind, readonly EngineRule[]>, index: RuleIndex) {
    for (const [kind, rules] of Object.entries(sets) as Array<[DetectorKind, readonly EngineRule[]]>) {
      for (const rule of rules) {
        if ('phrases' in rule) {
          const id = this.#addSet(rule.phrases);
          (this.#phraseRules[id] ??= []).push({ ...rule, kind, rejectAfter: regexOf(rule.rejectAfter) } as Owned<PhraseRule>);
        } else if ('parts' in rule) {
          const ids = (rule.parts as ReadonlyArray<readonly string[] | number>).map((p) => this.#addSet(p));
          (this.#sequencesByFirst[ids[0]] ??= []).push(this.#sequenceRules.push({ ...rule, kind, ids } as OwnedSequence) - 1);
        } else {
          const owned = { ...rule, kind, stamp: 0, re: regexOf(rule.re) } as OwnedRegex;
          this.#allRegex.push(owned);
          for (const s of rule.contains ?? []) {
            const entry = this.#byContains.find(([k]) => k === s);
            if (entry) entry[1].push(owned);
            else this.#byContains.push([s, [owned]]);
          }
        }
      }
    }
    this.#vocabulary = new WordIndex(index.vocabulary, base64ToInt32(index.wordSlots));
    this.#rootNode = Int32Array.from(index.rootNode);
    this.#setStart = Int32Array.from(index.setStart);
    this.#setList = Int32Array.from(index.setList);
    this.#regexStart = Int32Array.from(index.regexStart);
    this.#regexList = index.regexList.map((k) => this.#allRegex[k]);
    this.#edges = HashIndex32.restore(base64ToInt32(index.edgeKeys), base64ToInt32(index.edgeNodes));
    this.#containsPresent = new Uint8Array(this.#byContains.length);
    this.#containsGates = this.#byContains.map(([k]) => symbolGate(k));
  }

  /** The words it looks up, numbered: every word of the trie, then the extra lexicon. */
  get vocabulary(): WordIndex {
    return this.#vocabulary;
  }

  /** The key of the edge from node `n` by word number `w`: never 0, which HashIndex32 keeps for empty slots. */
  #edgeKey(n: number, w: number): number {
    return n * this.#vocabulary.size + w + 1;
  }

  #addSet(phrases: readonly string[] | number): number {
    let id = this.#setIds.get(phrases);
    if (id === undefined) {
      this.#setIds.set(phrases, (id = this.#found.length));
      this.#found.push([]);
      this.#foundCount.push(0);
      this.#foundStamp.push(0);
    }
    return id;
  }

  /** Marks in containsPresent which `contains` strings occur in the lowered text; returns whether any does. */
  #markContains(ctx: TextContext): boolean {
    const present = this.#containsPresent;
    // cleared by a loop: TypedArray fill is a call into the runtime, once per item
    for (let c = 0; c < present.length; c++) present[c] = 0;
    let any = false;
    for (let c = 0; c < this.#byContains.length; c++) {
      // "%", "#", "utm_" and emoji cannot occur where the tokenizer saw no such symbol.
      if (!mayContain(ctx.tokens, this.#containsGates[c])) continue;
      if (ctx.lower.indexOf(this.#byContains[c][0]) >= 0) {
        present[c] = 1;
        any = true;
      }
    }
    return any;
  }

  /** Every matching rule, grouped by kind. `ungated` runs every regex rule (tests use it to check the gates). */
  match(ctx: TextContext, ungated = false): ReadonlyMap<DetectorKind, RuleHit[]> {
    const stamp = ++this.#run;
    // Most items match no rule: their answer is one shared empty map, not a new one each.
    let out: Map<DetectorKind, RuleHit[]> | null = null;
    const tokens = ctx.tokens;
    const count = tokens.count;
    const vocabulary = this.#vocabulary;
    let ids: readonly number[];
    if (ctx.lexicon === vocabulary && ctx.wordIds !== null) ids = ctx.wordIds;
    else {
      const own = this.#ids;
      for (let i = 0; i < count; i++) own[i] = vocabulary.id(tokens, i);
      ids = own;
    }
    const rootNode = this.#rootNode;
    const setStart = this.#setStart;
    const setList = this.#setList;
    const regexStart = this.#regexStart;
    const edges = this.#edges;
    const found = this.#found;
    const foundCount = this.#foundCount;
    const foundStamp = this.#foundStamp;
    const candidates = this.#candidates;
    let candidateCount = 0;

    // 1. One walk of the trie from every token; the first step also opens the regex gates of that word.
    const touched = this.#touched;
    let touchedCount = 0;
    for (let i = 0; i < count; i++) {
      let node = rootNode[ids[i] + 1];
      if (node < 0) continue;
      for (let k = regexStart[node]; k < regexStart[node + 1]; k++) {
        const r = this.#regexList[k];
        if (r.stamp === stamp) continue;
        r.stamp = stamp;
        candidates[candidateCount++] = r;
      }
      let j = i;
      for (;;) {
        for (let k = setStart[node]; k < setStart[node + 1]; k++) {
          const id = setList[k];
          if (foundStamp[id] !== stamp) {
            foundStamp[id] = stamp;
            foundCount[id] = 0; // only lists stamped in this run are read
            touched[touchedCount++] = id;
          }
          const list = found[id];
          const at = foundCount[id]++;
          if (at < list.length) {
            list[at].start = i;
            list[at].end = j;
          } else list.push({ start: i, end: j });
        }
        if (++j >= count || ids[j] < 0) break;
        node = edges.get(this.#edgeKey(node, ids[j]));
        if (node < 0) break;
      }
    }

    // 2. Phrase rules whose list was found.
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t];
      const rules = this.#phraseRules[id];
      if (!rules) continue;
      for (const rule of rules) {
        if (!appliesTo(rule, ctx, false)) continue;
        for (let k = 0; k < foundCount[id]; k++) {
          const f = found[id][k];
          const from = ctx.tokens.starts[f.start];
          const to = ctx.tokens.ends[f.end];
          if (rule.rejectAfter && rule.rejectAfter.test(ctx.lower.slice(to, to + 24))) continue;
          out = addHit(out, rule, ctx, from, to);
          break;
        }
      }
    }

    // 3. Sequences whose first part was found, in the order they were given: each part after the previous one,
    // within its gap.
    const sequences = this.#sequenceCandidates;
    let sequenceCount = 0;
    for (let t = 0; t < touchedCount; t++) {
      const starting = this.#sequencesByFirst[touched[t]];
      if (starting !== undefined) for (const q of starting) sequences[sequenceCount++] = q;
    }
    if (sequenceCount > 1) sortSmall(sequences, (a, b) => a - b, sequenceCount);
    for (let q = 0; q < sequenceCount; q++) {
      if (q > 0 && sequences[q] === sequences[q - 1]) continue;
      const rule = this.#sequenceRules[sequences[q]];
      let all = true;
      for (let k = 0; k < rule.ids.length && all; k++) if (foundStamp[rule.ids[k]] !== stamp) all = false;
      if (!all || !appliesTo(rule, ctx, false)) continue;
      const span = chain(found, foundCount, rule.ids, rule.gaps);
      if (span) out = addHit(out, rule, ctx, ctx.tokens.starts[span.start], ctx.tokens.ends[span.end]);
    }

    // 4. Regular expressions behind their gates.
    if (ungated) {
      for (const r of this.#allRegex) {
        if (r.stamp === stamp) continue;
        r.stamp = stamp;
        candidates[candidateCount++] = r;
      }
    } else if (this.#byContains.length > 0 && this.#markContains(ctx)) {
      const present = this.#containsPresent;
      for (let c = 0; c < this.#byContains.length; c++) {
        if (present[c] === 0) continue;
        for (const r of this.#byContains[c][1]) {
          if (r.stamp === stamp) continue;
          r.stamp = stamp;
          candidates[candidateCount++] = r;
        }
      }
    }
    for (let k = 0; k < candidateCount; k++) {
      const r = candidates[k];
      if (!appliesTo(r, ctx, !!r.raw)) continue;
      const m = r.re.exec(r.raw ? ctx.raw : ctx.lower);
      if (m) out = addHit(out, r, ctx, m.index, m.index + m[0].length);
    }
    return out ?? NO_HITS;
  }
}

/** The first chain of finds, one per list, each starting after the previous ends and within its gap. */
function chain(found: Found[][], counts: readonly number[], ids: readonly number[], gaps: readonly number[]): Found | null {
  const first = found[ids[0]];
  for (let i = 0; i < counts[ids[0]]; i++) {
    const end = chainFrom(found, counts, ids, gaps, 1, first[i]);
    if (end >= 0) return { start: first[i].start, end };
  }
  return null;
}

function chainFrom(found: Found[][], counts: readonly number[], ids: readonly number[], gaps: readonly number[], k: number, prev: Found): number {
  if (k === ids.length) return prev.end;
  const list = found[ids[k]];
  for (let i = 0; i < counts[ids[k]]; i++) {
    const f = list[i];
    const gap = f.start - prev.end - 1;
    if (gap < 0 || gap > gaps[k - 1]) continue;
    const end = chainFrom(found, counts, ids, gaps, k + 1, f);
    if (end >= 0) return end;
  }
  return -1;
}

const NO_HITS: ReadonlyMap<DetectorKind, RuleHit[]> = new Map();

/** Adds a hit to `out`, made on the first hit; returns it. */
function addHit(out: Map<DetectorKind, RuleHit[]> | null, rule: Owned<PatternRule>, ctx: TextContext, from: number, to: number) {
  out ??= new Map();
  const evidence = rule.damp === undefined ? evidenceOf(ctx, from, to) : '';
  let weight = rule.weight;
  if (rule.capsBoost && /[A-Z]{3}/.test(evidence) && evidence === evidence.toUpperCase() && !isShouty(ctx)) {
    weight = Math.min(0.95, weight + rule.capsBoost);
  }
  const list = out.get(rule.kind);
  if (list) list.push({ rule, weight, evidence });
  else out.set(rule.kind, [{ rule, weight, evidence }]);
  return out;
}

function appliesTo(r: Common, ctx: TextContext, raw: boolean): boolean {
  if (raw && isShouty(ctx)) return false;
  const langs = r.langs ?? EN;
  if (langs === 'any') return true;
  if (ctx.english && langs.includes('en')) return true;
  return langs.includes(ctx.lang);
}

const EN = ['en'] as const;

function evidenceOf(ctx: TextContext, from: number, to: number): string {
  // Quote the page's own letters when lowercasing kept the offsets (it nearly always does).
  const src = ctx.lower.length === ctx.raw.length ? ctx.raw : ctx.lower;
  const quoted = src.slice(from, to).trim();
  return quoted.length > 80 ? `${quoted.slice(0, 77)}...` : quoted;
}

export type KindScore = { confidence: number; code: string; evidence: string[] };

/**
 * Independent signals combine as 1 - prod(1 - w) (two weak cues make a stronger case), one value per code so
 * that three ways of saying the same thing do not count three times; counter-signals then scale it down.
 */
export function scoreHits(hits: readonly RuleHit[]): KindScore | null {
  // The strongest hit per code, in the order codes first appear (a kind has a handful of hits: a list beats a map).
  const best: RuleHit[] = [];
  let damp = 1;
  for (const h of hits) {
    if (h.rule.damp !== undefined) {
      damp = Math.min(damp, h.rule.damp);
      continue;
    }
    let k = 0;
    while (k < best.length && best[k].rule.code !== h.rule.code) k++;
    if (k === best.length) best.push(h);
    else if (h.weight > best[k].weight) best[k] = h;
  }
  if (best.length === 0) return null;
  let miss = 1;
  let top: RuleHit | null = null;
  const evidence: string[] = [];
  if (best.length > 1) sortSmall(best, (a, b) => b.weight - a.weight);
  for (const h of best) {
    miss *= 1 - h.weight;
    top ??= h;
    if (h.evidence && !evidence.includes(h.evidence) && evidence.length < 5) evidence.push(h.evidence);
  }
  const confidence = Math.round(Math.min(0.99, (1 - miss) * damp) * 1000) / 1000;
  return { confidence, code: top!.rule.code, evidence };
}
