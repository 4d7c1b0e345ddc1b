import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../lib/core/shield/aho-corasick';
import { base64ToInt32, int32ToBase64 } from '../../lib/core/shield/packed';
import { MatcherBuilder } from '../../lib/core/shield/matcher-builder';
import { requiredLiteral } from '../../lib/core/shield/regex-literal';
import { stem } from '../../lib/core/shield/text';
import { FNV, hashString, isStemOf, stemHash, stemHashScanned } from '../../lib/core/shield/word-hash';

function matches(setup: (m: MatcherBuilder) => void, ...fields: string[]): Map<number, string> {
  const b = new MatcherBuilder();
  setup(b);
  const m = b.build();
  const out = new Map<number, string>();
  m.match(fields, (t, e) => out.set(t, e));
  return out;
}

/** A setup adding each regex as a rule, its target its place in the list. */
const regexRules =
  (...patterns: string[]) =>
  (m: MatcherBuilder) =>
    patterns.forEach((p, i) => m.addRegex(p, i));

describe('plural folding', () => {
  it('folds the plurals people write and keeps words that only look plural', () => {
    const pairs = [
      ['stories', 'story'],
      ['movies', 'movie'],
      ['boxes', 'box'],
      ['watches', 'watch'],
      ['games', 'game'],
      ['classes', 'class'],
      ['toys', 'toy'],
    ];
    for (const [a, b] of pairs) expect(stem(a), a).toBe(stem(b));
    expect(stem('news')).not.toBe(stem('new'));
    expect(stem('bus')).toBe('bus');
    expect(stem('analysis')).toBe('analysis');
  });
});

describe('TextMatcher', () => {
  it('finds a keyword among thousands with the words that matched', () => {
    const found = matches((m) => {
      for (let i = 0; i < 5000; i++) m.addKeyword(`keyword${i}`, i);
      m.addKeyword('machine learning', 5000);
    }, 'New MACHINE-LEARNING results and keyword4242');
    expect([...found.entries()].sort()).toEqual([
      [4242, 'keyword4242'],
      [5000, 'machine learning'],
    ]);
  });

  it('never joins a phrase across two fields', () => {
    expect(matches((m) => m.addKeyword('red dwarf', 0), 'The big red', 'dwarf star').size).toBe(0);
  });

  it('matches keywords with punctuation as whole tokens', () => {
    const setup = (m: MatcherBuilder) => {
      m.addKeyword('C++', 0);
      m.addKeyword('node.js', 1);
      m.addKeyword('$TSLA', 2);
    };
    expect([...matches(setup, 'Why C++ and Node.js? $tsla up').keys()].sort()).toEqual([0, 1, 2]);
    expect(matches(setup, 'abc++ nodexnode.jsx').size).toBe(0);
  });

  it('finds substrings in every field, read with the words (plain ASCII) or on their own (other text), in field order', () => {
    const reports: string[] = [];
    const b = new MatcherBuilder();
    b.addKeyword('machine', 0); // a word keyword, so that the word scan runs
    b.addKeyword('c++', 1);
    b.addKeyword('node.js', 2);
    b.addKeyword('u.s.', 3);
    b.addRegex('erotic.{0,20}dealt', 4);
    const m = b.build();
    m.match(['猫 node.js', 'the U.S. and c++ machine', 'homoerotic novel dealt', 'C++ u.s.'], (t, e) => reports.push(`${t}:${e}`));
    expect(reports).toEqual(['0:machine', '2:node.js', '3:u.s.', '1:c++', '4:erotic novel dealt']);
    // The next item sees none of the last one's finds.
    reports.length = 0;
    m.match(['plain words', 'machine'], (t, e) => reports.push(`${t}:${e}`));
    expect(reports).toEqual(['0:machine']);
  });

  it('reads capitals as small letters, and a field with a character outside ASCII late in it once, cleaned', () => {
    const reports: string[] = [];
    const b = new MatcherBuilder();
    b.addKeyword('stories', 0);
    b.addKeyword('node.js', 1);
    b.addKeyword('cafe culture', 2);
    b.addRegex('\\bgardens?\\b', 3);
    b.addRegex('!{2,}', 4);
    const m = b.build();
    const run = (...fields: string[]) => {
      reports.length = 0;
      m.match(fields, (t, e) => reports.push(`${t}:${e}`));
      return [...reports];
    };
    expect(run('STORY Time: NODE.JS Garden!!')).toEqual(['0:story', '1:node.js', '3:Garden', '4:!!']);
    // The scan has found "story", "node.js", "garden" and "!!" when it meets "é": the field is read again,
    // cleaned, and each is reported once.
    expect(run('Story time: Node.js garden!! Café Culture')).toEqual(['0:story', '2:cafe culture', '1:node.js', '3:garden', '4:!!']);
    // The Kelvin sign folds to a plain "k": the cleaned field is ASCII and read by the scan after all.
    expect(run('\u212Aid stories in the garden')).toEqual(['0:stories', '3:garden']);
  });

  it('matches keywords of unspaced scripts inside longer runs', () => {
    const found = matches((m) => {
      m.addKeyword('政治', 0);
      m.addKeyword('ニュース', 1);
    }, '今日の政治ニュース');
    expect(found.size).toBe(2);
  });

  it('matches non-Latin words and folds accents', () => {
    const found = matches((m) => {
      m.addKeyword('выборы', 0);
      m.addKeyword('cafe', 1);
      m.addKeyword('चुनाव', 2);
    }, 'Новости: выборы 2026 — Café', 'लोकसभा चुनाव परिणाम');
    expect([...found.keys()].sort()).toEqual([0, 1, 2]);
  });

  it('runs only the regexes whose literal occurs, and still finds every regex match', () => {
    const setup = regexRules('\\bcrypto(currency)?\\b', 'colou?r grading', '\\d{2,}% off', '^breaking', '(\\w)\\1{4,}', 'elon|musk');
    expect([...matches(setup, 'Cryptos crash: Colour-grading 50% off').keys()].sort()).toEqual([2]);
    expect([...matches(setup, 'BREAKING: crypto and color grading, Muuuuuu, musk').keys()].sort()).toEqual([0, 1, 3, 4, 5]);
    expect(matches(setup, 'Nothing here', 'breaking').size).toBe(0);
  });

  it('reports every rule that shares a regex, each with the words it matched', () => {
    // Imported lists repeat patterns; the regex runs once per item for all of them.
    const version = '\\b\\d+\\.\\d+\\.\\d+\\b';
    const setup = regexRules(version, '!{3,}', version, '!{3,}', `${version}(?:-\\w+)?`);
    expect(matches(setup, 'Node 22.1.0-rc ships!!!')).toEqual(
      new Map([
        [0, '22.1.0'],
        [1, '!!!'],
        [2, '22.1.0'],
        [3, '!!!'],
        [4, '22.1.0-rc'],
      ]),
    );
    expect(matches(setup, 'Version 2.0 ships!').size).toBe(0);
    expect([...matches(setup, 'Release 1.2.3', 'and 4.5.6').keys()].sort()).toEqual([0, 2, 4]);
  });

  // Regexes that could freeze the page never reach it (regex-risk.test.ts).
  it('refuses regexes that do not compile or match everything', () => {
    const m = new MatcherBuilder();
    expect(m.addRegex('(unclosed', 0)).toMatch(/not a valid/);
    expect(m.addRegex('.*', 1)).toBe('matches every item');
    expect(m.addRegex('a|', 2)).toBe('matches every item');
    for (const fine of ['(\\p{L})+x', '(?:https?://)?example', '(ab){1,3}c+', '[a+]+b', '(\\d{2})+x']) expect(m.addRegex(fine, 4), fine).toBeNull();
  });
});

