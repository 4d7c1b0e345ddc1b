/**
 * The folded names blocked on one platform, for the look-up every item makes before it is painted. Nearly every
 * author is not blocked, and a Set of ten thousand names answers "no" by reading entries spread over the heap.
 * A bit per (length, first, middle and last character) answers most of those first, from one small table and
 * four reads of the name; the Set decides the rest.
 */
export class AuthorSet {
  static readonly BITS = 1 << 16;
  readonly #names = new Set<string>();
  readonly #sketch = new Int32Array(AuthorSet.BITS >>> 5);

  add(name: string): void {
    if (name === '') return;
    this.#names.add(name);
    const k = sketchKey(name);
    this.#sketch[k >>> 5] |= 1 << (k & 31);
  }

  has(name: string): boolean {
    if (name === '') return false;
    const k = sketchKey(name);
    if ((this.#sketch[k >>> 5] & (1 << (k & 31))) === 0) return false;
    return this.#names.has(name);
  }

  get size(): number {
    return this.#names.size;
  }
}

function sketchKey(s: string): number {
  const n = s.length;
  let h = Math.imul(n, 0x9e3779b1) ^ s.charCodeAt(0);
  h = Math.imul(h ^ s.charCodeAt(n >> 1), 0x85ebca6b);
  h = Math.imul(h ^ s.charCodeAt(n - 1), 0xc2b2ae35);
  return (h ^ (h >>> 15)) & (AuthorSet.BITS - 1);
}
