export interface BeforePaint<T> {
  /** Draws the item's stub or badge before the next paint. */
  decorate(t: T): void;
  /** Reorders a newly arrived batch before the next paint. */
  reorder(batch: T[]): void;
}

/**
 * The attribute is the decision: the stylesheet acts on it at once. Stubs, badges and reordering only have to be
 * in place by the time the frame is painted, so items arriving in a burst get them in one animation-frame
 * callback (which always runs before the paint) instead of inside the page's own insertion. A document without
 * a window has no frames to wait for: the work is done at once (`now`).
 */
export function beforePaint<T>(
  win: (Window & typeof globalThis) | null,
  now: BeforePaint<T>,
  frame: (decorate: T[], batches: T[][]) => void,
): BeforePaint<T> {
  const raf = win?.requestAnimationFrame;
  if (typeof raf !== 'function') return now;
  const toDecorate = new Set<T>();
  const toReorder: T[][] = [];
  let queued = false;

  function queue(): void {
    if (queued) return;
    queued = true;
    raf!.call(win, () => {
      queued = false;
      const decorate = [...toDecorate];
      toDecorate.clear();
      frame(decorate, toReorder.splice(0));
    });
  }

  return {
    decorate(t) {
      toDecorate.add(t);
      queue();
    },
    reorder(batch) {
      toReorder.push(batch);
      queue();
    },
  };
}
