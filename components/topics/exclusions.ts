/** The related words a user dropped from a topic, as a list kept in the profile (`exclude`). Pure. */

const MAX_EXCLUDED = 200;
const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** Adds a dropped word once (case-insensitive); the list keeps the user's order and the schema's bound. */
export function withDropped(exclude: readonly string[], word: string): string[] {
  const w = word.trim();
  if (!w || exclude.some((e) => same(e, w)) || exclude.length >= MAX_EXCLUDED) return [...exclude];
  return [...exclude, w];
}

/** Takes a dropped word back. */
export function withRestored(exclude: readonly string[], word: string): string[] {
  return exclude.filter((e) => !same(e, word));
}
