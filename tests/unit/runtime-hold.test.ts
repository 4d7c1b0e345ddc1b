// The hold: items found before the profile and the models are in wait unseen, and the wait always ends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHold } from '@/lib/shield-runtime/hold';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the hold', () => {
  it('ends when the last thing awaited arrives, and only then', () => {
    let released = 0;
    const hold = createHold<string>(['profile', 'detectors'], 400, () => released++);
    expect(hold.settled('profile')).toBe(false);
    expect(hold.holding).toBe(true);
    expect(hold.settled('detectors')).toBe(true);
    expect(hold.holding).toBe(false);
    expect(released).toBe(1);
    // Later arrivals change nothing.
    expect(hold.settled('profile')).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(released).toBe(1);
  });

  it('ends at the cap when the background or a model never answers, so a page is never left blank', () => {
    let released = 0;
    const hold = createHold<string>(['profile', 'clickbait'], 400, () => released++);
    vi.advanceTimersByTime(399);
    expect(hold.holding).toBe(true);
    vi.advanceTimersByTime(1);
    expect(hold.holding).toBe(false);
    expect(released).toBe(1);
  });

  it('gives back what it kept, in the order it came, once', () => {
    const hold = createHold<string>(['profile'], 400, () => {});
    hold.keep(['a', 'b']);
    hold.keep(['c']);
    expect(hold.take()).toEqual(['a', 'b', 'c']);
    expect(hold.take()).toEqual([]);
  });

  it('never releases once stopped (the page is being cleaned up)', () => {
    let released = 0;
    const hold = createHold<string>(['profile'], 400, () => released++);
    hold.stop();
    vi.advanceTimersByTime(1000);
    hold.settled('profile');
    expect(released).toBe(0);
  });
});
