import { openedItemOf, pageTitleOf, searchQueryOf, type PagePatterns } from '../adapters/page-signals';
import type { Reporter } from './reporter';
import { watchTrustedInput, type TrustedInput } from './trusted-input';

/** Less time than this on an item's page is a glance, not interest. */
export const MIN_DWELL_MS = 10_000;
/** Sites set the title of a page they navigated to a moment after the address changes. */
const TITLE_SETTLE_MS = 1500;

export interface PageActivity {
  /** Looks at the address (once the profile is known, and after each navigation). */
  check(): void;
  /** The page is going away: report the time spent on it now, before the log is flushed. */
  leave(): void;
  stop(): void;
}

/**
 * The two signals a page gives without a click: the searches the person runs on the site, and the time they
 * spend on an item's own page (counted only while the tab is visible). Both stay on this device like every
 * signal, and feed the inferred user model. A page can push any address it likes, so a new address counts only when
 * the person's own click or Enter (trusted input) came just before it; the address the tab was opened at counts
 * for time spent, never for a search (a page can load itself at a search address as often as it likes).
 */
export function watchPageActivity(
  pages: PagePatterns,
  reporter: Pick<Reporter, 'signal'>,
  doc: Document,
  opts: { active: () => boolean; now?: () => number; input?: TrustedInput },
): PageActivity {
  const now = opts.now ?? (() => Date.now());
  const input = opts.input ?? watchTrustedInput(doc.defaultView ?? doc, now);
  const loadedHref = doc.location?.href;
  let lastHref = '';
  let byPerson = false;
  let lastSearch = '';
  let open: { id: string; url: string; title: string; visibleMs: number; since: number | null } | null = null;
  let titleTimer: ReturnType<typeof setTimeout> | null = null;
  const visible = () => doc.visibilityState !== 'hidden';

  function refreshTitle(): void {
    if (open) open.title = pageTitleOf(pages, doc.title ?? '') || open.title;
  }

  function endDwell(): void {
    if (!open) return;
    if (open.since !== null) open.visibleMs += now() - open.since;
    const o = open;
    open = null;
    if (o.visibleMs >= MIN_DWELL_MS && o.title && opts.active()) {
      reporter.signal({ type: 'dwell', itemId: o.id, title: o.title, author: '', url: o.url.slice(0, 1000), value: Math.round(o.visibleMs), detail: '' });
    }
  }

  function check(): void {
    let url: URL;
    try {
      url = new URL(doc.location?.href ?? 'about:blank');
    } catch {
      return;
    }
    // One gesture vouches for one address change, decided when the address changes and kept until the next.
    if (url.href !== lastHref) byPerson = input.consume();
    lastHref = url.href;
    const id = openedItemOf(pages, url);
    if (open && open.id !== id) endDwell();
    if (id && !open && (byPerson || url.href === loadedHref)) {
      open = { id, url: url.href, title: '', visibleMs: 0, since: visible() ? now() : null };
      refreshTitle();
      if (titleTimer !== null) clearTimeout(titleTimer);
      titleTimer = setTimeout(refreshTitle, TITLE_SETTLE_MS);
    }
    const q = searchQueryOf(pages, url);
    if (q && q !== lastSearch && byPerson && opts.active()) {
      reporter.signal({ type: 'search', itemId: '', title: q, author: '', url: url.href.slice(0, 1000), value: q.length, detail: '' });
    }
    lastSearch = q ?? '';
  }

  const onVisibility = () => {
    if (!open) return;
    if (!visible() && open.since !== null) {
      open.visibleMs += now() - open.since;
      open.since = null;
    } else if (visible() && open.since === null) open.since = now();
  };
  doc.addEventListener('visibilitychange', onVisibility);

  return {
    check,
    leave: () => {
      refreshTitle();
      endDwell();
    },
    stop: () => {
      doc.removeEventListener('visibilitychange', onVisibility);
      input.stop();
      if (titleTimer !== null) clearTimeout(titleTimer);
      open = null;
    },
  };
}
