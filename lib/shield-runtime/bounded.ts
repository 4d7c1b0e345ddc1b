/** Drops the oldest keys (in insertion order) of a map or set kept by item id, down to `max`: a page that churns
 * items through cannot make it grow for ever (issue 25). */
export function bound(kept: Map<string, unknown> | Set<string>, max: number): void {
  if (kept.size <= max) return; // no iterator made for nothing: this runs for every item logged
  for (const k of kept.keys()) {
    if (kept.size <= max) return;
    kept.delete(k);
  }
}
