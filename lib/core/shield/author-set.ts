import { hashOf, hashString } from './word-hash';

/**
 * The folded names blocked on one platform, for the look-up every item makes before it is painted. Nearly every
 * author is not blocked, and a Set of ten thousand names answers "no" by reading entries spread over the heap.
 * Two bits per name, from a hash of all its characters, answer most of those first from one small table (a name
 * passes for about one in 700 others at 2,500 names); the Set decides the rest. A hash of a few characters was not
 * enough: a platform's ordinary names share their shape ("creator1234", "...TV"), and a shape whose bit was set
 * sent every name of it to the Set.
 */
export class AuthorSet {
  static readonly BITS = 1 << 17;
  readonly #names = new Set<string>();
  #sketch: Int32Array = new Int32Array(AuthorSet.BITS >>> 5);
  /** A set made from a list (fromList): the names in one text, '\n' between two, found through `table` (where a
   * name starts in the text, plus one, by its hash), in place of a Set of strings the tab keeps all along. */
  #listed = false;
  #text = '';
  #table: Int32Array = new Int32Array(0);

  add(name: string): void {
    if (name === '' || this.#listed) return;
    this.#names.add(name);
    this.#mark(sketchHash(name));
  }

  #mark(h: number): void {
    const a = h & (AuthorSet.BITS - 1);
    const b = (h >>> 15) & (AuthorSet.BITS - 1);
    this.#sketch[a >>> 5] |= 1 << (a & 31);
    this.#sketch[b >>> 5] |= 1 << (b & 31);
  }

  /** The set of names() of another set, '\n'-joined (folded names hold no white space). */
  static fromList(list: string): AuthorSet {
    const set = new AuthorSet();
    const starts = startsOf(list);
    const count = list === '' ? 0 : starts.length - 1;
    // Up to two thirds full: it is read only for the names the sketch lets through (the blocked ones, mostly), and
    // every tab reads it from the copy kept for it (a table twice as large cost it 22 KB of a large profile's).
    let size = 16;
    while (size * 2 < count * 3) size *= 2;
    const table = new Int32Array(size);
    for (let k = 0; k < count; k++) {
      // Hashed where it lies in the list: no string cut out per name (a large profile blocks ten thousand).
      const h = spread(hashOf(list, starts[k], starts[k + 1] - 1));
      set.#mark(h);
      let i = h & (size - 1);
      while (table[i] !== 0) i = (i + 1) & (size - 1);
      table[i] = starts[k] + 1;
    }
    set.#listed = true;
    set.#text = list;
    set.#table = table;
    return set;
  }

  /** The set fromList made of `list`, from its tables(): the tab is sent them ready (core/shield/prepared.ts) and
   * hashes no name (issue 24: a large profile's ten thousand cost its page start a few ms), nor looks for where each
   * starts (the table holds that). */
  static restore(list: string, table: Int32Array, sketch: Int32Array): AuthorSet {
    const set = new AuthorSet();
    set.#listed = true;
    set.#text = list;
    set.#table = table;
    set.#sketch = sketch;
    return set;
  }

  /** What restore takes besides the list (of a set made by fromList). */
  tables(): { table: Int32Array; sketch: Int32Array } {
    return { table: this.#table, sketch: this.#sketch };
  }

  has(name: string): boolean {
    if (name === '') return false;
    const h = sketchHash(name);
    const a = h & (AuthorSet.BITS - 1);
    if ((this.#sketch[a >>> 5] & (1 << (a & 31))) === 0) return false;
    const b = (h >>> 15) & (AuthorSet.BITS - 1);
    if ((this.#sketch[b >>> 5] & (1 << (b & 31))) === 0) return false;
    if (!this.#listed) return this.#names.has(name);
    const text = this.#text;
    const table = this.#table;
    const mask = table.length - 1;
    for (let i = h & mask; table[i] !== 0; i = (i + 1) & mask) {
      // The name there is `name` when the text holds it and ends it (no name of the list holds a '\n').
      const start = table[i] - 1;
      const end = start + name.length;
      if ((end === text.length || text.charCodeAt(end) === 10) && text.startsWith(name, start) && !name.includes('\n')) return true;
    }
    return false;
  }

  /** The names, as added (for a copy to be made elsewhere). */
  names(): string[] {
    if (!this.#listed) return [...this.#names];
    return this.#text === '' ? [] : this.#text.split('\n');
  }

  get size(): number {
    return this.#listed ? this.names().length : this.#names.size;
  }
}

/** Where each name of a '\n'-joined list starts, and one more (the end of the last plus one). */
function startsOf(list: string): Int32Array {
  const starts = [0];
  for (let i = list.indexOf('\n'); i >= 0; i = list.indexOf('\n', i + 1)) starts.push(i + 1);
  starts.push(list.length + 1);
  return Int32Array.from(starts);
}

/** The name's FNV hash, mixed so that both of its 17-bit halves (bits 0-16 and 15-31) spread. */
const sketchHash = (s: string): number => spread(hashString(s));

function spread(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
