// Computes which of the keywords, phrases and regexes added to it occur in an item's text fields, each reported
// once with the text it matched (tests/reference/matcher.ts computes the same plainly and slowly).
import { AhoCorasick, type AhoCorasickTable } from './aho-corasick';
import { asciiTwin } from './regex-ascii';
import { asciiLower, cleanText, isWordChar, wordPatternOnce } from './text';
import { FNV, HashIndex32, isStemOf, stemHash, stemHashScanned, type Folding } from './word-hash';

/**
 * What a matcher is made of, as MatcherBuilder (matcher-builder.ts) works it out from the keywords and regexes
 * added to it: everything a match reads that is not quick to make again. The background builds these once per
 * profile and sends them to tabs (prepared.ts), which make the matcher from them (TextMatcher.fromParts) and carry
 * no code to work them out.
 */
export interface MatcherParts {
  /** Every stem, first words first, '\n' between two. */
  stems: string;
  /** How many of them are first words (the rest are the further words of phrases). */
  firstCount: number;
  entryStart: Int32Array;
  entryTarget: Int32Array;
  entryRest: Int32Array;
  restStart: Int32Array;
  /** Where each stem starts in `stems`, and one more: the end of the last plus one. */
  stemStart: Int32Array;
  /** The first words' index, made where the words are gathered (matcher-builder.ts, firstWordIndex) and sent ready
   * to tabs: HashIndex32's slots (keys and values), the bit per hash (firstWordBit) and the lists of places whose
   * words share a hash (issue 24: made in the tab, one hash per word of a large profile, it cost the page start
   * several ms of cold code). */
  wordKeys: Int32Array;
  wordValues: Int32Array;
  wordBits: Int32Array;
  sharedWords: number[][];
  /** The substring patterns, by id: [folded keyword, target, 1 when only whole words count] or [a regex's literal,
   * -1 - the regex, 0]. */
  substrings: Array<[pattern: string, target: number, bounded: 0 | 1]>;
  /** The substrings' automaton, built (AhoCorasick.ready; null when it has no table): pattern i of `substrings`
   * is its id i. */
  substringTable: AhoCorasickTable | null;
  /** The regexes, in the order added: [source, target, program (distinct sources share one), how it is run: 'L' by
   * its literal among the substrings, 'A' always (back-references), 'G' and a character: on items with that
   * character, 'U': on every item (tried together first)]. */
  regexes: Array<[source: string, target: number, program: number, run: string]>;
  targetCount: number;
}

/**
 * One matcher for every keyword, phrase and regex in a profile (rules, avoid-topics, interests): the item's
 * words are looked up once in a word index, its text is scanned once for substrings, and only the regexes
 * whose literal part occurs are run. The cost per item depends on the item's length, not on the number of rules.
 *
 * Each pattern is added with a `target` number chosen by the caller; `match` reports each target at most once
 * per item, with the words that matched.
 */
