import type { FeedPlatform } from '../schema/common';
import type { Decision, Reason } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import type { Profile } from '../schema/profile';

/** The judging the runner needs, behind one seam so the runtime can be tested with a stand-in. */
export interface Engine {
  /** Builds the look-ups for one profile revision (and the clickbait model and the detector rules, once each is
   * loaded). */
  compile(profile: Profile, clickbait: unknown, detectors?: unknown): unknown;
  decide(compiled: unknown, item: FeedItem): Decision;
  /** The decision's reasons with the words decide() left unquoted (the headline model's), for the log. */
  quote(compiled: unknown, item: FeedItem, reasons: readonly Reason[]): readonly Reason[];
  rerank(batch: ReadonlyArray<{ id: string; score: number }>, opts: { exploreShare?: number; seed?: number }): string[];
}

export interface CoreShield {
  compileProfile(profile: Profile, opts: { clickbait?: never; detectors?: never; platform?: FeedPlatform }): unknown;
  decide(compiled: never, item: FeedItem): Decision;
  quoteEvidence(compiled: never, item: FeedItem, reasons: readonly Reason[]): readonly Reason[];
  rerank(batch: ReadonlyArray<{ id: string; score: number }>, opts?: { exploreShare?: number; seed?: number }): string[];
}

/** Adapts lib/core/shield to the runner for one platform. */
export function coreEngine(core: CoreShield, platform: FeedPlatform): Engine {
  return {
    compile: (profile, clickbait, detectors) =>
      core.compileProfile(profile, { clickbait: (clickbait ?? undefined) as never, detectors: (detectors ?? undefined) as never, platform }),
    decide: (compiled, item) => core.decide(compiled as never, item),
    quote: (compiled, item, reasons) => core.quoteEvidence(compiled as never, item, reasons),
    rerank: (batch, opts) => core.rerank(batch, opts),
  };
}
