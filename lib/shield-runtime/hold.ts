/** What the first decisions wait for: the person's profile, and each model the content script loads. */
export type Awaited = 'profile' | 'clickbait' | 'detectors';

export interface Hold<T> {
  /** True until everything awaited arrived (or failed), or the cap passed. */
  readonly holding: boolean;
  /** Items found while holding: kept unseen, to be put in order together when the hold ends. */
  keep(items: readonly T[]): void;
  /** Stops waiting for `what`; ends the hold, and returns true, when it was the last thing waited for. */
  settled(what: Awaited): boolean;
  /** The items kept so far (the cap's timer is no longer needed once they are taken). */
  take(): T[];
  stop(): void;
}

/**
 * The hold. Until the person's own profile arrives, the defaults can hide ads but know nothing of their blocked
 * channels, avoided topics or interests: items found meanwhile wait unseen in their own space, so nothing the
 * profile hides flashes and the first page can still be ordered. Capped, so a silent background never blanks a
 * page. The models are waited for the same way: an item a detector would hide must not show before the rules are
 * in. A load that fails is no longer waited for.
 */
export function createHold<T>(awaited: Iterable<Awaited>, capMs: number, onRelease: () => void): Hold<T> {
  const waiting = new Set(awaited);
  const kept: T[] = [];
  let holding = true;
  let stopped = false;
  const timer = setTimeout(() => release(), capMs);

  function release(): void {
    if (!holding || stopped) return;
    holding = false;
    onRelease();
  }

  return {
    get holding() {
      return holding;
    },
    keep: (items) => void kept.push(...items),
    settled(what) {
      waiting.delete(what);
      if (!holding || waiting.size > 0) return false;
      release();
      return true;
    },
    take() {
      clearTimeout(timer);
      return kept.splice(0);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
