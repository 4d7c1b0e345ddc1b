import { describe, expect, it } from 'vitest';
import { recommendModels } from '@/lib/judge/capabilities';
import { judgeReadiness } from '@/lib/judge/readiness';
import type { ModelCapabilitiesResponse, ModelStatusResponse } from '@/lib/judge/protocol';
import { swiftShader } from '../doubles/judge-fixtures';

const MODEL = 'SmolLM2-360M-Instruct-q4f32_1-MLC';
const caps = (c = swiftShader): ModelCapabilitiesResponse => ({ capabilities: c, problem: '', recommendation: recommendModels(c) });
const status = (patch: Partial<ModelStatusResponse> = {}): ModelStatusResponse => ({
  hostRunning: true,
  hostProblem: '',
  status: { phase: 'idle', engine: 'webllm', modelId: null, progress: null, error: null, cancelled: false, startedAt: null, updatedAt: 0 },
  cached: [],
  settings: { enabled: true, engine: 'webllm', modelId: MODEL },
  stats: { asked: 0, calls: 0, cacheHits: 0, timeouts: 0, failures: 0 } as ModelStatusResponse['stats'],
  ...patch,
});

describe('whether the local model judges here, in words', () => {
  it('without WebGPU: cannot run, and says why', () => {
    const none = { ...swiftShader, webgpu: false, adapter: null, webgpuProblem: 'the browser offers no GPU adapter.' };
    const r = judgeReadiness(caps(none), status());
    expect(r.state).toBe('cannot-run');
    expect(r.words).toBe('The local model cannot run on this device. WebGPU is unavailable: the browser offers no GPU adapter.');
  });

  it('tells off, not downloaded and ready apart', () => {
    expect(judgeReadiness(caps(), status({ settings: { enabled: false, engine: 'webllm', modelId: MODEL } })).state).toBe('off');
    expect(judgeReadiness(caps(), status()).words).toBe('SmolLM2 360M is not on this device yet: download it in the Model view.');
    const ready = status({ cached: [MODEL], status: { ...status().status!, phase: 'ready', modelId: MODEL } });
    expect(judgeReadiness(caps(), ready)).toEqual({ state: 'ready', words: 'Judged by SmolLM2 360M, on this device.' });
  });
});
