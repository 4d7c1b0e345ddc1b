import { describe, expect, it } from 'vitest';
import { sortSmall } from '@/lib/core/sort-small';
import { seededRandom } from '@/lib/core/random';

describe('sortSmall', () => {
  it('orders short and long lists as the built-in stable sort does, equal keys kept in their order', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 40; n++) {
      const list = Array.from({ length: n }, (_, i) => ({ key: Math.floor(random() * 4), i }));
      const byKey = (a: { key: number }, b: { key: number }) => b.key - a.key;
      expect(sortSmall([...list], byKey)).toEqual([...list].sort(byKey));
    }
  });

  it('sorts only the first `length` entries of a scratch list, and leaves the rest where they were', () => {
    const random = seededRandom(8);
    for (const length of [0, 1, 2, 5, 16, 17, 30]) {
      const list = Array.from({ length: 40 }, () => Math.floor(random() * 100));
      const sorted = sortSmall([...list], (a, b) => a - b, length);
      expect(sorted.slice(0, length)).toEqual(list.slice(0, length).sort((a, b) => a - b));
      expect(sorted.slice(length)).toEqual(list.slice(length));
    }
  });
});
