import type { PackedTopic, TopicPack } from '../shield/topic-pack';
import type { MeaningModel } from './model';
import type { TopicExpansion } from './types';

interface TopicLike {
  id: string;
  label: string;
  keywords?: readonly string[];
  exclude?: readonly string[];
}

/** All topics of a profile together send at most this many terms: the background builds them into each feed's
 * matcher (lib/core/shield/prepared.ts), and a tab keeps them for the page's life. A profile with many topics keeps
 * each topic's strongest terms (at least 40), so a profile of 120 topics still sends about 6,000. */
export const MAX_PACK_TERMS = 6_000;
const MIN_TERMS_PER_TOPIC = 40;

/** A topic's expansion as a tab receives it (terms come strongest first). */
export function packTopic(id: string, e: TopicExpansion, maxTerms = Infinity): PackedTopic {
  return {
    id,
    terms: e.terms.slice(0, maxTerms).map((t) => (t.shown ? [t.term, t.weight, t.shown] : [t.term, t.weight])),
    threshold: e.threshold,
  };
}

/**
 * Every avoid-topic and interest of a profile expanded by the model, in the form tabs receive. `expand` lets the
 * caller keep expansions across profile revisions (the same label, keywords and exclusions give the same terms).
 */
export function packProfileTopics(
  profile: { avoidTopics?: readonly TopicLike[]; interests?: readonly TopicLike[] },
  model: MeaningModel,
  expand: (t: TopicLike) => TopicExpansion = (t) => model.expandTopic(t.label, { keywords: t.keywords, exclude: t.exclude }),
): TopicPack {
  const count = (profile.avoidTopics?.length ?? 0) + (profile.interests?.length ?? 0);
  const perTopic = Math.max(MIN_TERMS_PER_TOPIC, Math.floor(MAX_PACK_TERMS / Math.max(1, count)));
  const pack = (list: readonly TopicLike[] | undefined) =>
    (list ?? []).filter((t) => t && typeof t.label === 'string').map((t) => packTopic(t.id, expand(t), perTopic));
  return { avoid: pack(profile.avoidTopics), interests: pack(profile.interests) };
}

/** The key under which an expansion can be reused. */
export function expansionKey(t: TopicLike): string {
  return JSON.stringify([t.label, t.keywords ?? [], t.exclude ?? []]);
}
