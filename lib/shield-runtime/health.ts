import type { Adapter } from '../adapters/types';
import type { Reporter } from './reporter';
import type { Tracked } from './tracked';
import { errorText } from './error-text';

/**
 * The start of the detail sent when a feed's items are found but most are read without their author or title: the
 * site changed how it shows them, and rules on channels and titles miss. The popup tells this case by it.
 */
export const UNREADABLE = 'items found, but most without their author or title';
/** Items (ads aside: they often name no one) read on a surface before it can be called unreadable. */
const MIN_READ = 6;

export interface HealthWatch {
  /** Items were read: the page's surface is reported working, once; or, when most of them came without their
   * author or title, as needing an update. */
  sawItems(fresh: readonly Tracked[]): void;
  /** Looks, a while after load, for the items a feed page should have (after a navigation too). */
  watch(): void;
  /** A new page: each surface is reported again. */
  forget(): void;
  stop(): void;
}

export interface HealthOptions {
  /** The page's surface now (null: a page the adapter does not handle). */
  surface(): string | null;
  /** Whether there is anything left to check (not failed, not stopped). */
  live(): boolean;
  /** The selectors found nothing where a feed should be: the runner fails open and says why. */
  failOpen(detail: string): void;
  delayMs: number;
  retryMs: number;
}

/**
 * Health: tells the background whether the adapter's selectors still find the site's items. A feed page with
 * none after load is looked at twice (a slow feed may still be filling) before it is called broken.
 */
export function watchHealth(doc: Document, adapter: Adapter, reporter: Pick<Reporter, 'health'>, opts: HealthOptions): HealthWatch {
  const ok = new Set<string>();
  const unreadable = new Set<string>();
  /** By surface: [items read, items read without author or title]. */
  const tally = new Map<string, number[]>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function found(surface: string, detail: string): void {
    if (ok.has(surface)) return;
    ok.add(surface);
    reporter.health(surface, true, detail);
  }

  function schedule(delay: number, retry = false): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      check(retry);
    }, delay);
  }

  function check(retry: boolean): void {
    const surface = opts.surface();
    // Items already read here answer it: the page is not searched again (a long feed's whole page, mid-scroll).
    if (!surface || ok.has(surface) || !opts.live() || !adapter.expectsItems(surface)) return;
    let count = 0;
    try {
      for (const root of adapter.findItems(doc)) {
        if ((adapter.itemSurface?.(root) ?? surface) === surface && root.isConnected) count++;
      }
    } catch (e) {
      opts.failOpen(`error while looking for items: ${errorText(e)}`);
      return;
    }
    if (count > 0) {
      found(surface, `${count} items found`);
      return;
    }
    const container = adapter.feedContainer(doc, surface);
    if (retry || (container && container.childElementCount >= 3)) {
      opts.failOpen(
        container
          ? `the ${surface} feed is on the page but none of its entries matched Parapet's selectors`
          : `no ${surface} feed found on the page`,
      );
    } else schedule(opts.retryMs, true);
  }

  return {
    sawItems(fresh) {
      for (const { item } of fresh) {
        if (item!.promoted) continue;
        let c = tally.get(item!.surface);
        if (!c) tally.set(item!.surface, (c = [0, 0]));
        c[0]++;
        if (!item!.title.trim() || !item!.author.trim()) c[1]++;
      }
      const surface = opts.surface();
      if (!surface || unreadable.has(surface)) return;
      const [n, missing] = tally.get(surface) ?? [0, 0];
      if (n >= MIN_READ && missing * 2 > n) {
        // Said even after "working": an unreadable feed is found out only once enough of it was read.
        unreadable.add(surface);
        ok.add(surface);
        reporter.health(surface, false, `${UNREADABLE} (${missing} of ${n})`);
      } else if (!ok.has(surface) && fresh.some((t) => t.item!.surface === surface)) found(surface, 'items found');
    },
    watch() {
      const surface = opts.surface();
      if (!surface || !adapter.expectsItems(surface)) return;
      if (doc.readyState === 'complete') schedule(opts.delayMs);
      else doc.defaultView?.addEventListener('load', () => schedule(opts.delayMs), { once: true });
    },
    forget() {
      ok.clear();
      unreadable.clear();
      tally.clear();
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
    },
  };
}