export class TextMatcher {
  /** The word index as matched. Stems are numbered: first words by their place (0 to firstCount - 1), then the
   * further words of phrases; stem s is stemText from stemStart[s] to stemStart[s + 1] - 1 (a '\n' between two).
   * Per place, its keywords are entryStart[place] to entryStart[place + 1] - 1, each a target and the rest of its
   * phrase (-1: a single word), the stems firstCount + restStart[r] to firstCount + restStart[r + 1] - 1. Text and
   * flat lists of numbers rather than a string and an object per keyword: a profile with topics by meaning has
   * thousands, and a tab keeps them for the page's life. */
  #stemText = '';
  #stemStart: Int32Array = new Int32Array(1);
  #firstCount = 0;
  #entryStart: Int32Array = new Int32Array(1);
  #entryTarget: Int32Array = new Int32Array(0);
  #entryRest: Int32Array = new Int32Array(0);
  #restStart: Int32Array = new Int32Array(1);
  #substrings = new AhoCorasick();
  /** Per substring pattern id: a keyword target, or a regex whose literal it is. */
  readonly #substringUse: Array<{ target: number; bounded: boolean } | { regex: number }> = [];
  /** Each regex, and its twin for text that is all ASCII (see asciiTwin; null when it has none), each made when
   * an item first needs it (#regexFor): most of a large profile's regexes wait for a literal that few items hold,
   * and making them all cost a tab's start a few ms. The sources compiled where they were added (MatcherBuilder). */
  readonly #regexes: Array<{ source: string; re: RegExp | null; ascii: RegExp | null | undefined; target: number; program: number }> = [];
  /** Distinct regex sources: rules imported from several lists repeat the same pattern, and one run per item
   * answers for all of them. Per program, the item it last ran on and what it matched there (null: nothing). */
  #programStamp = new Uint32Array(0);
  #programMatch: Array<string | null> = [];
  /** Regexes without a literal of two or more characters, in the order they were added. Those that need one
   * character (`!{3,}` needs "!") are gated by it (`unfilteredGate`, -1 = none); the rest are tested together
   * in one combined regex first, then one by one on a hit. */
  #unfiltered: number[] = [];
  #unfilteredGate: number[] = [];
  #unfilteredCombined: RegExp | null = null;
  #unfilteredCombinedAscii: RegExp | null = null;
  /** Whether the item being matched is all ASCII (its regexes may run as their ASCII twins). */
  #asciiItem = false;
  /** While the fields are read: none so far has had a character outside ASCII. */
  #ascii = true;
  /** The gate characters, and per item whether each occurs. */
  #gateChars: string[] = [];
  #gatePresent = new Uint8Array(0);
  /** ASCII character code -> 1 + the gate it is, for gates the word scan notes as it passes (punctuation and
   * symbols); 0 for the rest. Gates that are letters, digits or outside ASCII are looked for with indexOf. */
  #gateOfChar = new Uint8Array(128);
  /** What the ASCII scan needs of each character as the page wrote it, in one read: the character in small letters
   * (bits 0-6), whether it is a word character (WORD_BIT), else the gate it is (bits 8-15, as in gateOfChar), and
   * its class in the substrings' table (bits 16 on). */
  readonly #charInfo = new Int32Array(128);
  /** Regexes that cannot be combined (back-references): always run. */
  #alwaysRun: number[] = [];
  /** Hash of a first word -> its place in `words`, or, when first words share a hash, -2 - the place of the list
   * of those places in `sharedHash`. An item word is looked up by the hash of its stem and checked in place:
   * most words are ruled out by one read, and none is cut out of the text. */
  #firstWords = new HashIndex32();
  /** A bit per first word's hash (firstWordBit), read before the index: most words of an item start no keyword,
   * and one read of a 4 KB table, whose answer is nearly always "no", rules them out. The probe of the index ends
   * at a match or an empty slot, which cannot be foreseen word by word. */
  #firstWordBits: Int32Array = new Int32Array(1 << 10);
  #sharedHash: number[][] = [];
  /** The item being matched: match() runs synchronously and is not re-entered from its own callback. */
  #hit: (target: number, evidence: string) => void = () => {};
  #gen = 0;
  /** The item's fields (scratch, reused per item): the first #fieldCount entries are this item's. `clean` holds
   * each as the page wrote it, or cleaned (cleanText) once it is found to hold a character outside ASCII; `lower`
   * the same in small letters, or '' until something reads it (#lowerOf). Scratch lists here keep a count rather
   * than being emptied: setting an array's length to 0 is a call into the runtime that also drops its storage,
   * which the next item then allocates again. */
  readonly #clean: string[] = [];
  readonly #lower: string[] = [];
  #fieldCount = 0;
  /** The lower-cased field being searched for substrings. */
  #fieldLower = '';
  /** The substrings' transition table, when they have one: the ASCII word scan steps it (see #matchWords). */
  #substringTable: AhoCorasick['table'] = null;
  /** Per field of the item: 1 when the word scan searched it for substrings. */
  #substringsInScan = new Uint8Array(4);
  /** The field the word scan is reading, and the substrings it found there and in the fields before. */
  #scanField = 0;
  #foundCount = 0;
  readonly #foundId: number[] = [];
  readonly #foundStart: number[] = [];
  readonly #foundEnd: number[] = [];
  readonly #foundField: number[] = [];
  readonly #candidates: number[] = [];
  #candidateCount = 0;
  /** Per-item scratch, reused: match() runs synchronously and never re-enters. One entry per item word (or
   * field boundary, start -1): where it is, the hash of its stem, and how it folds (see Folding). */
  readonly #tokStarts: number[] = [];
  readonly #tokEnds: number[] = [];
  readonly #tokField: number[] = [];
  readonly #tokHash: number[] = [];
  readonly #stems: Array<string | null> = [];
  readonly #cuts: number[] = [];
  readonly #folding: Folding = { stem: null, cut: 0 };
  #stamp = new Uint32Array(64);
  #regexStamp = new Uint32Array(0);
  #generation = 0;
  #targetCount = 0;

