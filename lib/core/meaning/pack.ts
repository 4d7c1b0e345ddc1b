import type { PackedTopic, TopicPack } from '../shield/topic-pack';
import type { MeaningModel } from './model';
import type { TopicExpansion } from './types';

interface TopicLike {
  id: string;
  label: string;
  keywords?: readonly string[];
  exclude?: readonly string[];
}

/** A topic's expansion as a tab receives it. */
export function packTopic(id: string, e: TopicExpansion): PackedTopic {
  return {
    id,
    terms: e.terms.map((t) => (t.shown ? [t.term, t.weight, t.shown] : [t.term, t.weight])),
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
  const pack = (list: readonly TopicLike[] | undefined) =>
    (list ?? []).filter((t) => t && typeof t.label === 'string').map((t) => packTopic(t.id, expand(t)));
  return { avoid: pack(profile.avoidTopics), interests: pack(profile.interests) };
}

/** The key under which an expansion can be reused. */
export function expansionKey(t: TopicLike): string {
  return JSON.stringify([t.label, t.keywords ?? [], t.exclude ?? []]);
}
