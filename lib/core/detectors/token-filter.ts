/**
 * A bit set over (length, first, second and last letter) of a fixed set of words: answers "certainly not in
 * the set" for most words of a text from three character reads, before a map lookup has to hash the word.
 * A yes is only a maybe; the caller then looks the word up for real.
 */
export class TokenFilter {
  private readonly bits = new Uint32Array(1 << 11); // 65,536 bits

  constructor(words: Iterable<string>) {
    for (const w of words) {
      const k = key(w);
      this.bits[k >>> 5] |= 1 << (k & 31);
    }
  }

  mayHave(w: string): boolean {
    const k = key(w);
    return (this.bits[k >>> 5] & (1 << (k & 31))) !== 0;
  }
}

function key(w: string): number {
  const n = w.length;
  if (n === 0) return 0;
  let h = Math.imul(n, 0x9e3779b1) ^ w.charCodeAt(0);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ (n > 1 ? w.charCodeAt(1) : 0);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ w.charCodeAt(n - 1);
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) & 0xffff;
}