  /** Maximum text a regex sees (title first). A user's regex can backtrack polynomially; bounding its input
   * bounds the damage. Exponential ones never reach a tab: the background sends tabs only rules that pass its
   * checks (withRunnableRules, lib/schema/rule-risk.ts). */
  static readonly REGEX_INPUT_MAX = 1000;

  /** Makes a matcher from its parts (MatcherBuilder, or the background's form of them: prepared.ts). */
  static fromParts(parts: MatcherParts): TextMatcher {
    const m = new TextMatcher();
    m.#entryStart = parts.entryStart;
    m.#entryTarget = parts.entryTarget;
    m.#entryRest = parts.entryRest;
    m.#restStart = parts.restStart;
    m.#stemText = parts.stems;
    m.#stemStart = parts.stemStart;
    m.#firstCount = parts.firstCount;
    m.#firstWords = HashIndex32.restore(parts.wordKeys, parts.wordValues);
    m.#firstWordBits = parts.wordBits;
    m.#sharedHash = parts.sharedWords;
    if (parts.targetCount > 0) m.#noteTarget(parts.targetCount - 1);
    const table = parts.substringTable;
    if (table !== null) m.#substrings = AhoCorasick.restore(table);
    // The lists are read by index, not destructured (see restoreLookups, prepared.ts).
    parts.substrings.forEach((p, id) => {
      if (table === null) m.#substrings.add(p[0]);
      const target = p[1];
      m.#substringUse[id] = target >= 0 ? { target, bounded: p[2] === 1 } : { regex: -1 - target };
    });
    let programs = 0;
    parts.regexes.forEach((r, index) => {
      const program = r[2];
      const run = r[3];
      m.#regexes.push({ source: r[0], re: null, ascii: undefined, target: r[1], program });
      programs = Math.max(programs, program + 1);
      if (run === 'A') m.#alwaysRun.push(index);
      else if (run !== 'L') {
        m.#unfiltered.push(index);
        m.#unfilteredGate.push(run === 'U' ? -1 : m.#gateFor(run.slice(1)));
      }
    });
    return m.#build(programs);
  }

