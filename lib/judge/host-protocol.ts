import { z } from 'zod';
import type { Capabilities } from './capabilities';
import type { GenerateResult } from './engine';
import type { HostStatus, ModelHost } from './host';

/** Background <-> model host over a runtime port ("parapet-judge-host"). A port rather than runtime messages:
 * runtime messages reach every extension page, and the host must not answer what content scripts send the
 * background. Both ends validate what they receive. */
export const HOST_PORT_NAME = 'parapet-judge-host';

const EngineKind = z.enum(['webllm', 'prompt-api']);
const ModelId = z.string().min(1).max(200);
export const GenerateRequestSchema = z.object({
  system: z.string().max(40_000),
  user: z.string().max(60_000),
  jsonSchema: z.string().max(20_000),
  maxTokens: z.number().int().positive().max(4096),
  temperature: z.number().min(0).max(2),
});

export const hostRequests = {
  status: z.object({}),
  capabilities: z.object({}),
  cached: z.object({}),
  download: z.object({ engine: EngineKind, modelId: ModelId }),
  cancel: z.object({}),
  remove: z.object({ modelId: ModelId }),
  generate: z.object({ engine: EngineKind, modelId: ModelId, request: GenerateRequestSchema }),
  interrupt: z.object({}),
  unload: z.object({}),
} as const;
export type HostRequestType = keyof typeof hostRequests;
export type HostPayload<K extends HostRequestType> = z.input<(typeof hostRequests)[K]>;

const Progress = z.object({
  fraction: z.number().min(0).max(1),
  text: z.string().max(300),
  loadedMB: z.number().nullable(),
  totalMB: z.number().nullable(),
  etaSeconds: z.number().nullable(),
});
export const HostStatusSchema = z.object({
  phase: z.enum(['idle', 'loading', 'ready', 'error']),
  engine: EngineKind,
  modelId: z.string().max(200).nullable(),
  progress: Progress.nullable(),
  error: z.string().max(600).nullable(),
  cancelled: z.boolean(),
  startedAt: z.number().nullable(),
  updatedAt: z.number(),
});
export const CapabilitiesSchema = z.object({
  webgpu: z.boolean(),
  webgpuProblem: z.string().max(400),
  adapter: z.object({ vendor: z.string().max(200), architecture: z.string().max(200), description: z.string().max(400), isFallbackAdapter: z.boolean() }).nullable(),
  shaderF16: z.boolean(),
  maxBufferSize: z.number().nonnegative(),
  maxStorageBufferBindingSize: z.number().nonnegative(),
  deviceMemoryGB: z.number().nullable(),
  promptApi: z.enum(['absent', 'unavailable', 'downloadable', 'downloading', 'available']),
});
const GenerateResultSchema = z.object({
  text: z.string().max(100_000),
  promptTokens: z.number().nonnegative().optional(),
  completionTokens: z.number().nonnegative().optional(),
  prefillTokensPerSecond: z.number().nonnegative().optional(),
  decodeTokensPerSecond: z.number().nonnegative().optional(),
});
const CachedList = z.array(ModelId).max(500);

export const hostResponses = {
  status: HostStatusSchema,
  capabilities: CapabilitiesSchema,
  cached: CachedList,
  download: HostStatusSchema,
  cancel: HostStatusSchema,
  remove: CachedList,
  generate: GenerateResultSchema,
  interrupt: z.null(),
  unload: HostStatusSchema,
} as const satisfies Record<HostRequestType, z.ZodType>;

export interface HostResponses {
  status: HostStatus;
  capabilities: Capabilities;
  cached: string[];
  download: HostStatus;
  cancel: HostStatus;
  remove: string[];
  generate: GenerateResult;
  interrupt: null;
  unload: HostStatus;
}

const Wire = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('req'), id: z.number().int(), type: z.string().max(40), payload: z.unknown() }),
  z.object({ kind: z.literal('res'), id: z.number().int(), ok: z.boolean(), value: z.unknown().optional(), error: z.string().max(1000).optional() }),
  z.object({ kind: z.literal('event'), status: z.unknown() }),
  z.object({ kind: z.literal('ready') }),
]);

/** The part of a runtime.Port both ends use (browser.runtime.Port fits). */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
  disconnect(): void;
}

