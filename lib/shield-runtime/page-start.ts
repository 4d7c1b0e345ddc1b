import { browser } from 'wxt/browser';
import type { Profile } from '../schema/profile';
import type { FeedPlatform } from '../schema/constants';
import type { PageModels } from '../schema/messages';
import { modelsKey, type StoredModels } from '../schema/stored-models';
import type { Transport } from './transport';

/** What a feed page asks for as it starts: the person's profile and the models, asked for at the same time. */
export interface PageStart {
  /** performance.now() when the page's first Parapet script ran (document_start). */
  readonly startedAt: number;
  readonly profile: Promise<Profile>;
  readonly models: Promise<PageModels>;
}

/**
 * The profile comes in the answer to page/start; the models are read from where the background keeps them
 * (lib/schema/stored-models.ts) at the same time. The answer names the copy to use: one read earlier than the
 * background's last write of it is read again. `newer`: a profile the background broadcast meanwhile, taken over
 * the answer's when it is a later revision (the person saved while the page was loading).
 */
export function requestPageStart(transport: Transport, feed: FeedPlatform, startedAt: number, newer?: () => Profile | undefined): PageStart {
  const start = transport.send('page/start', {});
  const key = modelsKey(feed);
  const read = () => browser.storage.local.get(key).then((kept) => kept[key] as StoredModels);
  const early = read();
  const profile = start.then(({ profile: p }) => {
    const later = newer?.();
    return later && later.revision > p.revision ? later : p;
  });
  const models = start.then(({ models: m }) => (typeof m !== 'string' ? m : early.then((k) => (k?.stamp === m ? k : read()), read)));
  // Taken up a moment later, by the feed script once the page is parsed: a failure meanwhile is not an unhandled one
  // (the runner reads it as "not waited for").
  for (const p of [early, profile, models]) p.catch(() => {});
  return { startedAt, profile, models };
}
