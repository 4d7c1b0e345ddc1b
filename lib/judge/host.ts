import type { Capabilities } from './capabilities';
import type { EngineLoader, GenerateRequest, GenerateResult, LoadedEngine, LoadProgress } from './engine';

/** The model host: owns the engine's life (download, load, cancel, delete, crash and restart) and the state the
 * Model view shows. It runs where WebGPU and a long-lived model fit (Chrome: the offscreen document; Firefox: the
 * background page), so a download goes on when the dashboard closes, and its state is read again when it reopens. */

export type EngineKind = 'webllm' | 'prompt-api';
export type HostPhase = 'idle' | 'loading' | 'ready' | 'error';

export interface HostStatus {
  phase: HostPhase;
  engine: EngineKind;
  /** The model being loaded, or loaded, or that failed. */
  modelId: string | null;
  progress: LoadProgress | null;
  error: string | null;
  /** Set by a cancel, cleared by the next download. */
  cancelled: boolean;
  startedAt: number | null;
  updatedAt: number;
}

export interface HostDeps {
  loaders: Partial<Record<EngineKind, EngineLoader>>;
  probe: () => Promise<Capabilities>;
  /** Model ids whose cache state the host reports. */
  catalog: readonly string[];
  now?: () => number;
}

export interface ModelHost {
  status(): HostStatus;
  capabilities(): Promise<Capabilities>;
  cached(): Promise<string[]>;
  /** Starts downloading and loading; returns at once with the new status. */
  download(engine: EngineKind, modelId: string): HostStatus;
  cancel(): Promise<HostStatus>;
  remove(modelId: string): Promise<string[]>;
  /** Runs one generation on `modelId`, loading it from the cache first when needed (never downloading). */
  generate(engine: EngineKind, modelId: string, req: GenerateRequest): Promise<GenerateResult>;
  interrupt(): Promise<void>;
  unload(): Promise<HostStatus>;
  onStatus(listener: (s: HostStatus) => void): () => void;
}

