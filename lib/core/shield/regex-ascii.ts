/**
 * A user's regex is compiled with the flags "iu" (see MatcherBuilder.addRegex). Under "iu", V8 runs \b, \B, \w and
 * \W over ten times slower than under "i" (measured: `\bgardens?\b` on a 70-character headline took 949 ns
 * against 113 ns), because Unicode case folding makes "ſ" (U+017F) and "K" (U+212A) word characters too. Neither
 * can occur in text that is all ASCII. For a pattern that compiles under "u", what the flag changes is the reading
 * of \u{...}, \p{...} and \P{...}, surrogate pairs, and case folding outside ASCII: a pattern written in ASCII
 * without \u, \p or \P escapes, run on ASCII text, meets none of them, and ASCII letters fold to each other the
 * same way under both flags. So there it matches exactly what it matches under "iu" (tests/unit/shield-regex-
 * ascii.test.ts checks that on thousands of texts). The matcher runs this twin on such text. Returns null when the
 * pattern does not qualify.
 */
export function asciiTwin(source: string): RegExp | null {
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) >= 0x80) return null;
  // Conservative: an escaped backslash before the letter ("\\u") is refused too.
  if (/\\[upP]/.test(source)) return null;
  try {
    return new RegExp(source, 'i');
  } catch {
    return null;
  }
}
