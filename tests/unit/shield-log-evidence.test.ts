// @vitest-environment happy-dom
// The words that gave a headline away are shown in the activity log and the flagged list, never on the page. The
// fast tier leaves them out of its decision, and the page's runtime quotes them when it sends the log: this is
// what the person reads there.
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_DETECTORS } from '@/lib/core/detectors/shipped';
import { loadShippedDetectors } from '@/lib/core/detectors/shipped-learned';
import { functionWordsOf } from '@/lib/core/detectors/data-file';
import { hasContentWord } from '@/lib/core/detectors/learned';
import { STOPWORDS } from '@/lib/core/detectors/stopwords';
import { compileProfile, decide, quoteEvidence } from '@/lib/core/shield';
import { FeedItem } from '@/lib/schema/item';
import type { Flag, LoggedDecision } from '@/lib/schema/log';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { tick } from './adapters-fixture';
import { startOnHackerNews } from './shield-start';
import { loadShippedClickbait } from './shipped-clickbait';

const BAIT = '42000002'; // "You won't believe what this one weird compiler trick does"
const BAIT_TITLE = "You won't believe what this one weird compiler trick does";

const person = (): Profile => {
  const p = defaultProfile(1);
  return { ...p, revision: 2, policies: { ...p.policies, clickbait: { action: 'label', strictness: 0.5 } } };
};

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('the log of a story labelled clickbait', () => {
  it('quotes the words of its title that gave it away, in the decision and in the flag', async () => {
    const model = loadShippedClickbait();
    const s = startOnHackerNews({
      person,
      answerMs: 5,
      holdMs: 2_000,
      models: { loadClickbait: async () => model, loadDetectors: async () => SHIPPED_DETECTORS },
    });
    stop = s.stop;
    await tick(60);
    // Labelled, which the page's attribute does not tell (it reads as shown): the log below says so.
    expect(s.mode(BAIT)).toBe('show');
    // The log hears of an item once it has stayed a moment (item-log.ts); flushing sends what is on the page now.
    await s.shield.flush();

    const rows = (part: 'decisions' | 'flags') => s.payloads.filter((p) => p.type === 'tab/report').flatMap((p) => (p.payload as Record<typeof part, unknown[]>)[part]);
    const decision = (rows('decisions') as LoggedDecision[]).filter((r) => r.itemId === BAIT).at(-1);
    const reason = decision?.reasons.find((r) => r.code === 'clickbait');
    expect(reason?.evidence.length).toBeGreaterThan(0);
    // The model's strongest words, less any made of function words alone ("this", "You won't" explain nothing: issue 22).
    const functionWords = new Set(functionWordsOf(STOPWORDS));
    expect(reason?.evidence).toEqual(model.explain(BAIT_TITLE, 6).filter((w) => hasContentWord(w, functionWords)).slice(0, 3));
    for (const words of reason!.evidence) expect(BAIT_TITLE).toContain(words);

    const flag = (rows('flags') as Flag[]).find((r) => r.itemId === BAIT);
    expect(flag?.kind).toBe('clickbait');
    expect(flag?.evidence).toEqual(reason?.evidence);
  });
});

describe('the log of an item a learned detector flagged', () => {
  it('quotes the words that pushed the model, when the log or the why frame asks, not while deciding', () => {
    const detectors = loadShippedDetectors();
    const p = person();
    const c = compileProfile({ ...p, policies: { ...p.policies, rage: { action: 'label', strictness: 0.5 } } }, { detectors, platform: 'x' });
    const title = 'Landlords like this one should be run out of town. Zero shame, zero humanity.';
    const item = FeedItem.parse({ platform: 'x', id: '1', title, kind: 'tweet' });
    const d = decide(c, item);
    const rage = d.reasons.find((r) => r.code === 'rage-learned');
    expect(d.action).toBe('label');
    expect(rage?.evidence).toEqual([]);
    const quoted = quoteEvidence(c, item, d.reasons).find((r) => r.code === 'rage-learned');
    expect(quoted?.evidence.length).toBeGreaterThan(0);
    for (const words of quoted!.evidence) expect(title.toLowerCase()).toContain(words.toLowerCase());
    // Nothing else changes.
    expect({ ...quoted, evidence: [] }).toEqual(rage);
  });
});
