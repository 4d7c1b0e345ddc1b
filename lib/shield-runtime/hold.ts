/** What the first decisions wait for: the person's profile, and each model the content script loads. */
export type Awaited = 'profile' | 'clickbait' | 'detectors';

export interface Hold {
  /** True until everything awaited arrived (or failed), or the cap passed. */
  readonly holding: boolean;
  /** Stops waiting for `what`; ends the hold when it was the last thing waited for. */
  settled(what: Awaited): void;
  stop(): void;
}

/** How long a release found while the page is still being parsed waits for the parser's last task. */
const PARSER_WAIT_MS = 50;

/**
 * The hold. Until the person's own profile arrives, the defaults can hide ads but know nothing of their blocked
 * channels, avoided topics or interests: items found meanwhile wait unseen in their own space, so nothing the
 * profile hides flashes and the first page can still be ordered. Capped, so a silent background never blanks a
 * page. The models are waited for the same way: an item a detector would hide must not show before the rules are
 * in. A load that fails is no longer waited for.
 *
 * `doc`: when the last of them arrives while its parser is still at work, the release waits for the parser's last
 * task (PARSER_WAIT_MS at most, on a page still arriving) and comes in a task of its own, as when they arrive later:
 * the first items' decisions cost tens of milliseconds in a fresh page, which inside the parser's work would hold up
 * DOMContentLoaded and the page's own handlers of it (issue 24). Items still wait unseen until then.
 */
export function createHold(awaited: Iterable<Awaited>, capMs: number, onRelease: () => void, doc?: Document): Hold {
  const waiting = new Set(awaited);
  let holding = true;
  const timer = setTimeout(() => release(), capMs);
  let afterParser: ReturnType<typeof setTimeout> | undefined;
  // readyState, not the event, says the parser is done: a page can fire the event without changing the state.
  const parsed = () => {
    if (doc!.readyState !== 'loading') setTimeout(release, 0);
  };

  function end(): void {
    holding = false;
    clearTimeout(timer);
    clearTimeout(afterParser);
    doc?.removeEventListener('readystatechange', parsed);
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
      if (waiting.size > 0 || !holding || afterParser !== undefined) return;
      if (doc?.readyState !== 'loading') return release();
      doc.addEventListener('readystatechange', parsed);
      afterParser = setTimeout(release, PARSER_WAIT_MS);
    },
    // Never released once stopped (the page is being cleaned up).
    stop: end,
  };
}
