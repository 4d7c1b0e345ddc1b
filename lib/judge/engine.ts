/** The one interface every language model sits behind: WebLLM, Chrome's Prompt API, and the scripted engine
 * the tests use. Everything around a model (prompt, batching, cache, budget, validation) talks only to this. */

export interface GenerateRequest {
  system: string;
  user: string;
  /** JSON Schema (as a string) the answer must follow; engines that can enforce it during decoding do. */
  jsonSchema: string;
  maxTokens: number;
  temperature: number;
}

export interface GenerateResult {
  text: string;
  /** Real counts when the engine reports them (WebLLM's usage), else undefined and the caller estimates. */
  promptTokens?: number;
  completionTokens?: number;
  /** Prefill and decode speed when the engine reports them. */
  prefillTokensPerSecond?: number;
  decodeTokensPerSecond?: number;
}

export interface JudgeEngine {
  readonly modelId: string;
  readonly contextWindow: number;
  /** Rejects on failure; must stop soon after `signal` aborts. */
  generate(req: GenerateRequest, signal: AbortSignal): Promise<GenerateResult>;
}

/** Download progress of a model, as the Model view shows it. */
export interface LoadProgress {
  /** 0..1 */
  fraction: number;
  /** What the engine said, e.g. "Fetching param cache[3/22]: 120MB fetched. 35% completed, 12 secs elapsed." */
  text: string;
  loadedMB: number | null;
  totalMB: number | null;
  etaSeconds: number | null;
}

/** Loads models into a running engine: the host owns one loader per engine kind. */
export interface EngineLoader {
  /** Downloads (when not cached) and loads `modelId`; rejects when `signal` aborts. */
  load(modelId: string, onProgress: (p: LoadProgress) => void, signal: AbortSignal): Promise<LoadedEngine>;
  /** Whether the weights are already on this device. */
  isCached(modelId: string): Promise<boolean>;
  /** Removes the weights and everything else cached for the model. */
  deleteCached(modelId: string): Promise<void>;
}

export interface LoadedEngine extends JudgeEngine {
  /** Stops a generation in progress (WebLLM's interruptGenerate). */
  interrupt(): Promise<void> | void;
  unload(): Promise<void>;
}