/** The FNV hashes the matcher's ASCII scan keeps for a word: of all of it, all but its last character, all but
 * its last two. */
function scanHashes(w: string): [number, number, number] {
  let h = FNV.offset;
  let hPrev = h;
  let hPrev2 = h;
  for (const ch of w) {
    hPrev2 = hPrev;
    hPrev = h;
    h = Math.imul(h ^ ch.charCodeAt(0), FNV.prime);
  }
  return [h, hPrev, hPrev2];
}

describe('folded words read in place', () => {
  it('agrees with stem() on every kind of ending, inside a longer text', () => {
    const words = ['story', 'stories', 'toy', 'toys', 'news', 'boxes', 'sky', 'by', 'key', 'classes', 'rust', 'é', 'café', '2026', 'ies', 'watches', 'quizzes', 'glasses', 'bus', 'cafés'];
    const keys = words.map(stem).concat(['storie', 'ski', 'skie', 'toie', 'watche', 'quizze', 'glasse', 'bu', 'ne']);
    for (const w of words) {
      const text = `[${w}]`;
      const f = { stem: null as string | null, cut: 0 };
      stemHash(text, 1, 1 + w.length, f);
      // The key read in place inside a longer text, as the matcher keeps its stems.
      for (const key of keys) expect(isStemOf(`x\n${key}\ny`, 2, 2 + key.length, text, 1, 1 + w.length, f.stem, f.cut), `${key} ~ ${w}`).toBe(key === stem(w));
      if (/[^a-z0-9]/.test(w)) continue;
      // As the ASCII word scan hashes it: nothing is built, and the cut says how the word folds.
      const g = { stem: null as string | null, cut: 0 };
      expect(stemHashScanned(text, 1, 1 + w.length, ...scanHashes(w), g), w).toBe(hashString(stem(w)));
      expect(g.stem).toBeNull();
      for (const key of keys) expect(isStemOf(key, 0, key.length, text, 1, 1 + w.length, null, g.cut), `${key} ~ ${w} scanned`).toBe(key === stem(w));
    }
  });
});

