import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '@/lib/messaging';
import { createJudgeHandlers, type VerdictStore } from '@/lib/background/judge';
import { addFlags, openStore, saveProfile } from '@/lib/db';
import { createModelHost } from '@/lib/judge/host';
import { hostClientInProcess } from '@/lib/judge/host-protocol';
import { JUDGE_MODELS } from '@/lib/judge/models';
import { ScriptedLoader, sleep } from '../doubles/scripted-engine';
import { feed, profile, swiftShader } from '../doubles/judge-fixtures';
import type { JudgeItemsResponse, ModelStatusResponse } from '@/lib/judge/protocol';

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const fromPage = { id: 'ext', url: 'https://www.youtube.com/', tab: { id: 3 } };
const fromDashboard = { id: 'ext', url: 'chrome-extension://ext/dashboard.html' };
const MODEL = 'SmolLM2-360M-Instruct-q4f32_1-MLC';

async function setup(judgeOn = true) {
  const store = openStore(`judge-${Math.random()}`);
  await saveProfile(store, profile({ judge: { enabled: judgeOn, engine: 'webllm', modelId: MODEL } }), 1);
  const loader = new ScriptedLoader();
  const host = createModelHost({ loaders: { webllm: loader }, probe: async () => swiftShader, catalog: JUDGE_MODELS.map((m) => m.id) });
  const client = hostClientInProcess(host);
  const broadcast = vi.fn();
  let verdicts: unknown;
  const session: VerdictStore = { load: async () => verdicts, save: async (e) => void (verdicts = e), clear: async () => void (verdicts = undefined) };
  const handlers = createJudgeHandlers({ store, now: () => 1000, broadcastProfile: broadcast }, { connect: async () => client }, session);
  const call = async <T,>(type: string, payload: unknown, sender: object = fromDashboard) => {
    const r = await dispatch(handlers, { type, payload }, sender, self);
    if (!r.ok) throw new Error(r.error);
    return r.value as T;
  };
  return { store, loader, host, handlers, call, broadcast };
}

