import type { DecisionSummary } from '../core/inference/summary';

/**
 * The Inferred view's summary of the newest decisions, kept until the log changes. Reading 20,000 rows out of
 * IndexedDB is most of the time the view takes to open, and the answer is the same until a decision is logged,
 * reversed or wiped; whoever owns the cache calls invalidate() then (see watchDecisions in lib/db.ts).
 */
export class SummaryCache {
  #key = '';
  #summary: Promise<DecisionSummary> | null = null;

  /** The summary for `key` (what else it depends on: the row limit, the interests), computed once. */
  get(key: string, compute: () => Promise<DecisionSummary>): Promise<DecisionSummary> {
    if (this.#summary !== null && this.#key === key) return this.#summary;
    const summary = compute();
    this.#key = key;
    this.#summary = summary;
    // A failure is answered once, not kept.
    summary.catch(() => {
      if (this.#summary === summary) this.#summary = null;
    });
    return summary;
  }

  /** The log changed: the next get() reads it again. A summary being computed now is still answered to its
   * caller, and not kept. */
  invalidate(): void {
    this.#summary = null;
  }
}
