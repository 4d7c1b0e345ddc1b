/**
 * The person's own gestures, told apart from a page script's: only events the browser marks `isTrusted` count, and
 * only those that can start a navigation (a click or tap, Enter). A page can dispatch a click or push an address,
 * but it cannot make either trusted, so what it fakes never becomes a signal.
 */
export interface TrustedInput {
  /** True once for each gesture of the last `TRUSTED_WINDOW_MS`: one gesture vouches for one address change, so a
   * page cannot ride a single real click to record many searches. */
  consume(): boolean;
  stop(): void;
}

/** Sites change the address a moment after the click or Enter (YouTube after its data arrives, seconds on a slow line). */
export const TRUSTED_WINDOW_MS = 10_000;

export function watchTrustedInput(target: EventTarget, now: () => number = Date.now): TrustedInput {
  let lastAt = -Infinity;
  const onInput = (e: Event) => {
    if (!e.isTrusted) return;
    if (e.type === 'keydown' && (e as KeyboardEvent).key !== 'Enter') return;
    lastAt = now();
  };
  // Capturing on the window: the page's own handlers cannot hide a gesture from us by stopping it first on the target.
  const types = ['pointerdown', 'click', 'keydown'];
  for (const type of types) target.addEventListener(type, onInput, true);
  return {
    consume() {
      if (now() - lastAt > TRUSTED_WINDOW_MS) return false;
      lastAt = -Infinity;
      return true;
    },
    stop() {
      for (const type of types) target.removeEventListener(type, onInput, true);
    },
  };
}
