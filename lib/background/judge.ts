import { browser } from 'wxt/browser';
import { sessionArea } from './session-area';
import type { Handlers } from '../messaging';
import type { Profile } from '../schema/profile';
import { listFlags, loadProfile, updateProfile, type Store } from '../db';
import { benchItems } from '../judge/bench-items';
import { recommendModels, type Capabilities, type ModelAdvice } from '../judge/capabilities';
import type { GenerateResult, JudgeEngine } from '../judge/engine';
import type { EngineKind } from '../judge/host';
import { HOST_PORT_NAME, hostClientInProcess, hostClientOverPort, type HostClient, type PortLike } from '../judge/host-protocol';
import { createJudge, type EngineSource } from '../judge/judge';
import { savedVerdicts } from '../judge/cache';
import type { ParsedVerdict } from '../judge/output';
import { JUDGE_MODELS, PROMPT_API_MODEL_ID, findModel, modelLabel } from '../judge/models';
import type { FewShotExample } from '../judge/prompt';
import type { ModelStatusResponse } from '../judge/protocol';

/** The background's side of the local judge: the requests content scripts and the Model view send, the
 * scheduler (batching, cache, budgets) and the link to the model host. The model itself never runs here in
 * Chrome (a service worker has no place for a long-lived GPU model): it runs in the offscreen document. */

type JudgeTypes = 'judge/items' | 'model/status' | 'model/capabilities' | 'model/download' | 'model/cancel' | 'model/delete' | 'model/settings' | 'model/bench';

/** Gets a client for the model host, starting the host when needed. */
export interface HostConnector {
  connect(): Promise<HostClient>;
}

const MAX_EXAMPLES = 6;

/** Where verdicts outlive the service worker, which Chrome stops after half a minute idle: without it a feed
 * revisited a minute later would be judged again. Session storage: kept until the browser closes, never synced. */
export interface VerdictStore {
  load(): Promise<unknown>;
  save(entries: [string, ParsedVerdict][]): Promise<void>;
  clear(): Promise<void>;
}

const VERDICTS_KEY = 'judge-verdicts';
/** About 150 bytes each: well inside storage.session's 10 MB. */
const SAVED_VERDICTS = 3000;

export function sessionVerdictStore(): VerdictStore {
  const area = sessionArea;
  return {
    load: async () => (await area().get(VERDICTS_KEY))[VERDICTS_KEY],
    save: (entries) => area().set({ [VERDICTS_KEY]: entries }),
    clear: () => area().remove(VERDICTS_KEY),
  };
}

/** The person's verdicts in the review queue, newest first, as examples for the prompt. */
export async function fewShotExamples(store: Store): Promise<FewShotExample[]> {
  const flags = await listFlags(store);
  return flags
    .filter((f) => f.status === 'right' || f.status === 'wrong')
    .sort((a, b) => (b.verdictAt ?? b.ts) - (a.verdictAt ?? a.ts))
    .slice(0, MAX_EXAMPLES)
    .map((f) => ({ title: f.title, kind: f.kind, verdict: f.status as 'right' | 'wrong' }));
}

const modelIdFor = (s: Profile['judge']) => (s.engine === 'prompt-api' ? PROMPT_API_MODEL_ID : s.modelId);

