import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/core/random';
import { asciiTwin } from '@/lib/core/shield/regex-ascii';

// Patterns as users write them, and ones that lean on what "u" and "i" change: word boundaries and classes,
// ranges across the letters, back-references, named groups, lookbehind, hex escapes, case.
const SOURCES = [
  '\\bgardens?\\b', '\\b\\d+\\.\\d+\\.\\d+\\b(?:-\\w+)?', '^how to', '\\w+ing\\b', '\\W{2,}', '\\Bion\\b', '[a-z]{3}\\d',
  '[^a-z ]+', '[A-z]', '[\\w-]+@[\\w-]+', '(\\w)\\1', '(?<w>\\w+) \\k<w>', '(?<=\\$)\\d+', '(?<!no )deal', '\\x41BC',
  'K', 's\\b', '[K-k]', '\\S+\\s\\S+', '.{3}!', 'SALE|sale|Sale', '\\b(?:free|cheap)\\b.{0,20}\\bnow\\b', '[[\\]]',
];

function asciiTexts(): string[] {
  const titles = readFileSync(resolve(__dirname, '../data/feed-titles.tsv'), 'utf8')
    .split('\n')
    .map((l) => l.split('\t').at(-1) ?? '')
    .filter((t) => t && !/[^\x00-\x7f]/.test(t));
  const random = seededRandom(5);
  const chars = 'aAkKsSzZ09 _-$!.?\n@[]';
  const noise = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(random() * 16) }, () => chars[Math.floor(random() * chars.length)]).join(''));
  return [...titles, ...noise, 'Kelvin k K', 'long long', 'no deal, big deal', '$100 off', 'ABC abc', 'how to fix it'];
}

describe('asciiTwin (the flag-"i" twin a user regex runs as on ASCII text)', () => {
  it('finds exactly what the "iu" regex finds, where and as long, on every ASCII text', () => {
    const texts = asciiTexts();
    expect(texts.length).toBeGreaterThan(3000);
    for (const source of SOURCES) {
      const iu = new RegExp(source, 'iu');
      const twin = asciiTwin(source);
      expect(twin, source).not.toBeNull();
      for (const t of texts) {
        const a = iu.exec(t);
        const b = twin!.exec(t);
        expect(b && [b.index, b[0]], `${source} on ${JSON.stringify(t)}`).toEqual(a && [a.index, a[0]]);
      }
    }
  });

  it('has no twin for a pattern whose meaning the "u" flag changes, or written outside ASCII', () => {
    for (const source of ['\\p{L}+', '\\P{Lu}', '\\u{1F600}', '\\u0041', 'café', 'ſ', '\\\\u']) expect(asciiTwin(source), source).toBeNull();
  });
});
