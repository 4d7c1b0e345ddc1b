// @vitest-environment happy-dom
// The judge in a feed: the Hacker News fixture, the real runner and fast tier, the real background handlers and
// scheduler, and a scripted model behind the host. What a person would notice: an item the model finds against
// one of their own rules is hidden with a stub that says "judged by ...", the rest stay as the fast tier left them.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { hackernewsAdapter } from '@/lib/adapters/hackernews';
import { createJudgeHandlers, type VerdictStore } from '@/lib/background/judge';
import { SHIPPED_DETECTORS } from '@/lib/core/detectors/shipped';
import { compileProfile, decide, quoteEvidence, rerank } from '@/lib/core/shield';
import { openStore, saveProfile } from '@/lib/db';
import { createModelHost } from '@/lib/judge/host';
import { hostClientInProcess } from '@/lib/judge/host-protocol';
import { JUDGE_MODELS } from '@/lib/judge/models';
import { dispatch } from '@/lib/messaging';
import type { LoggedDecision } from '@/lib/schema/log';
import type { Profile } from '@/lib/schema/profile';
import { coreEngine, type CoreShield } from '@/lib/shield-runtime/engine';
import { ATTR, startShield, type Shield } from '@/lib/shield-runtime/runner';
import type { Transport } from '@/lib/shield-runtime/transport';
import { ScriptedLoader, itemsInPrompt, sleep, type Script } from '../doubles/scripted-engine';
import { profile as judgeProfile, swiftShader } from '../doubles/judge-fixtures';
import { loadFixture, tick } from './adapters-fixture';

const MODEL = 'SmolLM2-360M-Instruct-q4f32_1-MLC';
const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const fromPage = { id: 'ext', url: 'https://news.ycombinator.com/', tab: { id: 7 } };
const fromDashboard = { id: 'ext', url: 'chrome-extension://ext/dashboard.html' };

/** A model that finds the Postgres story against rule r1 and everything else fine. */
const ruleScript: Script = (req) =>
  JSON.stringify({
    items: itemsInPrompt(req).map((it) => ({
      id: it.id,
      relevance: 0.6,
      kinds: [],
      rule: /postgres/i.test(it.title) ? 'r1' : '',
      reason: 'fine',
    })),
  });

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function setup(opts: { judgeOn: boolean; script?: Script; preload?: boolean }) {
  const store = openStore(`judge-feed-${Math.random()}`);
  const prof: Profile = judgeProfile({
    revision: 3,
    interests: [],
    avoidTopics: [],
    naturalRules: [{ id: 'db', text: 'nothing about databases', enabled: true }],
    judge: { enabled: opts.judgeOn, engine: 'webllm', modelId: MODEL },
  });
  const saved = await saveProfile(store, prof, 1);
  const loader = new ScriptedLoader();
  loader.nextScript = opts.script ?? ruleScript;
  loader.cached.add(MODEL);
  const host = createModelHost({ loaders: { webllm: loader }, probe: async () => swiftShader, catalog: JUDGE_MODELS.map((m) => m.id) });
  // Each test is a fresh browser session: no verdicts saved by an earlier one.
  let verdicts: unknown;
  const session: VerdictStore = { load: async () => verdicts, save: async (e) => void (verdicts = e), clear: async () => void (verdicts = undefined) };
  const handlers = createJudgeHandlers({ store, now: () => 1000, broadcastProfile: () => {} }, { connect: async () => hostClientInProcess(host) }, session);
  const call = async (type: string, payload: unknown, sender: object) => {
    const r = await dispatch(handlers, { type, payload }, sender, self);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  if (opts.preload) {
    await call('model/download', { engine: 'webllm', modelId: MODEL }, fromDashboard);
    for (let i = 0; i < 100 && host.status().phase !== 'ready'; i++) await sleep(5);
  }
  const logged: LoggedDecision[] = [];
  const judgeMessages: number[] = [];
  const transport: Transport = {
    send: (async (type: string, payload: { decisions?: LoggedDecision[]; items?: unknown[] }) => {
      if (type === 'profile/get') return saved;
      if (type === 'tab/report') logged.push(...(payload.decisions ?? []));
      if (type === 'judge/items') {
        judgeMessages.push(payload.items?.length ?? 0);
        return call(type, payload, fromPage);
      }
      return null;
    }) as never,
    onProfile: () => () => {},
  };
  const page = loadFixture('hackernews-front.html', 'https://news.ycombinator.com/');
  cleanup.push(page.close);
  const core = { compileProfile, decide, quoteEvidence, rerank } as unknown as CoreShield;
  const shield: Shield = startShield(hackernewsAdapter, { engine: coreEngine(core, 'hackernews'), transport, loadDetectors: async () => SHIPPED_DETECTORS }, { doc: page.doc, flushMs: 5, healthDelayMs: 60_000 });
  cleanup.push(() => shield.stop());
  return { doc: page.doc, shield, logged, judgeMessages, loader };
}

const mode = (doc: Document, id: string) => doc.getElementById(id)?.getAttribute(ATTR);

describe('the judge on a feed page', () => {
  it('hides what breaks one of the person’s own rules, says it was the model, and leaves the rest', async () => {
    const { doc, shield, logged, judgeMessages } = await setup({ judgeOn: true, preload: true });
    for (let i = 0; i < 300 && mode(doc, '42000008') !== 'stub'; i++) await tick(10);
    expect(mode(doc, '42000008')).toBe('stub');
    // The job ad is hidden by the fast tier (promoted), never sent; the other stories stay shown.
    expect(mode(doc, '42000004')).toBe('stub');
    for (const id of ['42000001', '42000003', '42000005', '42000007']) expect(mode(doc, id)).not.toMatch(/stub|hide/);
    expect(judgeMessages.reduce((a, b) => a + b, 0)).toBe(7);
    await shield.flush();
    const pg = logged.filter((r) => r.itemId === '42000008').at(-1);
    expect(pg).toMatchObject({ action: 'hide', judgedBy: 'SmolLM2 360M' });
    expect(pg?.reasons).toContainEqual(expect.objectContaining({ code: 'natural-rule', detail: 'judged by SmolLM2 360M: nothing about databases' }));
  });

  it('with the judge off, sends nothing and the fast tier alone decides', async () => {
    const { doc, judgeMessages } = await setup({ judgeOn: false, preload: true });
    await tick(200);
    expect(judgeMessages).toEqual([]);
    expect(mode(doc, '42000008')).not.toMatch(/stub|hide/);
    expect(mode(doc, '42000004')).toBe('stub');
  });

  it('a model that crashes leaves every story as the fast tier decided it', async () => {
    const crash: Script = () => {
      throw new Error('GPU device was lost');
    };
    const { doc, shield, loader } = await setup({ judgeOn: true, script: crash, preload: true });
    for (let i = 0; i < 300 && (loader.engines[0]?.calls.length ?? 0) === 0; i++) await tick(10);
    await tick(50);
    expect(loader.engines[0].calls.length).toBeGreaterThan(0);
    for (const id of ['42000001', '42000003', '42000007', '42000008']) expect(mode(doc, id)).not.toMatch(/stub|hide/);
    expect(shield.failed).toBe(false);
  });
});
