/** A built automaton's transition table and what its search reads besides (AhoCorasick.ready): the background
 * builds it once per profile and a tab restores it, rather than every tab building it at its page start (issue 24:
 * with a large profile's regex literals, the largest part of the tab's restore). */
export interface AhoCorasickTable {
  /** The characters of the patterns: class k + 1 is chars[k] (class 0: every other character). */
  chars: number[];
  delta: Int32Array;
  firstOut: Int32Array;
  dictLink: Int32Array;
  /** Per node, the ids of the patterns that end there. */
  out: number[][];
  /** Each pattern's length, by id. */
  lengths: number[];
}

/**
 * Multi-substring search over UTF-16 code units: one pass over the text finds every occurrence of every pattern,
 * however many patterns there are. Used for keywords that cannot be matched word by word (unspaced scripts,
 * "c++", "node.js") and for the literal parts of regex rules, which decide which regexes need to run at all.
 */
export class AhoCorasick {
  readonly #next: Array<Map<number, number>> = [new Map()];
  #fail: Int32Array = new Int32Array(1);
  /** Patterns ending at a node, and the nearest node on its fail chain that also ends patterns (-1: none). */
  #out: number[][] = [[]];
  #dictLink: Int32Array = new Int32Array(1);
  #lengths: number[] = [];
  #built = false;
  /** After build, when small enough: the full transition table over the characters that occur in patterns
   * (`classOf`; every other character leads back to the root), so a search step is one array read. */
  #delta: Int32Array | null = null;
  #firstOut: Int32Array = new Int32Array(1);
  #classOf = new Uint16Array(128);
  #wideClass: Map<number, number> | null = null;
  #classes = 1;
  /** The character of each class but 0, in order (what ready() sends). */
  #chars: number[] = [];

  /** Transition tables above this many entries (4 bytes each) fall back to per-node maps. */
  static MAX_TABLE = 1 << 20;

  get size(): number {
    return this.#lengths.length;
  }

  /** Adds a pattern (already case-folded by the caller) and returns its id. */
  add(pattern: string): number {
    if (this.#built) throw new Error('AhoCorasick: add after build');
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let to = this.#next[node].get(c);
      if (to === undefined) {
        to = this.#next.length;
        this.#next.push(new Map());
        this.#out.push([]);
        this.#next[node].set(c, to);
      }
      node = to;
    }
    const id = this.#lengths.length;
    this.#lengths.push(pattern.length);
    this.#out[node].push(id);
    return id;
  }

