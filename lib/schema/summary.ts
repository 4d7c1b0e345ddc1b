import type { FeedPlatform, ManipulationKind } from './constants';

/** The shapes of the decision-log summary the background computes for the Inferred view (`inference/get`).
 * They are the wire format between the background and the dashboard, so they live with the other messages;
 * lib/core/inference computes them. */

/** A topic's part of what a platform recommended. */
export interface TopicShare {
  topic: string;
  label: string;
  share: number;
  count: number;
}

export interface StatedShare {
  /** The interest as the user wrote it. */
  label: string;
  count: number;
  share: number;
}

/** One platform's picture of the user: what it recommended, next to what the user said they want. */
export interface PlatformPicture {
  platform: FeedPlatform;
  items: number;
  topics: TopicShare[];
  stated: StatedShare[];
  manipulative: number;
}

/** One platform's day: how much of what it recommended was manipulative, and of which kind. */
export interface ManipulationPoint {
  day: number;
  platform: string;
  total: number;
  manipulative: number;
  share: number;
  byKind: Partial<Record<ManipulationKind | 'promoted', number>>;
}

export interface DiversityReport {
  /** Normalised topic entropy (0 = one topic, 1 = evenly spread) of everything the platforms recommended. */
  recommended: number;
  /** The same over what the user was actually shown after Parapet's filtering. */
  shown: number;
  recommendedItems: number;
  shownItems: number;
  /** True when Parapet's own filtering made the feed noticeably narrower. */
  narrowing: boolean;
  /** Topics Parapet removed most of, for the warning text. */
  mostRemoved: TopicShare[];
}

/** Everything the Inferred view shows that comes from the decision log, computed where the log lives so the page
 * never has to receive 100,000 rows. */
export interface DecisionSummary {
  considered: number;
  from: number | null;
  to: number | null;
  platforms: PlatformPicture[];
  manipulation: ManipulationPoint[];
  diversity: DiversityReport;
}
