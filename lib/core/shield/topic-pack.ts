/**
 * The compact form of the user's topics that a tab receives with the profile: each avoid-topic and interest
 * expanded by the background's meaning model into weighted terms (lib/core/meaning). A tab never loads the
 * model itself; the terms join the profile's matcher (compile.ts).
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
  avoid: PackedTopic[];
  interests: PackedTopic[];
}

/** A profile as the background sends it to tabs: the user's own profile plus the packed topics. */
export interface WithTopicPack {
  topicPack?: unknown;
}