  build(): this {
    if (this.#built) return this;
    const n = this.#next.length;
    this.#fail = new Int32Array(n);
    this.#dictLink = new Int32Array(n).fill(-1);
    const queue: number[] = [];
    for (const to of this.#next[0].values()) queue.push(to);
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi];
      for (const [c, to] of this.#next[node]) {
        let f = this.#fail[node];
        while (f !== 0 && !this.#next[f].has(c)) f = this.#fail[f];
        const cand = this.#next[f].get(c);
        this.#fail[to] = cand !== undefined && cand !== to ? cand : 0;
        const ft = this.#fail[to];
        this.#dictLink[to] = this.#out[ft].length > 0 ? ft : this.#dictLink[ft];
        queue.push(to);
      }
    }
    this.#buildTable(queue);
    this.#built = true;
    return this;
  }

  #buildTable(bfsOrder: number[]): void {
    const chars = new Set<number>();
    for (const m of this.#next) for (const c of m.keys()) chars.add(c);
    const classes = chars.size + 1;
    if (this.#next.length * classes > AhoCorasick.MAX_TABLE) return;
    this.#setClasses([...chars]);
    const delta = new Int32Array(this.#next.length * classes);
    const fill = (node: number) => {
      const row = node * classes;
      const failRow = this.#fail[node] * classes;
      for (let x = 1; x < classes; x++) delta[row + x] = node === 0 ? 0 : delta[failRow + x];
      for (const [c, to] of this.#next[node]) delta[row + this.#classOfChar(c)] = to;
    };
    // Breadth first: a node's fail target is shallower, so its row is already complete.
    fill(0);
    for (const node of bfsOrder) fill(node);
    // The first node on each node's fail chain (itself included) that ends a pattern, so that the search
    // skips, in one read, the many positions where nothing ends.
    const firstOut = new Int32Array(this.#next.length);
    for (let node = 0; node < firstOut.length; node++) firstOut[node] = this.#out[node].length > 0 ? node : this.#dictLink[node];
    this.#firstOut = firstOut;
    // Each entry holds the target's row offset, not its number (no multiply per character), negated (minus one)
    // when something ends there: most characters then cost one read and one sign test.
    for (let i = 0; i < delta.length; i++) {
      const to = delta[i];
      delta[i] = firstOut[to] === -1 ? to * classes : -(to * classes) - 1;
    }
    this.#delta = delta;
  }

  /** The table of the built automaton, to be restored elsewhere (restore); null when it has none (too large, no
   * pattern), and then the patterns are added and built there. */
  ready(): AhoCorasickTable | null {
    this.build();
    const delta = this.#delta;
    return delta && this.#lengths.length > 0 ? { chars: this.#chars, delta, firstOut: this.#firstOut, dictLink: this.#dictLink, out: this.#out, lengths: this.#lengths } : null;
  }

  /** The automaton another built (ready()): it searches as that one does, and nothing can be added to it. */
  static restore(t: AhoCorasickTable): AhoCorasick {
    const ac = new AhoCorasick();
    ac.#setClasses(t.chars);
    ac.#delta = t.delta;
    ac.#firstOut = t.firstOut;
    ac.#dictLink = t.dictLink;
    ac.#out = t.out;
    ac.#lengths = t.lengths;
    ac.#built = true;
    return ac;
  }

  /** Class k + 1 is chars[k]. */
  #setClasses(chars: number[]): void {
    this.#chars = chars;
    this.#classes = chars.length + 1;
    chars.forEach((c, k) => {
      if (c < 128) this.#classOf[c] = k + 1;
      else (this.#wideClass ??= new Map()).set(c, k + 1);
    });
  }

  #classOfChar(c: number): number {
    return c < 128 ? this.#classOf[c] : (this.#wideClass?.get(c) ?? 0);
  }

  /**
   * The transition table, for a caller that steps the automaton inside a loop of its own over plain ASCII text
   * (the matcher's word scan: one pass over the characters instead of two). From row 0, for each character c:
   * x = classOf[c]; x === 0 leads back to row 0; else to = delta[row + x] is the next row, and when it is negative
   * the next row is -to - 1 and patterns end at this character (emitAt). Null when there is no table (or no
   * pattern), and before build().
   */
  get table(): { delta: Int32Array; classOf: Uint16Array } | null {
    return this.#built && this.#lengths.length > 0 && this.#delta !== null ? { delta: this.#delta, classOf: this.#classOf } : null;
  }

  /** Reports, as search() would, the patterns that end at text position `i` in table row `row` (see table). */
  emitAt(row: number, i: number, hit: (id: number, start: number, end: number) => void): void {
    const dictLink = this.#dictLink;
    for (let o = this.#firstOut[row / this.#classes]; o !== -1; o = dictLink[o]) {
      const ids = this.#out[o];
      for (let k = 0; k < ids.length; k++) hit(ids[k], i + 1 - this.#lengths[ids[k]], i + 1);
    }
  }

  /** Calls `hit(patternId, start, end)` for every occurrence; `end` is exclusive. */
  search(text: string, hit: (id: number, start: number, end: number) => void): void {
    if (!this.#built) this.build();
    if (this.#lengths.length === 0) return;
    if (this.#delta !== null) return this.#searchTable(text, hit);
    const next = this.#next;
    const fail = this.#fail;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = next[node].get(c);
      while (to === undefined && node !== 0) {
        node = fail[node];
        to = next[node].get(c);
      }
      node = to ?? 0;
      for (let o = node; o !== -1; o = this.#dictLink[o]) {
        const ids = this.#out[o];
        for (let k = 0; k < ids.length; k++) hit(ids[k], i + 1 - this.#lengths[ids[k]], i + 1);
      }
    }
  }

  #searchTable(text: string, hit: (id: number, start: number, end: number) => void): void {
    const delta = this.#delta!;
    const classes = this.#classes;
    const classOf = this.#classOf;
    const wide = this.#wideClass;
    const dictLink = this.#dictLink;
    const firstOut = this.#firstOut;
    const out = this.#out;
    const lengths = this.#lengths;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const x = c < 128 ? classOf[c] : wide === null ? 0 : (wide.get(c) ?? 0);
      if (x === 0) {
        row = 0;
        continue;
      }
      const to = delta[row + x];
      if (to >= 0) {
        row = to;
        continue;
      }
      row = -to - 1;
      for (let o = firstOut[row / classes]; o !== -1; o = dictLink[o]) {
        const ids = out[o];
        for (let k = 0; k < ids.length; k++) hit(ids[k], i + 1 - lengths[ids[k]], i + 1);
      }
    }
  }
}
