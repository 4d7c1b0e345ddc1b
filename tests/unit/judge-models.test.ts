import { describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { JUDGE_MODELS, modelLabel } from '@/lib/judge/models';
import { probeCapabilities, recommendModels, type Capabilities } from '@/lib/judge/capabilities';
import { swiftShader } from '../doubles/judge-fixtures';

describe('model list', () => {
  it('matches WebLLM’s own numbers for every model offered', () => {
    for (const m of JUDGE_MODELS) {
      const rec = prebuiltAppConfig.model_list.find((r) => r.model_id === m.id);
      expect(rec, m.id).toBeDefined();
      expect(m.vramMB).toBeCloseTo(rec!.vram_required_MB!, 1);
      expect(m.contextWindow).toBe(rec!.overrides?.context_window_size ?? 4096);
      for (const f of rec!.required_features ?? []) expect(m.requiredFeatures).toContain(f);
    }
    expect(JUDGE_MODELS.find((m) => m.id === 'SmolLM2-360M-Instruct-q4f16_1-MLC')?.requiredFeatures).toEqual(['shader-f16']);
  });

  it('names models briefly for "judged by" reasons', () => {
    expect(modelLabel('Qwen2.5-0.5B-Instruct-q4f16_1-MLC')).toBe('Qwen2.5 0.5B');
  });
});

describe('capability check', () => {
  it('on a software adapter without shader-f16 recommends only 32-bit models, the smallest, and says why', () => {
    const r = recommendModels(swiftShader);
    const fitting = r.advice.filter((a) => a.fits).map((a) => a.model.id);
    expect(fitting.length).toBeGreaterThan(0);
    expect(fitting.every((id) => id.includes('q4f32'))).toBe(true);
    expect(r.advice.find((a) => a.recommended)?.model.id).toBe('SmolLM2-360M-Instruct-q4f32_1-MLC');
    expect(r.advice.find((a) => a.model.id.includes('q4f16'))?.why).toMatch(/shader-f16/);
    expect(r.summary).toMatch(/no shader-f16/);
    expect(r.summary).toMatch(/software fallback/);
  });

  it('with a real GPU and shader-f16 recommends the best model that fits', () => {
    const r = recommendModels({ ...swiftShader, shaderF16: true, adapter: { ...swiftShader.adapter!, isFallbackAdapter: false } });
    expect(r.advice.every((a) => a.fits)).toBe(true);
    expect(r.advice.find((a) => a.recommended)?.model.id).toMatch(/^Llama-3.2-1B/);
  });

  it('says plainly why no model fits a small device', () => {
    const r = recommendModels({ ...swiftShader, deviceMemoryGB: 0.5 });
    expect(r.advice.some((a) => a.fits)).toBe(false);
    expect(r.summary).toMatch(/^No model fits this device/);
    expect(r.summary).toMatch(/GPU memory/);
  });

  it('without WebGPU says so, and why', async () => {
    const caps = await probeCapabilities({ gpu: { requestAdapter: async () => null }, userAgent: 'Chrome' }, {});
    expect(caps.webgpu).toBe(false);
    const r = recommendModels(caps);
    expect(r.summary).toMatch(/WebGPU is unavailable/);
    expect(r.summary).toMatch(/no GPU adapter/);
    const none: Capabilities = await probeCapabilities({ userAgent: 'Chrome' }, {});
    expect(recommendModels(none).summary).toMatch(/navigator\.gpu is missing/);
  });

  it('reads adapter features, limits and Chrome’s Prompt API', async () => {
    const adapter = {
      features: new Set(['shader-f16']),
      limits: { maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 30 },
      info: { vendor: 'acme', architecture: 'rdna', description: '', isFallbackAdapter: false },
    };
    const caps = await probeCapabilities({ gpu: { requestAdapter: async () => adapter }, deviceMemory: 8 }, { LanguageModel: { availability: async () => 'downloadable' } });
    expect(caps).toMatchObject({ webgpu: true, shaderF16: true, maxBufferSize: 2 ** 31, deviceMemoryGB: 8, promptApi: 'downloadable' });
    expect(recommendModels({ ...caps, webgpu: false, adapter: null }).summary).toMatch(/built-in model is offered/);
  });
});
