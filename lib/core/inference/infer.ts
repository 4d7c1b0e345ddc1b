import type { Signal, SignalType } from '../../schema/log';
import type { Evidence, InferredModel, InferredTopic, TimelineEvent } from '../../schema/inferred';

export type { Evidence, InferredModel, InferredTopic, TimelineEvent };
import { EvidenceReplay } from './replay';

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

function replayOf(signals: readonly Signal[], opts: InferOptions): EvidenceReplay {
  return new EvidenceReplay(signals, {
    halfLifeMs: (opts.halfLifeDays ?? 30) * 86_400_000,
    minItems: opts.minItems ?? 2,
    minConfidence: opts.minConfidence ?? 0.3,
    rejected: new Set((opts.controls?.rejected ?? []).map(norm)),
    pinned: new Set((opts.controls?.pinned ?? []).map(norm)),
    confirmed: new Set((opts.controls?.confirmed ?? []).map(norm)),
    forgotten: opts.controls?.forgotten ?? {},
    extract: opts.extract,
    weight: signalWeight,
  });
}

/** The user's interests as Parapet infers them from local signals alone. Pure: the same signals and controls give
 * the same topics. Terms that are part of a stronger pair ("formula" inside "formula 1") are folded into it. */
export function inferTopics(signals: Signal[], opts: InferOptions): InferredTopic[] {
  return topicsOf(replayOf(signals, opts), opts);
}

function topicsOf(replay: EvidenceReplay, opts: InferOptions): InferredTopic[] {
  return replay.rank(opts.now, opts.limit ?? 30).map((r) => ({
    topic: r.topic,
    label: replay.label(r),
    confidence: r.confidence,
    score: r.score,
    evidence: replay.evidence(r).map(({ signal: s, weight }) => ({
      signalId: s.id, type: s.type, platform: s.platform, itemId: s.itemId, title: s.title, url: s.url, ts: s.ts, weight,
    })),
    firstSeen: replay.firstSeen(r),
    learnedAt: r.crossed || replay.firstSeen(r),
    pinned: r.pinned,
  }));
}

/** How the inferred model changed: replays the signals day by day (at most 120 moments) and reports the topics
 * entering and leaving the top 15. The signals are ordered and tokenised once for all the moments. */
export function inferenceTimeline(signals: Signal[], opts: InferOptions, stepMs = 86_400_000): TimelineEvent[] {
  return signals.length ? timelineOf(replayOf(signals, opts), signals, opts, stepMs) : [];
}

function timelineOf(replay: EvidenceReplay, signals: readonly Signal[], opts: InferOptions, stepMs: number): TimelineEvent[] {
  if (!signals.length) return [];
  let start = Infinity;
  for (const s of signals) start = Math.min(start, s.ts);
  const events: TimelineEvent[] = [];
  let previous = new Map<string, { label: string; confidence: number }>();
  const steps = Math.min(120, Math.ceil((opts.now - start) / stepMs) + 1);
  const step = Math.max(stepMs, (opts.now - start) / Math.max(1, steps - 1));
  for (let i = 0; i < steps; i++) {
    const t = Math.min(opts.now, start + i * step);
    const current = new Map(replay.rank(t, 15, false).map((r) => [r.topic, { label: replay.label(r), confidence: r.confidence }]));
    for (const [topic, x] of current) if (!previous.has(topic)) events.push({ ts: t, topic, label: x.label, change: 'learned', confidence: x.confidence });
    for (const [topic, x] of previous) if (!current.has(topic)) events.push({ ts: t, topic, label: x.label, change: 'dropped', confidence: x.confidence });
    previous = current;
  }
  return events.reverse();
}

/** Topics and timeline together from title words, as the Inferred view shows them when the meaning model is not
 * available (named-topics.ts does it by meaning): one replay serves both. */
export function inferModel(signals: Signal[], opts: InferOptions): InferredModel {
  const replay = replayOf(signals, opts);
  return { topics: topicsOf(replay, opts), timeline: timelineOf(replay, signals, opts, 86_400_000) };
}
