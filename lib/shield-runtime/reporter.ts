import type { FeedPlatform } from '../schema/common';
import { REASON_DETAIL_MAX } from '../schema/constants';
import type { Reason } from '../schema/decision';
import type { Flag, LoggedDecision, Signal } from '../schema/log';
import type { TabStats } from '../schema/messages';
import type { Transport } from './transport';

export interface ReporterOptions {
  /** Longest a row waits before it is sent. */
  flushMs?: number;
  /** A batch this large is sent at the next idle moment, without waiting for the timer. */
  maxRows?: number;
  win?: Window & typeof globalThis;
}

type Counts = Omit<TabStats, 'platform' | 'since'>;

/**
 * Everything the content script tells the background in bulk: decisions, flags, signals and the tab's counts.
 * Rows wait in memory and go out together from an idle callback, so logging costs the page nothing it would
 * notice; a failed send is dropped (the log is a record, never a reason to break the page).
 */
export class Reporter {
  #decisions: LoggedDecision[] = [];
  #flags: Flag[] = [];
  #signals: Signal[] = [];
  #finishing: Array<() => void> = [];
  #counts: Counts | null = null;
  #lastCounts = '';
  #timer: ReturnType<typeof setTimeout> | null = null;
  #idle: number | null = null;
  readonly #flushMs: number;
  readonly #maxRows: number;
  readonly #win: (Window & typeof globalThis) | undefined;

  readonly #transport: Transport;
  readonly #platform: FeedPlatform;
  /** When this page started counting: the popup's counts open Activity on the decisions logged since. */
  readonly #since = Date.now();

  constructor(transport: Transport, platform: FeedPlatform, opts: ReporterOptions = {}) {
    this.#transport = transport;
    this.#platform = platform;
    this.#flushMs = opts.flushMs ?? 1000;
    this.#maxRows = opts.maxRows ?? 50;
    this.#win = opts.win ?? (typeof window !== 'undefined' ? window : undefined);
  }

  /** `finish`, when given, completes the row just before it is sent: work the log needs and the page does not
   * (quoting a headline's words), done in the idle moment instead of before the item is painted. */
  decision(row: LoggedDecision, finish?: (row: LoggedDecision) => void): void {
    this.#decisions.push(row);
    if (finish) this.#finishing.push(() => finish(row));
    this.#schedule();
  }

  flag(row: Flag, finish?: (row: Flag) => void): void {
    this.#flags.push(row);
    if (finish) this.#finishing.push(() => finish(row));
    this.#schedule();
  }

  signal(row: Omit<Signal, 'platform' | 'ts'> & { ts?: number }): void {
    this.#signals.push({ ts: Date.now(), platform: this.#platform, ...row });
    this.#schedule();
  }

  stats(counts: Counts): void {
    this.#counts = counts;
    this.#schedule();
  }

  health(surface: string, ok: boolean, detail: string): void {
    void this.#transport
      .send('health/report', { platform: this.#platform, surface: surface.slice(0, 40), ok, detail: detail.slice(0, 300) })
      .catch(() => {});
  }

  get pending(): number {
    return this.#decisions.length + this.#flags.length + this.#signals.length;
  }

  #schedule(): void {
    if (this.pending >= this.#maxRows) {
      this.#whenIdle();
      return;
    }
    if (this.#timer === null && this.#idle === null) this.#timer = setTimeout(() => this.#whenIdle(), this.#flushMs);
  }

  #whenIdle(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#idle !== null) return;
    const ric = this.#win?.requestIdleCallback;
    if (ric) this.#idle = ric.call(this.#win, () => this.flush(), { timeout: 1000 });
    else this.#idle = setTimeout(() => this.flush(), 0) as unknown as number;
  }

  /** Sends everything waiting now. */
  flush(): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#idle = null;
    for (const finish of this.#finishing.splice(0)) {
      try {
        finish();
      } catch {
        // the row goes out as it was recorded
      }
    }
    const sends: Array<Promise<unknown>> = [];
    const t = this.#transport;
    while (this.#decisions.length > 0) sends.push(t.send('decisions/log', { rows: this.#decisions.splice(0, 500) }));
    while (this.#flags.length > 0) sends.push(t.send('flags/add', { rows: this.#flags.splice(0, 500) }));
    while (this.#signals.length > 0) sends.push(t.send('signals/add', { rows: this.#signals.splice(0, 500) }));
    if (this.#counts) {
      const key = JSON.stringify(this.#counts);
      if (key !== this.#lastCounts) {
        this.#lastCounts = key;
        sends.push(t.send('tab/stats', { platform: this.#platform, ...this.#counts, since: this.#since }));
      }
    }
    return Promise.allSettled(sends).then(() => undefined);
  }

  destroy(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

/** Reasons as the background's schema accepts them: one over-long field must not get a whole batch refused. */
export function cleanReasons(reasons: readonly Reason[]): Reason[] {
  return reasons.slice(0, 20).map((r) => {
    const out: Reason = {
      code: String(r.code ?? '').slice(0, 60),
      detail: String(r.detail ?? '').slice(0, REASON_DETAIL_MAX),
      source: r.source,
      evidence: (Array.isArray(r.evidence) ? r.evidence : []).slice(0, 10).map((e) => String(e).slice(0, 120)),
    };
    if (r.kind) out.kind = r.kind;
    if (typeof r.confidence === 'number' && Number.isFinite(r.confidence)) out.confidence = Math.min(1, Math.max(0, r.confidence));
    return out;
  });
}
