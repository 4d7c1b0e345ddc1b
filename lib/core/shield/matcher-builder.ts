import { AhoCorasick, type AhoCorasickTable } from './aho-corasick';
import { firstWordBit, TextMatcher, type MatcherParts } from './matcher';
import { requiredLiteral } from './regex-literal';
import { cleanText, isUnspacedScript, keywordStems } from './text';
import { HashIndex32, hashOf } from './word-hash';

/**
 * Gathers a profile's keywords, phrases and regexes and works out what TextMatcher is made of (MatcherParts):
 * how each keyword folds, which are matched word by word and which as substrings, which literal gates each regex.
 * The background and Node build with it; a tab is sent the parts and does none of this (prepared.ts).
 *
 * Each pattern is added with a `target` number chosen by the caller; the matcher reports each target at most once
 * per item, with the words that matched.
 */
export class MatcherBuilder {
  /** First folded words of keywords, each with the keywords starting with it (the rest of a phrase, if any). */
  readonly #words: Array<{ stem: string; entries: Array<{ target: number; rest: string[] | null }> }> = [];
  readonly #wordOf = new Map<string, number>();
  readonly #substrings: MatcherParts['substrings'] = [];
  readonly #regexes: MatcherParts['regexes'] = [];
  readonly #programOf = new Map<string, number>();
  #targetCount = 0;

  /** Adds a whole-word keyword or phrase (plurals folded); returns false when it holds nothing to match. */
  addKeyword(keyword: string, target: number): boolean {
    const folded = cleanText(keyword).toLowerCase().trim();
    if (!folded) return false;
    this.#noteTarget(target);
    const stems = keywordStems(folded);
    const punctuated = stems.length === 0 || /[^\p{L}\p{M}\p{N}\s'’-]/u.test(folded);
    if (isUnspacedScript(folded) || punctuated) {
      this.#substrings.push([folded, target, isUnspacedScript(folded) ? 0 : 1]);
      return true;
    }
    const entry = { target, rest: stems.length > 1 ? stems.slice(1) : null };
    const known = this.#wordOf.get(stems[0]);
    if (known !== undefined) {
      this.#words[known].entries.push(entry);
      return true;
    }
    this.#wordOf.set(stems[0], this.#words.push({ stem: stems[0], entries: [entry] }) - 1);
    return true;
  }

  /** Adds a regex rule (flags `iu`, as the profile schema validates it). Returns why it was refused, or null. It
   * does not judge whether the rule could freeze the page: see TextMatcher.REGEX_INPUT_MAX. */
  addRegex(source: string, target: number): string | null {
    let re: RegExp;
    try {
      re = new RegExp(source, 'iu');
    } catch (e) {
      return `not a valid regular expression (${(e as Error).message})`;
    }
    // Matching the empty string means matching every item: a mistake, and it must not hide a whole feed.
    if (re.test('')) return 'matches every item';
    this.#noteTarget(target);
    const index = this.#regexes.length;
    let program = this.#programOf.get(source);
    if (program === undefined) this.#programOf.set(source, (program = this.#programOf.size));
    const literal = requiredLiteral(source).trim();
    let run: string;
    if (literal.length >= 2) {
      this.#substrings.push([literal, -1 - index, 0]);
      run = 'L';
    } else if (/\\[1-9]|\\k</.test(source)) run = 'A';
    else run = literal.length === 1 ? `G${literal}` : 'U';
    this.#regexes.push([source, target, program, run]);
    return null;
  }

  /** The matcher of everything added so far. */
  build(): TextMatcher {
    return TextMatcher.fromParts(this.parts());
  }

  /** What the matcher is made of: the words laid out as text and flat lists of numbers (see TextMatcher). */
  parts(): MatcherParts {
    const words = this.#words;
    let entries = 0;
    let restCount = 0;
    const restStems: string[] = [];
    for (const w of words) {
      entries += w.entries.length;
      for (const e of w.entries) if (e.rest !== null) (restCount++, restStems.push(...e.rest));
    }
    const entryStart = new Int32Array(words.length + 1);
    const entryTarget = new Int32Array(entries);
    const entryRest = new Int32Array(entries);
    const restStart = new Int32Array(restCount + 1);
    let k = 0;
    let r = 0;
    let rw = 0;
    words.forEach((w, place) => {
      entryStart[place] = k;
      for (const e of w.entries) {
        entryTarget[k] = e.target;
        if (e.rest === null) entryRest[k] = -1;
        else {
          entryRest[k] = r;
          restStart[r++] = rw;
          rw += e.rest.length;
        }
        k++;
      }
    });
    entryStart[words.length] = k;
    restStart[r] = rw;
    const stems = words.map((w) => w.stem).concat(restStems).join('\n');
    return {
      stems,
      firstCount: words.length,
      ...firstWordIndex(stems, words.length),
      entryStart,
      entryTarget,
      entryRest,
      restStart,
      substrings: [...this.#substrings],
      substringTable: substringTable(this.#substrings),
      regexes: [...this.#regexes],
      targetCount: this.#targetCount,
    };
  }

  #noteTarget(target: number): void {
    if (!Number.isInteger(target) || target < 0) throw new Error(`TextMatcher: bad target ${target}`);
    this.#targetCount = Math.max(this.#targetCount, target + 1);
  }
}

/**
 * The first words' index of the stems ('\n' between two, the first `firstCount` of them first words in their places):
 * where each stem starts, and the hash of each first word to its place, or, when first words share a hash, to
 * -2 - the place of the list of those places in `sharedWords`. Made here, not in the tab (TextMatcher.fromParts
 * takes it as it is): one hash per word, in the order they were added.
 */
function firstWordIndex(stems: string, firstCount: number): Pick<MatcherParts, 'stemStart' | 'wordKeys' | 'wordValues' | 'wordBits' | 'sharedWords'> {
  const starts = [0];
  if (firstCount > 0) {
    for (let i = stems.indexOf('\n'); i >= 0; i = stems.indexOf('\n', i + 1)) starts.push(i + 1);
    starts.push(stems.length + 1);
  }
  const index = new HashIndex32();
  const bits = new Int32Array(1 << 10);
  const shared: number[][] = [];
  for (let place = 0; place < firstCount; place++) {
    const h = hashOf(stems, starts[place], starts[place + 1] - 1);
    const bit = firstWordBit(h);
    bits[bit >>> 5] |= 1 << (bit & 31);
    const before = index.get(h);
    if (before === -1) index.set(h, place);
    else if (before >= 0) index.set(h, -2 - (shared.push([before, place]) - 1));
    else shared[-2 - before].push(place);
  }
  const { keys, values } = index.slots();
  return { stemStart: Int32Array.from(starts), wordKeys: keys, wordValues: values, wordBits: bits, sharedWords: shared };
}

/** The substrings' automaton, built here once rather than by each matcher made of these parts (TextMatcher.fromParts). */
function substringTable(substrings: MatcherParts['substrings']): AhoCorasickTable | null {
  const ac = new AhoCorasick();
  for (const [pattern] of substrings) ac.add(pattern);
  return ac.ready();
}
