import type { Decision } from '@/lib/schema/decision';
import type { FeedItem } from '@/lib/schema/item';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import type { Capabilities } from '@/lib/judge/capabilities';

export function item(id: string, title: string, extra: Partial<FeedItem> = {}): FeedItem {
  return { platform: 'youtube', id, url: `https://www.youtube.com/watch?v=${id}`, title, author: 'someone', kind: 'video', promoted: false, promotedMarkers: [], text: '', surface: 'home', domain: '', ...extra };
}

export function fast(it: FeedItem, patch: Partial<Decision> = {}): Decision {
  return { platform: it.platform, itemId: it.id, action: 'show', reasons: [], score: 0.5, uncertain: true, ...patch };
}

export function feed(n: number, prefix = 'v'): { items: FeedItem[]; fast: Decision[] } {
  const items = Array.from({ length: n }, (_, i) => item(`${prefix}${i}`, `Video ${prefix}${i} about ${i % 2 ? 'WebGPU compute' : 'gardening tips'}`));
  return { items, fast: items.map((it) => fast(it)) };
}

export function profile(patch: Partial<Profile> = {}): Profile {
  return {
    ...defaultProfile(1),
    revision: 7,
    interests: [{ id: 'gpu', label: 'GPU programming', weight: 0.8, keywords: ['WebGPU', 'shaders'], exclude: [] }],
    avoidTopics: [{ id: 'celebs', label: 'Celebrity gossip', keywords: [], exclude: [] }],
    judge: { enabled: true, engine: 'webllm', modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' },
    ...patch,
  };
}

/** What headless Chromium with --enable-unsafe-webgpu reports here (SwiftShader). */
export const swiftShader: Capabilities = {
  webgpu: true,
  webgpuProblem: '',
  adapter: { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device', isFallbackAdapter: true },
  shaderF16: false,
  maxBufferSize: 1024 * 1024 * 1024,
  maxStorageBufferBindingSize: 1024 * 1024 * 1024,
  deviceMemoryGB: 8,
  promptApi: 'absent',
};
