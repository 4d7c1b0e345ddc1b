import type { EngineLoader, GenerateRequest, GenerateResult, LoadedEngine, LoadProgress } from '@/lib/judge/engine';

/** A stand-in for a language model behind the JudgeEngine interface. It reads the items from the prompt the way
 * a model would see them and answers by a script, so tests can make it slow, wrong, malicious or dead. */

export interface PromptItem {
  id: string;
  site: string;
  title: string;
  text?: string;
  by?: string;
}

/** The item lines between <items> and </items>, parsed back. Throws if a line is not one JSON object: the
 * prompt must keep every item inside its own line whatever its title says. */
export function itemsInPrompt(req: Pick<GenerateRequest, 'user'>): PromptItem[] {
  const m = /<items>\n([\s\S]*?)\n<\/items>/.exec(req.user);
  if (!m) return [];
  return m[1].split('\n').map((line) => JSON.parse(line) as PromptItem);
}

export type Script = (req: GenerateRequest, call: number, signal: AbortSignal) => string | GenerateResult | Promise<string | GenerateResult>;

/** A plausible model: relevance from a few words, clickbait for the usual phrasing. */
export const sensibleScript: Script = (req) => {
  const items = itemsInPrompt(req).map((it) => {
    const t = it.title.toLowerCase();
    const clickbait = /won't believe|this one trick|you need to|what happened|they laughed/.test(t);
    const relevance = /webgpu|rust|sqlite|language model|compiler/.test(t) ? 0.9 : clickbait ? 0.2 : 0.5;
    return { id: it.id, relevance, kinds: clickbait ? ['clickbait'] : [], rule: '', reason: clickbait ? 'teases instead of telling' : 'matches interests' };
  });
  return JSON.stringify({ items });
};

export class ScriptedEngine implements LoadedEngine {
  calls: GenerateRequest[] = [];
  interrupted = 0;
  unloaded = false;
  constructor(
    public script: Script = sensibleScript,
    readonly modelId = 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    readonly contextWindow = 4096,
    /** Simulated latency per call. */
    public delayMs = 0,
  ) {}

  async generate(req: GenerateRequest, signal: AbortSignal): Promise<GenerateResult> {
    const call = this.calls.length;
    this.calls.push(req);
    if (this.unloaded) throw new Error('engine was unloaded');
    if (this.delayMs) await sleep(this.delayMs, signal);
    const out = await this.script(req, call, signal);
    return typeof out === 'string' ? { text: out } : out;
  }
  interrupt() {
    this.interrupted++;
  }
  async unload() {
    this.unloaded = true;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new DOMException('aborted', 'AbortError'));
    }, { once: true });
  });
}

/** Never answers until aborted (a hung GPU). */
export const hangingScript: Script = (_req, _call, signal) =>
  new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }));

/** A loader that "downloads" in steps. `offline` fails like WebLLM does with no network. */
export class ScriptedLoader implements EngineLoader {
  cached = new Set<string>();
  loads = 0;
  engines: ScriptedEngine[] = [];
  offline = false;
  steps = 4;
  stepMs = 5;
  /** Makes the next engine created use this script. */
  nextScript: Script = sensibleScript;

  async load(modelId: string, onProgress: (p: LoadProgress) => void, signal: AbortSignal): Promise<LoadedEngine> {
    this.loads++;
    const fromCache = this.cached.has(modelId);
    for (let i = 1; i <= this.steps; i++) {
      await sleep(this.stepMs, signal);
      if (this.offline && !fromCache) throw new TypeError("Failed to execute 'add' on 'Cache': Request failed");
      const fraction = i / this.steps;
      onProgress({ fraction, text: `${fromCache ? 'Loading model from cache' : 'Fetching param cache'}[${i}/${this.steps}]`, loadedMB: fraction * 300, totalMB: 300, etaSeconds: this.steps - i });
    }
    this.cached.add(modelId);
    const engine = new ScriptedEngine(this.nextScript, modelId);
    this.engines.push(engine);
    return engine;
  }
  async isCached(modelId: string) {
    return this.cached.has(modelId);
  }
  async deleteCached(modelId: string) {
    this.cached.delete(modelId);
  }
}
