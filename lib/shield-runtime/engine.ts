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
  compileProfile(profile: Profile, opts: { clickbait?: never; detectors?: never; platform?: FeedPlatform; lookups?: never }): unknown;
  /** The look-ups the background prepared for this tab (lib/core/shield/prepared.ts). */
  restoreLookups?(form: never): unknown;
  decide(compiled: never, item: FeedItem): Decision;
  quoteEvidence(compiled: never, item: FeedItem, reasons: readonly Reason[]): readonly Reason[];
  rerank(batch: ReadonlyArray<{ id: string; score: number }>, opts?: { exploreShare?: number; seed?: number }): string[];
}

/** Adapts lib/core/shield to the runner for one platform. */
export function coreEngine(core: CoreShield, platform: FeedPlatform): Engine {
  /** Per profile object: its look-ups, restored once from the form the background sent with it (the profile is
   * compiled again when a model arrives later, and each compile takes the same look-ups). */
  const restored = new WeakMap<Profile, unknown>();
  function lookupsOf(profile: Profile): unknown {
    if (restored.has(profile)) return restored.get(profile);
    const sent = profile as Profile & { prepared?: { platform?: unknown } };
    const form = sent.prepared;
    // None yet is not remembered: the profile a page started from gets its look-ups with the models (page-start.ts),
    // and a compile before them (the hold's cap passed first) must not keep it without them.
    if (!form) return undefined;
    // Made for another platform (never, from our own background): not used; Node callers send no form and
    // compileProfile builds the look-ups from the profile.
    const lookups = form.platform === platform ? core.restoreLookups?.(form as never) : undefined;
    restored.set(profile, lookups);
    // The form's text is not kept for the page's life: the look-ups stand for it.
    delete sent.prepared;
    return lookups;
  }
  return {
    compile: (profile, clickbait, detectors) =>
      core.compileProfile(profile, {
        clickbait: (clickbait ?? undefined) as never,
        detectors: (detectors ?? undefined) as never,
        platform,
        lookups: lookupsOf(profile) as never,
      }),
    decide: (compiled, item) => core.decide(compiled as never, item),
    quote: (compiled, item, reasons) => core.quoteEvidence(compiled as never, item, reasons),
    rerank: (batch, opts) => core.rerank(batch, opts),
  };
}
