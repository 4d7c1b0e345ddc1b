import { hashString } from './word-hash';

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
  readonly #sketch = new Int32Array(AuthorSet.BITS >>> 5);

  add(name: string): void {
    if (name === '') return;
    this.#names.add(name);
    const h = sketchHash(name);
    const a = h & (AuthorSet.BITS - 1);
    const b = (h >>> 15) & (AuthorSet.BITS - 1);
    this.#sketch[a >>> 5] |= 1 << (a & 31);
    this.#sketch[b >>> 5] |= 1 << (b & 31);
  }

  has(name: string): boolean {
    if (name === '') return false;
    const h = sketchHash(name);
    const a = h & (AuthorSet.BITS - 1);
    if ((this.#sketch[a >>> 5] & (1 << (a & 31))) === 0) return false;
    const b = (h >>> 15) & (AuthorSet.BITS - 1);
    if ((this.#sketch[b >>> 5] & (1 << (b & 31))) === 0) return false;
    return this.#names.has(name);
  }

  /** The names, as added (for a copy to be made elsewhere). */
  names(): string[] {
    return [...this.#names];
  }

  get size(): number {
    return this.#names.size;
  }
}

/** The name's FNV hash, mixed so that both of its 17-bit halves (bits 0-16 and 15-31) spread. */
function sketchHash(s: string): number {
  let h = hashString(s);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
