// The judge part of `npm run bench`: how many model calls and prompt tokens 100 feed items cost, the batch
// sizes, and how much of a revisit the cache answers. Runs in Node with the scripted engine from tests/doubles
// behind the real page client, scheduler, prompt builder, parser and cache: the figures count calls and tokens,
// not speed (a real model's speed is measured on a real GPU by the extension's judge-bench page).
// Run alone: npx tsx scripts/bench-judge.ts
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchItems } from '../lib/judge/bench-items';
import { createJudge, type Judge } from '../lib/judge/judge';
import { findModel } from '../lib/judge/models';
import type { JudgeItemsResponse } from '../lib/judge/protocol';
import { defaultProfile, type Profile } from '../lib/schema/profile';
import type { Decision } from '../lib/schema/decision';
import type { FeedItem } from '../lib/schema/item';
import { createJudgeClient } from '../lib/shield-runtime/judge-client';
import { ScriptedEngine, itemsInPrompt, sensibleScript } from '../tests/doubles/scripted-engine';

const MODEL = 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC';
const ITEMS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A person with a few interests, topics to avoid and two rules only the model can check. */
function benchProfile(): Profile {
  return {
    ...defaultProfile(1),
    revision: 4,
    interests: [
      { id: 'rust', label: 'Rust programming', weight: 0.8, keywords: ['rust', 'cargo', 'compiler'], exclude: [] },
      { id: 'gpu', label: 'GPU programming', weight: 0.7, keywords: ['webgpu', 'shaders'], exclude: [] },
      { id: 'db', label: 'Databases', weight: 0.6, keywords: ['sqlite', 'postgres'], exclude: [] },
    ],
    avoidTopics: [{ id: 'celebs', label: 'Celebrity gossip', keywords: [], exclude: [] }],
    naturalRules: [
      { id: 'money', text: 'nothing that makes me anxious about money', enabled: true },
      { id: 'kids', text: 'no nostalgia listicles', enabled: true },
    ],
    judge: { enabled: true, engine: 'webllm', modelId: MODEL },
  };
}

/** One feed page: the runner's client sending to the scheduler the way the background handler does. */
async function visitPage(judge: Judge, tab: string, profile: Profile, chunks: { items: FeedItem[]; fast: Decision[] }[], gapMs: number) {
  let applied = 0;
  let pending = 0;
  // What the page's client did, counted here (the client keeps no figures of its own).
  const stats = { messages: 0, judged: 0 };
  const client = createJudgeClient({
    transport: {
      send: (async (_type: string, p: { items: FeedItem[]; fast: Decision[]; visibleIds: string[] }): Promise<JudgeItemsResponse> => {
        stats.messages++;
        pending++;
        try {
          const verdicts = await judge.judge({ tab, items: p.items, fast: p.fast, visibleIds: p.visibleIds, profile });
          return { enabled: true, model: 'Qwen2.5 0.5B', verdicts };
        } finally {
          pending--;
        }
      }) as never,
    },
    active: () => true,
    revision: () => profile.revision,
    visible: (id) => Number(id.split('-')[1]) % 20 < 8,
    apply: (_id, d) => {
      applied++;
      if (!d.reasons.some((r) => r.code === 'not-judged')) stats.judged++;
    },
  });
  for (const c of chunks) {
    c.items.forEach((it, i) => client.offer(it, c.fast[i]));
    await sleep(gapMs);
  }
  for (let i = 0; i < 400 && (applied < chunks.reduce((n, c) => n + c.items.length, 0) || pending > 0); i++) await sleep(10);
  client.stop();
  return stats;
}

function split<T>(a: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < a.length; i += size) out.push(a.slice(i, i + size));
  return out;
}

async function scenario(chunkSize: number) {
  const engine = new ScriptedEngine(sensibleScript, MODEL, findModel(MODEL)?.contextWindow ?? 4096);
  const judge = createJudge({ source: { get: async () => engine } });
  const profile = benchProfile();
  const { items, fast } = benchItems(ITEMS);
  const chunks = split(items.map((it, i) => ({ it, f: fast[i] })), chunkSize).map((c) => ({ items: c.map((x) => x.it), fast: c.map((x) => x.f) }));
  const first = await visitPage(judge, 'tab-1', profile, chunks, 300);
  const afterFirst = judge.stats();
  const batchSizes = engine.calls.map((c) => itemsInPrompt(c).length);
  const revisit = await visitPage(judge, 'tab-2', profile, chunks, 300);
  const afterRevisit = judge.stats();
  return {
    calls: afterFirst.calls,
    promptTokens: afterFirst.promptTokens,
    completionTokens: afterFirst.completionTokens,
    batchSizes,
    messages: first.messages,
    judged: first.judged,
    revisitCalls: afterRevisit.calls - afterFirst.calls,
    revisitHitRate: (afterRevisit.cacheHits - afterFirst.cacheHits) / ITEMS,
    revisitJudged: revisit.judged,
  };
}

export async function benchJudge(): Promise<Record<string, number | string>> {
  const once = await scenario(ITEMS);
  const scrolled = await scenario(20);
  const per100 = (n: number) => (n * 100) / ITEMS;
  return {
    'model / context window': `${MODEL} / ${findModel(MODEL)?.contextWindow ?? 4096} tokens`,
    'items (all unsure, profile with 2 natural-language rules)': ITEMS,
    'one page of 100: model calls per 100 items': per100(once.calls),
    'one page of 100: prompt tokens per 100 items (est.)': per100(once.promptTokens),
    'one page of 100: output tokens per 100 items (est.)': per100(once.completionTokens),
    'one page of 100: page messages / batch sizes': `${once.messages} / ${once.batchSizes.join(' ')}`,
    'in 5 scrolls of 20: model calls per 100 items': per100(scrolled.calls),
    'in 5 scrolls of 20: prompt tokens per 100 items (est.)': per100(scrolled.promptTokens),
    'in 5 scrolls of 20: page messages / batch sizes': `${scrolled.messages} / ${scrolled.batchSizes.join(' ')}`,
    'items judged on the first visit': `${once.judged} / ${scrolled.judged}`,
    'revisit: model calls': `${once.revisitCalls} / ${scrolled.revisitCalls}`,
    'revisit: cache hit rate %': `${(100 * once.revisitHitRate).toFixed(1)} / ${(100 * scrolled.revisitHitRate).toFixed(1)}`,
    'goal < 10 calls per 100 items': once.calls < 10 && scrolled.calls < 10 ? 'met' : 'NOT met',
    'goal 100% cache hits on a revisit': once.revisitHitRate === 1 && scrolled.revisitHitRate === 1 ? 'met' : 'NOT met',
    'tokens are estimates': '4 characters per token (no tokenizer runs in Node)',
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const figures = await benchJudge();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(56)} ${typeof v === 'number' ? +v.toFixed(3) : v}`);
}
