import { SITE_LABELS, type FeedPlatform } from '@/lib/schema/common';
import type { Action, Reason } from '@/lib/schema/decision';
import { describeReason, quotedEvidence } from '@/lib/shield-runtime/reasons';

/** How the Activity view names actions and reasons. Reasons use the same words as the stubs on the page. */
export const ACTION_LABELS: Record<Action, string> = {
  hide: 'Hidden',
  demote: 'Pushed down',
  label: 'Labelled',
  boost: 'Boosted',
  show: 'Shown',
};

// Codes that only explain a decision; the page stubs never show them, so they have no words there.
const CONTEXT_WORDS: Record<string, string> = {
  interest: 'Matches your interest',
  'user-exception': 'Your exception',
  'natural-rule': 'Your rule in words',
  'model-relevance': 'Model: relevance',
};

export function reasonWords(reason: Reason): string {
  const base = CONTEXT_WORDS[reason.code];
  if (!base) return describeReason(reason);
  // An interest is named with the words that matched, as a topic to avoid is ("Gardening (garden, raised bed)").
  return reason.detail && reason.code === 'interest' ? `${base}: ${reason.detail}${quotedEvidence(reason)}` : base;
}

/** The name of a reason code alone, for the filter menu. */
export function reasonCodeLabel(code: string): string {
  return CONTEXT_WORDS[code] ?? describeReason({ code, detail: '', source: 'rule', evidence: [] });
}

export const siteLabel = (p: FeedPlatform | string) => SITE_LABELS[p as FeedPlatform] ?? p;

const thisYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const otherYear = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });
/** Short in the list ("Dec 1, 7:44 AM"; the year only when it is not this one); `formatFullTime` for a tooltip. */
export const formatTime = (ts: number) => (new Date(ts).getFullYear() === new Date().getFullYear() ? thisYear : otherYear).format(ts);
export const formatFullTime = (ts: number) => full.format(ts);

/** Only web links become links: a logged url is page data and could say `javascript:`. */
export function safeHref(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
