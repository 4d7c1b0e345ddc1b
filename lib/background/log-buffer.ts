import { writeLogs, type FlagRepeat, type LogRows, type Store } from '../db';

export interface LogBuffer {
  /** Keeps rows to be written with the next batch. */
  add(rows: LogRows): void;
  /** Writes everything kept so far (and waits for writes under way): what is read after it sees every row added. */
  flush(): Promise<void>;
  readonly pending: number;
}

export interface LogBufferOptions {
  /** How long rows wait for others to join them (every tab's rows of a moment, decisions and flags together). */
  delayMs?: number;
  /** Past this many rows, they are written at once. */
  maxRows?: number;
  /** Told of the flags that repeated an item already queued, once their batch is written. */
  onRepeats?: (repeats: FlagRepeat[]) => Promise<unknown> | void;
}

/**
 * The rows the tabs send, gathered in the background and written together: one transaction (and one change notice
 * to open dashboards) per batch instead of one per message and per log. Rows wait here for at most `delayMs`, and
 * every read of the logs flushes first (handlers.ts), so nothing a person can look at is missing. What waits is
 * lost only if the browser itself dies in that moment (a crash): at most `delayMs` of rows, after the tabs' own
 * wait (lib/shield-runtime/reporter.ts).
 */
export function createLogBuffer(store: Store, opts: LogBufferOptions = {}): LogBuffer {
  const delayMs = opts.delayMs ?? 250;
  const maxRows = opts.maxRows ?? 2_000;
  let decisions: NonNullable<LogRows['decisions']> = [];
  let signals: NonNullable<LogRows['signals']> = [];
  let flags: NonNullable<LogRows['flags']> = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The writes under way, one after another. */
  let writing: Promise<void> = Promise.resolve();

  const pending = () => decisions.length + signals.length + flags.length;

  function flush(): Promise<void> {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending() === 0) return writing;
    const rows = { decisions, signals, flags };
    decisions = [];
    signals = [];
    flags = [];
    writing = writing
      .then(() => writeLogs(store, rows))
      .then((repeats) => (repeats.length ? opts.onRepeats?.(repeats) : undefined))
      // The log is a record: a batch that cannot be written is dropped (a full disk is told to the person by db.ts),
      // and the next one is tried as usual.
      .then(
        () => undefined,
        () => undefined,
      );
    return writing;
  }

  return {
    add(rows) {
      if (rows.decisions?.length) decisions.push(...rows.decisions);
      if (rows.signals?.length) signals.push(...rows.signals);
      if (rows.flags?.length) flags.push(...rows.flags);
      if (pending() >= maxRows) void flush();
      else if (pending() > 0) timer ??= setTimeout(() => void flush(), delayMs);
    },
    flush,
    get pending() {
      return pending();
    },
  };
}
