import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeatureExtractor } from '@/lib/core/clickbait/features';
import { clickbaitModelOf } from '@/lib/core/clickbait/model';
import { hasContentWord, LearnedDetectors } from '@/lib/core/detectors/learned';
import { decodeLearned, packLearned } from '@/lib/core/detectors/learned-format';
import { SHIPPED_LEARNED_PATH } from '@/lib/core/detectors/shipped-learned';
import { STOPWORDS } from '@/lib/core/detectors/stopwords';

// LearnedDetectors reads its heads' weights packed side by side (issue 24): every probability and every quote must
// be the one each head's own table gives, read plainly as the file holds it.
const bytes = new Uint8Array(readFileSync(SHIPPED_LEARNED_PATH));
const heads = decodeLearned(bytes);
const FUNCTION_WORDS = new Set(Object.values(STOPWORDS).flatMap((l) => l.split(' ')));
const learned = new LearnedDetectors(packLearned(bytes), FUNCTION_WORDS);

/** Head h's probability as its own model file gives it: its int8 weights summed over the text's slots. */
function plainScore(h: number, text: string): number | null {
  const { spec, weights, bias, scale } = heads[h];
  const fx = new FeatureExtractor(spec);
  const count = fx.extract(text);
  if (count === 0 || fx.tokenCount === 0) return null;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += weights[fx.slots[i]];
  return 1 / (1 + Math.exp(-(bias + sum * scale * (1 / Math.sqrt(count)))));
}

const plainQuote = (h: number, text: string) =>
  clickbaitModelOf(heads[h])
    .explain(text, 6)
    .filter((p) => hasContentWord(p, FUNCTION_WORDS))
    .slice(0, 3);

const SHARED = resolve(__dirname, '../../../shared/data');
const shared = existsSync(resolve(SHARED, 'clickbait/dev.tsv'));
/** Headlines, news accounts' tweets and Reddit comments (up to the extractor's 400 characters and beyond). */
function realTexts(): string[] {
  const headlines = readFileSync(resolve(SHARED, 'clickbait/dev.tsv'), 'utf8').split('\n').slice(1, 2001).map((l) => l.split('\t')[1]);
  const tweets = readFileSync(resolve(SHARED, 'clickbait-posts/train.jsonl'), 'utf8').split('\n').slice(0, 1000).filter(Boolean).map((l) => JSON.parse(l).text as string);
  const comments = readFileSync(resolve(SHARED, 'usvsthem/train.tsv'), 'utf8').split('\n').slice(1, 501).map((l) => l.split('\t')[0]);
  const texts = [...headlines, ...tweets, ...comments].filter(Boolean);
  // Title Case, as YouTube writes its titles, and text without a word.
  return [...texts, ...headlines.slice(0, 300).map((t) => t.replace(/\b\w/g, (c) => c.toUpperCase())), '', '!!!', '🙂'];
}

describe('the learned heads read packed give what each head file gives', () => {
  it.runIf(shared)('every head, on 3,800 real headlines, tweets and comments: the same probabilities, bit for bit', () => {
    const out = new Float64Array(8);
    let texts = 0;
    for (const text of realTexts()) {
      out.fill(-1);
      const scored = learned.score(text, out);
      const plain = heads.map((_, h) => plainScore(h, text));
      expect(scored, text).toBe(plain[0] !== null);
      if (!scored) continue;
      texts++;
      for (let h = 0; h < heads.length; h++) expect(out[h], `${h}: ${text}`).toBe(plain[h]);
    }
    expect(texts).toBeGreaterThan(3500);
  });

  it('the rule heads alone, without the post head, leave its place untouched', () => {
    const out = new Float64Array(8).fill(-1);
    learned.score("You won't believe what this guy did next", out, 4);
    expect(out[4]).toBe(-1);
    for (let h = 0; h < 4; h++) expect(out[h]).toBe(plainScore(h, "You won't believe what this guy did next"));
  });

  it.runIf(shared)('every head quotes the same words as its own file, on 200 real headlines', () => {
    for (const text of realTexts().slice(0, 200)) {
      for (let h = 0; h < heads.length; h++) expect(learned.explain(h, text), `${h}: ${text}`).toEqual(plainQuote(h, text));
    }
  });

  it('quotes without the shared data too', () => {
    const text = 'Tag a friend who needs this and share it with everyone you know';
    for (let h = 0; h < heads.length; h++) expect(learned.explain(h, text)).toEqual(plainQuote(h, text));
  });
});
