import type { FeedPlatform } from '../schema/common';
import type { Decision, Reason } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import type { Signal } from '../schema/log';
import { MANIPULATION } from './reasons';
import { cleanReasons, type Reporter } from './reporter';

export interface ItemLog {
  /** Logs the decision when its action is not the one last logged for the item, and raises the item's first
   * manipulation flag once. `quote` gives the reasons with the headline model's words, asked for only when the
   * rows are sent. */
  record(item: FeedItem, d: Decision, quote: () => readonly Reason[], reordered: boolean): void;
  /** Something the person did with an item (opened it, hid it, showed it anyway). */
  signal(type: Signal['type'], item: FeedItem, detail: string): void;
}

/**
 * What the background's log hears about items, in the shapes its schema accepts (every field cut to its limit),
 * sent in bulk by the Reporter.
 */
export function createItemLog(reporter: Pick<Reporter, 'decision' | 'flag' | 'signal'>, platform: FeedPlatform): ItemLog {
  const loggedAction = new Map<string, string>();
  const flagged = new Set<string>();
  const fields = (item: FeedItem) => ({
    itemId: item.id,
    title: item.title.slice(0, 500),
    author: item.author.slice(0, 200),
    url: item.url.slice(0, 1000),
  });

  return {
    record(item, d, quote, reordered) {
      if (loggedAction.get(item.id) !== d.action) {
        loggedAction.set(item.id, d.action);
        reporter.decision(
          {
            ts: Date.now(),
            platform,
            ...fields(item),
            surface: item.surface.slice(0, 40),
            action: d.action,
            reasons: cleanReasons(d.reasons),
            score: Number.isFinite(d.score) ? Math.min(1, Math.max(0, d.score)) : 0.5,
            reordered,
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
      reporter.flag(
        {
          ts: Date.now(),
          platform,
          ...fields(item),
          kind: r.kind,
          confidence: typeof r.confidence === 'number' ? Math.min(1, Math.max(0, r.confidence)) : 1,
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
    signal: (type, item, detail) => reporter.signal({ type, ...fields(item), detail }),
  };
}
