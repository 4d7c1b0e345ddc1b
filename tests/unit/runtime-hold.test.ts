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

  it('never releases once stopped (the page is being cleaned up)', () => {
    let released = 0;
    const hold = createHold(['profile'], 400, () => released++);
    hold.stop();
    vi.advanceTimersByTime(1000);
    hold.settled('profile');
    expect(released).toBe(0);
  });

  /** A document whose parser is at work until finish() (the page's own readystatechange changes nothing). */
  function parsingDoc() {
    let state: DocumentReadyState = 'loading';
    const doc = new EventTarget() as EventTarget & { readyState: DocumentReadyState };
    Object.defineProperty(doc, 'readyState', { get: () => state });
    const finish = () => {
      state = 'interactive';
      doc.dispatchEvent(new Event('readystatechange'));
    };
    return { doc: doc as unknown as Document, finish };
  }

  it('while the page is parsed, ends in a task of its own after the parser is done, not inside its work', () => {
    let released = 0;
    const { doc, finish } = parsingDoc();
    const hold = createHold(['profile'], 1000, () => released++, doc);
    hold.settled('profile');
    expect(hold.holding).toBe(true);
    doc.dispatchEvent(new Event('readystatechange')); // the page's own event: still parsing
    vi.advanceTimersByTime(10);
    expect(released).toBe(0);
    finish();
    expect(released).toBe(0);
    vi.advanceTimersByTime(0);
    expect(hold.holding).toBe(false);
    expect(released).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(released).toBe(1);
  });

  it('waits for the parser 50 ms at most, on a page still arriving', () => {
    let released = 0;
    const { doc } = parsingDoc();
    const hold = createHold(['profile'], 1000, () => released++, doc);
    hold.settled('profile');
    vi.advanceTimersByTime(49);
    expect(released).toBe(0);
    vi.advanceTimersByTime(1);
    expect(released).toBe(1);
    expect(hold.holding).toBe(false);
  });
});