describe('requiredLiteral', () => {
  it('takes the longest part every match must contain', () => {
    expect(requiredLiteral('\\bcrypto(currency)?\\b')).toBe('crypto');
    expect(requiredLiteral('colou?r grading')).toBe('r grading');
    expect(requiredLiteral('buy now\\!+ today')).toBe('buy now!');
    expect(requiredLiteral('[0-9]+ reasons why')).toBe(' reasons why');
    expect(requiredLiteral('a|b')).toBe('');
    expect(requiredLiteral('\\p{Lu}{5}')).toBe('');
    expect(requiredLiteral('(\\w)\\1{4,}')).toBe('');
    expect(requiredLiteral('\\d{2,}% off')).toBe('% off');
  });
});

describe('AhoCorasick', () => {
  it('reports overlapping and nested occurrences', () => {
    const ac = new AhoCorasick();
    const ids = ['he', 'she', 'his', 'hers'].map((p) => ac.add(p));
    ac.build();
    const hits: string[] = [];
    ac.search('ushers', (id, s, e) => hits.push(`${ids.indexOf(id)}@${s}-${e}`));
    expect(hits.sort()).toEqual(['0@2-4', '1@1-4', '3@2-6']);
  });
});

describe('AhoCorasick transition table', () => {
  it('finds the same occurrences with the table as with the per-node maps, in the same order', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'é', 'cafés', 'a', 'aa', 'aaa', 'ab', 'bab', 'c++', '++'];
    const texts = ['ushers', 'aaaa babab', 'Les cafés é', 'c+++ and ++c', '', 'xyz', 'hishershe'];
    const run = (maxTable: number) => {
      const saved = AhoCorasick.MAX_TABLE;
      (AhoCorasick as { MAX_TABLE: number }).MAX_TABLE = maxTable;
      try {
        const ac = new AhoCorasick();
        for (const p of patterns) ac.add(p);
        ac.build();
        return texts.map((t) => {
          const hits: string[] = [];
          ac.search(t, (id, s, e) => hits.push(`${id}@${s}-${e}`));
          return hits.join(' ');
        });
      } finally {
        (AhoCorasick as { MAX_TABLE: number }).MAX_TABLE = saved;
      }
    };
    const withMaps = run(0);
    expect(withMaps[0]).toContain('3@2-6');
    expect(run(1 << 20)).toEqual(withMaps);
  });

  it('is restored from its ready table (sent through JSON, its lists as base64) and finds what the one built finds', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'é', 'cafés', 'a', 'aa', 'aaa', 'ab', 'bab', 'c++', '++', '東京'];
    const texts = ['ushers', 'aaaa babab', 'Les cafés é', 'c+++ and ++c', '', 'xyz', 'hishershe', 'in 東京 now'];
    const built = new AhoCorasick();
    for (const p of patterns) built.add(p);
    const t = built.ready()!;
    const sent = JSON.parse(JSON.stringify({ ...t, delta: int32ToBase64(t.delta), firstOut: int32ToBase64(t.firstOut), dictLink: int32ToBase64(t.dictLink) }));
    const restored = AhoCorasick.restore({ ...sent, delta: base64ToInt32(sent.delta), firstOut: base64ToInt32(sent.firstOut), dictLink: base64ToInt32(sent.dictLink) });
    const found = (ac: AhoCorasick) =>
      texts.map((text) => {
        const hits: string[] = [];
        ac.search(text, (id, s, e) => hits.push(`${id}@${s}-${e}`));
        return hits.join(' ');
      });
    expect(found(restored)).toEqual(found(built));
    expect(found(built)[2]).toContain('5@4-9');
    expect(restored.size).toBe(patterns.length);
    expect(() => restored.add('x')).toThrow();
    // No table to send: none, or one too large (the tab then builds from the patterns, as before).
    expect(new AhoCorasick().ready()).toBeNull();
  });
});

describe('word hashes', () => {
  it('hashes a word of the text as its folded form, without building it', () => {
    const text = 'stories story toys spy my a2y boxes classes news bus its was yes analysis games gas ab abc abcs 2024s café';
    const f = { stem: null as string | null, cut: 0 };
    for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
      const w = m[0];
      expect(stemHash(text, m.index, m.index + w.length, f), w).toBe(hashString(stem(w)));
      if (/[^a-z0-9]/.test(w)) continue;
      expect(stemHashScanned(text, m.index, m.index + w.length, ...scanHashes(w), f), w).toBe(hashString(stem(w)));
    }
  });

  it('still finds keywords whose words fold (plurals, -y/-ies) among many others', () => {
    const found = matches((m) => {
      for (let i = 0; i < 3000; i++) m.addKeyword(`filler${i}`, i);
      m.addKeyword('puppy', 3000);
      m.addKeyword('glass boxes', 3001);
      m.addKeyword('news', 3002);
    }, 'Puppies in a glass box', 'new');
    expect([...found.entries()].sort()).toEqual([
      [3000, 'puppies'],
      [3001, 'glass box'],
    ]);
  });
});
