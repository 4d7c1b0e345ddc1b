import { PROMPT_API_MODEL_ID, modelLabel } from './models';
import type { ModelCapabilitiesResponse, ModelStatusResponse } from './protocol';

/**
 * Whether the local model judges items here now, and if not, what would change that, in words. One answer for
 * the Model view and the editor of rules in words, so both say the same thing. Pure: tested without a browser.
 */
export type Readiness =
  | { state: 'checking'; words: string }
  /** Nothing the person can do in Parapet makes a model run on this device. */
  | { state: 'cannot-run'; words: string; why: string }
  | { state: 'off' | 'not-downloaded' | 'loading' | 'failed' | 'ready'; words: string };

/** What Parapet does without the model, said where the model is missing. */
export const WITHOUT_MODEL =
  'Without it, Parapet still applies your keyword and pattern rules, your topics by meaning, the blocked authors and the learned detectors (clickbait, rage bait, engagement bait, false urgency, hidden promotion), on every item, before it is painted.';

export function canRunHere(caps: ModelCapabilitiesResponse): boolean {
  const promptApi = caps.capabilities?.promptApi ?? 'absent';
  return caps.recommendation.advice.some((a) => a.fits) || promptApi === 'available' || promptApi === 'downloadable' || promptApi === 'downloading';
}

export function judgeReadiness(caps: ModelCapabilitiesResponse | null, status: ModelStatusResponse | null): Readiness {
  if (!caps || !status) return { state: 'checking', words: 'Checking whether the local model can run here…' };
  if (!canRunHere(caps)) {
    const why = caps.capabilities?.webgpu === false ? `WebGPU is unavailable: ${caps.capabilities.webgpuProblem}` : caps.recommendation.summary;
    return { state: 'cannot-run', why, words: `The local model cannot run on this device. ${why}` };
  }
  const s = status.settings;
  const id = s.engine === 'prompt-api' ? PROMPT_API_MODEL_ID : s.modelId;
  const name = modelLabel(id);
  const st = status.status;
  if (!s.enabled) return { state: 'off', words: 'The local model is off: turn it on in the Model view.' };
  if (st?.phase === 'ready' && st.modelId === id) return { state: 'ready', words: `Judged by ${name}, on this device.` };
  if (st?.phase === 'loading') return { state: 'loading', words: `${name} is being downloaded; it judges once it is loaded.` };
  if (st?.phase === 'error' && st.error) return { state: 'failed', words: `${name} failed to load: ${st.error}` };
  if (s.engine === 'webllm' && !status.cached.includes(s.modelId)) return { state: 'not-downloaded', words: `${name} is not on this device yet: download it in the Model view.` };
  return { state: 'ready', words: `Judged by ${name}, on this device.` };
}
