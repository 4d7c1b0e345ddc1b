import type { FeedPlatform } from '../../schema/common';
import type { Profile, RuleAction } from '../../schema/profile';
import type { AhoCorasickTable } from './aho-corasick';
import { AuthorSet } from './author-set';
import { lookupParts } from './compile';
import { TextMatcher, type MatcherParts } from './matcher';
import { base64ToFloat64, base64ToInt32, base64ToUint16, float64ToBase64, int32ToBase64, uint16ToBase64 } from './packed';
import type { CompiledRule, ItemMatcher, ProfileLookups, Target } from './types';

/**
 * A feed tab's profile look-ups as the background builds them (design.md: the background compiles, tabs receive
 * a compact form): the matcher's word index and the targets as base64 numbers, names and labels as text. A tab
 * restores them without building anything, and keeps numbers, not an object per keyword, for the page's life.
 */
export interface PreparedForm {
  /** The platform it was built for: a tab of another platform does not use it (its rules are cut for that site). */
  platform: FeedPlatform;
  /** The matcher's parts (MatcherParts), its lists of numbers in base64. */
  matcher: Omit<MatcherParts, PackedPart | 'substringTable'> & Record<PackedPart, string> & { substringTable: PackedTable | null };
  /** Per target, its index (a term's topic) times 8 plus its kind (TARGET_KINDS). */
  targets: string;
  /** The weights of the last targets, from the first term on (the terms come last: compile.ts lookupParts), 0 for
   * any other: a term's weight is found by its place, with no count of the terms before it. In thousandths, two
   * bytes each, when every weight is a number of thousandths (the topic packs' are: a quarter of the size of
   * doubles, for a copy every tab reads); else as doubles. */
  weights: string;
  /** 1000 when `weights` are thousandths (Uint16), 1 when doubles. */
  weightScale: 1 | 1000;
  rules: Array<[id: string, kind: CompiledRule['kind'], pattern: string, action: RuleAction, platformMask: number]>;
  avoidTopics: Array<[id: string, label: string]>;
  interests: Array<[id: string, label: string, weight: number]>;
  topics: Array<[avoid: 0 | 1, index: number, threshold: number]>;
  /** Folded blocked names, '\n'-joined, per platform, with the tables their AuthorSet finds them by (its tables()). */
  authors: Array<[FeedPlatform, names: string, table: string, sketch: string]>;
  problems: Array<{ ruleId: string; message: string }>;
}

/** The form's version, kept with it where it outlives a worker (page-profile.ts; the copy kept for tabs has its own,
 * stored-models.ts TAB_READY_VERSION). 2: the matcher's first-word index and the authors' tables are in it. 3: the
 * substrings' automaton is in it, the weights run from the first term, the authors' table holds where names start.
 * 4: the weights may be thousandths (weightScale). */
export const PREPARED_VERSION = 4;

/** A profile as a feed tab receives it: its rules, blocked authors and topics only in `prepared`. */
export interface WithPrepared {
  prepared?: PreparedForm;
}

const TARGET_KINDS = ['rule', 'avoid', 'interest', 'label', 'term'] as const;

/** The matcher's lists of numbers, sent as base64. */
const PACKED_PARTS = ['entryStart', 'entryTarget', 'entryRest', 'restStart', 'stemStart', 'wordKeys', 'wordValues', 'wordBits'] as const;
type PackedPart = (typeof PACKED_PARTS)[number];
/** The substrings' automaton (AhoCorasickTable), its lists of numbers in base64. */
type PackedTable = Omit<AhoCorasickTable, TablePart> & Record<TablePart, string>;
type TablePart = 'delta' | 'firstOut' | 'dictLink';

