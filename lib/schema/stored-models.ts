import type { PreparedForm } from '../core/shield/prepared';
import type { FeedPlatform } from './constants';
import type { PageModels } from './messages';
import type { Profile } from './profile';

/**
 * Where the background keeps the shipped models in the form a feed's tabs read them (storage.local, which content
 * scripts read directly): a tab reads them there with the profile kept beside them (below), or while it asks for its
 * profile when none is kept, instead of receiving them in the answer to page/start. That answer's ~800 KB cost each page start ~14 ms of the service worker's thread, and more
 * in the browser and the tab, before the first item could be decided; read from storage.local, the same models
 * cost the tab less than half of what the message did, and the worker nothing. One copy per feed (what each reads
 * differs: lib/core/detectors/learned-format.ts, learnedFor), so that a tab reads one value and looks up nothing:
 * under the feed's own name (nothing else in storage.local is named after a feed).
 */
export const modelsKey = (feed: FeedPlatform): FeedPlatform => feed;

/** `stamp` names the copy: page/start answers with it, so a tab that read an older copy (the background was
 * writing a new one) reads again. */
export type StoredModels = PageModels & { stamp: string };

/**
 * Beside each feed's models, the profile as page/start would answer a tab of that feed (lib/background/
 * tab-ready-store.ts): a tab reads both from storage.local once its page is parsed and sends no message while
 * it is parsed (issue 24: page/start, answered there, held up DOMContentLoaded). Only that feed's
 * cut of the profile (page-profile.ts, profileForPage), as every message to its tabs carries it; content scripts'
 * isolated world reads storage.local, the page's world cannot.
 *
 * No migration: it is a cache the background writes again whenever what it holds is not what page/start would
 * answer (a new build, a new copy of the models, a profile change). A tab takes it only when `v` is this version,
 * `build` is its own build's and `stamp` is the models' beside it; anything else and it asks page/start, as before.
 * Version 2: the look-ups' form carries the matcher's first-word index and the blocked names' tables ready-made
 * (core/shield/prepared.ts); a copy of 1 lacks them. Version 3: it carries the substrings' automaton too, the terms'
 * weights by place and the names' table by where each starts (PREPARED_VERSION 3): a tab of 3 would read a copy of
 * 2's weights and names wrong. Version 4: the weights may come as thousandths (PREPARED_VERSION 4). Version 5: the
 * look-ups are kept apart (StoredTabLookups) and the profile here comes without them: a copy of 4 holds them inside.
 */
export const TAB_READY_VERSION = 5;
export const tabReadyKey = (feed: FeedPlatform) => `${feed}-ready`;
/** Where the look-ups of the profile kept under tabReadyKey are (StoredTabLookups). */
export const tabLookupsKey = (feed: FeedPlatform) => `${feed}-lookups`;
/** Set at build (wxt.config.ts): a tab reads only what a background of its own build wrote. */
export const BUILD: string = import.meta.env.PARAPET_BUILD ?? 'dev';

export interface StoredTabReady {
  v: typeof TAB_READY_VERSION;
  build: string;
  /** The stamp of the models copy written with it. */
  stamp: string;
  /** readyKey of what `profile` was made from: the tab sends it back once the page is parsed (page/current). */
  key: string;
  /** Without its look-ups (`prepared`): those are kept under tabLookupsKey. */
  profile: Profile;
}

/**
 * The look-ups of the profile kept for a feed's tabs (the `prepared` of what page/start answers: core/shield/
 * prepared.ts), apart from it, written in the same set. A page seen before shows the items it decided on an earlier
 * visit with the profile alone and needs the look-ups only to decide a new item, which waits for the models anyway:
 * read with those, they no longer hold up the first read. A large profile's are ~620 KB of its ~625 (10,000 blocked
 * names), which brought that read back ~75 ms after the default profile's (HN bench page, Chromium 156).
 * `key` and `stamp` are the copy's they belong to.
 */
export interface StoredTabLookups {
  v: typeof TAB_READY_VERSION;
  build: string;
  stamp: string;
  key: string;
  prepared: PreparedForm | null;
}

/** Which profile a tab was sent, for telling whether it is current: its revision and time (every write moves
 * both) and whether its topics came expanded by meaning (they may come later: handlers.ts, PACK_WAIT_MS). Of the
 * profile before its look-ups are built, which drop the topics and their pack (core/shield/prepared.ts). */
export const readyKey = (p: Profile): string => `${p.revision} ${p.updatedAt} ${'topicPack' in p ? 'topics' : 'words'}`;

/** Whether the copy of readyKey `key` was made from `p` as stored (its revision and time). */
export const madeFrom = (key: string, p: Profile): boolean => key.startsWith(`${p.revision} ${p.updatedAt} `);

/** Whether that copy is what a tab should have of `p`: made from it, with its topics expanded or none to expand. */
export const isCurrent = (key: string, p: Profile): boolean =>
  madeFrom(key, p) && (key.endsWith(' topics') || (p.avoidTopics?.length ?? 0) + (p.interests?.length ?? 0) === 0);
