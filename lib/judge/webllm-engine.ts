import { MLCEngine, deleteModelAllInfoInCache, hasModelInCache, prebuiltAppConfig, type InitProgressReport } from '@mlc-ai/web-llm';
import type { EngineLoader, GenerateRequest, LoadedEngine } from './engine';
import { parseWebLlmProgress } from './progress';

/** The real engine: WebLLM on WebGPU. Imported only by the model host (the offscreen document in Chrome,
 * the background page in Firefox, through a dynamic import), since it adds about 6 MB to whatever imports it. */

const abortError = () => new DOMException('cancelled', 'AbortError');

export const webLlmLoader: EngineLoader = {
  async load(modelId, onProgress, signal) {
    if (signal.aborted) throw abortError();
    const started = performance.now();
    const engine = new MLCEngine({
      appConfig: prebuiltAppConfig,
      initProgressCallback: (r: InitProgressReport) => onProgress(parseWebLlmProgress(r, (performance.now() - started) / 1000)),
    });
    // unload() aborts a reload in progress (WebLLM keeps an AbortController for it): that is our cancel.
    const onAbort = () => void engine.unload().catch(() => {});
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await engine.reload(modelId);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    if (signal.aborted) {
      await engine.unload().catch(() => {});
      throw abortError();
    }
    const record = prebuiltAppConfig.model_list.find((m) => m.model_id === modelId);
    return wrap(engine, modelId, record?.overrides?.context_window_size ?? 4096);
  },
  isCached: (modelId) => hasModelInCache(modelId, prebuiltAppConfig),
  deleteCached: (modelId) => deleteModelAllInfoInCache(modelId, prebuiltAppConfig),
};

function wrap(engine: MLCEngine, modelId: string, contextWindow: number): LoadedEngine {
  return {
    modelId,
    contextWindow,
    async generate(req: GenerateRequest, signal: AbortSignal) {
      const onAbort = () => engine.interruptGenerate();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        const reply = await engine.chat.completions.create({
          messages: [
            { role: 'system', content: req.system },
            { role: 'user', content: req.user },
          ],
          // Decoding follows the schema (xgrammar): the answer is JSON of the right shape or it is cut short.
          response_format: { type: 'json_object', schema: req.jsonSchema },
          max_tokens: req.maxTokens,
          temperature: req.temperature,
          stream: false,
        });
        const usage = reply.usage;
        return {
          text: reply.choices[0]?.message?.content ?? '',
          promptTokens: usage?.prompt_tokens,
          completionTokens: usage?.completion_tokens,
          prefillTokensPerSecond: usage?.extra?.prefill_tokens_per_s,
          decodeTokensPerSecond: usage?.extra?.decode_tokens_per_s,
        };
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    interrupt: () => engine.interruptGenerate(),
    unload: () => engine.unload(),
  };
}
