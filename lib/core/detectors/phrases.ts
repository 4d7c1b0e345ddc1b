/**
 * Helpers that turn readable word lists into the pieces of a PatternRule, so that a phrase is written once
 * and both its expression and its trigger words come from it. Phrases are plain lowercase text: a space
 * matches any run of spaces, a hyphen matches a hyphen, a space or nothing, an apostrophe may be left out.
 */
export function alt(phrases: readonly string[]): string {
  return phrases
    .map((p) =>
      p
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/ +/g, '\\s+')
        .replace(/-/g, '[-\\s]?')
        .replace(/'/g, "'?"),
    )
    .join('|');
}

/** `\b(?:a|b|c)\b` from phrases. */
export function words(phrases: readonly string[]): string {
  return `\\b(?:${alt(phrases)})\\b`;
}

export const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);

export const re = (source: string) => new RegExp(source);
