import type { LessLikeIndex } from '../less-like';
import type { FeedPlatform } from '../../schema/common';
import type { ClickbaitModel } from '../clickbait/model';
import type { LearnedDetectors } from '../detectors/learned';
import type { Reason } from '../../schema/decision';
import type { FeedItem } from '../../schema/item';
import type { KindPolicy, PolicyKind, RuleAction } from '../../schema/profile';
import type { AuthorSet } from './author-set';
import type { UserExceptions } from './exceptions';
import type { TextMatcher } from './matcher';

/** What the detectors plus the profile's policies say about one item (lib/core/manipulation.ts applyPolicies). */
export interface PolicyVerdict {
  action: 'show' | 'label' | 'demote' | 'hide';
  reasons: Reason[];
  uncertain: boolean;
}

/** Runs the detectors on an item and applies the profile's policies to what they find. */
export type PolicyStage = (item: FeedItem) => PolicyVerdict;

/** What a matcher target stands for. */
export type Target =
  | { type: 'rule'; index: number }
  | { type: 'avoid'; index: number }
  | { type: 'interest'; index: number; isLabel: boolean }
  /** A term of a topic by meaning (see CompiledTopic), with its share of the evidence the topic needs. */
  | { type: 'term'; topic: number; weight: number };

/** An avoid-topic or interest by meaning: the background expanded it into weighted terms (lib/core/meaning). */
export interface CompiledTopic {
  avoid: boolean;
  /** Index in the compiled avoidTopics or interests. */
  index: number;
  /** The summed weight of the terms found that makes an item about it. */
  threshold: number;
}

export interface CompiledRule {
  id: string;
  kind: 'keyword' | 'regex';
  pattern: string;
  action: RuleAction;
  /** Bit i set = applies on FEED_PLATFORMS[i]; 0 = every platform. */
  platformMask: number;
}

/** What decide() asks of the matcher: a TextMatcher, or NO_MATCHER (prepared.ts) where there is nothing to find. */
export type ItemMatcher = Pick<TextMatcher, 'match'>;

/** The part of a compiled profile built from its rules, blocked authors and topics (compileLookups). */
export type ProfileLookups = Pick<CompiledProfile, 'blockedAuthors' | 'matcher' | 'target' | 'rules' | 'avoidTopics' | 'interests' | 'topics' | 'problems'>;

/** A profile turned into look-ups, built once per profile revision and used for every item. */
export interface CompiledProfile {
  revision: number;
  /** Set when compiled for one platform only (a content script): items of other platforms are shown. */
  platform?: FeedPlatform;
  paused: boolean;
  sitesOff: ReadonlySet<FeedPlatform>;
  /** Folded author names (see foldAuthor), per platform. */
  blockedAuthors: ReadonlyMap<FeedPlatform, AuthorSet>;
  /** "Less like this": subjects shown less, by platform and folded author. */
  lessLike: LessLikeIndex;
  matcher: ItemMatcher;
  /** What the matcher's target i stands for. Asked, not listed: a tab makes each from the numbers it was sent, when
   * the matcher first reports it (prepared.ts). */
  target: (i: number) => Target;
  rules: readonly CompiledRule[];
  avoidTopics: ReadonlyArray<{ id: string; label: string }>;
  interests: ReadonlyArray<{ id: string; label: string; weight: number }>;
  /** Avoid-topics and interests by meaning (the background's expansion; empty when none came with the profile). */
  topics: readonly CompiledTopic[];
  /** Says a text reads as another language than English: the topics' terms are English, so it is left alone. */
  isForeign: (text: string) => boolean;
  policies: Readonly<Record<PolicyKind, KindPolicy>>;
  exceptions: UserExceptions;
  /** Detectors + policies; null runs none (tests, or before the detectors are loaded). */
  policyStage: PolicyStage | null;
  /** The headline model the detectors read with, when one is loaded: quoteEvidence asks it for the words. */
  clickbait?: ClickbaitModel;
  /** The learned detectors, when loaded: quoteEvidence asks them for the words of their reasons. */
  learned?: LearnedDetectors;
  /** Rules that were left out, and why (a regex that could freeze the page...), for the dashboard to show. */
  problems: ReadonlyArray<{ ruleId: string; message: string }>;
  /** The profile has rules in plain words that only the local model can check. */
  hasNaturalRules: boolean;
}
