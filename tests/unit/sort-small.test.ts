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
});
