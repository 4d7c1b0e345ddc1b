import { compileLessLike } from '../less-like';
import { DEFAULT_POLICIES, FEED_PLATFORMS, type FeedPlatform } from '../../schema/constants';
import type { KindPolicy, PolicyKind, Profile } from '../../schema/profile';
import { compileUserExceptions } from './exceptions';
import { MatcherBuilder } from './matcher-builder';
import { TextMatcher, type MatcherParts } from './matcher';
import { defaultPolicyStage, type ClickbaitModel, type DetectorRules } from './policy-stage';
import { AuthorSet } from './author-set';
import { foldAuthor, keywordStems } from './text';
import type { TopicPack, WithTopicPack } from './topic-pack';
import { readsAsOtherLanguage } from '../detectors/language';
import type { CompiledProfile, CompiledRule, CompiledTopic, PolicyStage, ProfileLookups, Target } from './types';
import { toUnit } from '../unit';

export interface CompileOptions {
  clickbait?: ClickbaitModel;
  /** The rage, engagement, urgency and promotion rules; without them those kinds are not detected. Node callers
   * pass SHIPPED_DETECTORS (lib/core/detectors/shipped.ts), content scripts what they read from the data file. */
  detectors?: DetectorRules;
  /** Compile only what applies on this platform (a content script knows where it runs). */
  platform?: FeedPlatform;
  /** Replaces the detectors + policies stage; `null` runs none. Defaults to the shipped detectors. */
  policyStage?: PolicyStage | null;
  /** The profile's look-ups built already (compileLookups, or restored from the background's form): the profile's
   * rules, blocked authors and topics are then not read. */
  lookups?: ProfileLookups;
}

/**
 * Turns a profile into indexes, once per revision: every later decision is look-ups in these.
 * Tolerates a profile that was not parsed (missing lists, a bad regex): what cannot be compiled is skipped,
 * never thrown, because a broken rule must not stop the whole shield.
 */
export function compileProfile(profile: Profile, opts: CompileOptions = {}): CompiledProfile {
  return compileWithLookups(profile, opts.lookups ?? compileLookups(profile, opts.platform), opts);
}

/** compileProfile with the profile's look-ups built already: a feed tab's come prepared from the background
 * (prepared.ts), so the tab carries no code to build them. */
export function compileWithLookups(profile: Profile, lookups: ProfileLookups, opts: CompileOptions = {}): CompiledProfile {
  const only = opts.platform;
  const { blockedAuthors, matcher, target, rules, avoidTopics, interests, topics, problems } = lookups;

  const language = opts.detectors?.language;
  const isForeign = (text: string) => readsAsOtherLanguage(text, language);

  const policies = { ...DEFAULT_POLICIES } as Record<PolicyKind, KindPolicy>;
  for (const [k, v] of Object.entries(profile.policies ?? {})) {
    if (v && typeof v === 'object' && k in policies) policies[k as PolicyKind] = v as KindPolicy;
  }

  const sitesOff = new Set<FeedPlatform>(FEED_PLATFORMS.filter((p) => profile.sites?.[p] === false));

  return {
    revision: profile.revision ?? 0,
    platform: only,
    paused: profile.paused === true,
    sitesOff,
    blockedAuthors,
    lessLike: compileLessLike(profile.lessLike, only),
    matcher,
    target,
    rules,
    avoidTopics,
    interests,
    topics,
    isForeign,
    policies,
    exceptions: compileUserExceptions(profile.exceptions, only),
    policyStage: opts.policyStage !== undefined ? opts.policyStage : defaultPolicyStage(profile, { ...opts, policies }),
    clickbait: opts.clickbait,
    learned: opts.detectors?.learned,
    problems,
    hasNaturalRules: (profile.naturalRules ?? []).some((r) => r && r.enabled !== false),
  };
}

/**
 * What compileProfile builds from the profile's rules, blocked authors and topics: the bulk of its work, the same
 * whatever models are loaded. The background builds it once per profile and sends a tab its form
 * (prepared.ts), so a tab with a large profile does not build it on every page.
 */
export function compileLookups(profile: Profile, only?: FeedPlatform): ProfileLookups {
  const { matcherParts, targets, ...rest } = lookupParts(profile, only);
  return { ...rest, target: (i) => targets[i], matcher: TextMatcher.fromParts(matcherParts) };
}

