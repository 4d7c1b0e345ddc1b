import type { FeedPlatform } from '../../schema/common';
import type { Profile, RuleAction } from '../../schema/profile';
import { AuthorSet } from './author-set';
import { compileLookups } from './compile';
import { TextMatcher, type MatcherForm } from './matcher';
import { base64ToFloat64, base64ToInt32, float64ToBase64, int32ToBase64 } from './packed';
import type { CompiledRule, ProfileLookups, Target } from './types';

/**
 * A feed tab's profile look-ups as the background builds them (design.md: the background compiles, tabs receive
 * a compact form): the matcher's word index and the targets as base64 numbers, names and labels as text. A tab
 * restores them without building anything, and keeps numbers, not an object per keyword, for the page's life.
 */
export interface PreparedForm {
  /** The platform it was built for: a tab of another platform compiles for itself instead. */
  platform: FeedPlatform;
  matcher: MatcherForm;
  /** Per target, its index (a term's topic) times 8 plus its kind (TARGET_KINDS). */
  targets: string;
  /** Each term's weight, in the order of the targets. */
  weights: string;
  rules: Array<[id: string, kind: CompiledRule['kind'], pattern: string, action: RuleAction, platformMask: number]>;
  avoidTopics: Array<[id: string, label: string]>;
  interests: Array<[id: string, label: string, weight: number]>;
  topics: Array<[avoid: 0 | 1, index: number, threshold: number]>;
  /** Folded blocked names, '\n'-joined, per platform. */
  authors: Array<[FeedPlatform, string]>;
  problems: Array<{ ruleId: string; message: string }>;
}

/** A profile as a feed tab receives it: its rules, blocked authors and topics only in `prepared`. */
export interface WithPrepared {
  prepared?: PreparedForm;
}

const TARGET_KINDS = ['rule', 'avoid', 'interest', 'label', 'term'] as const;

/** Builds the look-ups of `profile` (as bound for a tab on `platform`, topics packed) and their form. */
export function prepareLookups(profile: Profile, platform: FeedPlatform): PreparedForm {
  const l = compileLookups(profile, platform);
  const kinds = new Int32Array(l.targets.length);
  const weights: number[] = [];
  l.targets.forEach((t, i) => {
    const kind = TARGET_KINDS.indexOf(t.type === 'interest' && t.isLabel ? 'label' : t.type);
    kinds[i] = ((t.type === 'term' ? t.topic : t.index) << 3) | kind;
    if (t.type === 'term') weights.push(t.weight);
  });
  return {
    platform,
    matcher: l.matcher.toForm(),
    targets: int32ToBase64(kinds),
    weights: float64ToBase64(new Float64Array(weights)),
    rules: l.rules.map((r) => [r.id, r.kind, r.pattern, r.action, r.platformMask]),
    avoidTopics: l.avoidTopics.map((t) => [t.id, t.label]),
    interests: l.interests.map((t) => [t.id, t.label, t.weight]),
    topics: l.topics.map((t) => [t.avoid ? 1 : 0, t.index, t.threshold]),
    authors: [...l.blockedAuthors].map(([p, set]) => [p, set.names().join('\n')]),
    problems: [...l.problems],
  };
}

/** The profile a feed tab is sent: what compileProfile would read of its rules, blocked authors and topics goes as
 * their prepared form instead, and the rest as it is. */
export function withPreparedLookups(profile: Profile, platform: FeedPlatform): Profile & WithPrepared {
  const prepared = prepareLookups(profile, platform);
  const { topicPack: _sent, ...rest } = profile as Profile & { topicPack?: unknown };
  return { ...rest, rules: [], blockedAuthors: [], avoidTopics: [], interests: [], prepared };
}

/** The look-ups of a profile with no rules, blocked authors or topics (the defaults a tab starts with). */
export function noLookups(): ProfileLookups {
  return { blockedAuthors: new Map(), matcher: new TextMatcher().build(), targets: [], rules: [], avoidTopics: [], interests: [], topics: [], problems: [] };
}

/** The look-ups from their form, as prepareLookups built them. Throws on what is not such a form. */
export function restoreLookups(form: PreparedForm): ProfileLookups {
  const kinds = base64ToInt32(form.targets);
  const weights = base64ToFloat64(form.weights);
  const targets: Target[] = new Array(kinds.length);
  let w = 0;
  for (let i = 0; i < kinds.length; i++) {
    const kind = TARGET_KINDS[kinds[i] & 7];
    const index = kinds[i] >> 3;
    targets[i] =
      kind === 'term'
        ? { type: 'term', topic: index, weight: weights[w++] }
        : kind === 'interest' || kind === 'label'
          ? { type: 'interest', index, isLabel: kind === 'label' }
          : { type: kind, index };
  }
  const blockedAuthors = new Map<FeedPlatform, AuthorSet>();
  for (const [platform, names] of form.authors) {
    const set = new AuthorSet();
    for (const name of names.split('\n')) set.add(name);
    blockedAuthors.set(platform, set);
  }
  return {
    blockedAuthors,
    matcher: TextMatcher.fromForm(form.matcher),
    targets,
    rules: form.rules.map(([id, kind, pattern, action, platformMask]) => ({ id, kind, pattern, action, platformMask })),
    avoidTopics: form.avoidTopics.map(([id, label]) => ({ id, label })),
    interests: form.interests.map(([id, label, weight]) => ({ id, label, weight })),
    topics: form.topics.map(([avoid, index, threshold]) => ({ avoid: avoid === 1, index, threshold })),
    problems: form.problems,
  };
}
