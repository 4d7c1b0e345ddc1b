import { describe, expect, it } from 'vitest';
import { rerank } from '../../lib/core/shield';

const batch = (scores: number[]) => scores.map((score, i) => ({ id: `i${i}`, score }));

describe('rerank', () => {
  it('puts higher scores first and keeps arrival order among equals', () => {
    expect(rerank(batch([0.5, 0.9, 0.5, 0.2, 0.9, 0.5]))).toEqual(['i1', 'i4', 'i0', 'i2', 'i5', 'i3']);
  });

  it('returns every id of the batch exactly once, adding none', () => {
    const b = batch(Array.from({ length: 200 }, (_, i) => ((i * 37) % 101) / 100));
    const out = rerank(b, { exploreShare: 0.3, seed: 7 });
    expect([...out].sort()).toEqual(b.map((x) => x.id).sort());
  });

  it('leaves an all-neutral batch exactly as it arrived', () => {
    const b = batch([0.5, 0.5, 0.5, 0.5]);
    expect(rerank(b)).toEqual(b.map((x) => x.id));
  });

  it('keeps a share of low items in place for exploration, the same for the same seed', () => {
    const b = batch(Array.from({ length: 100 }, (_, i) => (i % 2 ? 0.2 : 0.8)));
    const a = rerank(b, { exploreShare: 0.2, seed: 42 });
    expect(rerank(b, { exploreShare: 0.2, seed: 42 })).toEqual(a);
    const inPlace = a.filter((id, i) => id === `i${i}` && Number(id.slice(1)) % 2 === 1).length;
    // 50 low items, 20% of them pinned: 10 stay where they arrived.
    expect(inPlace).toBeGreaterThanOrEqual(10);
    expect(rerank(b)).toEqual([...b.filter((x) => x.score > 0.5), ...b.filter((x) => x.score < 0.5)].map((x) => x.id));
  });

  it('treats a missing or broken score as neutral', () => {
    expect(rerank([{ id: 'a', score: NaN }, { id: 'b', score: 0.9 }, { id: 'c', score: 0.1 }])).toEqual(['b', 'a', 'c']);
    expect(rerank([])).toEqual([]);
  });
});
