// Before the next paint: stubs, badges and reordering for a burst of items are done together in one animation
// frame; a document without a window does them at once.
import { describe, expect, it } from 'vitest';
import { beforePaint } from '@/lib/shield-runtime/frame';

function windowWithFrames() {
  const frames: Array<() => void> = [];
  const win = { requestAnimationFrame: (f: () => void) => frames.push(f) } as unknown as Window & typeof globalThis;
  return { win, frames, paint: () => frames.splice(0).forEach((f) => f()) };
}

describe('before the next paint', () => {
  it('gathers a burst into one frame, each item once, decorations before reordering', () => {
    const w = windowWithFrames();
    const done: string[] = [];
    const now = { decorate: () => done.push('now'), reorder: () => done.push('now') };
    const q = beforePaint<string>(w.win, now, (decorate, batches) => done.push(`frame ${decorate.join()} | ${batches.map((b) => b.join()).join(' ')}`));
    q.decorate('a');
    q.decorate('b');
    q.decorate('a');
    q.reorder(['a', 'b']);
    expect(w.frames).toHaveLength(1);
    expect(done).toEqual([]);
    w.paint();
    expect(done).toEqual(['frame a,b | a,b']);
    q.decorate('c');
    w.paint();
    expect(done.at(-1)).toBe('frame c | ');
  });

  it('does the work at once where there are no frames', () => {
    const done: string[] = [];
    const now = { decorate: (t: string) => done.push(`decorate ${t}`), reorder: (b: string[]) => done.push(`reorder ${b.join()}`) };
    const q = beforePaint<string>(null, now, () => done.push('frame'));
    q.decorate('a');
    q.reorder(['a', 'b']);
    expect(done).toEqual(['decorate a', 'reorder a,b']);
  });
});