describe('judge requests in the background', () => {
  it('with the judge off, answers at once and leaves every decision as it was', async () => {
    const { call, loader } = await setup(false);
    const { items, fast } = feed(3);
    const r = await call<JudgeItemsResponse>('judge/items', { items, fast }, fromPage);
    expect(r.enabled).toBe(false);
    expect(r.verdicts.map((v) => v.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(r.verdicts[0].decision).toEqual(fast[0]);
    expect(loader.loads).toBe(0);
  });

  it('before the model is downloaded, marks items not judged and says why', async () => {
    const { call } = await setup();
    const { items, fast } = feed(2);
    const r = await call<JudgeItemsResponse>('judge/items', { items, fast }, fromPage);
    expect(r.verdicts.every((v) => v.status === 'not-judged' && /not downloaded/.test(v.note))).toBe(true);
    expect(r.verdicts[0].decision.action).toBe('show');
  });

  it('downloads from the Model view, then judges with the person’s corrections as examples', async () => {
    const { call, store, loader } = await setup();
    await addFlags(store, [{ ts: 5, platform: 'youtube', itemId: 'z', title: 'This cat video is not bait', author: '', url: '', kind: 'clickbait', confidence: 0.7, source: 'classifier', action: 'label', evidence: [], status: 'wrong', verdictAt: 6 }]);
    const st = await call<ModelStatusResponse>('model/download', { engine: 'webllm', modelId: MODEL });
    expect(st.status?.phase).toBe('loading');
    for (let i = 0; i < 200 && (await call<ModelStatusResponse>('model/status', {})).status?.phase !== 'ready'; i++) await sleep(5);
    const status = await call<ModelStatusResponse>('model/status', {});
    expect(status).toMatchObject({ hostRunning: true, cached: [MODEL], status: { phase: 'ready', modelId: MODEL } });
    const { items, fast } = feed(4);
    const r = await call<JudgeItemsResponse>('judge/items', { items, fast, visibleIds: ['v3'] }, fromPage);
    expect(r.model).toBe('SmolLM2 360M');
    expect(r.verdicts.every((v) => v.status === 'judged')).toBe(true);
    expect(r.verdicts[0].decision.reasons.at(-1)?.detail).toMatch(/^judged by SmolLM2 360M/);
    expect(loader.engines[0].calls[0].system).toMatch(/"This cat video is not bait" is NOT clickbait/);
  });

  it('remembers verdicts when the service worker is stopped and started again', async () => {
    const store = openStore(`judge-${Math.random()}`);
    await saveProfile(store, profile({ judge: { enabled: true, engine: 'webllm', modelId: MODEL } }), 1);
    const loader = new ScriptedLoader();
    const host = createModelHost({ loaders: { webllm: loader }, probe: async () => swiftShader, catalog: JUDGE_MODELS.map((m) => m.id) });
    let saved: unknown = undefined;
    const session: VerdictStore = { load: async () => structuredClone(saved), save: async (e) => void (saved = structuredClone(e)), clear: async () => void (saved = undefined) };
    // Each "worker" is a fresh set of handlers, as after Chrome stopped the idle service worker.
    const worker = () => createJudgeHandlers({ store, now: () => 1000, broadcastProfile: () => {} }, { connect: async () => hostClientInProcess(host) }, session);
    const first = worker();
    await dispatch(first, { type: 'model/download', payload: { engine: 'webllm', modelId: MODEL } }, fromDashboard, self);
    for (let i = 0; i < 200 && host.status().phase !== 'ready'; i++) await sleep(5);
    const { items, fast } = feed(30);
    const a = await dispatch(first, { type: 'judge/items', payload: { items, fast } }, fromPage, self);
    expect(a.ok && (a.value as JudgeItemsResponse).verdicts.every((v) => v.status === 'judged' && !v.cached)).toBe(true);
    const calls = loader.engines[0].calls.length;
    await sleep(10);
    const b = await dispatch(worker(), { type: 'judge/items', payload: { items, fast } }, fromPage, self);
    expect(b.ok && (b.value as JudgeItemsResponse).verdicts.every((v) => v.status === 'judged' && v.cached)).toBe(true);
    expect(loader.engines[0].calls.length).toBe(calls);
    // Garbage in storage is ignored, not trusted.
    saved = [['k', { relevance: 7, kinds: ['<b>'], rule: 'x', reason: 1 }], 'junk'];
    const c = await dispatch(worker(), { type: 'judge/items', payload: { items: items.slice(0, 2), fast: fast.slice(0, 2) } }, fromPage, self);
    expect(c.ok && (c.value as JudgeItemsResponse).verdicts.every((v) => v.status === 'judged' && !v.cached)).toBe(true);
  });

  it('turns the judge on and off through the profile, and tells every tab', async () => {
    const { call, broadcast } = await setup(false);
    const p = await call<{ judge: { enabled: boolean } }>('model/settings', { enabled: true });
    expect(p.judge.enabled).toBe(true);
    expect(broadcast).toHaveBeenCalledWith(expect.objectContaining({ judge: expect.objectContaining({ enabled: true, modelId: MODEL }) }));
  });

  it('reports capabilities with a recommendation', async () => {
    const { call } = await setup();
    const r = await call<{ recommendation: { summary: string } }>('model/capabilities', {});
    expect(r.recommendation.summary).toMatch(/no shader-f16/);
  });

  it('deletes a model and forgets its verdicts', async () => {
    const { call, loader } = await setup();
    loader.cached.add(MODEL);
    const st = await call<ModelStatusResponse>('model/delete', { modelId: MODEL });
    expect(st.cached).toEqual([]);
  });

  it('accepts model control only from Parapet’s own pages', async () => {
    const { handlers } = await setup();
    for (const type of ['model/download', 'model/delete', 'model/cancel', 'model/settings', 'model/status', 'model/bench']) {
      const r = await dispatch(handlers, { type, payload: { engine: 'webllm', modelId: MODEL } }, fromPage, self);
      expect(r).toEqual({ ok: false, error: `${type} is only accepted from Parapet's own pages` });
    }
  });

  it('refuses a download that could never run here, with the reason and not "try again when online"', async () => {
    const store = openStore(`judge-${Math.random()}`);
    await saveProfile(store, profile({ judge: { enabled: false, engine: 'webllm', modelId: MODEL } }), 1);
    const loader = new ScriptedLoader();
    const noGpu = { ...swiftShader, webgpu: false, adapter: null, webgpuProblem: 'the browser offers no GPU adapter (see chrome://gpu).' };
    const host = createModelHost({ loaders: { webllm: loader }, probe: async () => noGpu, catalog: JUDGE_MODELS.map((m) => m.id) });
    const handlers = createJudgeHandlers({ store, broadcastProfile: () => {} }, { connect: async () => hostClientInProcess(host) });
    const r = await dispatch(handlers, { type: 'model/download', payload: { engine: 'webllm', modelId: MODEL } }, fromDashboard, self);
    expect(r.ok).toBe(false);
    const error = (r as { error: string }).error;
    expect(error).toMatch(/^No local model can run on this device: WebGPU is unavailable \(the browser offers no GPU adapter/);
    expect(error).toMatch(/would not change this/);
    expect(error).not.toMatch(/try again when online/);
    expect(loader.loads).toBe(0);
    // On SwiftShader (no shader-f16), a 16-bit model is refused by name, with what would fit instead.
    const f16 = await setup();
    await expect(f16.call('model/download', { engine: 'webllm', modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' })).rejects.toThrow(/^Qwen2\.5 0\.5B \(16-bit\) cannot run on this device: Needs the GPU feature shader-f16/);
  });

  it('refuses a model Parapet does not offer', async () => {
    const { call } = await setup();
    await expect(call('model/download', { engine: 'webllm', modelId: 'Evil-70B' })).rejects.toThrow(/not one of the models/);
  });

  it('reports when the model host cannot start', async () => {
    const store = openStore(`judge-${Math.random()}`);
    await saveProfile(store, profile(), 1);
    const handlers = createJudgeHandlers({ store, broadcastProfile: () => {} }, { connect: async () => { throw new Error('no offscreen API'); } });
    const st = await handlers['model/status']({}, {});
    expect(st).toMatchObject({ hostRunning: false, hostProblem: 'no offscreen API' });
    const { items, fast } = feed(1);
    const r = await handlers['judge/items']({ items, fast, visibleIds: [] }, {});
    expect(r.verdicts[0]).toMatchObject({ status: 'not-judged', note: expect.stringMatching(/could not start/) });
  });
});
