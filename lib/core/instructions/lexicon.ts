/**
 * The shipped word -> subject-area table (built by scripts/build-lexicon.ts from WordNet). Each word keeps up
 * to four areas, each as two characters: the area's index (A-Z, a-z) and its weight in ninths (1-9), so a
 * word costs a few bytes and lookups decode only the words a message uses.
 */
export const LEXICON_VERSION = 1;
const AREA_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export interface LexiconData {
  version: number;
  source?: string;
  /** `parent`: id of the broader area this one belongs to (a hotel is also about travel). */
  domains: { id: string; label: string; parent?: string }[];
  /** "word=codes|word=codes|..." sorted by word: one string keeps the file small and cheap to type-check. A name
   * ("mont blanc=") has no codes: it is known, and about nothing its words would suggest. */
  words: string;
}

export interface AreaWeight {
  area: number;
  weight: number;
}

export interface Lexicon {
  /** `parent`: index of the broader area, whose words include this one's. */
  areas: { id: string; label: string; parent?: number }[];
  /** Areas of a base form (lowercase, spaces between words), strongest first; undefined when unknown, empty for
   * a name. */
  lookup(lemma: string): AreaWeight[] | undefined;
  has(lemma: string): boolean;
}

export function encodeWeights(top: [area: number, weight: number][]): string {
  return top
    .map(([area, w]) => {
      if (area >= AREA_CHARS.length) throw new Error('too many areas for the encoding');
      return AREA_CHARS[area] + String(Math.max(1, Math.min(9, Math.round(w * 9))));
    })
    .join('');
}

export function decodeWeights(code: string): AreaWeight[] {
  const out: AreaWeight[] = [];
  for (let i = 0; i + 1 < code.length; i += 2) {
    out.push({ area: AREA_CHARS.indexOf(code[i]), weight: Number(code[i + 1]) / 9 });
  }
  return out;
}

/** Checks the shape and version of lexicon data (e.g. parsed from the shipped JSON) and wraps it. */
export function loadLexicon(data: unknown): Lexicon {
  const d = data as LexiconData;
  if (!d || typeof d !== 'object' || d.version !== LEXICON_VERSION || !Array.isArray(d.domains) || typeof d.words !== 'string') {
    throw new Error(`not a version ${LEXICON_VERSION} instruction lexicon`);
  }
  const words = new Map<string, string>();
  for (const entry of d.words.split('|')) {
    const eq = entry.indexOf('=');
    if (eq > 0) words.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  const cache = new Map<string, AreaWeight[]>();
  return {
    areas: d.domains.map((x) => {
      const parent = x.parent === undefined ? -1 : d.domains.findIndex((y) => y.id === x.parent);
      return parent < 0 ? { id: String(x.id), label: String(x.label) } : { id: String(x.id), label: String(x.label), parent };
    }),
    has: (lemma) => words.has(lemma),
    lookup(lemma) {
      const hit = cache.get(lemma);
      if (hit) return hit;
      const code = words.get(lemma);
      if (code === undefined) return undefined;
      const decoded = decodeWeights(code);
      if (cache.size > 5000) cache.clear();
      cache.set(lemma, decoded);
      return decoded;
    },
  };
}

/** A lexicon that knows no words: the selector then matches words and their forms only. */
export const EMPTY_LEXICON: Lexicon = { areas: [], has: () => false, lookup: () => undefined };
