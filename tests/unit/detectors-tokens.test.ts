import { describe, expect, it } from 'vitest';
import { sameWord, tokenize, WordIndex, wordList } from '../../lib/core/detectors/tokens';

describe('detector words', () => {
  it('keeps inner apostrophes and accented Latin letters, and drops outer quotes', () => {
    const t = tokenize("'don't' stop — café's 3.5x");
    expect(wordList(t)).toEqual(["don't", 'stop', "café's", '3', '5x']);
    expect(t.starts[0]).toBe(1);
  });

  it('finds a word of a text in a set by its characters in place', () => {
    const index = new WordIndex(['the', "don't", 'café', 'news']);
    const t = tokenize("don't read the news at the café, theme");
    const ids = Array.from({ length: t.count }, (_, i) => index.id(t, i));
    expect(ids.map((id) => (id < 0 ? null : index.words[id]))).toEqual(["don't", null, 'the', 'news', null, 'the', 'café', null]);
    expect(index.idOf('news')).toBe(3);
    expect(index.idOf('new')).toBe(-1);
  });

  it('tells repeated words apart from words that only share a hash bucket', () => {
    const t = tokenize('spam spam spa spams spam');
    expect(sameWord(t, 0, 1)).toBe(true);
    expect(sameWord(t, 1, 2)).toBe(false);
    expect(sameWord(t, 0, 3)).toBe(false);
    expect(sameWord(t, 0, 4)).toBe(true);
  });
});

describe('symbols a text may hold', () => {
  it('rules out strings whose symbol the text lacks, and never a string it holds', async () => {
    const { mayContain, symbolGate } = await import('../../lib/core/detectors/tokens');
    const texts = ['50% off today', 'plain words only', 'link?utm_source=x', 'look 👇 here', '#ad #sponsored', 'camref:abc'];
    const needles = ['%', 'utm_', '👇', '#', 'camref:', '$', 'words'];
    for (const t of texts) {
      const tokens = tokenize(t);
      for (const s of needles) if (t.includes(s)) expect(mayContain(tokens, symbolGate(s)), `${s} in ${t}`).toBe(true);
    }
    expect(mayContain(tokenize('plain words only'), symbolGate('%'))).toBe(false);
    expect(mayContain(tokenize('plain words only'), symbolGate('👇'))).toBe(false);
    expect(mayContain(tokenize('plain words only'), symbolGate('words'))).toBe(true);
  });
});
