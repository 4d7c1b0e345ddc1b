import { expansionKey, packProfileTopics } from '../core/meaning/pack';
import type { MeaningModel } from '../core/meaning/model';
import type { TopicExpansion } from '../core/meaning/types';
import type { TopicPack, WithTopicPack } from '../core/shield/topic-pack';
import type { Profile } from '../schema/profile';

const MAX_CACHED = 1000;
const STORED_KEY = 'topic-pack';

/** Where the last pack is kept across the worker's sleeps (storage.session in the extension). */
export interface PackStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** What decides a pack: the topics' ids, labels, keywords and exclusions, in order. */
function topicsKey(profile: Profile): string {
  const list = (topics: ReadonlyArray<{ id: string; label: string; keywords?: readonly string[]; exclude?: readonly string[] }> | undefined) =>
    (topics ?? []).map((t) => [t.id, expansionKey(t)]);
  return JSON.stringify([list(profile.avoidTopics), list(profile.interests)]);
}

/**
 * Gives a profile bound for a tab its topics by meaning (design.md: the background compiles, tabs receive a
 * compact form). A woken worker answers from the last pack it kept, so a tab never waits for the model to load
 * unless the topics changed; expansions are kept per label, keywords and exclusions, so an edit re-expands only
 * the topic that changed. Without the model the profile goes as it is and topics act by their words.
 */
export function createTopicPacker(meaning: (() => Promise<MeaningModel | null>) & { readonly loaded?: boolean }, store?: PackStore) {
  const cache = new Map<string, TopicExpansion>();
  let last: { key: string; pack: TopicPack } | null = null;
  /** The pack being made, so a tab's request and a broadcast at the same moment expand once; `cold` resolves if it
   * waits for the model to load. */
  let pending: { key: string; pack: Promise<TopicPack | null>; cold: Promise<void> } | null = null;
  /** Whether the model is in (the popup's preview may have loaded it): expanding is then a matter of milliseconds. A
   * loader that cannot say is taken as in once it has answered here. */
  let answered = false;
  const modelIn = () => meaning.loaded ?? answered;

  async function make(profile: Profile, key: string, cold: () => void): Promise<TopicPack | null> {
    const stored = (await store?.get(STORED_KEY).catch(() => ({}) as Record<string, unknown>))?.[STORED_KEY] as typeof last | undefined;
    if (stored && stored.key === key && stored.pack) return (last = stored).pack;
    if (!modelIn()) cold();
    const model = await meaning().catch(() => null);
    answered = model !== null;
    if (!model) return null;
    if (cache.size > MAX_CACHED) cache.clear();
    const pack = packProfileTopics(profile, model, (t) => {
      const k = expansionKey(t);
      let e = cache.get(k);
      if (!e) cache.set(k, (e = model.expandTopic(t.label, { keywords: t.keywords, exclude: t.exclude })));
      return e;
    });
    last = { key, pack };
    await store?.set({ [STORED_KEY]: last }).catch(() => {});
    return pack;
  }

  function packFor(profile: Profile): { pack: Promise<TopicPack | null>; cold?: Promise<void> } {
    const key = topicsKey(profile);
    if (last?.key === key) return { pack: Promise.resolve(last.pack) };
    if (pending?.key !== key) {
      let cold!: () => void;
      const waitsForModel = new Promise<void>((resolve) => (cold = resolve));
      const p = make(profile, key, cold).finally(() => {
        if (pending?.pack === p) pending = null;
      });
      pending = { key, pack: p, cold: waitsForModel };
    }
    return pending;
  }

  /**
   * The profile with its pack. With `waitMs`, a pack not ready by then is not waited for: the profile goes without
   * it, so the tab's short hold is not spent here, and `late` runs once the pack is ready so the tab can be sent it.
   * A pack that waits for the model to load (most of a second, or more on a busy machine) is not waited for at all.
   */
  return async function withTopicPack(profile: Profile, opts: { waitMs?: number; late?: () => void } = {}): Promise<Profile & WithTopicPack> {
    if ((profile.avoidTopics?.length ?? 0) === 0 && (profile.interests?.length ?? 0) === 0) return profile;
    const { pack: making, cold } = packFor(profile);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const topicPack =
      opts.waitMs === undefined
        ? await making
        : await Promise.race([
            making,
            ...(cold ? [cold.then(() => 'late' as const)] : []),
            new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), opts.waitMs))),
          ]);
    clearTimeout(timer);
    if (topicPack === 'late') {
      void making.then((p) => p && opts.late?.());
      return profile;
    }
    return topicPack ? { ...profile, topicPack } : profile;
  };
}

/** Content scripts run on web pages; extension pages (popup, dashboard) get the profile alone. */
export function isPageSender(sender: { url?: string }): boolean {
  return typeof sender.url === 'string' && /^https?:/.test(sender.url);
}
