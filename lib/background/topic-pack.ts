import { expansionKey, packProfileTopics } from '../core/meaning/pack';
import type { MeaningModel } from '../core/meaning/model';
import type { TopicExpansion } from '../core/meaning/types';
import type { WithTopicPack } from '../core/shield/topic-pack';
import type { Profile } from '../schema/profile';

const MAX_CACHED = 1000;

/**
 * Gives a profile bound for a tab its topics by meaning (design.md: the background compiles, tabs receive a
 * compact form). Expansions are kept per label, keywords and exclusions, so a profile edit re-expands only the
 * topic that changed. Without the model the profile goes as it is and topics act by their words.
 */
export function createTopicPacker(meaning: () => Promise<MeaningModel | null>) {
  const cache = new Map<string, TopicExpansion>();
  return async function withTopicPack(profile: Profile): Promise<Profile & WithTopicPack> {
    if ((profile.avoidTopics?.length ?? 0) === 0 && (profile.interests?.length ?? 0) === 0) return profile;
    const model = await meaning().catch(() => null);
    if (!model) return profile;
    if (cache.size > MAX_CACHED) cache.clear();
    const topicPack = packProfileTopics(profile, model, (t) => {
      const key = expansionKey(t);
      let e = cache.get(key);
      if (!e) cache.set(key, (e = model.expandTopic(t.label, { keywords: t.keywords, exclude: t.exclude })));
      return e;
    });
    return { ...profile, topicPack };
  };
}

/** Content scripts run on web pages; extension pages (popup, dashboard) get the profile alone. */
export function isPageSender(sender: { url?: string }): boolean {
  return typeof sender.url === 'string' && /^https?:/.test(sender.url);
}
