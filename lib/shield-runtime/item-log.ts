import type { FeedPlatform } from '../schema/common';
import type { Decision, Reason } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import type { Signal } from '../schema/log';
import { bound } from './bounded';
import { MANIPULATION } from './reasons';
import { cleanReasons, type Reporter } from './reporter';
import { toUnit } from '../core/unit';

export interface ItemLog {
  /** Logs the decision when its action is not the one last logged for the item, and raises the item's first
   * manipulation flag once. `quote` gives the reasons with the headline model's words, asked for only when the
   * rows are sent. With `present`, only once the item has stayed on the page for SETTLE_MS: a page that inserts
   * items and takes them away faster than a person could see them learns nothing from the log, and puts nothing
   * in it (issue 25). `reordered` as a function is asked when the row is made: the item is moved after its decision,
   * in the frame before it is painted. */
  record(item: FeedItem, d: Decision, quote: () => readonly Reason[], reordered: boolean | (() => boolean), present?: () => boolean): void;
  /** Records now what is waiting to settle and is still on the page (the page is being left, or flushed). */
  settle(): void;
  /** Something the person did with an item (opened it, hid it, showed it anyway). */
  signal(type: Signal['type'], item: FeedItem, detail: string): void;
}

/**
 * What the background's log hears about items, in the shapes its schema accepts (every field cut to its limit),
 * sent in bulk by the Reporter.
 */
/** How long an item must stay on the page before it is logged: a glance is longer than this. */
export const SETTLE_MS = 500;
/** How many items' logged action and flag are remembered, so that an item met again is not logged again: more than
 * a person scrolls past in a long sitting. */
const REMEMBERED = 5000;
/** A wake settles what is due and waits at least this long for the next: a feed appending a batch every frame gets
 * a few timer tasks a second, not one per batch (issue 24). An item is logged at most this much after SETTLE_MS. */
const WAKE_MS = 200;

export function createItemLog(reporter: Pick<Reporter, 'decision' | 'flag' | 'signal'>, platform: FeedPlatform): ItemLog {
  /** Items waiting to settle, by id, in the order they are due (a newer decision puts its item at the back): the
   * latest decision for each, and whether the item is still there. */
  const waiting = new Map<string, { due: number; present: () => boolean; now: () => void }>();
  /** One timer for every waiting item, not one each: a feed can append hundreds of items a second. */
  let timer: ReturnType<typeof setTimeout> | null = null;
  const loggedAction = new Map<string, string>();
  const flagged = new Set<string>();
  /** What every row says first: when, where, and which item. */
  const fields = (item: FeedItem) => ({
    ts: Date.now(),
    platform,
    itemId: item.id,
    title: item.title.slice(0, 500),
    author: item.author.slice(0, 200),
    url: item.url.slice(0, 1000),
  });

  function settled(id: string): void {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    if (w.present()) w.now();
  }

  /** Settles what is due, and waits for the next. */
  function wake(): void {
    timer = null;
    const now = Date.now();
    for (const [id, w] of waiting) {
      if (w.due > now) {
        timer = setTimeout(wake, Math.max(w.due - now, WAKE_MS));
        return;
      }
      settled(id);
    }
  }

  const log: ItemLog = {
    record(item, d, quote, reordered, present) {
      if (present) {
        waiting.delete(item.id);
        waiting.set(item.id, { due: Date.now() + SETTLE_MS, present, now: () => log.record(item, d, quote, reordered) });
        timer ??= setTimeout(wake, SETTLE_MS);
        return;
      }
      if (loggedAction.get(item.id) !== d.action) {
        loggedAction.set(item.id, d.action);
        bound(loggedAction, REMEMBERED);
        reporter.decision(
          {
            ...fields(item),
            surface: item.surface.slice(0, 40),
            action: d.action,
            reasons: cleanReasons(d.reasons),
            score: Number.isFinite(d.score) ? toUnit(d.score) : 0.5,
            reordered: typeof reordered === 'function' ? reordered() : reordered,
            ...(d.judgedBy ? { judgedBy: d.judgedBy.slice(0, 120) } : {}),
          },
          (row) => {
            const q = quote();
            if (q !== d.reasons) row.reasons = cleanReasons(q);
          },
        );
      }
      if (flagged.has(item.id)) return;
      const r = d.reasons.find((x) => x.kind && MANIPULATION.has(x.kind));
      if (!r || !r.kind) return;
      flagged.add(item.id);
      bound(flagged, REMEMBERED);
      reporter.flag(
        {
          ...fields(item),
          kind: r.kind,
          confidence: typeof r.confidence === 'number' ? toUnit(r.confidence) : 1,
          source: r.source,
          action: d.action,
          evidence: cleanReasons([r])[0].evidence,
          status: 'open',
        },
        (row) => {
          const q = quote();
          if (q !== d.reasons) row.evidence = cleanReasons([q[d.reasons.indexOf(r)]])[0].evidence;
        },
      );
    },
    settle() {
      for (const id of [...waiting.keys()]) settled(id);
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    signal: (type, item, detail) => reporter.signal({ type, ...fields(item), detail }),
  };
  return log;
}
