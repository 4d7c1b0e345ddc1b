/** The models Parapet offers, with the numbers WebLLM 0.2.86 publishes in `prebuiltAppConfig`
 * (vram_required_MB, context window, required features). The list is copied rather than imported so that the
 * dashboard and the background do not pull WebLLM's 6 MB bundle in; tests/unit/judge-models.test.ts checks
 * every number against the installed package, so an upgrade that changes them fails loudly. */

export interface JudgeModel {
  id: string;
  label: string;
  /** Parameters, in millions: the basis of the download estimate. */
  paramsM: number;
  /** GPU memory WebLLM says the model needs (prebuiltAppConfig.vram_required_MB). */
  vramMB: number;
  /** Estimated download: parameters x bits per weight (4-bit weights plus one scale per 32 weights:
   * 4.5 bits for q4f16_1, 5 bits for q4f32_1), plus ~8 MB for the compiled library and the tokenizer.
   * prebuiltAppConfig carries no download sizes; the real number appears in the progress bar while fetching. */
  downloadMB: number;
  contextWindow: number;
  /** WebGPU features the model's shaders use. Every f16 build computes in 16-bit floats, which WGSL allows only
   * with `shader-f16`, whether or not prebuiltAppConfig lists it. */
  requiredFeatures: string[];
  /** Smaller and weaker models first; the recommendation prefers the best model that fits. */
  quality: number;
}

const estimateMB = (paramsM: number, bitsPerWeight: number) => Math.round((paramsM * bitsPerWeight) / 8 + 8);

function model(id: string, label: string, paramsM: number, vramMB: number, quality: number): JudgeModel {
  const f16 = /f16/.test(id);
  return {
    id,
    label,
    paramsM,
    vramMB,
    downloadMB: estimateMB(paramsM, f16 ? 4.5 : 5),
    contextWindow: 4096,
    requiredFeatures: f16 ? ['shader-f16'] : [],
    quality,
  };
}

export const JUDGE_MODELS: readonly JudgeModel[] = [
  model('SmolLM2-360M-Instruct-q4f16_1-MLC', 'SmolLM2 360M (16-bit)', 362, 376.06, 1),
  model('SmolLM2-360M-Instruct-q4f32_1-MLC', 'SmolLM2 360M (32-bit)', 362, 579.61, 1),
  model('Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 'Qwen2.5 0.5B (16-bit)', 494, 944.62, 2),
  model('Qwen2.5-0.5B-Instruct-q4f32_1-MLC', 'Qwen2.5 0.5B (32-bit)', 494, 1060.2, 2),
  model('Llama-3.2-1B-Instruct-q4f16_1-MLC', 'Llama 3.2 1B (16-bit)', 1236, 879.04, 3),
  model('Llama-3.2-1B-Instruct-q4f32_1-MLC', 'Llama 3.2 1B (32-bit)', 1236, 1128.82, 3),
];

/** Chrome's built-in model (Prompt API): nothing for Parapet to download, Chrome manages it. */
export const PROMPT_API_MODEL_ID = 'chrome-built-in';

export function findModel(id: string): JudgeModel | undefined {
  return JUDGE_MODELS.find((m) => m.id === id);
}

/** A short name for reasons and labels ("judged by Qwen2.5 0.5B"). */
export function modelLabel(id: string): string {
  if (id === PROMPT_API_MODEL_ID) return "Chrome's built-in model";
  return findModel(id)?.label.replace(/ \((16|32)-bit\)$/, '') ?? id.replace(/-MLC$/, '');
}
