import type { Signal, SignalType } from '../../schema/log';
import { displayTopic, topicTerms } from './terms';

/** How much each thing the user did says about their interest in what the item was about. */
export const SIGNAL_WEIGHTS: Record<SignalType, number> = {
  open: 1,
  dwell: 0, // scaled by time below
  search: 1.5,
  'show-anyway': 0.6,
  'hide-by-hand': -1,
  'less-like-this': -1.5,
  verdict: 0,
};

export interface Evidence {
  signalId?: number;
  type: SignalType;
  platform: Signal['platform'];
  itemId: string;
  title: string;
  url: string;
  ts: number;
  weight: number;
}

export interface InferredTopic {
  topic: string;
  label: string;
  /** 0..1: how sure Parapet is that this is an interest. */
  confidence: number;
  score: number;
  evidence: Evidence[];
  firstSeen: number;
  learnedAt: number;
  pinned: boolean;
}

/** What the user told Parapet about its inferences. Rejected topics are never inferred again. */
export interface InferenceControls {
  rejected: string[];
  pinned: string[];
  /** Topic -> time it was forgotten: evidence up to then no longer counts. */
  forgotten: Record<string, number>;
  /** Topics already in the profile's interests, shown as confirmed and not suggested again. */
  confirmed: string[];
}

export interface InferOptions {
  now: number;
  controls?: Partial<InferenceControls>;
  /** Evidence loses half its weight every this many days. */
  halfLifeDays?: number;
  /** A topic needs this many distinct items behind it. */
  minItems?: number;
  /** A topic needs at least this confidence to be reported (pinned ones always are). */
  minConfidence?: number;
  limit?: number;
  /** Extra topic extractor (e.g. a subject-area lexicon, or the local model's labels). */
  extract?: (text: string) => string[];
}

export function signalWeight(s: Signal): number {
  if (s.type === 'dwell') return Math.min(3, Math.max(0, (s.value ?? 0) / 60_000));
  return SIGNAL_WEIGHTS[s.type];
}

const norm = (t: string) => t.trim().toLowerCase();

// The timeline replays the same signals many times; tokenising each title once keeps that linear.
const termCache = new WeakMap<Signal, string[]>();
function signalTerms(s: Signal, text: string): string[] {
  let terms = termCache.get(s);
  if (!terms) termCache.set(s, (terms = topicTerms(text)));
  return terms;
}

/** The user's interests as Parapet infers them from local signals alone. Pure: the same signals and controls give
 * the same topics. Terms that are part of a stronger pair ("formula" inside "formula 1") are folded into it. */
export function inferTopics(signals: Signal[], opts: InferOptions): InferredTopic[] {
  const halfLife = (opts.halfLifeDays ?? 30) * 86_400_000;
  const minItems = opts.minItems ?? 2;
  const minConfidence = opts.minConfidence ?? 0.3;
  const rejected = new Set((opts.controls?.rejected ?? []).map(norm));
  const pinned = new Set((opts.controls?.pinned ?? []).map(norm));
  const confirmed = new Set((opts.controls?.confirmed ?? []).map(norm));
  const forgotten = opts.controls?.forgotten ?? {};

  interface Acc { score: number; items: Set<string>; evidence: Evidence[]; first: number; crossed: number }
  const acc = new Map<string, Acc>();
  const ordered = [...signals].filter((s) => s.ts <= opts.now).sort((a, b) => a.ts - b.ts);

  for (const s of ordered) {
    const base = signalWeight(s);
    if (base === 0) continue;
    const decay = Math.pow(0.5, Math.max(0, opts.now - s.ts) / halfLife);
    const text = `${s.title} ${s.type === 'search' ? s.detail : ''}`;
    const terms = new Set([...signalTerms(s, text), ...(opts.extract?.(text) ?? []).map(norm)]);
    for (const term of terms) {
      if (rejected.has(term) || (forgotten[term] !== undefined && s.ts <= forgotten[term])) continue;
      let a = acc.get(term);
      if (!a) acc.set(term, (a = { score: 0, items: new Set(), evidence: [], first: s.ts, crossed: 0 }));
      a.score += base * decay;
      a.items.add(`${s.platform}:${s.itemId || s.title}`);
      a.evidence.push({ signalId: s.id, type: s.type, platform: s.platform, itemId: s.itemId, title: s.title, url: s.url, ts: s.ts, weight: base });
      if (!a.crossed && a.score > 0 && a.items.size >= minItems) a.crossed = s.ts;
    }
  }

  const confidence = (score: number) => 1 - Math.exp(-Math.max(0, score) / 2.5);
  let topics: InferredTopic[] = [];
  for (const [term, a] of acc) {
    const isPinned = pinned.has(term);
    const c = confidence(a.score);
    if (!isPinned && (a.items.size < minItems || c < minConfidence || confirmed.has(term))) continue;
    topics.push({
      topic: term,
      label: displayTopic(term),
      confidence: +c.toFixed(3),
      score: +a.score.toFixed(3),
      evidence: a.evidence.slice(-20).reverse(),
      firstSeen: a.first,
      learnedAt: a.crossed || a.first,
      pinned: isPinned,
    });
  }
  // A single word that only ever came with the same pair says nothing the pair doesn't.
  const pairs = topics.filter((t) => t.topic.includes(' '));
  topics = topics.filter(
    (t) => t.pinned || t.topic.includes(' ') || !pairs.some((p) => p.topic.split(' ').includes(t.topic) && p.evidence.length >= t.evidence.length),
  );
  topics.sort((x, y) => Number(y.pinned) - Number(x.pinned) || y.score - x.score || x.topic.localeCompare(y.topic));
  return topics.slice(0, opts.limit ?? 30);
}

export interface TimelineEvent {
  ts: number;
  topic: string;
  label: string;
  change: 'learned' | 'dropped';
  confidence: number;
}

/** How the inferred model changed: replays the signals day by day and reports topics appearing and fading. */
export function inferenceTimeline(signals: Signal[], opts: InferOptions, stepMs = 86_400_000): TimelineEvent[] {
  if (!signals.length) return [];
  const start = Math.min(...signals.map((s) => s.ts));
  const events: TimelineEvent[] = [];
  let previous = new Map<string, InferredTopic>();
  const steps = Math.min(120, Math.ceil((opts.now - start) / stepMs) + 1);
  const step = Math.max(stepMs, (opts.now - start) / Math.max(1, steps - 1));
  for (let i = 0; i < steps; i++) {
    const t = Math.min(opts.now, start + i * step);
    const current = new Map(inferTopics(signals, { ...opts, now: t, limit: 15 }).map((x) => [x.topic, x]));
    for (const [topic, x] of current) if (!previous.has(topic)) events.push({ ts: t, topic, label: x.label, change: 'learned', confidence: x.confidence });
    for (const [topic, x] of previous) if (!current.has(topic)) events.push({ ts: t, topic, label: x.label, change: 'dropped', confidence: x.confidence });
    previous = current;
  }
  return events.reverse();
}
