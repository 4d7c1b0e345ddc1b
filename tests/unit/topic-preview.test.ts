import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewTopic, type RecentItem } from '@/lib/core/topic-preview';
import { MeaningModel } from '@/lib/core/meaning/model';
import { createHandlers } from '@/lib/background/handlers';
import { createTopicPreview } from '@/lib/background/topic-preview';
import { detectLanguage } from '@/lib/core/detectors';
import { SHIPPED_DETECTORS } from '@/lib/core/detectors/shipped';
import { logDecisions, openStore } from '@/lib/db';
import { dispatch } from '@/lib/messaging';
import type { Responses } from '@/lib/schema/messages';
import type { LoggedDecision } from '@/lib/schema/log';
import { politicsExpansion } from '../doubles/topic-expansions';

const SENATE = 'Senate passes bill to avert government shutdown';
const feed = (...titles: string[]): RecentItem[] => titles.map((title, i) => ({ platform: i % 2 ? 'reddit' : 'youtube', itemId: `i${i}`, title }));
const recent = feed(
  'Moss gardens of Kyoto',
  SENATE,
  'Rust 1.95 released',
  'Politics is broken, says voter survey',
  'Trump rallies supporters in Ohio ahead of midterms',
  'Congress and the election: what comes next',
);

describe('what a topic will catch, from the recent feed', () => {
  it('shows items about the topic that never say its word, with the words that make them about it', () => {
    const p = previewTopic({ label: 'politics', expansion: politicsExpansion(), recent });
    const titles = p.examples.map((e) => e.title);
    expect(titles).toContain(SENATE);
    expect(titles).not.toContain('Moss gardens of Kyoto');
    expect(titles).not.toContain('Rust 1.95 released');
    expect(p.examples.find((e) => e.title === SENATE)?.matched).toEqual(['senate', 'shutdown', 'government']);
    expect(p.related.slice(0, 3)).toEqual(['senate', 'shutdown', 'government']);
    expect(p.known).toBe(true);
    expect(p.scanned).toBe(6);
  });

  it('lists items that say the topic in the user’s own words first', () => {
    const p = previewTopic({ label: 'politics', expansion: politicsExpansion(), recent });
    expect(p.examples[0]).toEqual({ title: 'Politics is broken, says voter survey', platform: 'reddit', matched: ['politics'] });
  });

  it('an item with too little evidence is not shown as caught (one weak word is not enough)', () => {
    const p = previewTopic({ label: 'politics', expansion: politicsExpansion(), recent: feed('Government tablets for schools') });
    expect(p.examples).toEqual([]);
    expect(p.matches).toBe(0);
  });

  it('dropping a related word takes away the examples that rested on it', () => {
    const before = previewTopic({ label: 'politics', expansion: politicsExpansion(), recent });
    const after = previewTopic({ label: 'politics', expansion: politicsExpansion(['senate']), recent });
    expect(before.examples.map((e) => e.title)).toContain(SENATE);
    expect(after.examples.map((e) => e.title)).not.toContain(SENATE);
    expect(after.related).not.toContain('senate');
  });

  it('without the model only the literal words act, and no related words are claimed', () => {
    const p = previewTopic({ label: 'politics', keywords: ['midterms'], expansion: null, recent });
    expect(p.known).toBe(false);
    expect(p.related).toEqual([]);
    expect(p.examples.map((e) => [e.title, e.matched])).toEqual([
      ['Politics is broken, says voter survey', ['politics']],
      ['Trump rallies supporters in Ohio ahead of midterms', ['midterms']],
    ]);
  });

  it('shows each story once, however often it was logged, and at most four', () => {
    const many = feed(...Array.from({ length: 10 }, (_, i) => `Senate vote ${i} on the shutdown`), SENATE, SENATE, SENATE.toUpperCase());
    const p = previewTopic({ label: 'politics', expansion: politicsExpansion(), recent: many });
    expect(p.examples).toHaveLength(4);
    expect(p.matches).toBe(11);
    expect(p.scanned).toBe(11);
  });

  it('does not claim a story in another language by the model’s English words; the user’s own words still count', () => {
    const german = 'Der Senate und der Shutdown: was die Regierung jetzt tut';
    const germanLiteral = 'Politics auf Deutsch: der Senate und der Shutdown';
    const isForeign = (t: string) => t.startsWith('Der ') || t.includes('auf Deutsch');
    const p = previewTopic({ label: 'politics', expansion: politicsExpansion(), recent: feed(german, germanLiteral, SENATE), isForeign });
    expect(p.examples.map((e) => e.title)).toEqual([germanLiteral, SENATE]);
    const unguarded = previewTopic({ label: 'politics', expansion: politicsExpansion(), recent: feed(german) });
    expect(unguarded.examples.map((e) => e.title)).toEqual([german]);
  });

  it('an empty feed shows nothing and says it looked at nothing', () => {
    expect(previewTopic({ label: 'politics', expansion: politicsExpansion(), recent: [] })).toMatchObject({ examples: [], matches: 0, scanned: 0 });
  });
});

