/** Version 5 keeps "Less like this" as its own entry (`lessLike`: an author and the subject of the item it was
 * said on, shown less from then on) instead of blocking the whole author as version 4 did. Nothing in a version 4
 * profile changes meaning: a channel it blocked stays blocked, and the list of "less like this" starts empty. */
export function migrateV4toV5(v4: Record<string, unknown>): Record<string, unknown> {
  return { ...v4, schemaVersion: 5, lessLike: Array.isArray(v4.lessLike) ? v4.lessLike : [] };
}
