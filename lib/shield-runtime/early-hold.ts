import type { FeedPlatform } from '../schema/constants';
import type { Profile } from '../schema/profile';
import { readPageStart, type PageStart } from './page-start';
import { browserTransport } from './transport';

/** What the document_start script hands the feed script, which the browser runs once the page is parsed. */
export interface EarlyStart {
  readonly start: PageStart;
  /**
   * Ends the early hold: `hold` (the feed script's own, which puts the items it finds out of sight) runs first, in
   * the same task, so nothing held is drawn in between. Returns what `hold` put out of sight; nothing is asked of it
   * on a page the early hold did not hold (no feed there).
   */
  claim(hold: () => Element[]): Element[];
  /** The browser's DOMContentLoaded has reached this script (or the page has loaded, or the hold has ended). */
  readonly parsed: boolean;
}

/** On the root element while the page is parsed: each site's hold stylesheet (lib/adapters/<site>.hold.css) keeps
 * what may be an item unseen in its place while it is there. */
export const HOLD_ATTR = 'data-parapet-hold';

/** On the content scripts' own global (their isolated world: the page cannot see or set it). */
const HANDOFF = Symbol.for('parapet.earlyStart');
type Handoff = { [HANDOFF]?: EarlyStart };

/** How long after DOMContentLoaded the hold waits for the feed script before it shows the page as the site drew it:
 * the browser runs that script right then, so this is only reached when it failed to start. */
const UNCLAIMED_MS = 1000;

/** What the document_start script knows of its site: no adapter (issue 24: it is compiled and run while the page is
 * parsed). */
export interface EarlyFeed {
  platform: FeedPlatform;
  surface(url: URL): string | null;
}

/**
 * The first part of a feed page's shield, run at document_start (issue 24). Everything the browser runs before the
 * page is parsed holds up DOMContentLoaded and the site's own handlers of it; the feed script, ~95 KB to compile
 * and set up, runs once the page is parsed (document_end). Until then, on a feed page, one attribute on the root
 * element and the site's hold stylesheet keep every item the parser inserts unseen in its place: nothing runs per
 * element, nothing is read or decided, and nothing a decision would hide is ever drawn. Once parsed, it reads the
 * profile and models for the feed script (page-start.ts).
 *
 * The feed script is a manifest content script, not a module this script imports (measured 2026-12-06, HN bench
 * page, Chromium 156): Chromium keeps no code cache for either, so only the top-level compile (~10 ms of main thread
 * here) would move to a background thread, while a chrome-extension:// module arrived 30-40 ms after the browser
 * injects the document_end script (imported here at document_start: evaluated 138-176 ms after it, against 102-136),
 * and ready came 30-38 ms later (scripts/bench-dcl-trace.ts, UNTIL=load).
 */
export function holdFeedEarly(feed: EarlyFeed, signal: AbortSignal): void {
  const startedAt = performance.now();
  const transport = browserTransport();
  let broadcast: Profile | undefined;
  let unsubscribe: (() => void) | undefined;
  const start = readPageStart(transport, feed.platform, startedAt, () => broadcast);
  // Profiles broadcast from when the reads start (begin is called again as the hold ends): one saved earlier is in
  // what they read, or page/current brings it.
  const begin = start.begin!;
  start.begin = () => {
    begin();
    unsubscribe ??= transport.onProfile((p) => (broadcast = p));
  };
  const early = createEarlyHold(
    feed,
    document,
    start,
    (claimed) => {
      unsubscribe?.();
      delete (globalThis as Handoff)[HANDOFF];
      // The feed script runs now, the page parsed: a profile read from storage may be older than one saved since.
      if (claimed) start.confirm();
    },
    // Firefox builds the storage and runtime APIs the reads use on first touch (~15 ms on this machine): set up
    // inside DOMContentLoaded, they held up the site's own handlers of it by ~30 ms (probe-firefox-start.ts), so
    // they start a task later. Chromium's take ~1 ms, and its next task may come only after the page's first
    // layout: there they start at once (a task later, ready came ~12 ms later: bench-dcl-trace.ts). Started at
    // document_start instead, they changed nothing: ready 135.7 -> 132.2 ms, DOMContentLoaded 82.9 -> 89.6 (HN,
    // N=10, UNTIL=load, 2026-12-06). Ready waits for the feed script's injection and compile, not for the read.
    import.meta.env.FIREFOX ? undefined : (read) => read(),
  );
  signal.addEventListener('abort', () => early.end(), { once: true });
  (globalThis as Handoff)[HANDOFF] = early;
}