/** Builds the look-ups of `profile` (as bound for a tab on `platform`, topics packed) and their form. */
export function prepareLookups(profile: Profile, platform: FeedPlatform): PreparedForm {
  const l = lookupParts(profile, platform);
  const m = l.matcherParts;
  const kinds = new Int32Array(l.targets.length);
  const firstTerm = l.targets.findIndex((t) => t.type === 'term');
  const weights = new Float64Array(firstTerm < 0 ? 0 : l.targets.length - firstTerm);
  l.targets.forEach((t, i) => {
    const kind = TARGET_KINDS.indexOf(t.type === 'interest' && t.isLabel ? 'label' : t.type);
    kinds[i] = ((t.type === 'term' ? t.topic : t.index) << 3) | kind;
    if (t.type === 'term') weights[i - firstTerm] = t.weight;
  });
  // q / 1000 is the double nearest to q thousandths, as the weight's own decimal text was read: the same number.
  const milli = weights.every((w) => w >= 0 && w <= 1 && Math.round(w * 1000) / 1000 === w);
  const table = m.targetCount === 0 ? null : m.substringTable;
  return {
    platform,
    // With no target the tab never restores the matcher (NO_MATCHER): its tables, the first-word bits' 4 KB
    // included, are not sent to every tab with the defaults.
    matcher: {
      ...m,
      ...mapParts(m, m.targetCount === 0 ? () => '' : int32ToBase64),
      substringTable: table && { ...table, delta: int32ToBase64(table.delta), firstOut: int32ToBase64(table.firstOut), dictLink: int32ToBase64(table.dictLink) },
    },
    targets: int32ToBase64(kinds),
    weights: milli ? uint16ToBase64(Uint16Array.from(weights, (w) => Math.round(w * 1000))) : float64ToBase64(weights),
    weightScale: milli ? 1000 : 1,
    rules: l.rules.map((r) => [r.id, r.kind, r.pattern, r.action, r.platformMask]),
    avoidTopics: l.avoidTopics.map((t) => [t.id, t.label]),
    interests: l.interests.map((t) => [t.id, t.label, t.weight]),
    topics: l.topics.map((t) => [t.avoid ? 1 : 0, t.index, t.threshold]),
    authors: [...l.blockedAuthors].map(([p, set]) => {
      const names = set.names().join('\n');
      const { table, sketch } = AuthorSet.fromList(names).tables();
      return [p, names, int32ToBase64(table), int32ToBase64(sketch)];
    }),
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

/**
 * The targets as decide() asks for them (target(i)), each made from the numbers sent when it is first asked for: a
 * profile with topics by meaning has thousands, an item reaches a few, and an object each would be most of what the
 * tab keeps of the profile. A function rather than a list that makes its entries as they are read (a Proxy): a
 * Proxy's trap costs every read a call and the index's round trip through a string (issue 24: 3-4x the time of
 * the first thousand items' reads).
 */
function lazyTarget(kinds: Int32Array, weights: Float64Array | Uint16Array, scale: number): (i: number) => Target {
  const firstTerm = kinds.length - weights.length;
  // Holes until read, in one block of its final length (filled out of order, a list that grows turns into a table).
  const made = new Array<Target | undefined>(kinds.length);
  const make = (i: number): Target => {
    const kind = TARGET_KINDS[kinds[i] & 7];
    const index = kinds[i] >> 3;
    if (kind === 'term') return { type: 'term', topic: index, weight: weights[i - firstTerm] / scale };
    if (kind === 'interest' || kind === 'label') return { type: 'interest', index, isLabel: kind === 'label' };
    return { type: kind, index };
  };
  return (i) => made[i] ?? (made[i] = make(i));
}

function unpackTable(t: PackedTable | null): AhoCorasickTable | null {
  return t && { ...t, delta: base64ToInt32(t.delta), firstOut: base64ToInt32(t.firstOut), dictLink: base64ToInt32(t.dictLink) };
}

function mapParts<A, B>(parts: Record<PackedPart, A>, f: (a: A) => B): Record<PackedPart, B> {
  const out = {} as Record<PackedPart, B>;
  for (const k of PACKED_PARTS) out[k] = f(parts[k]);
  return out;
}

/** The matcher of a profile with nothing to look for (no rules, avoided topics or interests: decide() then never asks
 * it). A TextMatcher even with nothing in it is large code to compile and tables to make, and most tabs start with
 * the defaults (issue 24: about a tenth of the content script's code compiled at a page start was the empty
 * matcher's). */
export const NO_MATCHER: ItemMatcher = { match: () => {} };

/** The look-ups of a profile with no rules, blocked authors or topics (the defaults a tab starts with). */
export function noLookups(): ProfileLookups {
  return { blockedAuthors: new Map(), matcher: NO_MATCHER, target: lazyTarget(new Int32Array(0), new Float64Array(0), 1), rules: [], avoidTopics: [], interests: [], topics: [], problems: [] };
}

/** The look-ups from their form, as prepareLookups built them. Throws on what is not such a form. */
export function restoreLookups(form: PreparedForm): ProfileLookups {
  const scale = form.weightScale;
  const target = lazyTarget(base64ToInt32(form.targets), scale === 1000 ? base64ToUint16(form.weights) : base64ToFloat64(form.weights), scale);
  const blockedAuthors = new Map<FeedPlatform, AuthorSet>();
  for (const [platform, names, table, sketch] of form.authors) blockedAuthors.set(platform, AuthorSet.restore(names, base64ToInt32(table), base64ToInt32(sketch)));
  return {
    blockedAuthors,
    // No target, nothing it could report.
    matcher:
      form.matcher.targetCount === 0
        ? NO_MATCHER
        : TextMatcher.fromParts({ ...form.matcher, ...mapParts(form.matcher, base64ToInt32), substringTable: unpackTable(form.matcher.substringTable) }),
    target,
    // Read by index, not destructured: destructuring a list steps an iterator, which in code that runs once (not
    // optimised) cost several times the reads, on a thousand rules.
    rules: form.rules.map((r) => ({ id: r[0], kind: r[1], pattern: r[2], action: r[3], platformMask: r[4] })),
    avoidTopics: form.avoidTopics.map((t) => ({ id: t[0], label: t[1] })),
    interests: form.interests.map((t) => ({ id: t[0], label: t[1], weight: t[2] })),
    topics: form.topics.map((t) => ({ avoid: t[0] === 1, index: t[1], threshold: t[2] })),
    problems: form.problems,
  };
}
