import type { Decision } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import type { FeedPlatform } from '../schema/common';
import type { Profile } from '../schema/profile';
import { applyVerdict, notJudged } from './apply';
import { VerdictCache, verdictKey } from './cache';
import type { JudgeEngine } from './engine';
import { modelLabel } from './models';
import { parseModelOutput, type ParsedVerdict } from './output';
import { batchSizeFor, buildPrompt, estimateTokens, naturalRuleIds, type FewShotExample } from './prompt';

/** The judging scheduler: turns requests from many tabs into few model calls. Items on screen go first;
 * batches fill the model's context; verdicts are cached by content, profile revision and model; each tab gets
 * one batch at a time and a time budget; a batch that fails, times out or answers nonsense leaves the fast
 * decisions standing, marked "not judged". */

export interface JudgeRequest {
  /** Whose budget this spends: a tab id, or "page" for extension pages. */
  tab: string;
  items: FeedItem[];
  /** The fast tier's decisions for the same items (matched by platform and id). */
  fast: Decision[];
  /** Ids of items on screen now: judged first. */
  visibleIds?: string[];
  profile: Profile;
  examples?: FewShotExample[];
}

export type VerdictStatus = 'judged' | 'not-judged' | 'skipped';

export interface ItemVerdict {
  platform: FeedPlatform;
  itemId: string;
  status: VerdictStatus;
  /** True when the verdict came from the cache (no model call). */
  cached: boolean;
  /** Why not judged or skipped; empty when judged. */
  note: string;
  /** The decision to apply: the fast one folded with the model's verdict, or the fast one as it was. */
  decision: Decision;
}

export interface EngineSource {
  /** The engine to use now, or a sentence saying why there is none. */
  get(): Promise<JudgeEngine | string>;
  /** The engine threw (not a timeout): the source should restart it before it is used again. */
  failed?(error: unknown): void;
}

export interface JudgeOptions {
  source: EngineSource;
  /** Upper bound on items per call, whatever the context would hold. */
  maxBatch?: number;
  /** One model call may take this long before it is stopped. */
  batchTimeoutMs?: number;
  /** A request's items not judged within this time are answered "not judged" (the page never waits longer). */
  requestBudgetMs?: number;
  /** A tab may have at most this many items waiting; the rest are answered at once (default 120). */
  maxPendingPerTab?: number;
  /** Model calls at the same time across all tabs (a GPU runs one at a time well). */
  concurrency?: number;
  cache?: VerdictCache;
}

export interface JudgeStats {
  /** Items pages asked about that the fast tier was unsure of (cached, judged or not). */
  asked: number;
  calls: number;
  itemsSent: number;
  promptTokens: number;
  completionTokens: number;
  modelMs: number;
  cacheHits: number;
  timeouts: number;
  failures: number;
  invalidOutputs: number;
}

class JudgeTimeout extends Error {}

interface Waiter {
  fast: Decision;
  done: boolean;
  resolve(v: ItemVerdict): void;
}

interface Entry {
  key: string;
  item: FeedItem;
  tab: string;
  visible: boolean;
  seq: number;
  profile: Profile;
  examples: FewShotExample[];
  engine: JudgeEngine;
  waiters: Waiter[];
}

const fastKey = (platform: string, id: string) => `${platform}\u0000${id}`;

function neutral(item: FeedItem): Decision {
  return { platform: item.platform, itemId: item.id, action: 'show', reasons: [], score: 0.5, uncertain: true };
}

