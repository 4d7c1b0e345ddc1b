import { keywordStems } from '../shield/text';

/**
 * The words of a text as the meaning model reads them: small letters, plurals folded the way the shield's
 * matcher folds them ("gardens" -> "garden"), numbers and the given function words dropped. Training and the
 * background read with it and a tab's matcher folds the same way, so a term learned from Reddit titles is found
 * again in a YouTube title.
 */
export function meaningWords(text: string, stop: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const w of keywordStems(text)) if (!stop.has(w) && !isNumber(w)) out.push(w);
  return out;
}

/** Every word and every two-word phrase of a text (adjacent words once function words are gone), each once. */
export function meaningTerms(text: string, stop: ReadonlySet<string>): string[] {
  const words = meaningWords(text, stop);
  const out = new Set<string>(words);
  for (let i = 1; i < words.length; i++) out.add(words[i - 1] + ' ' + words[i]);
  return [...out];
}

function isNumber(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
