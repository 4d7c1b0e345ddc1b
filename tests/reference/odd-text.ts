// Text no headline data set has: accents written two ways, invisible and bidi characters, other scripts, emoji,
// capitals that change length when lowered, apostrophes at word edges, long runs. For the agreement tests.
import { seededRandom } from '@/lib/core/random';

const PIECES = [
  'news', 'stories', 'story', 'Story', 'STORIES', 'games', 'boxes', 'box', 'café', 'cafe\u0301', 'Café', 'naïve', 'don\u2019t',
  "don't", "'quoted'", "rock'n'roll", 'c++', 'u.s.', 'U.S.', 'e-mail', '3.5x', '1.2.3', '$1999.99', '!!!', '???', '...',
  '東京の夜景', '東京', 'ไทย', 'Привет', 'мир', 'Ελληνικά', 'مرحبا', 'שלום', '\u202eRTL\u202c', 'zero\u200bwidth', 'soft\u00adhyphen',
  'İstanbul', 'ß', 'straße', 'ſ', '\u212a', 'ǅ', '🙂', '👩‍👩‍👧', '\ud83d', 'x\u0301', 'Ⅻ', '½', 'ﬁ', 'ﬁle', '０１２', 'ＡＢＣ',
  'politics', 'always', 'less', 'glasses', 'quizzes', 'watches', 'buy now', 'limited time', 'you won\u2019t believe', 'WebGPU',
  '\n', '\t', '  ', '-', '—', '«', '»', '"', '#tag', '@handle', 'u/someone', '<b>x</b>', '&amp;',
];

/** A deterministic odd text of about `words` pieces. */
export function oddTexts(seed: number, count: number, words = 12): string[] {
  const random = seededRandom(seed);
  const pick = () => PIECES[Math.floor(random() * PIECES.length)];
  return Array.from({ length: count }, () => {
    let s = '';
    const n = 1 + Math.floor(random() * words);
    for (let i = 0; i < n; i++) {
      const r = random();
      s += pick() + (r < 0.6 ? ' ' : r < 0.7 ? '' : r < 0.8 ? ', ' : r < 0.9 ? "'" : '.');
    }
    // Now and then a long one, past what a regex is shown.
    return random() < 0.03 ? s.repeat(80) : s;
  });
}

/** Keywords made of the same pieces: single words, phrases, punctuated ones, unspaced scripts. */
export function oddKeywords(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pick = () => PIECES[Math.floor(random() * PIECES.length)].trim();
  return Array.from({ length: count }, () => (random() < 0.3 ? `${pick()} ${pick()}` : pick())).filter((k) => k.length > 0);
}