/** The early hold on `doc`: `claim` hands it over, `end` shows what it holds (the feed script never came, or the
 * extension went away). `done`: called once, whichever comes first; `claimed` when the feed script took it. */
export function createEarlyHold(
  feed: Pick<EarlyFeed, 'surface'>,
  doc: Document,
  start: PageStart,
  done: (claimed: boolean) => void,
  readAfterSite: (read: () => void) => void = (read) => void setTimeout(read),
): EarlyStart & { end(): void } {
  let surface: string | null = null;
  try {
    surface = feed.surface(new URL(doc.location.href));
  } catch {
    // no feed here
  }
  // A page with no feed (an item's comments, a user page) is not held: there the feed script holds nothing either.
  const holding = surface !== null;
  const guard = holding ? holdRoot(doc) : null;
  let over = false;
  let unclaimed: ReturnType<typeof setTimeout> | undefined;
  // The feed script comes at DOMContentLoaded, after the page's deferred scripts (which may still be loading long
  // after the parser is done): the wait counts from there. The browser's event only, or the load: a page can fire
  // an event of its own, not change readyState.
  const loaded = (e?: Event) => {
    if (unclaimed !== undefined) return;
    if ((e?.type === 'DOMContentLoaded' && e.isTrusted) || doc.readyState === 'complete') {
      // The page parsed: the feed script comes now, and what it takes is read (page-start.ts), once the site's
      // own handlers of the event have run.
      readAfterSite(() => start.begin?.());
      unclaimed = setTimeout(() => finish(null), UNCLAIMED_MS);
    }
  };
  doc.addEventListener('DOMContentLoaded', loaded);
  doc.addEventListener('readystatechange', loaded);
  loaded();

  /** `hold`: the feed script's, when it claims; none when the page is shown as the site drew it. */
  function finish(hold: (() => Element[]) | null): Element[] {
    if (over) return [];
    over = true;
    start.begin?.();
    clearTimeout(unclaimed);
    doc.removeEventListener('DOMContentLoaded', loaded);
    doc.removeEventListener('readystatechange', loaded);
    const held = holding && hold ? hold() : [];
    guard?.release();
    done(hold !== null);
    return held;
  }
  return {
    start,
    claim: (hold) => finish(hold),
    end: () => void finish(null),
    get parsed() {
      return unclaimed !== undefined || over;
    },
  };
}

/** Sets the hold's attribute on the root element (once there is one) and keeps it there until `release`: a page's
 * own script taking it off would show its items before they are decided. */
function holdRoot(doc: Document): { release(): void } {
  let root: Element | null = null;
  const keep = new MutationObserver(() => {
    if (!root && (root = doc.documentElement)) keep.observe(root, { attributes: true, attributeFilter: [HOLD_ATTR] });
    if (root && !root.hasAttribute(HOLD_ATTR)) root.setAttribute(HOLD_ATTR, '');
  });
  // At document_start the root element is there in Chromium and Firefox; should it not be, it is held once it is.
  root = doc.documentElement;
  if (root) {
    root.setAttribute(HOLD_ATTR, '');
    keep.observe(root, { attributes: true, attributeFilter: [HOLD_ATTR] });
  } else keep.observe(doc, { childList: true });
  return {
    release() {
      keep.disconnect();
      doc.documentElement?.removeAttribute(HOLD_ATTR);
    },
  };
}

/** The early start of this page until the feed script claims it; none when that script runs alone (tests, a
 * failed start). */
export function takeEarlyStart(): EarlyStart | undefined {
  return (globalThis as Handoff)[HANDOFF];
}
