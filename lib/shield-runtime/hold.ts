/** What the first decisions wait for: the person's profile, each model the content script loads, and the decisions
 * kept from the feed's earlier pages (read with the profile). */
export type Awaited = 'profile' | 'clickbait' | 'detectors' | 'known';

export interface Hold {
  /** True until everything awaited arrived (or failed), or the cap passed. */
  readonly holding: boolean;
  /** Stops waiting for `what`; ends the hold when it was the last thing waited for. */
  settled(what: Awaited): void;
  /** Whether `what` is still waited for (it is after the hold ended early, until it arrives). */
  awaits(what: Awaited): boolean;
  /** Ends the hold now, whatever is still awaited. */
  release(): void;
  stop(): void;
}

/**
 * The hold. Until the person's own profile arrives, the defaults can hide ads but know nothing of their blocked
 * channels, avoided topics or interests: items found meanwhile wait unseen in their own space, so nothing the
 * profile hides flashes and the first page can still be ordered. Capped, so a silent background never blanks a
 * page. The models are waited for the same way: an item a detector would hide must not show before the rules are
 * in. A load that fails is no longer waited for. (While the page is parsed, the feed script has not started: the
 * document_start script holds what the parser inserts, early-hold.ts.)
 */
export function createHold(awaited: Iterable<Awaited>, capMs: number, onRelease: () => void): Hold {
  const waiting = new Set(awaited);
  let holding = true;
  const timer = setTimeout(() => release(), capMs);

  function end(): void {
    holding = false;
    clearTimeout(timer);
  }

  function release(): void {
    if (!holding) return;
    end();
    onRelease();
  }

  return {
    get holding() {
      return holding;
    },
    settled(what) {
      waiting.delete(what);
      if (waiting.size === 0) release();
    },
    awaits: (what) => waiting.has(what),
    release,
    // Never released once stopped (the page is being cleaned up).
    stop: end,
  };
}
