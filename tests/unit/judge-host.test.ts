import { describe, expect, it } from 'vitest';
import { createModelHost, describeLoadError, type HostStatus } from '@/lib/judge/host';
import { hostClientInProcess, hostClientOverPort, pairedPorts, serveHost } from '@/lib/judge/host-protocol';
import { parseWebLlmProgress, formatEta } from '@/lib/judge/progress';
import { ScriptedLoader, sleep } from '../doubles/scripted-engine';
import { swiftShader } from '../doubles/judge-fixtures';

const MODEL = 'SmolLM2-360M-Instruct-q4f32_1-MLC';
const req = { system: 's', user: 'u', jsonSchema: '{}', maxTokens: 10, temperature: 0 };

function setup() {
  const loader = new ScriptedLoader();
  const host = createModelHost({ loaders: { webllm: loader }, probe: async () => swiftShader, catalog: [MODEL, 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC'] });
  return { loader, host };
}

async function until(host: { status(): HostStatus }, phase: HostStatus['phase'], ms = 2000) {
  const t0 = Date.now();
  while (host.status().phase !== phase) {
    if (Date.now() - t0 > ms) throw new Error(`still ${host.status().phase}`);
    await sleep(2);
  }
}

describe('model host', () => {
  it('downloads with progress, then reports the model loaded and cached', async () => {
    const { host } = setup();
    const seen: number[] = [];
    host.onStatus((s) => s.progress && seen.push(s.progress.fraction));
    const first = host.download('webllm', MODEL);
    expect(first.phase).toBe('loading');
    await until(host, 'ready');
    expect(seen).toEqual(expect.arrayContaining([0.25, 0.5, 0.75, 1]));
    expect(host.status()).toMatchObject({ phase: 'ready', modelId: MODEL, error: null });
    expect(await host.cached()).toEqual([MODEL]);
  });

  it('cancels a download, and says so', async () => {
    const { host, loader } = setup();
    loader.stepMs = 30;
    host.download('webllm', MODEL);
    await sleep(10);
    const s = await host.cancel();
    expect(s).toMatchObject({ phase: 'idle', cancelled: true, error: null });
    expect(await host.cached()).toEqual([]);
  });

  it('fails offline with a message a person can act on, and stays usable', async () => {
    const { host, loader } = setup();
    loader.offline = true;
    host.download('webllm', MODEL);
    await until(host, 'error');
    expect(host.status().error).toMatch(/^The download failed: the model's files could not be fetched/);
    expect(host.status().error).toMatch(/Failed to execute 'add' on 'Cache'/);
    loader.offline = false;
    host.download('webllm', MODEL);
    await until(host, 'ready');
  });

  it('deletes a cached model and unloads it', async () => {
    const { host, loader } = setup();
    host.download('webllm', MODEL);
    await until(host, 'ready');
    expect(await host.remove(MODEL)).toEqual([]);
    expect(host.status().phase).toBe('idle');
    expect(loader.engines[0].unloaded).toBe(true);
  });

  it('never downloads for a judge request, and loads a cached model from the cache', async () => {
    const { host, loader } = setup();
    await expect(host.generate('webllm', MODEL, req)).rejects.toThrow(/not downloaded/);
    expect(loader.loads).toBe(0);
    loader.cached.add(MODEL);
    const out = await host.generate('webllm', MODEL, req);
    expect(out.text).toContain('items');
    expect(loader.loads).toBe(1);
  });

  it('restarts a crashed engine on the next request', async () => {
    const { host, loader } = setup();
    loader.nextScript = () => {
      throw new Error('Device was lost');
    };
    loader.cached.add(MODEL);
    await expect(host.generate('webllm', MODEL, req)).rejects.toThrow(/Device was lost/);
    expect(host.status()).toMatchObject({ phase: 'error', error: expect.stringMatching(/restarts on the next request/) });
    loader.nextScript = () => '{"items":[]}';
    expect((await host.generate('webllm', MODEL, req)).text).toBe('{"items":[]}');
    expect(loader.loads).toBe(2);
    expect(host.status().phase).toBe('ready');
  });

  it('has no built-in model engine when the browser offers none', async () => {
    const { host } = setup();
    host.download('prompt-api', 'chrome-built-in');
    await until(host, 'error');
    expect(host.status().error).toMatch(/built-in language model/);
  });
});

describe('background <-> host link', () => {
  it('carries requests and status pushes, validated', async () => {
    const { host } = setup();
    const client = hostClientInProcess(host);
    const statuses: string[] = [];
    client.onStatus((s) => statuses.push(s.phase));
    expect((await client.request('capabilities', {})).adapter?.isFallbackAdapter).toBe(true);
    await client.request('download', { engine: 'webllm', modelId: MODEL });
    await until(host, 'ready');
    await sleep(5);
    expect(statuses).toContain('ready');
    expect(client.lastStatus?.phase).toBe('ready');
    expect(await client.request('cached', {})).toEqual([MODEL]);
  });

  it('refuses bad requests on the host side and bad answers on the background side', async () => {
    const { host } = setup();
    const client = hostClientInProcess(host);
    await expect(client.request('download', { engine: 'webllm', modelId: '' })).rejects.toThrow(/invalid download/);
    await expect(client.request('nonsense' as 'status', {})).rejects.toThrow(/unknown host request/);

    // A host that answers garbage.
    const [a, b] = pairedPorts();
    a.onMessage.addListener((m) => {
      const { id } = m as { id: number };
      a.postMessage({ kind: 'res', id, ok: true, value: { phase: 'exploding' } });
    });
    const bad = hostClientOverPort(b);
    await expect(bad.request('status', {})).rejects.toThrow(/invalid status answer/);
  });

  it('fails pending requests when the host goes away', async () => {
    const [a, b] = pairedPorts();
    const client = hostClientOverPort(b);
    const pending = client.request('status', {}, 5000);
    a.disconnect();
    await expect(pending).rejects.toThrow(/closed/);
    expect(client.connected).toBe(false);
    void serveHost;
  });
});

describe('download progress', () => {
  it('reads megabytes, percent and time left from WebLLM’s report', () => {
    const p = parseWebLlmProgress({ progress: 0.25, text: 'Fetching param cache[5/20]: 75MB fetched. 25% completed, 10 secs elapsed.' }, 10);
    expect(p).toEqual({ fraction: 0.25, text: expect.any(String), loadedMB: 75, totalMB: 300, etaSeconds: 30 });
    expect(formatEta(30)).toBe('30 s left');
    expect(formatEta(125)).toBe('2 min 5 s left');
    expect(formatEta(null)).toMatch(/estimating/);
  });

  it('words offline failures plainly', () => {
    expect(describeLoadError(new TypeError("Failed to execute 'add' on 'Cache': Request failed"))).toMatch(/could not be fetched/);
    expect(describeLoadError(new Error('This model requires WebGPU extension shader-f16'))).toMatch(/32-bit/);
  });

  it('never reads a GPU failure as a network one, and says what would fix each or that nothing here can', () => {
    const gpu = describeLoadError(new Error('WebGPU: requestAdapter() returned null; request failed'));
    expect(gpu).toMatch(/^WebGPU is unavailable here, so no model can run: nothing in Parapet can change that/);
    expect(gpu).not.toMatch(/online/);
    expect(describeLoadError(new Error('GPUDevice was lost: out of memory'))).toMatch(/^The GPU stopped the model.*choose a smaller model/);
    expect(describeLoadError(new Error('tokenizer exploded'))).toMatch(/Loading it again may work; if it fails the same way, a smaller model may run/);
  });
});
