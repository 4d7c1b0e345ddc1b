// The hold: items found before the profile and the models are in wait unseen, and the wait always ends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHold } from '@/lib/shield-runtime/hold';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the hold', () => {
  it('ends when the last thing awaited arrives, and only then', () => {
    let released = 0;
    const hold = createHold(['profile', 'detectors'], 400, () => released++);
    hold.settled('profile');
    expect(hold.holding).toBe(true);
    expect(released).toBe(0);
    hold.settled('detectors');
    expect(hold.holding).toBe(false);
    expect(released).toBe(1);
    // Later arrivals change nothing.
    hold.settled('profile');
    expect(released).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(released).toBe(1);
  });

  it('ends at the cap when the background or a model never answers, so a page is never left blank', () => {
    let released = 0;
    const hold = createHold(['profile', 'clickbait'], 400, () => released++);
    vi.advanceTimersByTime(399);
    expect(hold.holding).toBe(true);
    vi.advanceTimersByTime(1);
    expect(hold.holding).toBe(false);
    expect(released).toBe(1);
  });

  it('can be ended early, telling what it still waited for (the models, on a page whose items were decided before)', () => {
    let released = 0;
    const hold = createHold(['profile', 'known', 'clickbait', 'detectors'], 400, () => released++);
    hold.settled('profile');
    hold.settled('known');
    hold.release();
    expect(hold.holding).toBe(false);
    expect(released).toBe(1);
    expect(['profile', 'known', 'clickbait', 'detectors'].filter((w) => hold.awaits(w as 'profile'))).toEqual(['clickbait', 'detectors']);
    hold.settled('clickbait');
    hold.settled('detectors');
    vi.advanceTimersByTime(1000);
    expect(released).toBe(1);
  });

  it('never releases once stopped (the page is being cleaned up)', () => {
    let released = 0;
    const hold = createHold(['profile'], 400, () => released++);
    hold.stop();
    vi.advanceTimersByTime(1000);
    hold.settled('profile');
    expect(released).toBe(0);
  });
});
