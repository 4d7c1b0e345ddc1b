import { z } from 'zod';
import { DEFAULT_POLICIES, MANIPULATION_KINDS, POLICY_ACTIONS, POLICY_KINDS } from './constants';
import { ChatSite, FeedPlatform, Site, CHAT_SITES, SITES, id, label, plainText } from './common';

export const PROFILE_VERSION = 5 as const;

/** What a detection or a content kind does to an item. */
export const PolicyAction = z.enum(POLICY_ACTIONS);
export type PolicyAction = z.infer<typeof PolicyAction>;

export { POLICY_KINDS, MANIPULATION_KINDS };
export const PolicyKind = z.enum(POLICY_KINDS);
export type PolicyKind = z.infer<typeof PolicyKind>;
export const ManipulationKind = z.enum(MANIPULATION_KINDS);
export type ManipulationKind = z.infer<typeof ManipulationKind>;

export const KindPolicy = z.object({
  action: PolicyAction,
  /** 0 = flag only the surest cases, 1 = flag anything the detector leans towards. */
  strictness: z.number().min(0).max(1),
});
export type KindPolicy = z.infer<typeof KindPolicy>;

export const Interest = z.object({
  id,
  label,
  weight: z.number().min(0).max(1).default(0.7),
  keywords: z.array(label).max(50).default([]),
  /** Related words the user dropped from what the topic understands ("football: not American football"). */
  exclude: z.array(label).max(200).default([]),
});
export type Interest = z.infer<typeof Interest>;

export const AvoidTopic = z.object({
  id,
  label,
  keywords: z.array(label).max(50).default([]),
  /** Related words the user dropped from what the topic understands ("football: not American football"). */
  exclude: z.array(label).max(200).default([]),
});
export type AvoidTopic = z.infer<typeof AvoidTopic>;

export const BlockedAuthor = z.object({
  platform: FeedPlatform,
  name: label,
});
export type BlockedAuthor = z.infer<typeof BlockedAuthor>;

export const RuleAction = z.enum(['hide', 'demote', 'label', 'boost']);
export type RuleAction = z.infer<typeof RuleAction>;

export const Rule = z
  .object({
    id,
    kind: z.enum(['keyword', 'regex']),
    pattern: z.string().max(500, { message: 'must be at most 500 characters' }).pipe(z.string().min(1, { message: 'must not be empty' })),
    action: RuleAction,
    platforms: z.array(FeedPlatform).default([]),
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    // A regex's `(?<!not )`, `(?<name>` and `\k<name>` are its own syntax, not markup.
    const text = rule.kind === 'regex' ? rule.pattern.replace(/\(\?<[=!]|\(\?<[\p{L}\w$]+>|\\k<[\p{L}\w$]+>/gu, '') : rule.pattern;
    const plain = plainText(500).safeParse(text);
    if (!plain.success) ctx.addIssue({ code: 'custom', path: ['pattern'], message: plain.error.issues[0].message });
    if (rule.kind !== 'regex') return;
    try {
      new RegExp(rule.pattern, 'iu');
    } catch (e) {
      ctx.addIssue({
        code: 'custom',
        path: ['pattern'],
        message: `is not a valid regular expression (${(e as Error).message})`,
      });
    }
  });
export type Rule = z.infer<typeof Rule>;

/** Rules in the user's own words that no fast rule can check; only the local model judges them. */
export const NaturalRule = z.object({
  id,
  text: plainText(500).pipe(z.string().min(1, { message: 'must not be empty' })),
  enabled: z.boolean().default(true),
});
export type NaturalRule = z.infer<typeof NaturalRule>;

export const InstructionScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('always') }),
  z.object({ type: z.literal('topics'), topics: z.array(label).min(1).max(30) }),
  z.object({ type: z.literal('auto') }),
]);
export type InstructionScope = z.infer<typeof InstructionScope>;

export const Instruction = z.object({
  id,
  text: plainText(2000).pipe(z.string().min(1, { message: 'must not be empty' })),
  sites: z.array(ChatSite).default([...CHAT_SITES]),
  enabled: z.boolean().default(true),
  scope: InstructionScope.default({ type: 'auto' }),
});
export type Instruction = z.infer<typeof Instruction>;

