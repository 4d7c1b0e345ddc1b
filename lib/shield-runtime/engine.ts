import type { FeedPlatform } from '../schema/common';
import type { Decision } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import type { Profile } from '../schema/profile';

/** The judging the runner needs, behind one seam so the runtime can be tested with a stand-in. */
export interface Engine {
  /** Builds the look-ups for one profile revision (and the clickbait model and the detector rules, once each is
   * loaded). */
  compile(profile: Profile, clickbait: unknown, detectors?: unknown): unknown;
  decide(compiled: unknown, item: FeedItem): Decision;
  rerank(batch: ReadonlyArray<{ id: string; score: number }>, opts: { exploreShare?: number; seed?: number }): string[];
}

export interface CoreShield {
  compileProfile(profile: Profile, opts: { clickbait?: never; detectors?: never; platform?: FeedPlatform }): unknown;
  decide(compiled: never, item: FeedItem): Decision;
  rerank(batch: ReadonlyArray<{ id: string; score: number }>, opts?: { exploreShare?: number; seed?: number }): string[];
}

/** Adapts lib/core/shield to the runner for one platform. */
export function coreEngine(core: CoreShield, platform: FeedPlatform): Engine {
  return {
    compile: (profile, clickbait, detectors) =>
      core.compileProfile(profile, { clickbait: (clickbait ?? undefined) as never, detectors: (detectors ?? undefined) as never, platform }),
    decide: (compiled, item) => core.decide(compiled as never, item),
    rerank: (batch, opts) => core.rerank(batch, opts),
  };
}
