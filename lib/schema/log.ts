import { z } from 'zod';
import { FeedPlatform } from './common';
import { Action, Reason } from './decision';
import { PolicyKind } from './profile';

const text = (max: number) => z.string().catch('').transform((s) => s.slice(0, max));

/** One row of the activity log: what Parapet did to one item, and why. */
export const LoggedDecision = z.object({
  id: z.number().int().optional(),
  ts: z.number().int().nonnegative(),
  platform: FeedPlatform,
  itemId: z.string().max(200),
  title: text(500),
  author: text(200),
  url: text(1000),
  surface: text(40),
  action: Action,
  reasons: z.array(Reason).max(20),
  score: z.number().min(0).max(1),
  reordered: z.boolean().default(false),
  /** The browser tab it was decided in, set by the background from the sender (never taken from the page's row):
   * the popup opens Activity on one tab's decisions. Tab ids are unique within a browser session only. */
  tab: z.number().int().nonnegative().optional(),
  judgedBy: z.string().max(120).optional(),
  /** Set when the user reversed the decision (show anyway, undo a hide). */
  reversedAt: z.number().int().optional(),
});
export type LoggedDecision = z.infer<typeof LoggedDecision>;

export const SignalType = z.enum(['open', 'dwell', 'search', 'show-anyway', 'hide-by-hand', 'less-like-this', 'verdict']);
export type SignalType = z.infer<typeof SignalType>;

/** Something the user did on a page, kept on this device only: it feeds the inferred user model. */
export const Signal = z.object({
  id: z.number().int().optional(),
  ts: z.number().int().nonnegative(),
  type: SignalType,
  platform: FeedPlatform,
  itemId: text(200),
  title: text(500),
  author: text(200),
  url: text(1000),
  /** Dwell milliseconds, or a search query's length etc. */
  value: z.number().optional(),
  detail: text(300),
});
export type Signal = z.infer<typeof Signal>;

export const FlagStatus = z.enum(['open', 'right', 'wrong']);
/** An item a detector flagged, waiting for the user's verdict in the review queue. */
export const Flag = z.object({
  id: z.number().int().optional(),
  ts: z.number().int().nonnegative(),
  platform: FeedPlatform,
  itemId: z.string().max(200),
  title: text(500),
  author: text(200),
  url: text(1000),
  kind: PolicyKind,
  confidence: z.number().min(0).max(1),
  source: z.enum(['rule', 'classifier', 'model', 'platform', 'user']),
  action: Action,
  evidence: z.array(z.string().max(120)).max(10).default([]),
  status: FlagStatus.default('open'),
  verdictAt: z.number().int().optional(),
});
export type Flag = z.infer<typeof Flag>;

export const FeedbackType = z.enum([
  'show-anyway', 'exception-author', 'exception-rule', 'hide-this', 'less-like-this', 'undo-less-like', 'block-author',
  'verdict-right', 'verdict-wrong', 'undo', 'reverse',
]);
export type FeedbackType = z.infer<typeof FeedbackType>;
/** A flag as the log keeps it (lib/db.ts): `titleKey` finds near-identical headlines, `seen` counts how often the item
 * came back (a page reloaded, another tab) instead of queueing it again. Set by the log, never taken from a page. */
export type StoredFlag = Flag & { titleKey?: string; seen?: number };

export const Feedback = z.object({
  id: z.number().int().optional(),
  ts: z.number().int().nonnegative(),
  type: FeedbackType,
  platform: FeedPlatform,
  itemId: z.string().max(200),
  title: text(500),
  author: text(200),
  kind: PolicyKind.optional(),
  ruleCode: text(200).optional(),
});
export type Feedback = z.infer<typeof Feedback>;
