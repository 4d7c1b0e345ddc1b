import { AhoCorasick } from './aho-corasick';
import { requiredLiteral } from './regex-literal';
import { hasNestedRepetition } from './regex-risk';
import { WORD, cleanText, isUnspacedScript, isWordChar, keywordStems, stem } from './text';

/**
 * One matcher for every keyword, phrase and regex in a profile (rules, avoid-topics, interests): the item's
 * words are looked up once in a word index, its text is scanned once for substrings, and only the regexes
 * whose literal part occurs are run. The cost per item depends on the item's length, not on the number of rules.
 *
 * Each pattern is added with a `target` number chosen by the caller; `match` reports each target at most once
 * per item, with the words that matched.
 */
export class TextMatcher {
  /** First folded word of a keyword -> the keywords starting with it (the rest of a phrase, if any). */
  private readonly words = new Map<string, Array<{ target: number; rest: string[] | null }>>();
  private readonly substrings = new AhoCorasick();
  /** Per substring pattern id: a keyword target, or a regex whose literal it is. */
  private readonly substringUse: Array<{ target: number; bounded: boolean } | { regex: number }> = [];
  private readonly regexes: Array<{ re: RegExp; target: number }> = [];
  /** Regexes without a literal: tested together in one combined regex first, then one by one on a hit. */
  private unfiltered: number[] = [];
  private unfilteredCombined: RegExp | null = null;
  /** Regexes that cannot be combined (back-references): always run. */
  private alwaysRun: number[] = [];
  private stamp = new Uint32Array(64);
  private regexStamp = new Uint32Array(0);
  private generation = 0;
  private targetCount = 0;

  /** Maximum text a regex sees (title first). A user's regex can backtrack polynomially; bounding its input
   * bounds the damage. Exponential ones are refused in addRegex. */
  static readonly REGEX_INPUT_MAX = 1000;

