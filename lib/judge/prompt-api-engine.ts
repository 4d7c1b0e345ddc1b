import type { EngineLoader, GenerateRequest, LoadedEngine } from './engine';
import { PROMPT_API_MODEL_ID } from './models';

/** The second engine: Chrome's built-in model through the Prompt API (`LanguageModel`). Nothing for Parapet to
 * download or cache; Chrome fetches and keeps the model itself. */

interface LanguageModelSession {
  prompt(input: string, opts?: { responseConstraint?: unknown; signal?: AbortSignal; omitResponseConstraintInput?: boolean }): Promise<string>;
  destroy(): void;
  readonly contextWindow?: number;
  readonly inputQuota?: number;
}
interface LanguageModelStatic {
  availability(opts?: unknown): Promise<string>;
  create(opts?: {
    initialPrompts?: { role: 'system' | 'user' | 'assistant'; content: string }[];
    monitor?: (m: EventTarget) => void;
    signal?: AbortSignal;
    expectedInputs?: unknown;
    expectedOutputs?: unknown;
  }): Promise<LanguageModelSession>;
}

const languageModel = () => (globalThis as { LanguageModel?: LanguageModelStatic }).LanguageModel;
const LANGS = { expectedInputs: [{ type: 'text', languages: ['en'] }], expectedOutputs: [{ type: 'text', languages: ['en'] }] };

export const promptApiLoader: EngineLoader = {
  async load(_modelId, onProgress, signal) {
    const lm = languageModel();
    if (!lm) throw new Error("This browser has no built-in language model (Chrome's Prompt API).");
    const availability = await lm.availability(LANGS);
    if (availability === 'unavailable') throw new Error("Chrome's built-in model is unavailable on this device.");
    // A probe session: creating one makes Chrome fetch its model when needed, and reports progress.
    const probe = await lm.create({
      ...LANGS,
      signal,
      monitor(m) {
        m.addEventListener('downloadprogress', (e) => {
          const loaded = (e as unknown as { loaded: number }).loaded;
          onProgress({ fraction: loaded, text: `Chrome is fetching its built-in model: ${Math.round(loaded * 100)}%`, loadedMB: null, totalMB: null, etaSeconds: null });
        });
      },
    });
    const contextWindow = probe.contextWindow ?? probe.inputQuota ?? 4096;
    probe.destroy();
    let current: AbortController | null = null;
    const engine: LoadedEngine = {
      modelId: PROMPT_API_MODEL_ID,
      contextWindow,
      async generate(req: GenerateRequest, outer: AbortSignal) {
        // A fresh session per batch: the system prompt carries the profile, and batches must not see each other.
        const controller = new AbortController();
        current = controller;
        const onAbort = () => controller.abort();
        outer.addEventListener('abort', onAbort, { once: true });
        const session = await lm.create({ ...LANGS, initialPrompts: [{ role: 'system', content: req.system }], signal: controller.signal });
        try {
          const text = await session.prompt(req.user, { responseConstraint: JSON.parse(req.jsonSchema), signal: controller.signal });
          return { text };
        } finally {
          outer.removeEventListener('abort', onAbort);
          session.destroy();
          if (current === controller) current = null;
        }
      },
      interrupt: () => current?.abort(),
      async unload() {
        current?.abort();
      },
    };
    return engine;
  },
  // Chrome owns the built-in model's storage: for Parapet it is always "cached".
  isCached: async () => languageModel() !== undefined,
  deleteCached: async () => {},
};
