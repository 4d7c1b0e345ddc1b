import { SITE_LABELS, type FeedPlatform } from '@/lib/schema/common';
import type { Action, Reason } from '@/lib/schema/decision';
import { excusedInWords } from '@/lib/core/exception-words';
import { describeReason, quotedEvidence } from '@/lib/core/reason-words';

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

/** One reason, short enough for a row; `full` (the row's "why" dialog and the export) cuts nothing. */
export function reasonWords(reason: Reason, opts: { full?: boolean } = {}): string {
  const base = CONTEXT_WORDS[reason.code];
  if (!base) return describeReason(reason, opts);
  // An interest is named with the words that matched, as a topic to avoid is ("Gardening (garden, raised bed)").
  if (reason.code === 'interest') return reason.detail ? `${base}: ${reason.detail}${quotedEvidence(reason)}` : base;
  if (!opts.full || !reason.detail) return base;
  if (reason.code === 'user-exception') return excusedInWords(reason.detail);
  // The model's reasons say "judged by <model>: <what>"; the rule's own words go first.
  const judged = /^judged by ([^:]+): ([\s\S]*)$/.exec(reason.detail);
  if (reason.code === 'natural-rule' && judged) return `${base}: “${judged[2]}” (judged by ${judged[1]})`;
  return `${base}: ${reason.detail}`;
}

/** The words in the item that triggered a reason, each once, as logged. */
export function triggerWords(reason: Reason): string[] {
  return [...new Set((reason.evidence ?? []).map((w) => w.trim()).filter(Boolean))];
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
