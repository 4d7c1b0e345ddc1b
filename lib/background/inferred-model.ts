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

/**
 * The Inferred view's topics by meaning, computed where the meaning model lives (the view would otherwise load a
 * second copy of it). Null without the model: the view then infers from title words itself, as before.
 */
export function namedInference(signals: Signal[], profile: Profile, now: number, model: MeaningModel | null): InferredModel | null {
  return model ? inferNamedModel(signals, { now, controls: controlsFromProfile(profile) }, model) : null;
}
