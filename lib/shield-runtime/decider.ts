import type { FeedPlatform } from '../schema/common';
import type { Decision, Reason } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import type { Profile } from '../schema/profile';
import { fallbackProfile } from './default-profile';
import type { Engine } from './engine';

export type ModelName = 'clickbait' | 'detectors';

export interface Decider {
  /** The profile in force: the defaults until the person's arrives. */
  readonly profile: Profile;
  /** The item's decision: the person's own hide first, else a judge's verdict, else the fast tier's (kept until
   * `forget`, so an item met again is not decided again). */
  decide(item: FeedItem): Decision;
  /** Returns the reasons with the headline model's words quoted, as compiled now, when it is first called (the
   * log asks for them at an idle moment, not before the item is painted). */
  quoter(item: FeedItem, reasons: readonly Reason[]): () => readonly Reason[];
  /** Takes the person's profile and compiles it; false when it is the revision already in force. Throws when it
   * cannot be compiled (the profile is in force all the same). */
  useProfile(next: Profile): boolean;
  /** Takes a model that has loaded; a model the engine refuses is left out, as if it had failed to load. */
  useModel(what: ModelName, model: unknown): void;
  /** Takes what arrived while the page waited, with one compile for all of it (not one per arrival). Throws like
   * useProfile; a model the engine refuses is left out. */
  useAll(next: { profile?: Profile } & { [M in ModelName]?: unknown }): void;
  /** A judge's verdict, put in place of the fast decision. */
  verdict(itemId: string, d: Decision): void;
  /** Drops every kept decision (the profile or a model changed). */
  forget(): void;
  /** What the person did on this page: hidden by hand, or shown anyway. */
  hideByHand(itemId: string): void;
  showAnyway(itemId: string): void;
  /** Hidden by hand on this page, or (profile.hiddenItems) on any earlier visit. */
  handHidden(itemId: string): boolean;
  revealed(itemId: string): boolean;
}

/**
 * The decider: the profile, the loaded models, what they compile to, and the decision for each item. The
 * profile object goes to `engine.compile` exactly as the background sent it.
 */
export function createDecider(engine: Engine, platform: FeedPlatform): Decider {
  /** Null until the person's profile is in: the defaults are made only when something asks before then (issue 24: a
   * page start that gets the profile in time never needs them). */
  let profile: Profile | null = null;
  let fallback: Profile | undefined;
  const inUse = (): Profile => profile ?? (fallback ??= fallbackProfile());
  let clickbait: unknown = null;
  let detectors: unknown = null;
  // The defaults, without models, are compiled only when something is decided before anything else compiled (the
  // hold ran out with no answer, or the person's profile could not be compiled): a page start decides nothing
  // until the person's profile is in.
  let compiled: unknown;
  const inForce = () => (compiled ??= engine.compile(fallbackProfile(), null, null));
  const decisions = new Map<string, Decision>();
  const byHand = new Set<string>();
  let saved = new Set<string>();
  const revealed = new Set<string>();
  const handHidden = (id: string) => byHand.has(id) || saved.has(id);

  /** Puts `next` in force; false when it is the revision already in force. */
  function takeProfile(next: Profile): boolean {
    if (profile !== null && next.revision === profile.revision && next.updatedAt === profile.updatedAt) return false;
    profile = next;
    saved = new Set((next.hiddenItems ?? []).filter((h) => h?.platform === platform).map((h) => h.itemId));
    return true;
  }

  /** Compiles with the models in force, leaving out one the engine refuses as if it had failed to load; throws
   * when the profile itself cannot be compiled. */
  function compileLeavingOutRefused(): void {
    let error: unknown = null;
    for (const [c, d] of [[clickbait, detectors], [null, detectors], [clickbait, null], [null, null]]) {
      try {
        compiled = engine.compile(inUse(), c, d);
        [clickbait, detectors] = [c, d];
        return;
      } catch (e) {
        error ??= e;
      }
    }
    throw error;
  }

  return {
    get profile() {
      return inUse();
    },
    decide(item) {
      if (handHidden(item.id)) {
        return {
          platform,
          itemId: item.id,
          action: 'hide',
          reasons: [{ code: 'user-hidden', detail: '', source: 'user', evidence: [] }],
          score: 0,
          uncertain: false,
        };
      }
      let d = decisions.get(item.id);
      if (!d) {
        d = engine.decide(inForce(), item);
        decisions.set(item.id, d);
      }
      return d;
    },
    quoter(item, reasons) {
      const decidedWith = inForce();
      let quoted: readonly Reason[] | undefined;
      return () => (quoted ??= engine.quote(decidedWith, item, reasons));
    },
    useProfile(next) {
      if (!takeProfile(next)) return false;
      compileLeavingOutRefused();
      return true;
    },
    useModel(what, model) {
      if (what === 'clickbait') clickbait = model;
      else detectors = model;
      compileLeavingOutRefused();
    },
    useAll(next) {
      if (next.clickbait !== undefined) clickbait = next.clickbait;
      if (next.detectors !== undefined) detectors = next.detectors;
      if (next.profile) takeProfile(next.profile);
      compileLeavingOutRefused();
    },
    verdict: (id, d) => void decisions.set(id, d),
    forget: () => decisions.clear(),
    hideByHand(id) {
      byHand.add(id);
      revealed.delete(id);
    },
    showAnyway(id) {
      byHand.delete(id);
      saved.delete(id);
      revealed.add(id);
    },
    handHidden,
    revealed: (id) => revealed.has(id),
  };
}
