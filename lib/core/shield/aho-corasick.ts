/**
 * Multi-substring search over UTF-16 code units: one pass over the text finds every occurrence of every pattern,
 * however many patterns there are. Used for keywords that cannot be matched word by word (unspaced scripts,
 * "c++", "node.js") and for the literal parts of regex rules, which decide which regexes need to run at all.
 */
export class AhoCorasick {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private fail: Int32Array = new Int32Array(1);
  /** Patterns ending at a node, and the nearest node on its fail chain that also ends patterns (-1: none). */
  private readonly out: number[][] = [[]];
  private dictLink: Int32Array = new Int32Array(1);
  private readonly lengths: number[] = [];
  private built = false;

  get size(): number {
    return this.lengths.length;
  }

  /** Adds a pattern (already case-folded by the caller) and returns its id. */
  add(pattern: string): number {
    if (this.built) throw new Error('AhoCorasick: add after build');
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let to = this.next[node].get(c);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.out.push([]);
        this.next[node].set(c, to);
      }
      node = to;
    }
    const id = this.lengths.length;
    this.lengths.push(pattern.length);
    this.out[node].push(id);
    return id;
  }

  build(): this {
    const n = this.next.length;
    this.fail = new Int32Array(n);
    this.dictLink = new Int32Array(n).fill(-1);
    const queue: number[] = [];
    for (const to of this.next[0].values()) queue.push(to);
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi];
      for (const [c, to] of this.next[node]) {
        let f = this.fail[node];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const cand = this.next[f].get(c);
        this.fail[to] = cand !== undefined && cand !== to ? cand : 0;
        const ft = this.fail[to];
        this.dictLink[to] = this.out[ft].length > 0 ? ft : this.dictLink[ft];
        queue.push(to);
      }
    }
    this.built = true;
    return this;
  }

  /** Calls `hit(patternId, start, end)` for every occurrence; `end` is exclusive. */
  search(text: string, hit: (id: number, start: number, end: number) => void): void {
    if (!this.built) this.build();
    if (this.lengths.length === 0) return;
    const next = this.next;
    const fail = this.fail;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = next[node].get(c);
      while (to === undefined && node !== 0) {
        node = fail[node];
        to = next[node].get(c);
      }
      node = to ?? 0;
      for (let o = node; o !== -1; o = this.dictLink[o]) {
        const ids = this.out[o];
        for (let k = 0; k < ids.length; k++) hit(ids[k], i + 1 - this.lengths[ids[k]], i + 1);
      }
    }
  }
}
