import type { Decision, Reason } from '../schema/decision';

/**
 * Reasons in the words a person uses, for the why frame (entrypoints/why) and the dashboard alike: one wording,
 * so the page's explanation and the Activity log never disagree. Plain text: callers put it in textContent only.
 */

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
  'less-like': 'Fewer like this',
  // The local model's reasons carry "judged by <model>: ..." as their detail.
  'natural-rule': 'Your rule',
  'model-relevance': 'Local model',
  'not-judged': 'Not judged',
  interest: 'Your interest',
};

export const MANIPULATION = new Set(['clickbait', 'rage', 'engagement', 'urgency', 'promotion']);

const MAX = 80;

/**
 * A rule's pattern as a person would say it: a keyword as written, a regular expression read out as the words it
 * matches ("you won('|’)?t believe" reads "you won't believe", "a|b" reads "a or b"). Never the raw syntax.
 */
export function readableRule(pattern: string, kind: 'keyword' | 'regex'): string {
  if (kind === 'keyword') return `“${pattern.trim()}”`;
  const alternatives = splitTop(pattern).map(readAlternative).filter((s) => s !== '');
  if (alternatives.length === 0) return 'a pattern you wrote';
  return alternatives.map((a) => `“${a}”`).join(' or ');
}

/** Splits at the top-level `|`: "a|b(c|d)" gives ["a", "b(c|d)"]. */
function splitTop(p: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(p.slice(start, i));
      start = i + 1;
    }
  }
  out.push(p.slice(start));
  return out;
}

const ESCAPES: Record<string, string> = { s: ' ', d: '#', w: '…', W: ' ', b: '', B: '', n: ' ', t: ' ' };

/** One alternative read out: groups by their first choice, classes by their first character, wildcards as "…". */
function readAlternative(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\\') {
      const next = p[++i] ?? '';
      out += next in ESCAPES ? ESCAPES[next] : next;
    } else if (ch === '[') {
      const end = closing(p, i, '[', ']');
      const body = p.slice(i + 1, end);
      out += body.startsWith('^') ? '…' : (body.replace(/^\\/, '')[0] ?? '');
      i = end;
    } else if (ch === '(') {
      const end = closing(p, i, '(', ')');
      const body = p.slice(i + 1, end).replace(/^\?(?::|=|!|<=|<!|<[^>]*>)/, '');
      // A lookaround is a condition, not words the title holds.
      if (!/^\?(?:=|!|<=|<!)/.test(p.slice(i + 1, end))) out += readAlternative(splitTop(body)[0]);
      i = end;
    } else if (ch === '.') out += '…';
    else if (ch === '{') i = p.indexOf('}', i) < 0 ? i : p.indexOf('}', i);
    else if (!'^$?*+'.includes(ch)) out += ch;
  }
  return out.replace(/…(?:\s*…)+/g, '…').replace(/\s+/g, ' ').trim();
}

/** The index of the bracket closing the one at `at` (or the end of the text when it is never closed). */
function closing(p: string, at: number, open: string, close: string): number {
  let depth = 0;
  for (let i = at; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === open && !(open === '[' && depth > 0)) depth++;
    else if (p[i] === close && --depth === 0) return i;
  }
  return p.length - 1;
}

/**
 * One reason in words, for a badge, a stub's explanation or the Activity log. `short` names a manipulation kind
 * alone: its detail is an explanation that belongs in the longer text ("Clickbait", not "Clickbait: Headline
 * written to make you click..."); `full` cuts nothing (the Activity log's expanded reason).
 */
export function describeReason(reason: Reason | undefined, opts: { short?: boolean; full?: boolean } = {}): string {
  if (!reason) return 'Your settings';
  const base = LABELS[reason.code] ?? LABELS[reason.kind ?? ''] ?? reason.code.replace(/[-_]+/g, ' ');
  const explains = reason.kind !== undefined && MANIPULATION.has(reason.kind);
  const detail = reason.detail && reason.code !== 'promoted' && !(opts.short && explains) ? `: ${detailWords(reason)}` : '';
  // A flag names the item's own words that made it, before its explanation, so a clipped line still shows them.
  const text = explains && !opts.short ? `${base}${flagWords(reason)}${detail}` : `${base}${detail}`;
  // The words found, when they fit: "Topic you avoid: politics (senate, shutdown)". A topic now acts on items
  // that never say its name, and the words are what let a person check the call.
  const quoted = QUOTES_EVIDENCE.has(reason.code) && !(opts.short && reason.code === 'interest') ? quotedEvidence(reason) : '';
  // In full (the dashboard's expanded reason), nothing is cut.
  if (opts.full) return text + quoted;
  if (quoted && text.length + quoted.length <= MAX) return text + quoted;
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

function detailWords(reason: Reason): string {
  if (reason.code === 'regex-rule') return readableRule(reason.detail, 'regex');
  if (reason.code === 'keyword-rule') return readableRule(reason.detail, 'keyword');
  return reason.detail;
}

/** Reasons whose evidence is shown with them: topics, matched by meaning. A badge names an interest alone. */
const QUOTES_EVIDENCE = new Set(['avoid-topic', 'interest']);
const MAX_QUOTED = 3;

/** ' (“zero shame”, “zero humanity”)': the words a detector quoted, as written, or '' when it quoted none. */
function flagWords(reason: Reason): string {
  const words = (reason.evidence ?? []).filter((w) => w.trim()).slice(0, MAX_QUOTED);
  return words.length ? ` (${words.map((w) => `“${w.trim()}”`).join(', ')})` : '';
}

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

const CONTEXT_ONLY = new Set(['user-exception', 'interest']);

/** The reason that decided the action (the core sorts the strongest first; exceptions and interests only explain). */
export function mainReason(decision: Pick<Decision, 'reasons'>): Reason | undefined {
  return decision.reasons.find((r) => !CONTEXT_ONLY.has(r.code)) ?? decision.reasons[0];
}

/**
 * What the why frame says about one decision: a title ("Hidden by Parapet: Ad", "Clickbait", "Your interest:
 * Gardening") and every reason in full.
 */
export function explainDecision(d: Decision): { title: string; lines: string[] } {
  const main = describeReason(mainReason(d), { short: true });
  const title = d.action === 'hide' ? `Hidden by Parapet: ${main}` : main;
  const lines = d.reasons.map((r) => describeReason(r));
  if (d.action === 'boost') lines.unshift('Put first by Parapet for your interests.');
  if (d.action === 'demote') lines.unshift('Shown less prominently by Parapet.');
  return { title, lines: lines.length ? lines : ['Your settings'] };
}
