import type { Adapter } from '../adapters/types';
import type { Profile } from '../schema/profile';
import { readPageStart, type PageStart } from './page-start';
import { browserTransport } from './transport';
import { putOutOfSight, showUnread } from './unread';

/** What the document_start script hands the feed script, which the browser runs once the page is parsed. */
export interface EarlyStart {
  readonly start: PageStart;
  /** Ends the early hold: the feed script's own watcher takes over in the same task. Returns what it put out of
   * sight, still unread (the feed script shows it if it reads no item into it). */
  claim(): Element[];
}

/** On the content scripts' own global (their isolated world: the page cannot see or set it). */
const HANDOFF = Symbol.for('parapet.earlyStart');
type Handoff = { [HANDOFF]?: EarlyStart };

/** How long after DOMContentLoaded the hold waits for the feed script before it shows the page as the site drew it:
 * the browser runs that script right then, so this is only reached when it failed to start. */
const UNCLAIMED_MS = 1000;

/**
 * The first part of a feed page's shield, run at document_start (issue 24). Everything the browser runs before the
 * page is parsed holds up DOMContentLoaded and the site's own handlers of it; the feed script, ~95 KB to compile
 * and set up, runs once the page is parsed (document_end). Until then this small script keeps each item the parser
 * inserts unseen in its place, as the feed script's hold does: nothing is read or decided while the page is parsed,
 * and nothing a decision would hide is ever drawn. Once parsed, it reads the profile and models for the feed script
 * (page-start.ts).
 */
export function holdFeedEarly(adapter: Adapter, signal: AbortSignal): void {
  const startedAt = performance.now();
  const transport = browserTransport();
  let broadcast: Profile | undefined;
  const unsubscribe = transport.onProfile((p) => (broadcast = p));
  const start = readPageStart(transport, adapter.platform, startedAt, () => broadcast);
  const early = createEarlyHold(adapter, document, start, (claimed) => {
    unsubscribe();
    delete (globalThis as Handoff)[HANDOFF];
    // The feed script runs now, the page parsed: a profile read from storage may be older than one saved since.
    if (claimed) start.confirm();
  });
  signal.addEventListener('abort', () => early.end(), { once: true });
  (globalThis as Handoff)[HANDOFF] = early;
}

/** The early hold on `doc`: `claim` hands it over, `end` shows what it holds (the feed script never came, or the
 * extension went away). `done`: called once, whichever comes first; `claimed` when the feed script took it. */
export function createEarlyHold(adapter: Adapter, doc: Document, start: PageStart, done: (claimed: boolean) => void): EarlyStart & { end(): void } {
  const held: Element[] = [];
  let surface: string | null = null;
  try {
    surface = adapter.surface(new URL(doc.location.href));
  } catch {
    // no feed here
  }
  const hide = () => {
    for (const root of adapter.findItems(doc)) putOutOfSight(adapter, root, held);
  };
  // A page with no feed (an item's comments, a user page) is not held: there the feed script holds nothing either.
  const observer = surface === null ? null : new MutationObserver(hide);
  observer?.observe(doc, { childList: true, subtree: true });
  let over = false;
  let unclaimed: ReturnType<typeof setTimeout> | undefined;
  // The feed script comes at DOMContentLoaded, after the page's deferred scripts (which may still be loading long
  // after the parser is done): the wait counts from there. The browser's event only, or the load: a page can fire
  // an event of its own, not change readyState.
  const loaded = (e?: Event) => {
    if (unclaimed !== undefined) return;
    if ((e?.type === 'DOMContentLoaded' && e.isTrusted) || doc.readyState === 'complete') {
      // The page parsed: the feed script comes now, and what it takes is read (page-start.ts).
      start.begin?.();
      unclaimed = setTimeout(() => finish(true), UNCLAIMED_MS);
    }
  };
  doc.addEventListener('DOMContentLoaded', loaded);
  doc.addEventListener('readystatechange', loaded);
  loaded();

  function finish(show: boolean): Element[] {
    if (over) return [];
    over = true;
    start.begin?.();
    if (observer && !show) hide(); // what the parser inserted since the last callback
    observer?.disconnect();
    clearTimeout(unclaimed);
    doc.removeEventListener('DOMContentLoaded', loaded);
    doc.removeEventListener('readystatechange', loaded);
    done(!show);
    if (show) showUnread(held);
    return held.splice(0);
  }
  return { start, claim: () => finish(false), end: () => void finish(true) };
}

/** The early start of this page until the feed script claims it; none when that script runs alone (tests, a
 * failed start). */
export function takeEarlyStart(): EarlyStart | undefined {
  return (globalThis as Handoff)[HANDOFF];
}
