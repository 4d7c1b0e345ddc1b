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
