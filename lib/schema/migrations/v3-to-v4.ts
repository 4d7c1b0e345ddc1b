/** Version 4 lets a topic carry the related words the user dropped from it (`exclude`, on interests and
 * avoid-topics alike), now that topics are understood by meaning rather than by their literal words. Nothing in
 * a version 3 profile changes meaning: every topic starts with nothing excluded.
 *
 * Further version 4 additions belong here too, each as its own small step in `migrateV3toV4`. */
type Topic = Record<string, unknown>;

const withEmptyExclude = (topics: unknown): unknown =>
  Array.isArray(topics) ? topics.map((t: unknown) => (t && typeof t === 'object' ? { exclude: [], ...(t as Topic) } : t)) : topics;

export function migrateV3toV4(v3: Record<string, unknown>): Record<string, unknown> {
  const v4: Record<string, unknown> = { ...v3, schemaVersion: 4 };
  if ('interests' in v3) v4.interests = withEmptyExclude(v3.interests);
  if ('avoidTopics' in v3) v4.avoidTopics = withEmptyExclude(v3.avoidTopics);
  return v4;
}
