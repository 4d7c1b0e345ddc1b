import { JUDGE_MODELS, type JudgeModel } from './models';

/** What this browser and device offer for running a model locally. Plain data: it crosses messages. */
export interface Capabilities {
  webgpu: boolean;
  /** Why there is no adapter, in words a person can act on. Empty when there is one. */
  webgpuProblem: string;
  adapter: {
    vendor: string;
    architecture: string;
    description: string;
    /** A software (CPU) adapter such as SwiftShader: it runs WebGPU code, far too slowly for a language model. */
    isFallbackAdapter: boolean;
  } | null;
  shaderF16: boolean;
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  /** navigator.deviceMemory in GB (Chrome only, rounded and capped at 8), null when the browser does not say. */
  deviceMemoryGB: number | null;
  /** Chrome's Prompt API: 'unavailable' | 'downloadable' | 'downloading' | 'available', or 'absent'. */
  promptApi: PromptApiAvailability;
}

export type PromptApiAvailability = 'absent' | 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface ModelAdvice {
  model: JudgeModel;
  fits: boolean;
  /** Why it fits or not, one sentence. */
  why: string;
  recommended: boolean;
}

export interface Recommendation {
  advice: ModelAdvice[];
  /** One plain sentence for the top of the Model view. */
  summary: string;
}

const MB = 1024 * 1024;

/** Decides which models can run here. Pure, so every branch is tested without a GPU. */
export function recommendModels(caps: Capabilities, models: readonly JudgeModel[] = JUDGE_MODELS): Recommendation {
  if (!caps.webgpu || !caps.adapter) {
    const advice = models.map((model) => ({ model, fits: false, recommended: false, why: 'WebGPU is unavailable in this browser.' }));
    const alt = caps.promptApi === 'available' || caps.promptApi === 'downloadable' || caps.promptApi === 'downloading'
      ? " Chrome's built-in model is offered instead."
      : '';
    return { advice, summary: `WebGPU is unavailable: ${caps.webgpuProblem || 'this browser offers no WebGPU adapter.'} No local model can run here; Parapet keeps judging with its fast rules.${alt}` };
  }
  // Browsers report device memory rounded and capped at 8 GB; half of it for the model leaves room for the rest.
  const memoryBudgetMB = caps.deviceMemoryGB !== null ? caps.deviceMemoryGB * 1024 * 0.5 : Infinity;
  const advice: ModelAdvice[] = models.map((model) => {
    const missing = model.requiredFeatures.filter((f) => !(f === 'shader-f16' && caps.shaderF16));
    if (missing.length) {
      return { model, fits: false, recommended: false, why: `Needs the GPU feature ${missing.join(', ')}, which this adapter lacks; the 32-bit build of the same model runs without it.` };
    }
    if (model.vramMB > memoryBudgetMB) {
      return { model, fits: false, recommended: false, why: `Needs about ${Math.round(model.vramMB)} MB of GPU memory; this device reports ${caps.deviceMemoryGB} GB of memory in all.` };
    }
    if (caps.maxStorageBufferBindingSize > 0 && caps.maxStorageBufferBindingSize < 128 * MB) {
      return { model, fits: false, recommended: false, why: `The GPU allows buffers of only ${Math.round(caps.maxStorageBufferBindingSize / MB)} MB; WebLLM needs at least 128 MB.` };
    }
    const slow = caps.adapter!.isFallbackAdapter ? ' Runs on a software (CPU) adapter here: expect well under one item per second.' : '';
    return { model, fits: true, recommended: false, why: `Fits: about ${Math.round(model.vramMB)} MB of GPU memory.${slow}` };
  });
  const fitting = advice.filter((a) => a.fits);
  if (!fitting.length) {
    const reasons = [...new Set(advice.map((a) => a.why))].join(' ');
    return { advice, summary: `No model fits this device. ${reasons}` };
  }
  // The best quality that fits; within a quality level the smaller memory need.
  const best = [...fitting].sort((a, b) => b.model.quality - a.model.quality || a.model.vramMB - b.model.vramMB)[0];
  // On a software adapter the smallest model is the only sensible one.
  const pick = caps.adapter.isFallbackAdapter ? [...fitting].sort((a, b) => a.model.vramMB - b.model.vramMB)[0] : best;
  pick.recommended = true;
  const f16 = caps.shaderF16 ? '' : ' This GPU has no shader-f16, so only 32-bit builds can run.';
  const fallback = caps.adapter.isFallbackAdapter
    ? ' This adapter is a software fallback (the CPU pretends to be a GPU): a model will load but judge very slowly.'
    : '';
  return { advice, summary: `${fitting.length} of ${models.length} models fit this device; ${pick.model.label} is recommended.${f16}${fallback}` };
}

/** The part of `navigator` the probe reads; a parameter so tests and the host can pass their own. */
export interface NavigatorLike {
  gpu?: { requestAdapter(opts?: unknown): Promise<AdapterLike | null> };
  deviceMemory?: number;
  userAgent?: string;
}
interface AdapterLike {
  features: { has(name: string): boolean };
  limits: { maxBufferSize?: number; maxStorageBufferBindingSize?: number };
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}

interface PromptApiGlobal {
  LanguageModel?: { availability(opts?: unknown): Promise<string> };
}

export async function probePromptApi(scope: PromptApiGlobal = globalThis as PromptApiGlobal): Promise<PromptApiAvailability> {
  const lm = scope.LanguageModel;
  if (!lm || typeof lm.availability !== 'function') return 'absent';
  try {
    const a = await lm.availability({ expectedInputs: [{ type: 'text', languages: ['en'] }], expectedOutputs: [{ type: 'text', languages: ['en'] }] });
    return (['unavailable', 'downloadable', 'downloading', 'available'] as const).find((x) => x === a) ?? 'unavailable';
  } catch {
    return 'unavailable';
  }
}

/** Asks the browser for a WebGPU adapter and reads what a model needs from it. Never throws. */
export async function probeCapabilities(nav: NavigatorLike = globalThis.navigator as NavigatorLike, scope?: PromptApiGlobal): Promise<Capabilities> {
  const promptApi = await probePromptApi(scope);
  const deviceMemoryGB = typeof nav?.deviceMemory === 'number' ? nav.deviceMemory : null;
  const none = (problem: string): Capabilities => ({
    webgpu: false, webgpuProblem: problem, adapter: null, shaderF16: false, maxBufferSize: 0, maxStorageBufferBindingSize: 0, deviceMemoryGB, promptApi,
  });
  if (!nav?.gpu) {
    return none(/firefox/i.test(nav?.userAgent ?? '')
      ? 'this Firefox does not expose WebGPU to extensions (it is on by default only in recent releases on some systems).'
      : 'navigator.gpu is missing (the browser is too old, or WebGPU is turned off).');
  }
  let adapter: AdapterLike | null = null;
  try {
    adapter = await nav.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return none(`the browser refused a GPU adapter (${(e as Error).message}).`);
  }
  if (!adapter) return none('the browser offers no GPU adapter (the GPU is blocklisted, or hardware acceleration is off; see chrome://gpu).');
  const info = adapter.info ?? {};
  return {
    webgpu: true,
    webgpuProblem: '',
    adapter: {
      vendor: info.vendor ?? '',
      architecture: info.architecture ?? '',
      description: info.description ?? '',
      isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
    },
    shaderF16: adapter.features.has('shader-f16'),
    maxBufferSize: Number(adapter.limits.maxBufferSize ?? 0),
    maxStorageBufferBindingSize: Number(adapter.limits.maxStorageBufferBindingSize ?? 0),
    deviceMemoryGB,
    promptApi,
  };
}