/** Host side: answers the background's requests and pushes every status change. */
export function serveHost(host: ModelHost, port: PortLike): () => void {
  const run = async (type: HostRequestType, payload: unknown): Promise<unknown> => {
    switch (type) {
      case 'status': return host.status();
      case 'capabilities': return host.capabilities();
      case 'cached': return host.cached();
      case 'download': { const p = hostRequests.download.parse(payload); return host.download(p.engine, p.modelId); }
      case 'cancel': return host.cancel();
      case 'remove': return host.remove(hostRequests.remove.parse(payload).modelId);
      case 'generate': { const p = hostRequests.generate.parse(payload); return host.generate(p.engine, p.modelId, p.request); }
      case 'interrupt': await host.interrupt(); return null;
      case 'unload': return host.unload();
    }
  };
  let open = true;
  port.onMessage.addListener((raw) => {
    const msg = Wire.safeParse(raw);
    if (!msg.success || msg.data.kind !== 'req') return;
    const { id, type } = msg.data;
    if (!(type in hostRequests)) {
      port.postMessage({ kind: 'res', id, ok: false, error: `unknown host request ${type}` });
      return;
    }
    const parsed = hostRequests[type as HostRequestType].safeParse(msg.data.payload ?? {});
    if (!parsed.success) {
      port.postMessage({ kind: 'res', id, ok: false, error: `invalid ${type}` });
      return;
    }
    run(type as HostRequestType, parsed.data).then(
      (value) => open && port.postMessage({ kind: 'res', id, ok: true, value: value ?? null }),
      (e) => open && port.postMessage({ kind: 'res', id, ok: false, error: String((e as Error)?.message ?? e).slice(0, 1000) }),
    );
  });
  const off = host.onStatus((status) => open && port.postMessage({ kind: 'event', status }));
  port.onDisconnect.addListener(() => {
    open = false;
    off();
  });
  port.postMessage({ kind: 'ready' });
  return () => {
    open = false;
    off();
  };
}

/** Background side: typed requests with a timeout; answers that do not match the schema are errors. */
export interface HostClient {
  request<K extends HostRequestType>(type: K, payload: HostPayload<K>, timeoutMs?: number): Promise<HostResponses[K]>;
  readonly connected: boolean;
  /** The last status the host pushed (kept when the dashboard is closed). */
  lastStatus: HostStatus | null;
  onStatus(fn: (s: HostStatus) => void): () => void;
}

export function hostClientOverPort(port: PortLike): HostClient {
  let nextId = 1;
  let connected = true;
  const pending = new Map<number, { type: HostRequestType; resolve(v: unknown): void; reject(e: Error): void }>();
  const listeners = new Set<(s: HostStatus) => void>();
  const client: HostClient = {
    lastStatus: null,
    get connected() {
      return connected;
    },
    request(type, payload, timeoutMs = 15_000) {
      if (!connected) return Promise.reject(new Error('the model host is not running'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`the model host did not answer ${type} within ${Math.round(timeoutMs / 1000)} s`));
        }, timeoutMs);
        pending.set(id, {
          type,
          resolve: (v) => { clearTimeout(timer); resolve(v as never); },
          reject: (e) => { clearTimeout(timer); reject(e); },
        });
        port.postMessage({ kind: 'req', id, type, payload });
      });
    },
    onStatus(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  port.onMessage.addListener((raw) => {
    const msg = Wire.safeParse(raw);
    if (!msg.success) return;
    if (msg.data.kind === 'event') {
      const s = HostStatusSchema.safeParse(msg.data.status);
      if (s.success) {
        client.lastStatus = s.data;
        for (const l of listeners) l(s.data);
      }
      return;
    }
    if (msg.data.kind !== 'res') return;
    const waiting = pending.get(msg.data.id);
    if (!waiting) return;
    pending.delete(msg.data.id);
    if (!msg.data.ok) return waiting.reject(new Error(msg.data.error ?? 'the model host failed'));
    const checked = hostResponses[waiting.type].safeParse(msg.data.value);
    if (!checked.success) return waiting.reject(new Error(`the model host sent an invalid ${waiting.type} answer`));
    if (waiting.type === 'status' || waiting.type === 'download' || waiting.type === 'cancel' || waiting.type === 'unload') client.lastStatus = checked.data as HostStatus;
    waiting.resolve(checked.data);
  });
  port.onDisconnect.addListener(() => {
    connected = false;
    for (const w of pending.values()) w.reject(new Error('the model host closed'));
    pending.clear();
  });
  return client;
}

/** In-process client for the Firefox background page, which hosts the model itself: the same validation, no port. */
export function hostClientInProcess(host: ModelHost): HostClient {
  const [a, b] = pairedPorts();
  serveHost(host, a);
  return hostClientOverPort(b);
}

/** Two connected in-memory ports; messages are cloned like the real ones, and delivered asynchronously. */
export function pairedPorts(): [PortLike, PortLike] {
  const make = () => ({ msg: new Set<(m: unknown) => void>(), disc: new Set<() => void>() });
  const sides = [make(), make()];
  let closed = false;
  const port = (self: number): PortLike => ({
    postMessage(m) {
      if (closed) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(m);
      queueMicrotask(() => { if (!closed) for (const f of sides[1 - self].msg) f(copy); });
    },
    onMessage: { addListener: (f) => void sides[self].msg.add(f) },
    onDisconnect: { addListener: (f) => void sides[self].disc.add(f) },
    disconnect() {
      if (closed) return;
      closed = true;
      // Like runtime ports: only the other end hears the disconnect.
      for (const f of sides[1 - self].disc) f();
    },
  });
  return [port(0), port(1)];
}
