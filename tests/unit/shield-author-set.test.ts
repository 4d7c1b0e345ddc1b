import { describe, expect, it } from 'vitest';
import { AuthorSet } from '@/lib/core/shield/author-set';
import { seededRandom } from '@/lib/core/random';

describe('AuthorSet (the blocked names of one platform)', () => {
  it('answers as a Set of the same names would, for names in it, near misses and strangers', () => {
    const random = seededRandom(11);
    const word = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    const names = Array.from({ length: 10_000 }, (_, i) => `${word(1 + (i % 12))}${i % 3 ? i : ''}`);
    const set = new AuthorSet();
    for (const n of names) set.add(n);
    const plain = new Set(names);
    expect(set.size).toBe(plain.size);
    // Near misses share the length and the first, middle and last characters with a blocked name.
    const probes = [...names, ...names.map((n) => (n.length > 2 ? n[0] + word(n.length - 2).slice(0, n.length - 2) + n.at(-1) : n + 'x')), ...Array.from({ length: 20_000 }, () => word(1 + Math.floor(random() * 14)))];
    for (const p of probes) expect(set.has(p), p).toBe(plain.has(p));
  });

  it('never holds the empty name, and takes names of one character and in any script', () => {
    const set = new AuthorSet();
    set.add('');
    set.add('x');
    set.add('東京チャンネル');
    expect(set.size).toBe(2);
    expect(set.has('')).toBe(false);
    expect(set.has('x')).toBe(true);
    expect(set.has('y')).toBe(false);
    expect(set.has('東京チャンネル')).toBe(true);
    expect(set.has('東京チャン')).toBe(false);
  });

  it('made from a list, finds a name only whole: not a part of one, nor two neighbours with the line between', () => {
    const list = ['ab', 'abc', 'x', 'yz', 'b'].join('\n');
    for (const set of [AuthorSet.fromList(list), AuthorSet.restore(list, AuthorSet.fromList(list).tables().table, AuthorSet.fromList(list).tables().sketch)]) {
      for (const n of ['ab', 'abc', 'x', 'yz', 'b']) expect(set.has(n), n).toBe(true);
      for (const n of ['a', 'bc', 'abcx', 'y', 'z', 'x\nyz', 'abc\nx', 'b\n', '\nb']) expect(set.has(n), n).toBe(false);
      expect(set.size).toBe(5);
    }
  });
});
