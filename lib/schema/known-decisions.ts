import type { FeedPlatform } from './constants';
import type { Decision, Reason } from './decision';

/**
 * The decisions a feed's tabs made with the profile kept for them (stored-models.ts, StoredTabReady), kept by the
 * background beside that copy in storage.local (lib/background/known-store.ts) for the feed's next page: a
 * reloaded or revisited feed shows mostly the items of the last visit, and a tab that finds its items here decides
 * them without the models, which it then never decodes (issue 24: the models' decode and the first, cold decisions
 * were ~37 ms of a page load's main thread and of its hold).
 *
 * An entry is used only for the same item read the same way (`fp`, itemFingerprint of everything it was read as)
 * under the same kept copy (`key`, its readyKey, with the copy's build and the models' stamp): a profile change, a
 * new build or new models leave every entry unused until the feed's tabs report new ones.
 *
 * Types and constants only (content scripts import them); the message's schema is in messages.ts. No migration: it
 * is a cache. A tab takes it only when `v` is this version; the background replaces one of another.
 */
export const KNOWN_VERSION = 1;
export const knownKey = (feed: FeedPlatform) => `${feed}-known`;
/** Entries kept per feed, the newest: a few pages of a feed (HN's front page is 30 items, YouTube's home ~40). Every
 * page of the feed reads them at its start: 400 were 107-157 KB of storage.local (HN, YouTube, after a feed of 1,000
 * items), 200 about half. */
export const KNOWN_CAP = 200;

/** One item's decision as the fast tier made it, and its reasons with the headline model's words quoted (what the
 * log and the why frame show, which otherwise need the model). */
export interface KnownEntry {
  id: string;
  fp: number;
  decision: Decision;
  quoted: Reason[];
}

export interface StoredKnown {
  v: typeof KNOWN_VERSION;
  build: string;
  stamp: string;
  key: string;
  /** Oldest first. */
  entries: KnownEntry[];
}
