import type { Action, Decision } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import type { JudgeItemsResponse } from '../judge/protocol';
import { notJudged } from '../judge/apply';
import { bound } from './bounded';
import { errorText } from './error-text';
import type { Transport } from './transport';

/** The content script's side of the local judge. The fast tier has already decided and painted every item;
 * this sends the items it was unsure about to the background in small batches (those on screen first), one
 * message at a time per tab, and puts the verdicts back on the items. Nothing here ever makes the page wait:
 * a slow, failed or switched-off judge leaves the fast decision standing, marked "not judged" where it was asked.
 * Imports are type-only (plus apply.ts, which has none at run time) so zod stays out of content scripts. */

export interface JudgeClientOptions {
  transport: Pick<Transport, 'send'>;
  /** Whether to ask at all now: the shield runs here and the person turned the judge on. */
  active(): boolean;
  /** The profile revision now: verdicts asked under an older one are dropped (the runner re-decides on a change). */
  revision(): number;
  /** Whether the item is on screen now. */
  visible(itemId: string): boolean;
  /** Puts a new decision on the item; the runner re-applies its marks and logs it. */
  apply(itemId: string, decision: Decision): void;
  /** Items per message; the background cuts them into model-sized batches itself. */
  maxPerMessage?: number;
  /** How long the first offered item waits for others to join its message. */
  gatherMs?: number;
  /** Messages from this page in flight at once. */
  concurrent?: number;
  /** A message not answered in this time is given up (the background's own budget is 30 s per request). */
  timeoutMs?: number;
  /** Items waiting at most; more are left on their fast decision, marked not judged. */
  maxQueued?: number;
  /** A not-judged item is asked again after this long (the model may have been loading), at most `retries` times. */
  retryMs?: number;
  retries?: number;
}

export interface JudgeClient {
  /** Called with every decision the runner puts on an item; only unsure ones are sent. */
  offer(item: FeedItem, decision: Decision): void;
  stop(): void;
}

interface Waiting {
  item: FeedItem;
  fast: Decision;
  revision: number;
  seq: number;
}

const ACTIONS = new Set<Action>(['show', 'hide', 'demote', 'boost', 'label']);
/** Notes that no retry can change. */
const FINAL = /judge is off|not one of the models/;

/** What the fast tier decided, in a form that changes when the decision does: verdicts are kept per decision. */
const fingerprint = (d: Decision) => `${d.action}|${d.score.toFixed(3)}|${d.reasons.map((r) => `${r.code}:${r.detail}`).join(',')}`;
const ours = (d: Decision) => d.reasons.some((r) => r.source === 'model');
/** Items whose verdicts, retries and last fast decision are remembered (the oldest are forgotten first). */
const REMEMBERED = 2000;

/** A verdict from the background is ours, but it crossed a message boundary: check its shape before use. */
function usable(d: unknown, item: FeedItem): d is Decision {
  const x = d as Decision | null;
  return (
    !!x &&
    x.platform === item.platform &&
    x.itemId === item.id &&
    ACTIONS.has(x.action) &&
    typeof x.score === 'number' &&
    x.score >= 0 &&
    x.score <= 1 &&
    Array.isArray(x.reasons)
  );
}

/** True when some of the element's box is inside the viewport. */
export function onScreen(el: Element): boolean {
  const win = el.ownerDocument?.defaultView;
  if (!win || !el.isConnected) return false;
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.right > 0 && r.top < win.innerHeight && r.left < win.innerWidth && (r.width > 0 || r.height > 0);
}