export function createJudge(opts: JudgeOptions) {
  // 24 short items fill about half of a 4k context and ask ~1,000 output tokens: a few seconds at the decode
  // speeds WebLLM reaches with 0.5B models on a laptop GPU, and 100 feed items in 5 calls instead of 7-10.
  const maxBatch = opts.maxBatch ?? 24;
  const batchTimeoutMs = opts.batchTimeoutMs ?? 20_000;
  const requestBudgetMs = opts.requestBudgetMs ?? 30_000;
  const maxPendingPerTab = opts.maxPendingPerTab ?? 120;
  const concurrency = opts.concurrency ?? 1;
  const cache = opts.cache ?? new VerdictCache();
  const stats: JudgeStats = { asked: 0, calls: 0, itemsSent: 0, promptTokens: 0, completionTokens: 0, modelMs: 0, cacheHits: 0, timeouts: 0, failures: 0, invalidOutputs: 0 };

  const queue: Entry[] = [];
  const byKey = new Map<string, Entry>();
  const busyTabs = new Map<string, number>();
  /** When each tab last had a batch start: the tab served longest ago goes next, so one feed cannot hold the model. */
  const lastServed = new Map<string, number>();
  let batchesStarted = 0;
  let running = 0;
  let seq = 0;

  const finish = (w: Waiter, v: ItemVerdict) => {
    if (w.done) return;
    w.done = true;
    w.resolve(v);
  };
  const live = (e: Entry) => e.waiters.some((w) => !w.done);

  function verdictFor(e: Entry, w: Waiter, v: ParsedVerdict, cached: boolean): ItemVerdict {
    const decision = applyVerdict(w.fast, e.item, v, e.profile, naturalRuleIds(e.profile), modelLabel(e.engine.modelId));
    return { platform: e.item.platform, itemId: e.item.id, status: 'judged', cached, note: '', decision };
  }
  function failedFor(item: FeedItem, w: Waiter, note: string): ItemVerdict {
    return { platform: item.platform, itemId: item.id, status: 'not-judged', cached: false, note, decision: notJudged(w.fast, note) };
  }

  function pickBatch(): Entry[] | null {
    for (let i = queue.length - 1; i >= 0; i--) {
      if (!live(queue[i])) {
        byKey.delete(queue[i].key);
        queue.splice(i, 1);
      }
    }
    const ready = queue.filter((e) => (busyTabs.get(e.tab) ?? 0) < 1);
    if (!ready.length) return null;
    const order = (a: Entry, b: Entry) => Number(b.visible) - Number(a.visible) || a.seq - b.seq;
    const served = (e: Entry) => lastServed.get(e.tab) ?? -1;
    const head = [...ready].sort((a, b) => Number(b.visible) - Number(a.visible) || served(a) - served(b) || a.seq - b.seq)[0];
    lastServed.set(head.tab, batchesStarted++);
    // One prompt serves one profile revision and one engine: batch only with the same tab and key suffix.
    const suffix = head.key.slice(head.key.indexOf(':'));
    const mates = ready.filter((e) => e.tab === head.tab && e.key.endsWith(suffix) && e.engine === head.engine).sort(order);
    const size = Math.min(maxBatch, batchSizeFor(head.engine.contextWindow, head.profile, mates.slice(0, maxBatch).map((e) => e.item), maxBatch));
    const batch = mates.slice(0, size);
    for (const e of batch) queue.splice(queue.indexOf(e), 1);
    return batch;
  }

  function pump() {
    while (running < concurrency) {
      const batch = pickBatch();
      if (!batch) return;
      running++;
      const tab = batch[0].tab;
      busyTabs.set(tab, (busyTabs.get(tab) ?? 0) + 1);
      void runBatch(batch).finally(() => {
        running--;
        busyTabs.set(tab, (busyTabs.get(tab) ?? 1) - 1);
        for (const e of batch) byKey.delete(e.key);
        pump();
      });
    }
  }

  async function runBatch(batch: Entry[]) {
    const { engine, profile, examples } = batch[0];
    const prompt = buildPrompt(profile, batch.map((e) => e.item), examples);
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new JudgeTimeout());
      }, batchTimeoutMs);
    });
    const started = Date.now();
    stats.calls++;
    stats.itemsSent += batch.length;
    let text: string;
    try {
      const result = await Promise.race([
        engine.generate({ system: prompt.system, user: prompt.user, jsonSchema: prompt.jsonSchema, maxTokens: prompt.maxTokens, temperature: 0 }, controller.signal),
        timeout,
      ]);
      text = typeof result?.text === 'string' ? result.text : '';
      stats.promptTokens += result?.promptTokens ?? estimateTokens(prompt.system + prompt.user);
      stats.completionTokens += result?.completionTokens ?? estimateTokens(text);
    } catch (e) {
      const timedOut = e instanceof JudgeTimeout;
      if (timedOut) stats.timeouts++;
      else {
        stats.failures++;
        opts.source.failed?.(e);
      }
      stats.promptTokens += estimateTokens(prompt.system + prompt.user);
      const note = timedOut ? `the model took longer than ${Math.round(batchTimeoutMs / 1000)} s` : `the model failed (${String((e as Error)?.message ?? e).slice(0, 120)})`;
      for (const e of batch) for (const w of e.waiters) finish(w, failedFor(e.item, w, note));
      return;
    } finally {
      clearTimeout(timer);
      stats.modelMs += Date.now() - started;
    }
    const parsed = parseModelOutput(text, prompt.itemIds, [...prompt.ruleIds.keys()]);
    if (!parsed.ok) stats.invalidOutputs++;
    batch.forEach((e, i) => {
      const v = parsed.verdicts.get(prompt.itemIds[i]);
      if (v) cache.set(e.key, v);
      for (const w of e.waiters) {
        finish(w, v ? verdictFor(e, w, v, false) : failedFor(e.item, w, parsed.ok ? 'the model gave no answer for this item' : 'the model answered with something that is not valid JSON'));
      }
    });
  }

  async function judge(req: JudgeRequest): Promise<ItemVerdict[]> {
    const fastBy = new Map(req.fast.map((d) => [fastKey(d.platform, d.itemId), d]));
    const visible = new Set(req.visibleIds ?? []);
    const hasRules = req.profile.naturalRules.some((r) => r.enabled);
    const toQueue: { item: FeedItem; fast: Decision; slot: number }[] = [];
    const results: (ItemVerdict | Promise<ItemVerdict>)[] = [];

    const needing: { item: FeedItem; fast: Decision; slot: number }[] = [];
    req.items.forEach((item, slot) => {
      const fast = fastBy.get(fastKey(item.platform, item.id)) ?? neutral(item);
      if (!fast.uncertain && !hasRules) {
        results[slot] = { platform: item.platform, itemId: item.id, status: 'skipped', cached: false, note: 'the fast rules are sure', decision: fast };
      } else needing.push({ item, fast, slot });
    });
    stats.asked += needing.length;
    if (!needing.length) return results as ItemVerdict[];

    const engine = await opts.source.get();
    if (typeof engine === 'string') {
      for (const n of needing) results[n.slot] = failedFor(n.item, { fast: n.fast, done: false, resolve() {} }, engine);
      return results as ItemVerdict[];
    }

    const label = modelLabel(engine.modelId);
    for (const n of needing) {
      const key = verdictKey(n.item, req.profile.revision, engine.modelId);
      const hit = cache.get(key);
      if (hit) {
        stats.cacheHits++;
        const decision = applyVerdict(n.fast, n.item, hit, req.profile, naturalRuleIds(req.profile), label);
        results[n.slot] = { platform: n.item.platform, itemId: n.item.id, status: 'judged', cached: true, note: '', decision };
      } else toQueue.push(n);
    }

    // Items on screen claim the tab's budget first.
    toQueue.sort((a, b) => Number(visible.has(b.item.id)) - Number(visible.has(a.item.id)) || a.slot - b.slot);
    let pending = queue.filter((e) => e.tab === req.tab && live(e)).length;
    const waiters: Waiter[] = [];
    for (const n of toQueue) {
      const key = verdictKey(n.item, req.profile.revision, engine.modelId);
      let w!: Waiter;
      results[n.slot] = new Promise<ItemVerdict>((resolve) => {
        w = { fast: n.fast, done: false, resolve };
      });
      waiters.push(w);
      const existing = byKey.get(key);
      if (existing) {
        existing.waiters.push(w);
        existing.visible ||= visible.has(n.item.id);
      } else if (pending >= maxPendingPerTab) {
        finish(w, failedFor(n.item, w, 'too many items waiting on this page'));
      } else {
        pending++;
        const e: Entry = { key, item: n.item, tab: req.tab, visible: visible.has(n.item.id), seq: seq++, profile: req.profile, examples: req.examples ?? [], engine, waiters: [w] };
        queue.push(e);
        byKey.set(key, e);
      }
    }
    if (!waiters.length) return results as ItemVerdict[];
    const timer = setTimeout(() => {
      toQueue.forEach((n, i) => finish(waiters[i], failedFor(n.item, waiters[i], `out of time (${Math.round(requestBudgetMs / 1000)} s per page)`)));
    }, requestBudgetMs);
    pump();
    const settled = await Promise.all(results);
    clearTimeout(timer);
    return settled;
  }

  return {
    judge,
    stats: () => ({ ...stats }),
    cache,
    /** Items waiting (not in flight) across all tabs. */
    pending: () => queue.filter(live).length,
  };
}

export type Judge = ReturnType<typeof createJudge>;