export function createModelHost(deps: HostDeps): ModelHost {
  const now = deps.now ?? Date.now;
  let state: HostStatus = { phase: 'idle', engine: 'webllm', modelId: null, progress: null, error: null, cancelled: false, startedAt: null, updatedAt: now() };
  let engine: LoadedEngine | null = null;
  let loading: { modelId: string; engine: EngineKind; promise: Promise<LoadedEngine>; controller: AbortController } | null = null;
  const listeners = new Set<(s: HostStatus) => void>();

  const set = (patch: Partial<HostStatus>) => {
    state = { ...state, ...patch, updatedAt: now() };
    for (const l of listeners) l(state);
  };
  const loaderFor = (kind: EngineKind) => {
    const l = deps.loaders[kind];
    if (!l) throw new Error(kind === 'prompt-api' ? "This browser has no built-in language model (Chrome's Prompt API)." : 'WebLLM is not available here.');
    return l;
  };

  async function dropEngine() {
    const old = engine;
    engine = null;
    if (old) await old.unload().catch(() => {});
  }

  function startLoad(kind: EngineKind, modelId: string): Promise<LoadedEngine> {
    if (loading && loading.modelId === modelId && loading.engine === kind) return loading.promise;
    if (loading) loading.controller.abort();
    const controller = new AbortController();
    const startedAt = now();
    set({ phase: 'loading', engine: kind, modelId, progress: { fraction: 0, text: 'Starting…', loadedMB: null, totalMB: null, etaSeconds: null }, error: null, cancelled: false, startedAt });
    const promise = (async () => {
      await dropEngine();
      const loader = loaderFor(kind);
      const loaded = await loader.load(modelId, (p) => {
        if (!controller.signal.aborted) set({ progress: p });
      }, controller.signal);
      if (controller.signal.aborted) {
        await loaded.unload().catch(() => {});
        throw new DOMException('cancelled', 'AbortError');
      }
      return loaded;
    })();
    const entry = { modelId, engine: kind, promise, controller };
    loading = entry;
    promise.then(
      (loaded) => {
        if (loading !== entry) return;
        loading = null;
        engine = loaded;
        set({ phase: 'ready', progress: { fraction: 1, text: 'Ready', loadedMB: state.progress?.loadedMB ?? null, totalMB: state.progress?.totalMB ?? null, etaSeconds: 0 } });
      },
      (e) => {
        if (loading !== entry) return;
        loading = null;
        if (controller.signal.aborted) set({ phase: 'idle', progress: null, error: null, cancelled: true });
        else set({ phase: 'error', progress: null, error: describeLoadError(e) });
      },
    );
    return promise;
  }

  async function ensure(kind: EngineKind, modelId: string): Promise<LoadedEngine> {
    if (engine && engine.modelId === modelId && state.engine === kind) return engine;
    if (loading && loading.modelId === modelId && loading.engine === kind) return loading.promise;
    const loader = loaderFor(kind);
    // A judge request never starts a download: that is the person's choice, made in the Model view.
    if (!(await loader.isCached(modelId))) throw new Error('the model is not downloaded yet (Model view)');
    return startLoad(kind, modelId);
  }

  return {
    status: () => state,
    capabilities: () => deps.probe(),
    async cached() {
      const loader = deps.loaders.webllm;
      if (!loader) return [];
      const flags = await Promise.all(deps.catalog.map((id) => loader.isCached(id).catch(() => false)));
      return deps.catalog.filter((_, i) => flags[i]);
    },
    download(kind, modelId) {
      if (engine && engine.modelId === modelId && state.engine === kind && state.phase === 'ready') return state;
      void startLoad(kind, modelId).catch(() => {});
      return state;
    },
    async cancel() {
      if (loading) {
        loading.controller.abort();
        const p = loading.promise;
        await p.catch(() => {});
      }
      return state;
    },
    async remove(modelId) {
      if (loading?.modelId === modelId) {
        loading.controller.abort();
        await loading.promise.catch(() => {});
      }
      if (engine?.modelId === modelId) {
        await dropEngine();
        set({ phase: 'idle', modelId: null, progress: null, error: null });
      }
      await loaderFor('webllm').deleteCached(modelId);
      return this.cached();
    },
    async generate(kind, modelId, req) {
      const e = await ensure(kind, modelId);
      const controller = new AbortController();
      try {
        return await e.generate(req, controller.signal);
      } catch (err) {
        // A lost device or a crashed runtime leaves the engine unusable: drop it; the next request reloads it
        // from the cache (a restart, not a download).
        if (engine === e) {
          await dropEngine();
          set({ phase: 'error', error: `The model stopped (${(err as Error)?.message ?? err}); it restarts on the next request.` });
        }
        throw err;
      }
    },
    async interrupt() {
      await engine?.interrupt();
    },
    async unload() {
      if (loading) loading.controller.abort();
      await dropEngine();
      set({ phase: 'idle', modelId: null, progress: null, error: null });
      return state;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Loading errors in words a person can act on: each says what would fix it, or that nothing here can. WebLLM's
 * offline failure is a bare "Failed to execute 'add' on 'Cache': Request failed", which says nothing about the
 * network; a GPU failure is checked first, so it is never read as a network problem ("try again when online"). */
export function describeLoadError(e: unknown): string {
  const msg = String((e as Error)?.message ?? e);
  const raw = ` (${msg.slice(0, 160)})`;
  if (/shader-f16/i.test(msg)) return `This GPU lacks shader-f16, which this model needs: choose a 32-bit (q4f32) model.${raw}`;
  if (/device (?:was )?lost|GPUDevice|out of memory/i.test(msg) || /\bOOM\b/.test(msg)) {
    return `The GPU stopped the model, usually for lack of GPU memory: choose a smaller model, or close other tabs that use the GPU, and load it again.${raw}`;
  }
  if (/WebGPU|requestAdapter|no adapter/i.test(msg)) {
    return `WebGPU is unavailable here, so no model can run: nothing in Parapet can change that; a browser or device with WebGPU can (chrome://gpu says why it is off).${raw}`;
  }
  if (/quota|QuotaExceeded/i.test(msg)) return `Not enough storage space for the model. Free some space, or pick a smaller model.${raw}`;
  if (/Failed to execute 'add' on 'Cache'|Failed to fetch|NetworkError|network|ERR_INTERNET|Request failed/i.test(msg)) {
    return `The download failed: the model's files could not be fetched (no connection to huggingface.co / raw.githubusercontent.com, or it was blocked). Nothing was changed; try again when online.${raw}`;
  }
  return `The model could not be loaded: ${msg.slice(0, 240)}. Loading it again may work; if it fails the same way, a smaller model may run, and nothing else in Parapet's settings would help.`;
}
