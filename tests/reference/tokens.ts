// The obvious, slow detector tokenizer (lib/core/detectors/tokens.ts): a regex finds the words, apostrophes are
// trimmed off their ends, and each word is hashed on its own with exact integer arithmetic.

/** Word characters: small ASCII letters, digits, the apostrophe, and Latin letters with accents (U+00C0-U+024F but
 * the multiplication and division signs). */
const WORD_RUN = /[a-z0-9'\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+/g;
const WORD_CHAR = /^[a-z0-9'\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]$/;

export interface ReferenceTokens {
  words: Array<{ start: number; end: number; hash: number; word: string }>;
  symbols: number;
  wide: boolean;
  ascii: boolean;
}

/** FNV-1a over the UTF-16 code units, kept to its low 30 bits. */
export function fnv30(word: string): number {
  let h = 0x811c9dc5n;
  for (let i = 0; i < word.length; i++) h = ((h ^ BigInt(word.charCodeAt(i))) * 16777619n) % 2n ** 32n;
  return Number(h % 2n ** 30n);
}

export function referenceTokenize(lower: string): ReferenceTokens {
  const words: ReferenceTokens['words'] = [];
  for (const m of lower.matchAll(WORD_RUN)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && lower[start] === "'") start++;
    while (end > start && lower[end - 1] === "'") end--;
    if (start === end) continue;
    const word = lower.slice(start, end);
    words.push({ start, end, hash: fnv30(word), word });
  }
  // Bit 0 stands for the end of the text, which is outside every word.
  let symbols = 1;
  let wide = false;
  for (const ch of lower.split('')) {
    if (WORD_CHAR.test(ch)) continue;
    const c = ch.charCodeAt(0);
    if (c < 128) symbols |= 1 << (c & 31);
    else wide = true;
  }
  const ascii = [...lower].every((ch) => ch.codePointAt(0)! < 128);
  return { words, symbols, wide, ascii };
}