/** compileLookups with the matcher as its parts (what the background sends a tab: prepared.ts). */
export function lookupParts(
  profile: Profile,
  only?: FeedPlatform,
): Omit<ProfileLookups, 'matcher' | 'target'> & { matcherParts: MatcherParts; targets: Target[] } {
  const platformBit = (p: FeedPlatform) => 1 << FEED_PLATFORMS.indexOf(p);

  const blockedAuthors = new Map<FeedPlatform, AuthorSet>();
  for (const b of profile.blockedAuthors ?? []) {
    if (!b || (only && b.platform !== only)) continue;
    const name = foldAuthor(b.name);
    if (!name) continue;
    let set = blockedAuthors.get(b.platform);
    if (!set) blockedAuthors.set(b.platform, (set = new AuthorSet()));
    set.add(name);
  }

  const words = new MatcherBuilder();
  const targets: Target[] = [];
  const addTarget = (t: Target) => targets.push(t) - 1;

  const rules: CompiledRule[] = [];
  const problems: Array<{ ruleId: string; message: string }> = [];
  for (const r of profile.rules ?? []) {
    if (!r || r.enabled === false || typeof r.pattern !== 'string') continue;
    const platforms = Array.isArray(r.platforms) ? r.platforms : [];
    if (only && platforms.length > 0 && !platforms.includes(only)) continue;
    const index = rules.length;
    const target = addTarget({ type: 'rule', index });
    const refused =
      r.kind === 'regex' ? words.addRegex(r.pattern, target) : words.addKeyword(r.pattern, target) ? null : 'has no words to match';
    if (refused !== null) {
      targets.pop();
      problems.push({ ruleId: String(r.id), message: refused });
      continue;
    }
    const platformMask = platforms.reduce((m, p) => m | platformBit(p), 0);
    rules.push({ id: r.id, kind: r.kind, pattern: r.pattern, action: r.action, platformMask });
  }

  const avoidTopics: Array<{ id: string; label: string }> = [];
  for (const t of profile.avoidTopics ?? []) {
    if (!t || typeof t.label !== 'string') continue;
    const index = avoidTopics.length;
    avoidTopics.push({ id: t.id, label: t.label });
    for (const k of distinctKeywords(t.label, t.keywords)) {
      const target = addTarget({ type: 'avoid', index });
      if (!words.addKeyword(k, target)) targets.pop();
    }
  }

  const interests: Array<{ id: string; label: string; weight: number }> = [];
  for (const it of profile.interests ?? []) {
    if (!it || typeof it.label !== 'string') continue;
    const index = interests.length;
    const weight = Number.isFinite(it.weight) ? toUnit(it.weight) : 0.7;
    interests.push({ id: it.id, label: it.label, weight });
    distinctKeywords(it.label, it.keywords).forEach((k, i) => {
      const target = addTarget({ type: 'interest', index, isLabel: i === 0 });
      if (!words.addKeyword(k, target)) targets.pop();
    });
  }
  // Topics by meaning: the terms the background expanded each topic into, when it sent them with the profile,
  // go into the same matcher, so an item's words are still read once.
  const topics: CompiledTopic[] = [];
  // It comes from our own background, yet is read defensively: what is malformed is skipped, never thrown.
  const pack = (profile as WithTopicPack).topicPack as Partial<TopicPack> | undefined;
  const indexOf = (list: ReadonlyArray<{ id: string }>) => new Map(list.map((t, i) => [t.id, i]));
  for (const [packed, avoid, ids] of [[pack?.avoid, true, indexOf(avoidTopics)], [pack?.interests, false, indexOf(interests)]] as const) {
    for (const t of Array.isArray(packed) ? packed : []) {
      const index = ids.get(t?.id);
      if (index === undefined || !Array.isArray(t.terms)) continue;
      const topic = topics.push({ avoid, index, threshold: Number(t.threshold) || 1 }) - 1;
      for (const entry of t.terms) {
        const [term, weight, shown] = Array.isArray(entry) ? entry : [];
        if (typeof term !== 'string' || !((weight as number) > 0)) continue;
        const target = addTarget({ type: 'term', topic, weight: Math.min(1, weight as number) });
        if (!words.addKeyword(typeof shown === 'string' ? shown : term, target)) targets.pop();
      }
    }
  }
  return { blockedAuthors, matcherParts: words.parts(), targets, rules, avoidTopics, interests, topics, problems };
}

/** The label first, then keywords that fold differently from it and from each other ("Rust" and "rust" count once). */
function distinctKeywords(label: string, keywords: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of [label, ...(Array.isArray(keywords) ? keywords : [])]) {
    if (typeof k !== 'string') continue;
    const key = keywordStems(k).join(' ') || k.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(k);
  }
  return out;
}