describe("'topics/preview' in the background", () => {
  const T0 = Date.UTC(2026, 11, 1);
  const row = (i: number, title: string): LoggedDecision => ({
    ts: T0 + i * 1000, platform: 'reddit', itemId: `t3_${i}`, title, author: 'someone', url: '', surface: 'home',
    action: 'show', reasons: [], score: 0.5, reordered: false,
  });
  const setup = async (model: MeaningModel | null) => {
    const store = openStore(`topic-preview-${Math.random()}`);
    await logDecisions(store, recent.map((r, i) => row(i, r.title)));
    const handlers = createHandlers({
      store, broadcastProfile: () => {}, tabStats: { get: async () => null, set: async () => {} }, selectInstructions: () => [],
      meaning: async () => model,
    });
    const self = { id: 'ext', origin: 'chrome-extension://ext/' };
    return (payload: unknown, url = 'chrome-extension://ext/popup.html') => dispatch(handlers, { type: 'topics/preview', payload }, { id: 'ext', url }, self);
  };

  it('answers the popup from the recent log, literal matches only when the model cannot be read', async () => {
    const ask = await setup(null);
    const reply = await ask({ label: 'politics', kind: 'avoid' });
    expect(reply.ok).toBe(true);
    const p = (reply as { value: Responses['topics/preview'] }).value;
    expect(p.known).toBe(false);
    expect(p.examples.map((e) => e.title)).toEqual(['Politics is broken, says voter survey']);
  });

  it('is refused to a web page, and refuses markup in a label', async () => {
    const ask = await setup(null);
    expect(await ask({ label: 'politics', kind: 'avoid' }, 'https://evil.example/')).toMatchObject({ ok: false });
    expect(await ask({ label: '<img src=x>', kind: 'avoid' })).toMatchObject({ ok: false });
  });

  const MODEL = 'public/models/meaning.bin';
  it.skipIf(!existsSync(MODEL))('with the shipped model: "politics" would catch the Senate headline, not a German one, and a dropped word stays out', async () => {
    const model = MeaningModel.fromBytes(new Uint8Array(readFileSync(MODEL)));
    const store = openStore(`topic-preview-model-${Math.random()}`);
    const GERMAN = 'Der Senat und der Shutdown: was die Regierung in Washington jetzt tut';
    await logDecisions(store, [...recent.map((r, i) => row(i, r.title)), row(99, GERMAN)]);
    // The tabs' own language test (lib/core/detectors), as the background builds it from models/detectors.json.
    const isForeign = (t: string) => !['en', 'und'].includes(detectLanguage(t, SHIPPED_DETECTORS.language));
    const preview = createTopicPreview(store, async () => model, async () => isForeign);
    const p = await preview({ label: 'politics', kind: 'avoid', exclude: [], keywords: [] });
    expect(p.known).toBe(true);
    expect(p.related.length).toBeGreaterThan(3);
    const titles = p.examples.map((e) => e.title);
    expect(titles).toContain(SENATE);
    expect(titles).not.toContain('Moss gardens of Kyoto');
    expect(titles).not.toContain(GERMAN);
    const dropped = p.related[0];
    const again = await preview({ label: 'politics', kind: 'avoid', exclude: [dropped], keywords: [] });
    expect(again.related).not.toContain(dropped);
  });
});
