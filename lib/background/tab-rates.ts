/**
 * How fast one tab may add to the logs: a token bucket per tab and per log, sized to what a person can produce
 * (a feed scrolled quickly, a click every second or two), so a page script cannot steer the inferred model or
 * fill the disk by writing faster than that. What is refused is counted here, never stored.
 */
export type RateKind = 'decisions' | 'flags' | 'signals' | 'feedback';

export interface Rate {
  /** Rows a tab may send at once (a feed's first screen, a burst of scrolling). */
  burst: number;
  /** Rows per second it may keep sending. */
  perSecond: number;
}

export const TAB_RATES: Record<RateKind, Rate> = {
  // A person scrolling fast sees a few items a second; a long page decided at load is the burst.
  decisions: { burst: 2_000, perSecond: 30 },
  flags: { burst: 500, perSecond: 10 },
  // Opens, searches, dwell, hides: a person does one every second or two at most, for long.
  signals: { burst: 30, perSecond: 0.5 },
  feedback: { burst: 20, perSecond: 0.5 },
};

export interface TabRates {
  /** How many of `wanted` rows this tab may add now (the rest are counted as refused). */
  take(tabId: number, kind: RateKind, wanted: number): number;
  refused(): Record<RateKind, number>;
  forget(tabId: number): void;
}

export function createTabRates(now: () => number = Date.now, rates: Record<RateKind, Rate> = TAB_RATES): TabRates {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refused: Record<RateKind, number> = { decisions: 0, flags: 0, signals: 0, feedback: 0 };
  return {
    take(tabId, kind, wanted) {
      const rate = rates[kind];
      const key = `${tabId}:${kind}`;
      const t = now();
      const b = buckets.get(key) ?? { tokens: rate.burst, at: t };
      b.tokens = Math.min(rate.burst, b.tokens + (Math.max(0, t - b.at) / 1000) * rate.perSecond);
      b.at = t;
      const granted = Math.max(0, Math.min(wanted, Math.floor(b.tokens)));
      b.tokens -= granted;
      buckets.set(key, b);
      refused[kind] += wanted - granted;
      return granted;
    },
    refused: () => ({ ...refused }),
    forget(tabId) {
      for (const kind of Object.keys(rates)) buckets.delete(`${tabId}:${kind}`);
    },
  };
}
