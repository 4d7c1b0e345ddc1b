import { z } from 'zod';
import { FeedPlatform } from './common';
import { REASON_DETAIL_MAX } from './constants';
import { PolicyKind } from './profile';

export const Action = z.enum(['show', 'hide', 'demote', 'boost', 'label']);
export type Action = z.infer<typeof Action>;

export const ReasonSource = z.enum(['rule', 'classifier', 'model', 'user', 'platform']);
export type ReasonSource = z.infer<typeof ReasonSource>;

/** One reason behind a decision. `code` is machine-readable (e.g. `avoid-topic`, `blocked-author`,
 * `keyword-rule`, `promoted`, `shorts`, `clickbait`); `detail` names the topic/rule/words. */
export const Reason = z.object({
  code: z.string().max(60),
  detail: z.string().max(REASON_DETAIL_MAX).default(''),
  source: ReasonSource,
  kind: PolicyKind.optional(),
  confidence: z.number().min(0).max(1).optional(),
  /** The words in the item that triggered it, for the UI to quote. */
  evidence: z.array(z.string().max(120)).max(10).default([]),
});
export type Reason = z.infer<typeof Reason>;

export const Decision = z.object({
  platform: FeedPlatform,
  itemId: z.string().max(200),
  action: Action,
  reasons: z.array(Reason).max(20),
  /** Relevance to the user's interests, 0..1 (0.5 = neutral). Used for reordering. */
  score: z.number().min(0).max(1),
  /** True when the fast tier is unsure and the local model (when on) should look at the item. */
  uncertain: z.boolean().default(false),
  judgedBy: z.string().max(120).optional(),
});
export type Decision = z.infer<typeof Decision>;
