/**
 * The compact form of the user's topics that a tab receives with the profile: each avoid-topic and interest
 * expanded by the background's meaning model into weighted terms (lib/core/meaning), plus the function words
 * to skip when reading an item. A tab never loads the model itself.
 */
export interface PackedTopic {
  /** The profile topic's id. */
  id: string;
  /** [folded term, weight 0..1] or [folded term, weight, how it is written]. */
  terms: Array<[string, number] | [string, number, string]>;
  /** The summed weight of the terms found that makes an item about the topic. */
  threshold: number;
}

export interface TopicPack {
  /** English function words: skipped, as the model skipped them, so "home cooking" is one phrase. */
  stopwords: string[];
  /** Function words of other languages: an item that reads as another language is left to literal keywords. */
  foreign: string[];
  avoid: PackedTopic[];
  interests: PackedTopic[];
}

/** A profile as the background sends it to tabs: the user's own profile plus the packed topics. */
export interface WithTopicPack {
  topicPack?: unknown;
}

const MAX_TOPICS = 500;
const MAX_TERMS = 2000;
const MAX_WORDS = 5000;

/** Reads a pack defensively: whatever is malformed is dropped, never thrown (the literal keywords still act). */
export function readTopicPack(raw: unknown): TopicPack | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const words = (v: unknown) => (Array.isArray(v) ? v.slice(0, MAX_WORDS).filter((w): w is string => typeof w === 'string') : []);
  const topics = (v: unknown): PackedTopic[] => {
    if (!Array.isArray(v)) return [];
    const out: PackedTopic[] = [];
    for (const t of v.slice(0, MAX_TOPICS)) {
      if (!t || typeof t !== 'object' || typeof t.id !== 'string' || !Array.isArray(t.terms)) continue;
      const threshold = typeof t.threshold === 'number' && t.threshold > 0 && t.threshold <= 1 ? t.threshold : 1;
      const terms: PackedTopic['terms'] = [];
      for (const e of t.terms.slice(0, MAX_TERMS)) {
        if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'number' || !(e[1] > 0)) continue;
        const w = Math.min(1, e[1]);
        terms.push(typeof e[2] === 'string' ? [e[0], w, e[2]] : [e[0], w]);
      }
      out.push({ id: t.id, terms, threshold });
    }
    return out;
  };
  return { stopwords: words(r.stopwords), foreign: words(r.foreign), avoid: topics(r.avoid), interests: topics(r.interests) };
}