/** A JudgeEngine that forwards to the host. Interrupts the host's generation when the judge gives up. */
function hostEngine(client: HostClient, engine: EngineKind, modelId: string): JudgeEngine {
  return {
    modelId,
    contextWindow: findModel(modelId)?.contextWindow ?? 4096,
    async generate(request, signal): Promise<GenerateResult> {
      const onAbort = () => void client.request('interrupt', {}).catch(() => {});
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        return await client.request('generate', { engine, modelId, request }, 180_000);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}

/**
 * The person's model when it is on and already in memory, for uses that cannot wait for a load (a chat message
 * about to be sent); null otherwise. Never starts a download or a load.
 */
export async function readyJudgeEngine(profile: Profile, connector: HostConnector): Promise<JudgeEngine | null> {
  const s = profile.judge;
  if (!s?.enabled) return null;
  const client = await connector.connect();
  const modelId = modelIdFor(s);
  const status = client.lastStatus ?? (await client.request('status', {}));
  return status?.phase === 'ready' && status.modelId === modelId && status.engine === s.engine ? hostEngine(client, s.engine, modelId) : null;
}

/** What the judge's handlers need of the background (a part of handlers.ts's BackgroundDeps, named here so the two
 * files do not import each other). */
export interface JudgeDeps {
  store: Store;
  now?: () => number;
  /** Tells every open tab and extension page that the profile changed. */
  broadcastProfile: (p: Profile) => void;
  /** Writes the profile as every change is written (handlers.ts `change`: the copies kept for feed tabs cleared
   * around it, then the change told); by default, written and told. */
  change?: (write: () => Promise<Profile>) => Promise<Profile>;
}

export function createJudgeHandlers(
  deps: JudgeDeps,
  connector: HostConnector = defaultConnector(),
  verdictStore: VerdictStore = sessionVerdictStore(),
): Pick<Handlers, JudgeTypes> {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const change =
    deps.change ??
    (async (write: () => Promise<Profile>) => {
      const saved = await write();
      deps.broadcastProfile(saved);
      return saved;
    });
  let settings: Profile['judge'] | null = null;

  const source: EngineSource = {
    async get() {
      const s = settings;
      if (!s?.enabled) return 'the judge is off';
      let client: HostClient;
      try {
        client = await connector.connect();
      } catch (e) {
        return `the model host could not start (${(e as Error).message})`;
      }
      const modelId = modelIdFor(s);
      const status = client.lastStatus ?? (await client.request('status', {}).catch(() => null));
      if (status?.phase === 'ready' && status.modelId === modelId && status.engine === s.engine) return hostEngine(client, s.engine, modelId);
      if (status?.phase === 'loading' && status.modelId === modelId) return 'the model is still loading';
      if (s.engine === 'webllm') {
        const cached = await client.request('cached', {}).catch(() => [] as string[]);
        if (!cached.includes(modelId)) return 'the model is not downloaded (Parapet dashboard, Model)';
      }
      // On this device but not in memory: load it (from the cache, no download) and judge from the next request.
      await client.request('download', { engine: s.engine, modelId }).catch(() => null);
      return 'the model is loading';
    },
  };
  const judge = createJudge({ source });
  let restored: Promise<void> | null = null;
  const restore = () =>
    (restored ??= verdictStore
      .load()
      .then((raw) => judge.cache.restore(savedVerdicts(raw, SAVED_VERDICTS)))
      .catch(() => {}));
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    saving = saving.then(() => verdictStore.save(judge.cache.entries(SAVED_VERDICTS))).catch(() => {});
    return saving;
  };

  async function status(): Promise<ModelStatusResponse> {
    const profile = await loadProfile(store, now());
    const base = { settings: profile.judge, stats: judge.stats() };
    try {
      const client = await connector.connect();
      const [st, cached] = await Promise.all([client.request('status', {}), client.request('cached', {})]);
      return { hostRunning: true, hostProblem: '', status: st, cached, ...base };
    } catch (e) {
      return { hostRunning: false, hostProblem: (e as Error).message, status: null, cached: [], ...base };
    }
  }

  return {
    'judge/items': async ({ items, fast, visibleIds }, sender) => {
      const profile = await loadProfile(store, now());
      settings = profile.judge;
      if (!profile.judge.enabled || profile.paused) {
        return {
          enabled: false,
          model: null,
          verdicts: items.map((item) => ({
            platform: item.platform,
            itemId: item.id,
            status: 'skipped' as const,
            cached: false,
            note: 'the judge is off',
            decision: fast.find((d) => d.platform === item.platform && d.itemId === item.id) ?? { platform: item.platform, itemId: item.id, action: 'show' as const, reasons: [], score: 0.5, uncertain: true },
          })),
        };
      }
      const examples = await fewShotExamples(store);
      await restore();
      const before = judge.stats().calls;
      const verdicts = await judge.judge({ tab: String(sender.tab?.id ?? 'page'), items, fast, visibleIds, profile, examples });
      if (judge.stats().calls !== before) void save();
      return { enabled: true, model: modelLabel(modelIdFor(profile.judge)), verdicts };
    },
    'model/status': () => status(),
    'model/capabilities': async () => {
      try {
        const client = await connector.connect();
        const capabilities = await client.request('capabilities', {});
        return { capabilities, problem: '', recommendation: recommendModels(capabilities) };
      } catch (e) {
        const problem = `The model host could not be asked (${(e as Error).message}).`;
        return {
          capabilities: null,
          problem,
          recommendation: { summary: problem, advice: JUDGE_MODELS.map((model) => ({ model, fits: false, recommended: false, why: problem })) },
        };
      }
    },
    'model/download': async ({ engine, modelId }) => {
      if (engine === 'webllm' && !findModel(modelId)) throw new Error(`${modelId} is not one of the models Parapet offers`);
      const client = await connector.connect();
      // A download that cannot end in a running model is refused before any byte is fetched, with the real reason:
      // a failed fetch would otherwise read as a network problem ("try again when online").
      if (engine === 'webllm') {
        const caps = await client.request('capabilities', {});
        const advice = recommendModels(caps).advice.find((a) => a.model.id === modelId);
        if (advice && !advice.fits) throw new Error(cannotRunHere(caps, advice));
      }
      await client.request('download', { engine, modelId: engine === 'prompt-api' ? PROMPT_API_MODEL_ID : modelId });
      return status();
    },
    'model/cancel': async () => {
      const client = await connector.connect();
      await client.request('cancel', {}, 30_000);
      return status();
    },
    'model/delete': async ({ modelId }) => {
      const client = await connector.connect();
      await client.request('remove', { modelId }, 60_000);
      judge.cache.clear();
      await verdictStore.clear().catch(() => {});
      return status();
    },
    'model/settings': (patch) =>
      change(() => updateProfile(store, (p) => ({ ...p, judge: { ...p.judge, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } }), now())),
    'model/bench': async ({ items: n }) => {
      const profile = await loadProfile(store, now());
      const s = { ...profile.judge, enabled: true };
      const client = await connector.connect();
      const modelId = modelIdFor(s);
      const st = await client.request('status', {});
      if (st.phase !== 'ready' || st.modelId !== modelId) throw new Error('Load a model first: download it in the Model view (or wait until it says Ready).');
      let last: GenerateResult | null = null;
      const engine = hostEngine(client, s.engine, modelId);
      const measuring: JudgeEngine = { ...engine, generate: async (r, sig) => (last = await engine.generate(r, sig)) };
      // A fresh scheduler: no cache, so every item costs a model call; a long timeout, since slow devices are the point.
      const bench = createJudge({ source: { get: async () => measuring }, batchTimeoutMs: 600_000, requestBudgetMs: 1_800_000, maxPendingPerTab: 200 });
      const { items, fast } = benchItems(n);
      const t0 = performance.now();
      const verdicts = await bench.judge({ tab: 'bench', items, fast, profile, examples: [] });
      const seconds = (performance.now() - t0) / 1000;
      const stats = bench.stats();
      const done = last as GenerateResult | null;
      return {
        model: modelLabel(modelId),
        items: n,
        judged: verdicts.filter((v) => v.status === 'judged').length,
        calls: stats.calls,
        seconds,
        itemsPerSecond: n / seconds,
        promptTokens: stats.promptTokens,
        completionTokens: stats.completionTokens,
        tokensPerSecond: stats.completionTokens / Math.max(0.001, stats.modelMs / 1000),
        prefillTokensPerSecond: done?.prefillTokensPerSecond ?? null,
        decodeTokensPerSecond: done?.decodeTokensPerSecond ?? null,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Where the host runs. Chrome: an offscreen document, reached over a runtime port. Firefox MV3: this background
// page itself (it has a DOM and WebGPU), loading WebLLM with a dynamic import: Chrome's worker never carries it,
// and Firefox's background, an ES module (entrypoints/background.ts), fetches that chunk only when the model is
// wanted instead of evaluating several MB at every start.

interface ChromeOffscreen {
  runtime: { getURL(p: string): string; getContexts?(f: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]> };
  offscreen?: { createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void> };
}

export function defaultConnector(): HostConnector {
  return import.meta.env.FIREFOX ? localConnector() : offscreenConnector();
}

function localConnector(): HostConnector {
  let client: Promise<HostClient> | null = null;
  return {
    connect() {
      client ??= import('../judge/browser-host').then(({ createBrowserModelHost }) => hostClientInProcess(createBrowserModelHost()));
      client.catch(() => (client = null));
      return client;
    },
  };
}

const OFFSCREEN_PATH = 'offscreen.html';
export const HOST_HELLO = 'judge-host/hello';

function offscreenConnector(): HostConnector {
  let client: HostClient | null = null;
  let listening = false;
  let waiters: ((c: HostClient) => void)[] = [];
  let creating: Promise<void> | null = null;
  const chromeApi = () => (globalThis as unknown as { chrome?: ChromeOffscreen }).chrome;

  function listen() {
    if (listening) return;
    listening = true;
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== HOST_PORT_NAME) return;
      // Only our own offscreen document may serve as the host.
      if (!port.sender?.url?.startsWith(browser.runtime.getURL(`/${OFFSCREEN_PATH}`))) {
        port.disconnect();
        return;
      }
      client = hostClientOverPort(port as unknown as PortLike);
      const ready = waiters;
      waiters = [];
      for (const w of ready) w(client);
    });
  }

  async function ensureDocument(): Promise<'created' | 'existing'> {
    const chrome = chromeApi();
    if (!chrome?.offscreen) throw new Error('this browser has no offscreen documents (Chrome 109 or later is needed)');
    const url = chrome.runtime.getURL(OFFSCREEN_PATH);
    const existing = chrome.runtime.getContexts ? await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] }) : [];
    if (existing.length) return 'existing';
    creating ??= chrome.offscreen
      .createDocument({ url: OFFSCREEN_PATH, reasons: ['WORKERS'], justification: 'Runs the local language model (WebLLM on WebGPU) that judges feed items on this device.' })
      .finally(() => (creating = null));
    await creating;
    return 'created';
  }

  return {
    async connect() {
      if (client?.connected) return client;
      listen();
      const connected = new Promise<HostClient>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the model host did not start within 10 s')), 10_000);
        waiters.push((c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      const how = await ensureDocument();
      // A document that outlived a sleeping worker lost its port: ask it to connect again.
      if (how === 'existing') browser.runtime.sendMessage({ type: HOST_HELLO }).catch(() => {});
      return connected;
    },
  };
}

/** Why a model cannot run here, and that no download or connection would change it. */
function cannotRunHere(caps: Capabilities, advice: ModelAdvice): string {
  if (!caps.webgpu) {
    return `No local model can run on this device: WebGPU is unavailable (${caps.webgpuProblem || 'the browser offers no GPU adapter'}). Nothing was downloaded; downloading again or going online would not change this, only a browser or device with WebGPU would.`;
  }
  return `${advice.model.label} cannot run on this device: ${advice.why} Nothing was downloaded.`;
}
