import { describe, expect, it } from 'vitest';
import { movedItems } from '../../lib/core/moved';

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

describe('which items a new order moved', () => {
  it('counts the two items put first among eighteen, not the sixteen that slid down', () => {
    const order = [7, 12, ...Array.from({ length: 18 }, (_, i) => i).filter((i) => i !== 7 && i !== 12)];
    expect(sorted(movedItems(order))).toEqual([7, 12]);
  });

  it('counts one item pushed to the end as one move', () => {
    expect(sorted(movedItems([1, 2, 3, 4, 0]))).toEqual([0]);
  });

  it('counts nothing when the order is the site’s own', () => {
    expect(movedItems([0, 1, 2, 3]).size).toBe(0);
    expect(movedItems([]).size).toBe(0);
  });

  it('a full reversal of n items moves all but one', () => {
    expect(movedItems([4, 3, 2, 1, 0]).size).toBe(4);
  });
});

describe('a tie between equally long runs', () => {
  it('keeps the item that never left its place', () => {
    expect(sorted(movedItems([2, 1, 0]))).toEqual([0, 2]);
  });
});
