import type { FeedPlatform } from '../schema/common';
import type { Decision, Reason } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import type { Profile } from '../schema/profile';
import { itemFingerprint } from '../core/item-fingerprint';
import { KNOWN_CAP, type KnownEntry } from '../schema/known-decisions';
import { fallbackProfile } from './default-profile';
import type { Engine } from './engine';

export type ModelName = 'clickbait' | 'detectors';

/** A model as read, made (decoded, its tables built) only when an item is decided with it: a page whose every item
 * is known (below) never makes it. What it was made from is let go once it is made. */
export class LazyModel {
  constructor(private make: (() => unknown) | null) {}
  /** The model, or null when it could not be made (left out, as a model that failed to load). */
  made(): unknown {
    const make = this.make;
    this.make = null;
    if (!make) return null;
    try {
      return make() ?? null;
    } catch {
      return null;
    }
  }
}

/** The decisions kept from the feed's earlier pages for the profile this page started from (lib/schema/
 * known-decisions.ts): `profile` is that profile object, `key` and `stamp` name it and its models. */
export interface KnownStart {
  profile: Profile;
  key: string;
  stamp: string;
  entries: readonly KnownEntry[];
}

export interface Decider {
  /** The profile in force: the defaults until the person's arrives. */
  readonly profile: Profile;
  /** The item's decision: the person's own hide first, else a judge's verdict, else the fast tier's (kept until
   * `forget`, so an item met again is not decided again). */
  decide(item: FeedItem): Decision;
  /** The item's decision when it needs no compile: hidden by hand, decided already, or kept from an earlier visit
   * (`known`); null for an item that must be decided afresh. */
  decideKnown(item: FeedItem): Decision | null;
  /** Returns the reasons with the headline model's words quoted, as compiled now, when it is first called (the
   * log asks for them at an idle moment, not before the item is painted). */
  quoter(item: FeedItem, decision: Decision): () => readonly Reason[];
  /** Takes the person's profile and compiles it; false when it is the revision already in force. Throws when it
   * cannot be compiled (the profile is in force all the same). */
  useProfile(next: Profile): boolean;
  /** Takes a model that has loaded; a model the engine refuses is left out, as if it had failed to load. */
  useModel(what: ModelName, model: unknown): void;
  /** Takes what arrived while the page waited, with one compile for all of it (not one per arrival). Throws like
   * useProfile; a model the engine refuses is left out. With `known` for that profile, its items are decided as
   * they were, and the compile waits for an item it does not know (the first to come throws then, if it fails). */
  useAll(next: { profile?: Profile; known?: KnownStart } & { [M in ModelName]?: unknown }): void;
  /** The decisions made afresh with the profile the page started from and both models since last asked, the newest
   * KNOWN_CAP, as the feed's next pages can use them (none once another profile is in force). */
  takeFresh(): KnownEntry[];
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

const made = (model: unknown): unknown => (model instanceof LazyModel ? model.made() : model);

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
  const inForce = () => {
    if (pending) {
      pending = false;
      compileLeavingOutRefused();
    }
    return (compiled ??= engine.compile(fallbackProfile(), null, null));
  };
  const decisions = new Map<string, Decision>();
  /** By item id, while the profile the page started from is in force. */
  let known: Map<string, KnownEntry> | null = null;
  /** The compile waits for an item `known` does not decide. */
  let pending = false;
  /** The compile in force has the person's profile and both models: what it decides is worth keeping. */
  let full = false;
  /** Decided afresh with that compile, to be kept for the next pages while `known` stands: the newest KNOWN_CAP,
   * with their items, whose fingerprints are taken only for those reported (a feed of 1,000 items reports 200). */
  const fresh = new Map<string, { decision: Decision; item: FeedItem }>();
  /** The quoted reasons of decisions known, or already quoted (never quoted twice). */
  const quotedOf = new WeakMap<Decision, readonly Reason[]>();
  const byHand = new Set<string>();
  let saved = new Set<string>();
  const revealed = new Set<string>();
  const handHidden = (id: string) => byHand.has(id) || saved.has(id);

  /** Puts `next` in force; false when it is the revision already in force. */
  function takeProfile(next: Profile): boolean {
    if (profile !== null && next.revision === profile.revision && next.updatedAt === profile.updatedAt) return false;
    profile = next;
    known = null;
    saved = new Set((next.hiddenItems ?? []).filter((h) => h?.platform === platform).map((h) => h.itemId));
    return true;
  }

  /** Compiles with the models in force, leaving out one the engine refuses as if it had failed to load; throws
   * when the profile itself cannot be compiled. */
  function compileLeavingOutRefused(): void {
    fresh.clear();
    full = false;
    clickbait = made(clickbait);
    detectors = made(detectors);
    let error: unknown = null;
    for (const [c, d] of [[clickbait, detectors], [null, detectors], [clickbait, null], [null, null]]) {
      try {
        compiled = engine.compile(inUse(), c, d);
        [clickbait, detectors] = [c, d];
        full = profile !== null && c !== null && d !== null;
        return;
      } catch (e) {
        error ??= e;
      }
    }
    throw error;
  }

  function decideKnown(item: FeedItem): Decision | null {
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
    const d = decisions.get(item.id);
    if (d) return d;
    const k = known?.get(item.id);
    if (!k || k.fp !== itemFingerprint(item)) return null;
    quotedOf.set(k.decision, k.quoted);
    decisions.set(item.id, k.decision);
    return k.decision;
  }

  /** Compiles now, or, while items may be known, when one is not. */
  function recompile(): void {
    if (!known?.size) return compileLeavingOutRefused();
    fresh.clear();
    pending = true;
  }

  return {
    get profile() {
      return inUse();
    },
    decideKnown,
    decide(item) {
      let d = decideKnown(item);
      if (!d) {
        d = engine.decide(inForce(), item);
        decisions.set(item.id, d);
        if (known && full) {
          fresh.delete(item.id);
          fresh.set(item.id, { decision: d, item });
          // The newest only: a page that churns items cannot make this hold them (issue 25).
          if (fresh.size > KNOWN_CAP) fresh.delete(fresh.keys().next().value!);
        }
      }
      return d;
    },
    quoter(item, decision) {
      const done = quotedOf.get(decision);
      if (done) return () => done;
      const decidedWith = inForce();
      return () => {
        let quoted = quotedOf.get(decision);
        if (!quoted) quotedOf.set(decision, (quoted = engine.quote(decidedWith, item, decision.reasons)));
        return quoted;
      };
    },
    useProfile(next) {
      if (!takeProfile(next)) return false;
      compileLeavingOutRefused();
      return true;
    },
    useModel(what, model) {
      if (what === 'clickbait') clickbait = model;
      else detectors = model;
      recompile();
    },
    useAll(next) {
      if (next.clickbait !== undefined) clickbait = next.clickbait;
      if (next.detectors !== undefined) detectors = next.detectors;
      if (next.profile) takeProfile(next.profile);
      // Only with the very profile they were kept for: one broadcast while the page waited is another.
      if (next.known && next.known.profile === profile) known = new Map(next.known.entries.map((e) => [e.id, e]));
      recompile();
    },
    takeFresh() {
      if (!known || pending || !full) return [];
      const out: KnownEntry[] = [];
      for (const [id, { decision, item }] of fresh) {
        let quoted = quotedOf.get(decision);
        if (!quoted) quotedOf.set(decision, (quoted = decision.reasons.length > 0 ? engine.quote(compiled, item, decision.reasons) : decision.reasons));
        out.push({ id, fp: itemFingerprint(item), decision, quoted: [...quoted] });
      }
      fresh.clear();
      return out;
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