  #gateFor(ch: string): number {
    const known = this.#gateChars.indexOf(ch);
    return known >= 0 ? known : this.#gateChars.push(ch) - 1;
  }

  #build(programs: number): this {
    this.#substrings.build();
    this.#substringTable = this.#substrings.table;
    const ungated = this.#unfiltered.filter((_, k) => this.#unfilteredGate[k] < 0);
    if (ungated.length > 0) {
      try {
        // Each tried on every item: made now.
        const combined = ungated.map((i) => `(?:${this.#regexFor(i, false).source})`).join('|');
        this.#unfilteredCombined = new RegExp(combined, 'iu');
        this.#unfilteredCombinedAscii = ungated.every((i) => this.#twinOf(i) !== null) ? asciiTwin(combined) : null;
      } catch {
        // e.g. two rules using the same group name: run them one by one instead
        const one = new Set(ungated);
        this.#alwaysRun = this.#alwaysRun.concat(ungated);
        this.#unfilteredGate = this.#unfilteredGate.filter((_, k) => !one.has(this.#unfiltered[k]));
        this.#unfiltered = this.#unfiltered.filter((i) => !one.has(i));
      }
    }
    this.#gatePresent = new Uint8Array(this.#gateChars.length);
    this.#gateOfChar.fill(0);
    this.#gateChars.forEach((ch, g) => {
      const c = ch.charCodeAt(0);
      const wordChar = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
      if (ch.length === 1 && c < 128 && !wordChar && g < 255) {
        this.#gateOfChar[c] = g + 1;
      }
    });
    const classOf = this.#substringTable === null ? null : this.#substringTable.classOf;
    for (let raw = 0; raw < 128; raw++) {
      const c = asciiLower(raw);
      const word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
      this.#charInfo[raw] = c | (word ? WORD_BIT : this.#gateOfChar[c] << 8) | ((classOf === null ? 0 : classOf[c]) << 16);
    }
    this.#regexStamp = new Uint32Array(this.#regexes.length);
    this.#programStamp = new Uint32Array(programs);
    this.#programMatch = new Array<string | null>(programs).fill(null);
    return this;
  }

  /** The end of stem s in stemText (the '\n' after it, or the end of the text). */
  #stemEnd(s: number): number {
    return this.#stemStart[s + 1] - 1;
  }

  /**
   * Reports each matched target once. `fields` are searched separately for words (a phrase never spans two
   * fields) and together, first field first, for regexes (so `^` anchors at the start of the first field).
   */
  match(fields: readonly string[], hit: (target: number, evidence: string) => void): void {
    const gen = this.#nextGeneration();
    this.#hit = hit;
    this.#gen = gen;

    const clean = this.#clean;
    const lower = this.#lower;
    let fieldCount = 0;
    for (const f of fields) {
      if (!f) continue;
      // As the page wrote it, until a character outside ASCII says it needs cleaning (see #prepare); its small
      // letters are made when something reads them (#lowerOf).
      clean[fieldCount] = f;
      lower[fieldCount] = '';
      fieldCount++;
    }
    this.#fieldCount = fieldCount;
    if (fieldCount === 0) return;

    const present = this.#gatePresent;
    // Short per-item lists are cleared by a loop: TypedArray fill is a call into the runtime.
    for (let g = 0; g < present.length; g++) present[g] = 0;
    this.#candidateCount = 0;
    this.#foundCount = 0;
    if (this.#substringsInScan.length < fieldCount) this.#substringsInScan = new Uint8Array(fieldCount * 2);
    else for (let f = 0; f < fieldCount; f++) this.#substringsInScan[f] = 0;
    // Most feed text is plain ASCII: the word scan finds out as it reads, and only other text is cleaned.
    this.#ascii = true;
    const scanned = this.#firstCount > 0 ? this.#matchWords() : this.#prepareAll();
    const ascii = this.#ascii;

    // Each field on its own: no keyword spans two fields, and there is no joined copy to build. The plain ASCII
    // fields the word scan read were searched in the same pass (#matchWords): their finds are taken in field
    // order with the others, as one search per field would have given them.
    if (this.#substrings.size > 0) {
      const searched = this.#substringsInScan;
      let k = 0;
      for (let f = 0; f < fieldCount; f++) {
        if (searched[f] === 0) {
          this.#fieldLower = lower[f];
          this.#substrings.search(lower[f], this.#onSubstring);
        } else if (k < this.#foundCount && this.#foundField[k] === f) {
          this.#fieldLower = this.#lowerOf(f);
          for (; k < this.#foundCount && this.#foundField[k] === f; k++) this.#onSubstring(this.#foundId[k], this.#foundStart[k], this.#foundEnd[k]);
        }
      }
      this.#fieldLower = '';
    }
    const candidates = this.#candidates;

    // A regex whose one required character is absent cannot match; the rest without a literal are tried at once.
    let anyGate = false;
    const gateOf = this.#gateOfChar;
    for (let g = 0; g < this.#gateChars.length; g++) {
      const ch = this.#gateChars[g];
      // The word scan saw every character of plain ASCII fields: what it noted is the whole answer.
      if (!scanned || gateOf[ch.charCodeAt(0)] !== g + 1) {
        for (let f = 0; f < fieldCount && present[g] === 0; f++) if (this.#lowerOf(f).indexOf(ch) >= 0) present[g] = 1;
      }
      if (present[g] === 1) anyGate = true;
    }
    const candidateCount = this.#candidateCount;
    if (candidateCount === 0 && !anyGate && this.#unfilteredCombined === null && this.#alwaysRun.length === 0) return;
    let text = clean[0];
    for (let f = 1; f < fieldCount; f++) text += `\n${clean[f]}`;
    if (text.length > TextMatcher.REGEX_INPUT_MAX) text = text.slice(0, TextMatcher.REGEX_INPUT_MAX);
    this.#asciiItem = ascii;
    for (let k = 0; k < candidateCount; k++) this.#runRegex(candidates[k], text);
    if (anyGate || this.#unfilteredCombined !== null) {
      const combined = ascii && this.#unfilteredCombinedAscii !== null ? this.#unfilteredCombinedAscii : this.#unfilteredCombined;
      const combinedHit = combined !== null && combined.test(text);
      const gates = this.#unfilteredGate;
      for (let k = 0; k < this.#unfiltered.length; k++) {
        const g = gates[k];
        if (g < 0 ? combinedHit : present[g] === 1) this.#runRegex(this.#unfiltered[k], text);
      }
    }
    for (const i of this.#alwaysRun) this.#runRegex(i, text);
  }

  /** Reports a target once per item. */
  #report(target: number, evidence: string): void {
    if (this.#stamp[target] === this.#gen) return;
    this.#stamp[target] = this.#gen;
    this.#hit(target, evidence);
  }

  #runRegex(i: number, text: string): void {
    const r = this.#regexes[i];
    if (this.#stamp[r.target] === this.#gen) return;
    const p = r.program;
    if (this.#programStamp[p] !== this.#gen) {
      this.#programStamp[p] = this.#gen;
      const m = this.#regexFor(i, this.#asciiItem).exec(text);
      this.#programMatch[p] = m ? m[0] : null;
    }
    const found = this.#programMatch[p];
    if (found !== null) this.#report(r.target, found);
  }

  /** Regex i as it runs on an item (its ASCII twin when `ascii` and it has one), made the first time it is asked. */
  #regexFor(i: number, ascii: boolean): RegExp {
    const twin = ascii ? this.#twinOf(i) : null;
    return twin ?? (this.#regexes[i].re ??= new RegExp(this.#regexes[i].source, 'iu'));
  }

  #twinOf(i: number): RegExp | null {
    const r = this.#regexes[i];
    if (r.ascii === undefined) r.ascii = asciiTwin(r.source);
    return r.ascii;
  }

  /** A substring pattern found in the item's joined lower-case text: a keyword, or a regex's literal. */
  readonly #onSubstring = (id: number, start: number, end: number): void => {
    const use = this.#substringUse[id];
    if ('regex' in use) {
      if (this.#regexStamp[use.regex] !== this.#gen) {
        this.#regexStamp[use.regex] = this.#gen;
        this.#candidates[this.#candidateCount++] = use.regex;
      }
      return;
    }
    const l = this.#fieldLower;
    if (use.bounded) {
      // whole words only: "c++" must not match inside "abc++", nor "u.s." inside "bu.s."
      if (isWordChar(l, start) && isWordChar(l, start - 1)) return;
      if (isWordChar(l, end - 1) && isWordChar(l, end)) return;
    }
    this.#report(use.target, l.slice(start, end));
  };

  /** A substring found by the word scan's search, kept until the words have been reported (see match). */
  readonly #noteFound = (id: number, start: number, end: number): void => {
    const k = this.#foundCount++;
    this.#foundId[k] = id;
    this.#foundStart[k] = start;
    this.#foundEnd[k] = end;
    this.#foundField[k] = this.#scanField;
  };

  /** Finds the keywords among the item's words; returns whether every field went through the ASCII scan, which
   * also noted the scanned gates in gatePresent, and searched the substrings of the fields marked in
   * substringsInScan (their finds are in found*). Fields with characters outside ASCII are cleaned on the way
   * (#prepare). */
  #matchWords(): boolean {
    let allScanned = true;
    const starts = this.#tokStarts;
    const ends = this.#tokEnds;
    const fieldOf = this.#tokField;
    let n = 0;
    const fieldCount = this.#fieldCount;
    for (let f = 0; f < fieldCount; f++) {
      if (n > 0) {
        // field boundary: never part of a phrase
        starts[n] = -1;
        ends[n] = -1;
        fieldOf[n] = f;
        this.#stems[n] = '';
        this.#cuts[n] = 0;
        this.#tokHash[n] = 0;
        n++;
      }
      const read = this.#scanAscii(this.#clean[f], f, n);
      if (read >= 0) {
        n = read;
        continue;
      }
      // A character outside ASCII: what the scan noted of this field is dropped, and the field is read again
      // cleaned. Folding accents often leaves plain ASCII, which the scan takes after all.
      const l = this.#prepare(f);
      const again = NON_ASCII.test(l) ? -1 : this.#scanAscii(l, f, n);
      if (again >= 0) {
        n = again;
        continue;
      }
      const word = wordPatternOnce();
      word.lastIndex = 0;
      for (let m = word.exec(l); m !== null; m = word.exec(l)) n = this.#addToken(l, f, m.index, m.index + m[0].length, n);
      allScanned = false;
    }

    const entryStart = this.#entryStart;
    const entryTarget = this.#entryTarget;
    const entryRest = this.#entryRest;
    const restStart = this.#restStart;
    const firstCount = this.#firstCount;
    for (let i = 0; i < n; i++) {
      if (starts[i] < 0) continue;
      const place = this.#firstWordAt(i);
      if (place < 0) continue;
      for (let e = entryStart[place], last = entryStart[place + 1]; e < last; e++) {
        const r = entryRest[e];
        if (r < 0) {
          this.#report(entryTarget[e], this.#tokenAt(i));
          continue;
        }
        const from = restStart[r];
        const restLength = restStart[r + 1] - from;
        if (i + restLength >= n) continue;
        let ok = true;
        for (let k = 0; k < restLength; k++) {
          if (!this.#stemIs(i + 1 + k, firstCount + from + k)) {
            ok = false;
            break;
          }
        }
        if (ok) {
          let phrase = this.#tokenAt(i);
          for (let k = 1; k <= restLength; k++) phrase += ` ${this.#tokenAt(i + k)}`;
          this.#report(entryTarget[e], phrase);
        }
      }
    }
    return allScanned;
  }

  /**
   * Reads field f (`l`: as written, or cleaned) as plain ASCII: words are runs of a-z and 0-9 in small letters,
   * hashed while they are scanned, from word n on. The regex gates that are ASCII punctuation are noted on the way
   * (gateOfChar), and the substrings are searched in the same pass (one read of each character instead of two).
   * Returns the next word's number, or -1 at the first character outside ASCII, having taken back the words and
   * substrings it found in this field.
   */
  #scanAscii(l: string, f: number, n: number): number {
    const table = this.#substringTable;
    const delta = table === null ? null : table.delta;
    const charInfo = this.#charInfo;
    const foundBefore = this.#foundCount;
    this.#scanField = f;
    let row = 0;
    let from = -1;
    let h = 0;
    let hPrev = 0;
    let hPrev2 = 0;
    const present = this.#gatePresent;
    const len = l.length;
    for (let i = 0; i < len; i++) {
      const raw = l.charCodeAt(i);
      if (raw >= 0x80) {
        // The gates it noted stay: a gate only lets a regex run, and the regex still has to match.
        this.#foundCount = foundBefore;
        return -1;
      }
      const info = charInfo[raw];
      if (delta !== null) {
        const x = info >>> 16;
        if (x === 0) row = 0;
        else {
          const to = delta[row + x];
          if (to >= 0) row = to;
          else {
            row = -to - 1;
            this.#substrings.emitAt(row, i, this.#noteFound);
          }
        }
      }
      if ((info & WORD_BIT) !== 0) {
        if (from < 0) {
          from = i;
          h = FNV.offset;
        }
        hPrev2 = hPrev;
        hPrev = h;
        h = Math.imul(h ^ (info & 0x7f), FNV.prime);
        continue;
      }
      const g = (info >>> 8) & 0xff;
      if (g !== 0) present[g - 1] = 1;
      if (from >= 0) {
        n = this.#addScanned(l, f, from, i, h, hPrev, hPrev2, n);
        from = -1;
      }
    }
    if (from >= 0) n = this.#addScanned(l, f, from, len, h, hPrev, hPrev2, n);
    if (table !== null) this.#substringsInScan[f] = 1;
    return n;
  }

  /** Cleans field f, which has characters outside ASCII (see cleanText), and returns it in small letters. */
  #prepare(f: number): string {
    this.#ascii = false;
    const c = cleanText(this.#clean[f]);
    this.#clean[f] = c;
    return (this.#lower[f] = c.toLowerCase());
  }

  /** Without keywords there is no word scan to find out which fields are plain ASCII: every field is looked at
   * here. Returns false: no field was scanned. */
  #prepareAll(): boolean {
    for (let f = 0; f < this.#fieldCount; f++) {
      if (NON_ASCII.test(this.#clean[f])) this.#prepare(f);
      else this.#lower[f] = this.#clean[f].toLowerCase();
    }
    return false;
  }

  /** Field f in small letters, made on first use: most items are decided without anything reading them. */
  #lowerOf(f: number): string {
    const l = this.#lower[f];
    return l !== '' ? l : (this.#lower[f] = this.#clean[f].toLowerCase());
  }

  /** The place in `words` of item word i, or -1. */
  #firstWordAt(i: number): number {
    const h = this.#tokHash[i];
    const bit = firstWordBit(h);
    if ((this.#firstWordBits[bit >>> 5] & (1 << (bit & 31))) === 0) return -1;
    const found = this.#firstWords.get(h);
    if (found === -1) return -1;
    if (found >= 0) return this.#stemIs(i, found) ? found : -1;
    for (const place of this.#sharedHash[-2 - found]) if (this.#stemIs(i, place)) return place;
    return -1;
  }

  /** Whether item word i folds to stem s (a field boundary folds to nothing). */
  #stemIs(i: number, s: number): boolean {
    const start = this.#tokStarts[i];
    if (start < 0) return false;
    // A field the scan read as written is compared without regard to its capitals (isStemOf).
    const f = this.#tokField[i];
    const text = this.#lower[f] !== '' ? this.#lower[f] : this.#clean[f];
    return isStemOf(this.#stemText, this.#stemStart[s], this.#stemEnd(s), text, start, this.#tokEnds[i], this.#stems[i], this.#cuts[i]);
  }

  /** Records word n of the ASCII scan, hashed as it was read (see stemHashScanned); returns n + 1. */
  #addScanned(l: string, field: number, start: number, end: number, h: number, hPrev: number, hPrev2: number, n: number): number {
    this.#tokStarts[n] = start;
    this.#tokEnds[n] = end;
    this.#tokField[n] = field;
    this.#tokHash[n] = stemHashScanned(l, start, end, h, hPrev, hPrev2, this.#folding);
    this.#stems[n] = null;
    this.#cuts[n] = this.#folding.cut;
    return n + 1;
  }

  #addToken(l: string, field: number, start: number, end: number, n: number): number {
    this.#tokStarts[n] = start;
    this.#tokEnds[n] = end;
    this.#tokField[n] = field;
    this.#tokHash[n] = stemHash(l, start, end, this.#folding);
    this.#stems[n] = this.#folding.stem;
    this.#cuts[n] = this.#folding.cut;
    return n + 1;
  }

  #tokenAt(i: number): string {
    return this.#lowerOf(this.#tokField[i]).slice(this.#tokStarts[i], this.#tokEnds[i]);
  }

  #noteTarget(target: number): void {
    if (!Number.isInteger(target) || target < 0) throw new Error(`TextMatcher: bad target ${target}`);
    this.#targetCount = Math.max(this.#targetCount, target + 1);
    if (this.#stamp.length < this.#targetCount) {
      const grown = new Uint32Array(Math.max(this.#targetCount, this.#stamp.length * 2));
      grown.set(this.#stamp);
      this.#stamp = grown;
    }
  }

  #nextGeneration(): number {
    this.#generation = (this.#generation + 1) >>> 0;
    if (this.#generation === 0) {
      // wrapped after 4 billion items: clear so an old stamp cannot look current
      this.#stamp.fill(0);
      this.#regexStamp.fill(0);
      this.#programStamp.fill(0);
      this.#generation = 1;
    }
    return this.#generation;
  }
}

const NON_ASCII = /[^\x00-\x7F]/;
const WORD_BIT = 0x80;

/** The bit of firstWordBits for a word's hash: its top 15 bits, mixed. */
export const firstWordBit = (h: number): number => Math.imul(h, 0x9e3779b1) >>> 17;
