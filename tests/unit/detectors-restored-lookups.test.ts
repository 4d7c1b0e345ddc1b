// A feed tab restores the rule engine's look-ups from what the build worked out ahead (rule-index.ts): the words'
// hashes and places, and the hash of edges as laid out. Restored, they must answer exactly as built ones, for every word they
// hold and for words they do not.
import { describe, expect, it } from 'vitest';
import { functionWordsOf } from '@/lib/core/detectors/data-file';
import { SHIPPED_DETECTORS, SHIPPED_TABLES } from '@/lib/core/detectors/shipped';
import { hashWord, placeWords, tokenize, WordIndex } from '@/lib/core/detectors/tokens';
import { base64ToInt32 } from '@/lib/core/shield/packed';
import { HashIndex32 } from '@/lib/core/shield/word-hash';

const { vocabulary } = SHIPPED_TABLES.index;

/** Words a text may hold that the vocabulary does not: near misses of its words, and others. */
const nonWords = [
  ...vocabulary.flatMap((w) => [w.slice(1), `${w}s`, w.toUpperCase(), `${w}'`, w.replace(/[aeiou]/, 'y')]),
  ...['', 'zzz', 'qwertyuiop', 'café', 'naïve', "don't", 'x'.repeat(40), '42', '👇', 'straße', 'één'],
].filter((w) => !vocabulary.includes(w));

describe('the rule engine’s word index, restored from its words’ places', () => {
  const built = new WordIndex(vocabulary);
  const restored = new WordIndex(vocabulary, base64ToInt32(SHIPPED_TABLES.index.wordSlots));

  it('numbers every word of the vocabulary as the built index does', () => {
    expect(vocabulary.length).toBeGreaterThan(1000);
    expect(restored.words).toEqual(built.words);
    vocabulary.forEach((w, id) => {
      expect(built.idOf(w)).toBe(id);
      expect(restored.idOf(w), w).toBe(id);
    });
  });

  it('finds none of the words it does not hold, and reads a text’s words as the built index does', () => {
    expect(nonWords.length).toBeGreaterThan(5000);
    for (const w of nonWords) expect(restored.idOf(w), w).toBe(-1);
    const text = tokenize([...vocabulary, ...nonWords].join(' ').toLowerCase());
    for (let i = 0; i < text.count; i++) expect(restored.id(text, i)).toBe(built.id(text, i));
  });

  it('holds each word’s hash as the tokenizer makes it, in the slot the built index gives it', () => {
    const t = tokenize('news café');
    expect([hashWord('news'), hashWord('café')]).toEqual([t.hashes[0], t.hashes[1]]);
    // A set crowded into few slots, so that words are pushed past slots others took.
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const small = new WordIndex(words, placeWords(words));
    const text = tokenize([...words, 'w300', 'w', 'x1'].join(' '));
    for (let i = 0; i < text.count; i++) expect(small.id(text, i)).toBe(i < 300 ? i : -1);
  });
});

describe('the hash of edges, restored as laid out', () => {
  it('answers as one filled edge by edge, for every key and for keys it does not hold', () => {
    const edges: number[] = [];
    for (let k = 1; k <= 3000; k++) edges.push(k * 7919 + (k % 13), k % 997);
    const filled = new HashIndex32();
    for (let k = 0; k < edges.length; k += 2) filled.set(edges[k], edges[k + 1]);
    const { keys, values } = filled.slots();
    const restored = HashIndex32.restore(keys, values);
    for (let k = 0; k < edges.length; k += 2) expect(restored.get(edges[k])).toBe(edges[k + 1]);
    for (let k = 1; k < 30000; k += 3) expect(restored.get(k)).toBe(filled.get(k));
    // A restored map stays a map: what is set later is found, and it grows as it fills.
    for (let k = 1; k <= 4000; k++) restored.set(-k, k);
    for (let k = 1; k <= 4000; k++) expect(restored.get(-k)).toBe(k);
    expect(restored.get(edges[0])).toBe(edges[1]);
  });

  it('as shipped, holds every edge of the engine’s trie once, at most half full', () => {
    const keys = base64ToInt32(SHIPPED_TABLES.index.edgeKeys);
    const used = keys.filter((k) => k !== 0).length;
    expect(used).toBeGreaterThan(1000);
    expect(new Set(keys.filter((k) => k !== 0)).size).toBe(used);
    expect(used * 2).toBeLessThanOrEqual(keys.length);
  });
});

describe('the function words, read from the language profile', () => {
  it('are exactly the words of the stopword lists', () => {
    const set = new Set(functionWordsOf(SHIPPED_TABLES.stopwords));
    expect(set.size).toBeGreaterThan(300);
    for (const w of [...vocabulary, ...nonWords]) expect(SHIPPED_DETECTORS.language.isFunctionWord(w), w).toBe(set.has(w));
  });
});
