import type { Decision, Reason } from '../schema/decision';

const LABELS: Record<string, string> = {
  promoted: 'Ad',
  shorts: 'Shorts',
  clickbait: 'Clickbait',
  rage: 'Rage bait',
  engagement: 'Engagement bait',
  urgency: 'False urgency',
  promotion: 'Undisclosed promotion',
  'blocked-author': 'Blocked author',
  'avoid-topic': 'Topic you avoid',
  'keyword-rule': 'Your rule',
  'regex-rule': 'Your rule',
  'user-hidden': 'You hid this',
  // The local model's reasons carry "judged by <model>: ..." as their detail.
  'natural-rule': 'Your rule',
  'model-relevance': 'Local model',
  'not-judged': 'Not judged',
  interest: 'Your interest',
};

const MAX = 80;

/**
 * One reason in words, for a stub, a badge or its explanation. Plain text: callers put it in textContent only.
 * `short` (a badge, a stub) names a manipulation kind alone: its detail is an explanation that belongs in the
 * longer text ("Clickbait", not "Clickbait: Headline written to make you click...").
 */
export function describeReason(reason: Reason | undefined, opts: { short?: boolean } = {}): string {
  if (!reason) return 'Your settings';
  const base = LABELS[reason.code] ?? LABELS[reason.kind ?? ''] ?? reason.code.replace(/[-_]+/g, ' ');
  const explains = reason.kind !== undefined && MANIPULATION.has(reason.kind);
  const detail = reason.detail && reason.code !== 'promoted' && !(opts.short && explains) ? `: ${reason.detail}` : '';
  const text = `${base}${detail}`;
  // The words found, when they fit: "Topic you avoid: politics (senate, shutdown)". A topic now acts on items
  // that never say its name, and the words are what let a person check the call.
  const quoted = QUOTES_EVIDENCE.has(reason.code) && !(opts.short && reason.code === 'interest') ? quotedEvidence(reason) : '';
  if (quoted && text.length + quoted.length <= MAX) return text + quoted;
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

/** Reasons whose evidence is shown with them: topics, matched by meaning. A badge names an interest alone. */
const QUOTES_EVIDENCE = new Set(['avoid-topic', 'interest']);
const MAX_QUOTED = 3;

/** " (senate, shutdown)": the evidence words other than the topic's own name, each once, or '' when none. */
export function quotedEvidence(reason: Reason): string {
  const topic = reason.detail.trim().toLowerCase();
  const words: string[] = [];
  for (const raw of reason.evidence ?? []) {
    const w = raw.trim();
    const lower = w.toLowerCase();
    if (!w || lower === topic || words.some((x) => x.toLowerCase() === lower)) continue;
    words.push(w);
    if (words.length === MAX_QUOTED) break;
  }
  return words.length ? ` (${words.join(', ')})` : '';
}

/**
 * What the why frame (entrypoints/why) says about one decision: the title a stub or badge once showed in the page
 * ("Hidden by Parapet: Ad", "Clickbait", "Your interest: Gardening") and every reason in full.
 */
export function explainDecision(d: Decision): { title: string; lines: string[] } {
  const main = describeReason(mainReason(d), { short: true });
  const title = d.action === 'hide' ? `Hidden by Parapet: ${main}` : main;
  const lines = d.reasons.map((r) => describeReason(r));
  if (d.action === 'boost') lines.unshift('Put first by Parapet for your interests.');
  if (d.action === 'demote') lines.unshift('Shown less prominently by Parapet.');
  return { title, lines: lines.length ? lines : ['Your settings'] };
}

const CONTEXT_ONLY = new Set(['user-exception', 'interest']);

/** The reason that decided the action (the core sorts the strongest first; exceptions and interests only explain). */
export function mainReason(decision: Decision): Reason | undefined {
  return decision.reasons.find((r) => !CONTEXT_ONLY.has(r.code)) ?? decision.reasons[0];
}

/** The rule code an "always allow this rule" exception names (see reasonKeys in lib/core/shield). */
export function ruleCodeOf(reason: Reason | undefined): string {
  if (!reason) return '';
  // A policy (ads, clickbait...) is switched off by its kind; a rule or topic by its code and what it names.
  if (reason.kind) return reason.kind;
  return reason.detail ? `${reason.code}:${reason.detail}`.slice(0, 200) : reason.code;
}

export const MANIPULATION = new Set(['clickbait', 'rage', 'engagement', 'urgency', 'promotion']);
