import type { Profile } from '../schema/profile';
import type { Capabilities, Recommendation } from './capabilities';
import type { HostStatus } from './host';
import type { ItemVerdict, JudgeStats } from './judge';

/** What the background answers to the judge's and the Model view's requests (see lib/schema/messages.ts). */

export interface JudgeItemsResponse {
  /** False when the person has the judge off (or Parapet is paused): every verdict is 'skipped'. */
  enabled: boolean;
  /** "Qwen2.5 0.5B" etc., the name used in "judged by ..." reasons. */
  model: string | null;
  /** One per item sent, in the same order. */
  verdicts: ItemVerdict[];
}

export interface ModelStatusResponse {
  /** Whether the model host (offscreen document / Firefox background page) answered. */
  hostRunning: boolean;
  /** Why not, when it did not. */
  hostProblem: string;
  status: HostStatus | null;
  /** WebLLM model ids whose weights are on this device. */
  cached: string[];
  settings: Profile['judge'];
  stats: JudgeStats;
}

export interface ModelCapabilitiesResponse {
  capabilities: Capabilities | null;
  /** Set when the host could not be asked at all. */
  problem: string;
  recommendation: Recommendation;
}

export interface ModelBenchResponse {
  model: string;
  items: number;
  judged: number;
  calls: number;
  seconds: number;
  itemsPerSecond: number;
  promptTokens: number;
  completionTokens: number;
  /** Completion tokens over model time. */
  tokensPerSecond: number;
  /** As WebLLM reports them for the last call, when it does. */
  prefillTokensPerSecond: number | null;
  decodeTokensPerSecond: number | null;
}
