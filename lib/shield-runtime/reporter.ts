import type { FeedPlatform } from '../schema/common';
import { REASON_DETAIL_MAX } from '../schema/constants';
import type { Reason } from '../schema/decision';
import type { Flag, LoggedDecision, Signal } from '../schema/log';
import type { RequestPayload, TabStats } from '../schema/messages';
import type { Transport } from './transport';
import { toUnit } from '../core/unit';

export interface ReporterOptions {
  /** Longest a row waits before it is sent. */
  flushMs?: number;
  /** A batch this large is sent at the next idle moment, without waiting for the timer: a message's most. Each send
   * costs the browser a message and the background a write, so a fast feed sends a few large batches, not many. */
  maxRows?: number;
  win?: Window & typeof globalThis;
}

type Counts = Omit<TabStats, 'platform' | 'since'>;

export interface Reporter {
  /** `finish`, when given, completes the row just before it is sent: work the log needs and the page does not
   * (quoting a headline's words), done in the idle moment instead of before the item is painted. */
  decision(row: LoggedDecision, finish?: (row: LoggedDecision) => void): void;
  flag(row: Flag, finish?: (row: Flag) => void): void;
  signal(row: Omit<Signal, 'platform' | 'ts'> & { ts?: number }): void;
  stats(counts: Counts): void;
  health(surface: string, ok: boolean, detail: string): void;
  readonly pending: number;
  /** Sends everything waiting now. */
  flush(): Promise<void>;
  destroy(): void;
}

/**
 * Everything the content script tells the background in bulk: decisions, flags, signals and the tab's counts.
 * Rows wait in memory and go out together from an idle callback, so logging costs the page nothing it would
 * notice; a failed send is dropped (the log is a record, never a reason to break the page). A closure, not a class:
 * a feed content script pays for every private field's name, each time it is used.
 */
export function createReporter(transport: Transport, platform: FeedPlatform, opts: ReporterOptions = {}): Reporter {
  const flushMs = opts.flushMs ?? 1000;
  const maxRows = opts.maxRows ?? 500;
  const win = opts.win ?? (typeof window !== 'undefined' ? window : undefined);
  // The three logs' rows, each a part of the report (tab/report).
  const decisions: LoggedDecision[] = [];
  const flags: Flag[] = [];
  const signals: Signal[] = [];
  let finishing: Array<() => void> = [];
  let counts: Counts | null = null;
  let lastCounts = '';
  /** Surfaces found working, sent with the next counts: not a message of their own at the release. At most 8 (the
   * schema's bound; a page has a surface or two). */
  let working: Array<{ surface: string; ok: boolean; detail: string }> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  /** When this page started counting: the popup's counts open Activity on the decisions logged since. */
  const since = Date.now();
  /** Rows waiting, the three logs together: counted as they come, not summed at every row. */
  let pending = 0;

  function whenIdle(): void {
    clearTimeout(timer);
    timer = undefined;
    if (idle !== undefined) return;
    idle = win?.requestIdleCallback ? win.requestIdleCallback(flush, { timeout: 1000 }) : (setTimeout(flush, 0) as unknown as number);
  }

  function schedule(): void {
    if (pending >= maxRows) whenIdle();
    else if (timer === undefined && idle === undefined) timer = setTimeout(whenIdle, flushMs);
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = idle = undefined;
    for (const finish of finishing) {
      try {
        finish();
      } catch {
        // the row goes out as it was recorded
      }
    }
    finishing = [];
    const sends: Array<Promise<unknown>> = [];
    const key = counts && JSON.stringify(counts);
    const health = working;
    working = [];
    let stats: RequestPayload<'tab/report'>['stats'];
    if (key && (key !== lastCounts || health[0])) {
      lastCounts = key;
      stats = { platform, ...counts!, since, health };
    }
    // One message for the rows and the counts: each message costs the page a copy and a hop to the background.
    while (stats || decisions[0] || flags[0] || signals[0]) {
      sends.push(transport.send('tab/report', { decisions: decisions.splice(0, 500), flags: flags.splice(0, 500), signals: signals.splice(0, 500), stats }));
      stats = undefined;
    }
    pending = 0;
    return Promise.allSettled(sends).then(() => undefined);
  }

  function add<R>(list: R[], row: R, finish?: (row: R) => void): void {
    list.push(row);
    if (finish) finishing.push(() => finish(row));
    pending++;
    schedule();
  }

  // A hidden tab may be discarded or closed without a pagehide (memory saver, a crash of the page): what waits goes now.
  const hidden = () => void (win?.document.visibilityState === 'hidden' && flush());
  win?.addEventListener('visibilitychange', hidden);

  return {
    decision: (row, finish) => add(decisions, row, finish),
    flag: (row, finish) => add(flags, row, finish),
    signal: (row) => add(signals, { ts: Date.now(), platform, ...row }),
    stats(c) {
      counts = c;
      schedule();
    },
    health(surface, ok, detail) {
      // A working surface, on a page with counts to send, goes with them (its detail is a count: short); a broken
      // one, or one on a page without counts (a paused site), is told at once.
      if (ok && counts && !working[7]) {
        working.push({ surface, ok, detail });
        schedule();
        return;
      }
      // Found unreadable once more of it was read: its "working", still waiting for the counts, must not follow this.
      if (!ok) working = working.filter((w) => w.surface !== surface);
      void transport.send('health/report', { platform, surface: surface.slice(0, 40), ok, detail: detail.slice(0, 300) }).catch(() => {});
    },
    get pending() {
      return pending;
    },
    flush,
    destroy() {
      clearTimeout(timer);
      timer = undefined;
      win?.removeEventListener('visibilitychange', hidden);
    },
  };
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
    if (typeof r.confidence === 'number' && Number.isFinite(r.confidence)) out.confidence = toUnit(r.confidence);
    return out;
  });
}