/** A user's "not clickbait" / "show anyway" that must keep holding for this author or rule. */
export const Exception = z.object({
  id,
  type: z.enum(['item', 'author', 'rule']),
  platform: FeedPlatform,
  author: plainText(200).optional(),
  ruleCode: plainText(200).optional(),
  kind: PolicyKind.optional(),
  /** Normalised title of the item the verdict was given on: near-duplicates match it. */
  title: plainText(2000).optional(),
  createdAt: z.number().int().nonnegative(),
});
export type Exception = z.infer<typeof Exception>;

/** The user's word on Parapet's inferences: a rejected topic is never inferred again; a forgotten one starts over. */
export const InferenceControls = z.object({
  rejected: z.array(label).max(5_000).default([]),
  pinned: z.array(label).max(500).default([]),
  forgotten: z
    .array(z.object({ topic: label, at: z.number().int().nonnegative() }))
    .max(5_000)
    .default([]),
});
export type InferenceControls = z.infer<typeof InferenceControls>;

/** An item the user hid by hand ("hide this"): it stays hidden when it comes back. */
export const HiddenItem = z.object({
  platform: FeedPlatform,
  itemId: z.string().min(1).max(200),
  at: z.number().int().nonnegative(),
});
export type HiddenItem = z.infer<typeof HiddenItem>;

/** "Less like this" on one item: items by the same author about the same subject (the item's own words) are shown
 * less, not hidden, and the author's other items are left alone. `itemId` is the item it was said on (Undo). */
export const LessLike = z.object({
  id,
  platform: FeedPlatform,
  author: label,
  subject: z.array(label).max(12),
  itemId: z.string().min(1).max(200),
  title: plainText(500).default(''),
  createdAt: z.number().int().nonnegative(),
});
export type LessLike = z.infer<typeof LessLike>;

export const JudgeSettings = z.object({
  enabled: z.boolean().default(false),
  engine: z.enum(['webllm', 'prompt-api']).default('webllm'),
  modelId: z.string().max(200).default('Qwen2.5-0.5B-Instruct-q4f16_1-MLC'),
});

const defaultPolicies = Object.fromEntries(POLICY_KINDS.map((k) => [k, { ...DEFAULT_POLICIES[k] }])) as Record<PolicyKind, KindPolicy>;

const defaultSites = Object.fromEntries(SITES.map((s) => [s, true])) as Record<Site, boolean>;

export const Profile = z.object({
  schemaVersion: z.literal(PROFILE_VERSION),
  revision: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  interests: z.array(Interest).max(500).default([]),
  avoidTopics: z.array(AvoidTopic).max(500).default([]),
  blockedAuthors: z.array(BlockedAuthor).max(50_000).default([]),
  rules: z.array(Rule).max(5_000).default([]),
  naturalRules: z.array(NaturalRule).max(100).default([]),
  policies: z
    .object(Object.fromEntries(POLICY_KINDS.map((k) => [k, KindPolicy.default(defaultPolicies[k])])) as {
      [K in PolicyKind]: z.ZodDefault<typeof KindPolicy>;
    })
    .default(defaultPolicies),
  instructions: z.array(Instruction).max(200).default([]),
  chat: z
    .object({ placement: z.enum(['start', 'end']).default('end') })
    .default({ placement: 'end' }),
  sites: z
    .object(Object.fromEntries(SITES.map((s) => [s, z.boolean().default(true)])) as {
      [K in Site]: z.ZodDefault<z.ZodBoolean>;
    })
    .default(defaultSites),
  paused: z.boolean().default(false),
  display: z
    .object({
      hiddenStyle: z.enum(['stub', 'remove']).default('stub'),
      reorder: z.boolean().default(true),
      /** Share of items kept in the feed for exploration even when they score low. */
      exploreShare: z.number().min(0).max(0.5).default(0),
    })
    .default({ hiddenStyle: 'stub', reorder: true, exploreShare: 0 }),
  exceptions: z.array(Exception).max(10_000).default([]),
  hiddenItems: z.array(HiddenItem).max(10_000).default([]),
  lessLike: z.array(LessLike).max(5_000).default([]),
  inferred: InferenceControls.default({ rejected: [], pinned: [], forgotten: [] }),
  judge: JudgeSettings.default({ enabled: false, engine: 'webllm', modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' }),
});
export type Profile = z.infer<typeof Profile>;
export type ProfileInput = z.input<typeof Profile>;

export function defaultProfile(now = Date.now()): Profile {
  return Profile.parse({ schemaVersion: PROFILE_VERSION, revision: 0, updatedAt: now });
}
