import type { MeaningModel } from '../core/meaning/model';
import { controlsFromProfile } from '../core/inference/controls';
import type { InferredModel } from '../core/inference/infer';
import { inferNamedModel } from '../core/inference/named-topics';
import type { Profile } from '../schema/profile';
import type { Signal } from '../schema/log';
import { meaningModel } from './meaning';

/** The meaning model from the given loader (tests hand in their own), or the background's. */
export function meaningFor(load?: () => Promise<MeaningModel | null>): Promise<MeaningModel | null> {
  return (load ?? meaningModel)();
}

/** An answer is reused for the same signals and controls within this time: evidence ages by days, not minutes,
 * and grouping a long history by meaning takes most of a second. */
const REUSE_MS = 5 * 60_000;
let last: { key: string; at: number; model: MeaningModel; answer: InferredModel } | null = null;

/**
 * The Inferred view's topics by meaning, computed where the meaning model lives (the view would otherwise load a
 * second copy of it). Null without the model: the view then infers from title words itself, as before.
 */
export function namedInference(signals: Signal[], profile: Profile, now: number, model: MeaningModel | null): InferredModel | null {
  if (!model) return null;
  let lastId = 0;
  let lastTs = 0;
  for (const s of signals) {
    lastId = Math.max(lastId, s.id ?? 0);
    lastTs = Math.max(lastTs, s.ts);
  }
  const key = `${signals.length}\u0000${lastId}\u0000${lastTs}\u0000${JSON.stringify(profile.inferred)}\u0000${JSON.stringify(profile.interests)}`;
  if (last && last.key === key && last.model === model && now - last.at >= 0 && now - last.at < REUSE_MS) return last.answer;
  const answer = inferNamedModel(signals, { now, controls: controlsFromProfile(profile) }, model);
  last = { key, at: now, model, answer };
  return answer;
}
