import type { FeedPlatform } from './constants';
import type { PageModels } from './messages';

/**
 * Where the background keeps the shipped models in the form a feed's tabs read them (storage.local, which content
 * scripts read directly): a tab reads them there while it asks for its profile, instead of receiving them in the
 * answer to page/start. That answer's ~800 KB cost each page start ~14 ms of the service worker's thread, and more
 * in the browser and the tab, before the first item could be decided; read from storage.local, the same models
 * cost the tab less than half of what the message did, and the worker nothing. One copy per feed (what each reads
 * differs: lib/core/detectors/learned-format.ts, learnedFor), so that a tab reads one value and looks up nothing:
 * under the feed's own name (nothing else in storage.local is named after a feed).
 */
export const modelsKey = (feed: FeedPlatform): FeedPlatform => feed;

/** `stamp` names the copy: page/start answers with it, so a tab that read an older copy (the background was
 * writing a new one) reads again. */
export type StoredModels = PageModels & { stamp: string };
