/**
 * The names and defaults that content scripts need, with no zod: the schemas in this folder build on these, and
 * a content script that imported a schema module would carry zod (about 85 KB) and run its builders at
 * document_start on every page.
 */
export const FEED_PLATFORMS = ['youtube', 'reddit', 'x', 'hackernews'] as const;
export const CHAT_SITES = ['chatgpt', 'claude', 'gemini', 'perplexity'] as const;
export const SITES = [...FEED_PLATFORMS, ...CHAT_SITES] as const;
export type FeedPlatform = (typeof FEED_PLATFORMS)[number];
export type ChatSite = (typeof CHAT_SITES)[number];
export type Site = (typeof SITES)[number];

/** Kinds the profile sets a policy for. `promoted` is the platform's own ad marker; `promotion` is
 * promotion the detectors find in the text (affiliate links, "use my code") that the platform did not mark. */
export const POLICY_KINDS = ['promoted', 'clickbait', 'rage', 'engagement', 'urgency', 'promotion', 'shorts'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];
export const MANIPULATION_KINDS = ['clickbait', 'rage', 'engagement', 'urgency', 'promotion'] as const;
export type ManipulationKind = (typeof MANIPULATION_KINDS)[number];
export const POLICY_ACTIONS = ['off', 'label', 'demote', 'hide'] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/** Out of the box: ads hidden behind a stub, manipulation labelled, Shorts left alone. */
export const DEFAULT_POLICIES: Readonly<Record<PolicyKind, Readonly<{ action: PolicyAction; strictness: number }>>> = {
  promoted: { action: 'hide', strictness: 0.5 },
  clickbait: { action: 'label', strictness: 0.5 },
  rage: { action: 'label', strictness: 0.5 },
  engagement: { action: 'label', strictness: 0.5 },
  urgency: { action: 'label', strictness: 0.5 },
  promotion: { action: 'label', strictness: 0.5 },
  shorts: { action: 'off', strictness: 0.5 },
};

/** The decision log keeps at most this many rows; the oldest go first (lib/db.ts). An imported log is cut to it too. */
export const DECISION_LOG_CAP = 200_000;

/** How long a reason's detail may be: room for a rule's whole pattern, or a rule in words with its model's name, so
 * the Activity log keeps a reason whole (a cut reason cannot be checked). */
export const REASON_DETAIL_MAX = 1000;