export function createJudgeClient(opts: JudgeClientOptions): JudgeClient {
  // Two of the background's model batches (24 items each): fewer, fuller batches per feed page.
  const maxPerMessage = opts.maxPerMessage ?? 48;
  const gatherMs = opts.gatherMs ?? 120;
  const concurrent = opts.concurrent ?? 1;
  const timeoutMs = opts.timeoutMs ?? 40_000;
  const maxQueued = opts.maxQueued ?? 300;
  const retryMs = opts.retryMs ?? 15_000;
  const retries = opts.retries ?? 2;

  const queue = new Map<string, Waiting>();
  const inFlight = new Set<string>();
  /** The latest unsure fast decision per item, for retries. */
  const latest = new Map<string, Waiting>();
  /** Verdicts by item, revision and fast decision: put back at once when the runner re-decides the same way. */
  const verdicts = new Map<string, Decision>();
  const attempts = new Map<string, number>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let running = 0;
  let seq = 0;
  let stopped = false;
  /** The revision under which the background said the judge is off: no more asking until the profile changes. */
  let offAt: number | null = null;

  const memoKey = (id: string, rev: number, fast: Decision) => `${id}\u0000${rev}\u0000${fingerprint(fast)}`;
  const tryKey = (id: string, rev: number) => `${id}\u0000${rev}`;

  function later(fn: () => void, ms: number) {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!stopped) fn();
    }, ms);
    timers.add(t);
  }

  function mark(w: Waiting, note: string) {
    opts.apply(w.item.id, notJudged(w.fast, note));
    const k = tryKey(w.item.id, w.revision);
    const n = attempts.get(k) ?? 0;
    if (n >= retries || FINAL.test(note)) return;
    attempts.set(k, n + 1);
    bound(attempts, REMEMBERED);
    later(() => {
      const now = latest.get(w.item.id);
      if (now && now.revision === opts.revision()) enqueue(now);
    }, retryMs * (n + 1));
  }

  function enqueue(w: Waiting) {
    if (inFlight.has(w.item.id)) return;
    if (!queue.has(w.item.id) && queue.size >= maxQueued) {
      mark(w, 'too many items waiting on this page');
      return;
    }
    queue.set(w.item.id, w);
    if (flushTimer === null) flushTimer = setTimeout(flush, gatherMs);
  }

  function offer(item: FeedItem, decision: Decision) {
    if (stopped || !decision.uncertain || ours(decision)) return;
    const rev = opts.revision();
    if (offAt === rev || !opts.active()) return;
    const known = verdicts.get(memoKey(item.id, rev, decision));
    if (known) {
      // The runner re-decided (a profile broadcast, the clickbait model arriving) and got the same fast decision:
      // put the verdict back after this turn, rather than ask again.
      queueMicrotask(() => !stopped && opts.apply(item.id, known));
      return;
    }
    const w: Waiting = { item, fast: decision, revision: rev, seq: seq++ };
    latest.set(item.id, w);
    bound(latest, REMEMBERED);
    enqueue(w);
  }

  function flush() {
    flushTimer = null;
    if (stopped) return;
    const rev = opts.revision();
    if (!opts.active() || offAt === rev) {
      queue.clear();
      return;
    }
    for (const [id, w] of queue) if (w.revision !== rev) queue.delete(id);
    while (running < concurrent && queue.size > 0) {
      const ranked = [...queue.values()].map((w) => ({ w, on: opts.visible(w.item.id) }));
      ranked.sort((a, b) => Number(b.on) - Number(a.on) || a.w.seq - b.w.seq);
      const batch = ranked.slice(0, maxPerMessage);
      for (const { w } of batch) queue.delete(w.item.id);
      void sendBatch(
        batch.map((b) => b.w),
        batch.filter((b) => b.on).map((b) => b.w.item.id),
      );
    }
  }

  async function sendBatch(batch: Waiting[], visibleIds: string[]) {
    running++;
    for (const w of batch) inFlight.add(w.item.id);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Parapet's judge did not answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      });
      const res: JudgeItemsResponse = await Promise.race([
        opts.transport.send('judge/items', { items: batch.map((w) => w.item), fast: batch.map((w) => w.fast), visibleIds }),
        timeout,
      ]);
      if (stopped) return;
      const rev = opts.revision();
      if (!res || !Array.isArray(res.verdicts)) throw new Error('the background sent no verdicts');
      if (!res.enabled) {
        offAt = batch[0].revision;
        return;
      }
      const byId = new Map(batch.map((w) => [w.item.id, w]));
      const answered = new Set<string>();
      for (const v of res.verdicts) {
        // Ids this message did not carry are ignored: an answer can only touch the items it was asked about.
        const w = v && byId.get(v.itemId);
        if (!w || answered.has(w.item.id) || v.platform !== w.item.platform) continue;
        answered.add(w.item.id);
        if (w.revision !== rev) continue;
        if (v.status === 'judged' && usable(v.decision, w.item)) {
          verdicts.set(memoKey(w.item.id, w.revision, w.fast), v.decision);
          bound(verdicts, REMEMBERED);
          opts.apply(w.item.id, v.decision);
        } else if (v.status === 'not-judged' || (v.status === 'judged' && !usable(v.decision, w.item))) {
          mark(w, typeof v.note === 'string' && v.note ? v.note.slice(0, 200) : 'the judge gave no usable answer');
        }
      }
      for (const w of batch) if (!answered.has(w.item.id) && w.revision === rev) mark(w, 'the judge gave no answer for this item');
    } catch (e) {
      if (stopped) return;
      const rev = opts.revision();
      const note = errorText(e).slice(0, 200);
      for (const w of batch) if (w.revision === rev) mark(w, note);
    } finally {
      clearTimeout(timer);
      for (const w of batch) inFlight.delete(w.item.id);
      running--;
      if (!stopped && queue.size > 0 && flushTimer === null) flushTimer = setTimeout(flush, 0);
    }
  }

  return {
    offer,
    stop() {
      stopped = true;
      if (flushTimer !== null) clearTimeout(flushTimer);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      queue.clear();
    },
  };
}