  /** Adds a whole-word keyword or phrase (plurals folded); returns false when it holds nothing to match. */
  addKeyword(keyword: string, target: number): boolean {
    const folded = cleanText(keyword).toLowerCase().trim();
    if (!folded) return false;
    this.noteTarget(target);
    const stems = keywordStems(folded);
    const punctuated = stems.length === 0 || /[^\p{L}\p{M}\p{N}\s'’-]/u.test(folded);
    if (isUnspacedScript(folded) || punctuated) {
      const id = this.substrings.add(folded);
      this.substringUse[id] = { target, bounded: !isUnspacedScript(folded) };
      return true;
    }
    const list = this.words.get(stems[0]);
    const entry = { target, rest: stems.length > 1 ? stems.slice(1) : null };
    if (list) list.push(entry);
    else this.words.set(stems[0], [entry]);
    return true;
  }

  /** Adds a regex rule (flags `iu`, as the profile schema validates it). Returns why it was refused, or null. */
  addRegex(source: string, target: number): string | null {
    let re: RegExp;
    try {
      re = new RegExp(source, 'iu');
    } catch (e) {
      return `not a valid regular expression (${(e as Error).message})`;
    }
    // Matching the empty string means matching every item: a mistake, and it must not hide a whole feed.
    if (re.test('')) return 'matches every item';
    if (hasNestedRepetition(source)) return 'repeats a repeated group, which can freeze the page on long text';
    this.noteTarget(target);
    const index = this.regexes.length;
    this.regexes.push({ re, target });
    const literal = requiredLiteral(source).trim();
    if (literal.length >= 2) {
      const id = this.substrings.add(literal);
      this.substringUse[id] = { regex: index };
    } else if (/\\[1-9]|\\k</.test(source)) {
      this.alwaysRun.push(index);
    } else {
      this.unfiltered.push(index);
    }
    return null;
  }

  build(): this {
    this.substrings.build();
    if (this.unfiltered.length > 0) {
      try {
        this.unfilteredCombined = new RegExp(this.unfiltered.map((i) => `(?:${this.regexes[i].re.source})`).join('|'), 'iu');
      } catch {
        // e.g. two rules using the same group name: run them one by one instead
        this.alwaysRun = this.alwaysRun.concat(this.unfiltered);
        this.unfiltered = [];
      }
    }
    this.regexStamp = new Uint32Array(this.regexes.length);
    return this;
  }

  /**
   * Reports each matched target once. `fields` are searched separately for words (a phrase never spans two
   * fields) and together, first field first, for regexes (so `^` anchors at the start of the first field).
   */
  match(fields: readonly string[], hit: (target: number, evidence: string) => void): void {
    const gen = this.nextGeneration();
    const stamp = this.stamp;
    const report = (target: number, evidence: string) => {
      if (stamp[target] === gen) return;
      stamp[target] = gen;
      hit(target, evidence);
    };

    const clean: string[] = [];
    const lower: string[] = [];
    for (const f of fields) {
      if (!f) continue;
      const c = cleanText(f);
      clean.push(c);
      lower.push(c.toLowerCase());
    }
    if (clean.length === 0) return;

    if (this.words.size > 0) this.matchWords(lower, report);

    const joinedLower = lower.length === 1 ? lower[0] : lower.join('\n');
    let candidates: number[] | null = null;
    if (this.substrings.size > 0) {
      const rgen = gen;
      this.substrings.search(joinedLower, (id, start, end) => {
        const use = this.substringUse[id];
        if ('regex' in use) {
          if (this.regexStamp[use.regex] !== rgen) {
            this.regexStamp[use.regex] = rgen;
            (candidates ??= []).push(use.regex);
          }
          return;
        }
        if (use.bounded) {
          // whole words only: "c++" must not match inside "abc++", nor "u.s." inside "bu.s."
          if (isWordChar(joinedLower, start) && isWordChar(joinedLower, start - 1)) return;
          if (isWordChar(joinedLower, end - 1) && isWordChar(joinedLower, end)) return;
        }
        report(use.target, joinedLower.slice(start, end));
      });
    }

    if (candidates === null && this.unfilteredCombined === null && this.alwaysRun.length === 0) return;
    let text = clean.length === 1 ? clean[0] : clean.join('\n');
    if (text.length > TextMatcher.REGEX_INPUT_MAX) text = text.slice(0, TextMatcher.REGEX_INPUT_MAX);
    const runRegex = (i: number) => {
      const r = this.regexes[i];
      if (stamp[r.target] === gen) return;
      const m = r.re.exec(text);
      if (m) report(r.target, m[0]);
    };
    if (candidates !== null) for (const i of candidates as number[]) runRegex(i);
    if (this.unfilteredCombined !== null && this.unfilteredCombined.test(text)) for (const i of this.unfiltered) runRegex(i);
    for (const i of this.alwaysRun) runRegex(i);
  }

  private matchWords(lower: string[], report: (target: number, evidence: string) => void): void {
    const tokens: string[] = [];
    for (const l of lower) {
      if (tokens.length > 0) tokens.push(''); // field boundary: never part of a phrase
      WORD.lastIndex = 0;
      for (let m = WORD.exec(l); m !== null; m = WORD.exec(l)) tokens.push(m[0]);
    }
    const stems = tokens.map(stem);
    for (let i = 0; i < stems.length; i++) {
      const entries = this.words.get(stems[i]);
      if (entries === undefined) continue;
      for (const e of entries) {
        if (e.rest === null) {
          report(e.target, tokens[i]);
          continue;
        }
        const rest = e.rest;
        if (i + rest.length >= stems.length) continue;
        let ok = true;
        for (let k = 0; k < rest.length; k++) {
          if (stems[i + 1 + k] !== rest[k]) {
            ok = false;
            break;
          }
        }
        if (ok) report(e.target, tokens.slice(i, i + 1 + rest.length).join(' '));
      }
    }
  }

  private noteTarget(target: number): void {
    if (!Number.isInteger(target) || target < 0) throw new Error(`TextMatcher: bad target ${target}`);
    this.targetCount = Math.max(this.targetCount, target + 1);
    if (this.stamp.length < this.targetCount) {
      const grown = new Uint32Array(Math.max(this.targetCount, this.stamp.length * 2));
      grown.set(this.stamp);
      this.stamp = grown;
    }
  }

  private nextGeneration(): number {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      // wrapped after 4 billion items: clear so an old stamp cannot look current
      this.stamp.fill(0);
      this.regexStamp.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}
