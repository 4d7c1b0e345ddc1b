/** Version 3 adds the user's controls over the inferred model (rejected, pinned, forgotten topics) and the items
 * they hid by hand. Nothing in a version 2 profile changes meaning. */
export function migrateV2toV3(v2: Record<string, unknown>): Record<string, unknown> {
  return {
    ...v2,
    schemaVersion: 3,
    inferred: { rejected: [], pinned: [], forgotten: [] },
    hiddenItems: [],
  };
}
