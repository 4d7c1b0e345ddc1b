import type { Signal, SignalType } from './log';

/** The shapes of the inferred model the background sends the Inferred view (`inference/get`): the wire format
 * lives with the other messages; lib/core/inference computes them. */

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
  /** Distinct items behind the topic (the evidence lists at most 20 of their signals). */
  items?: number;
  evidence: Evidence[];
  firstSeen: number;
  learnedAt: number;
  pinned: boolean;
}

export interface TimelineEvent {
  ts: number;
  topic: string;
  label: string;
  change: 'learned' | 'dropped';
  confidence: number;
}

/** What the Inferred view shows: the topics and how the model changed. */
export interface InferredModel {
  topics: InferredTopic[];
  timeline: TimelineEvent[];
}
