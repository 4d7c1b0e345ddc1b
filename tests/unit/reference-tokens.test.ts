// The fast detector tokenizer against the obvious one (tests/reference/tokens.ts): the same words at the same
// offsets with the same hashes and lexicon numbers, and the same symbol bits, on the bench's items and odd text.
import { describe, expect, it } from 'vitest';
import { normaliseForMatching } from '@/lib/core/detectors/language';
import { newTokenBuffer, tokenize, WordIndex } from '@/lib/core/detectors/tokens';
import { buildItems, buildLargeProfile, readHeadlines } from '../../scripts/bench-core';
import { oddTexts } from '../reference/odd-text';
import { referenceTokenize } from '../reference/tokens';

/** The texts where the two differ, each with what differs (none when they agree). */
function disagreements(texts: readonly string[], lexicon: WordIndex): string[] {
  const out: string[] = [];
  const buffer = newTokenBuffer();
  const ids = new Map(lexicon.words.map((w, i) => [w, i]));
  for (const raw of texts) {
    const lower = normaliseForMatching(raw);
    const want = referenceTokenize(lower);
    // Once fresh, once in a buffer that an earlier text filled (as the feed's detectors use it).
    const runs = [
      { t: tokenize(lower), ids: null },
      { t: tokenize(lower, buffer, lexicon, buffer.ids), ids: buffer.ids },
    ];
    for (const { t, ids: gotIds } of runs) {
      const got = Array.from({ length: t.count }, (_, i) => ({ start: t.starts[i], end: t.ends[i], hash: t.hashes[i], word: lower.slice(t.starts[i], t.ends[i]) }));
      const diff: string[] = [];
      if (JSON.stringify(got) !== JSON.stringify(want.words)) diff.push(`words ${JSON.stringify(got.map((w) => w.word))} vs ${JSON.stringify(want.words.map((w) => w.word))}`);
      if (t.symbols !== want.symbols) diff.push(`symbols ${t.symbols} vs ${want.symbols}`);
      if (t.wide !== want.wide) diff.push(`wide ${t.wide} vs ${want.wide}`);
      if (t.ascii !== want.ascii) diff.push(`ascii ${t.ascii} vs ${want.ascii}`);
      if (gotIds !== null) {
        const wantIds = want.words.map((w) => ids.get(w.word) ?? -1);
        if (JSON.stringify(gotIds.slice(0, t.count)) !== JSON.stringify(wantIds)) diff.push(`ids ${gotIds.slice(0, t.count)} vs ${wantIds}`);
      }
      if (diff.length > 0) out.push(`${JSON.stringify(raw)}: ${diff.join('; ')}`);
    }
  }
  return out;
}

describe('the fast tokenizer agrees with the reference', () => {
  const headlines = readHeadlines();
  const lexicon = new WordIndex([...headlines.slice(0, 500).flatMap((h) => referenceTokenize(normaliseForMatching(h)).words.map((w) => w.word)), 'café', "don't", 'straße']);

  it("on the bench's items (title and text, as the detectors read them)", () => {
    const items = buildItems(headlines, buildLargeProfile(headlines), 3000);
    expect(disagreements(items.map((it) => `${it.title} ${it.text}`), lexicon)).toEqual([]);
  });

  it('on odd text', () => {
    expect(disagreements(oddTexts(13, 3000), lexicon)).toEqual([]);
  });
});
