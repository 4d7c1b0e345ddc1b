import { describe, expect, it } from 'vitest';
import { compileProfile, decide } from '../../lib/core/shield';
import { Decision } from '../../lib/schema/decision';
import type { FeedItem } from '../../lib/schema/item';
import type { Profile } from '../../lib/schema/profile';
import { withRunnableRules } from '../../lib/schema/rule-risk';
import { fakeClickbaitStage, item, profile } from './shield-helpers';

const stored = profile({
  interests: [{ id: 'space', label: 'Space', weight: 0.8, keywords: ['nasa', 'rocket launch', '宇宙'] }],
  avoidTopics: [{ id: 'war', label: 'War', keywords: ['حرب', 'война'] }],
  blockedAuthors: [{ platform: 'youtube', name: 'Spam' }],
  rules: [
    { id: 'r1', kind: 'regex', pattern: '(a+)+b', action: 'label' },
    { id: 'r2', kind: 'keyword', pattern: '🔥', action: 'demote' },
    { id: 'r3', kind: 'regex', pattern: '[\\u{1F525}]{3,}', action: 'label' },
  ],
});
// As a tab gets it from the background.
const compiled = compileProfile(withRunnableRules(stored), { policyStage: fakeClickbaitStage });

const nasty: Array<[string, Partial<FeedItem>]> = [
  ['10,000-char title', { title: 'nasa '.repeat(2000) }],
  ['10,000 a without b (catastrophic regex bait)', { title: 'a'.repeat(10_000) }],
  ['right-to-left text with bidi controls', { title: '\u202Eحرب\u202C في المنطقة \u2067نص\u2069' }],
  ['zero-width characters everywhere', { title: 'w\u200Ba\u200Cr\u200D \uFEFFzone', author: 'S\u200Bpam' }],
  ['emoji flood', { title: '🔥'.repeat(5000) + '👨‍👩‍👧‍👦'.repeat(300) }],
  ['lone surrogates', { title: '\uD83D\uD83D abc \uDE00' }],
  ['non-Latin scripts', { title: 'Новости: война — 宇宙ロケット — ข่าววันนี้ — 뉴스 — समाचार' }],
  ['combining-mark pileup', { title: 'Z̴̡̛͎̪̈́a̷͙͐l̸̰̓g̵̞̀o̶͍͘'.repeat(200) }],
  ['empty strings', { title: '', author: '', text: '' }],
];

describe('bad input', () => {
  it('leaves out a regex rule that could freeze the page: the tab never gets it', () => {
    expect(withRunnableRules(stored).rules.map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(compiled.rules.map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(compiled.problems).toEqual([]);
  });

  for (const [name, fields] of nasty) {
    it(`decides ${name} without throwing, within schema`, () => {
      const d = decide(compiled, item(fields));
      expect(() => Decision.parse(d)).not.toThrow();
    });
  }

  it('handles hidden-by-topic RTL and zero-width obfuscation', () => {
    expect(decide(compiled, item({ title: '\u202Eحرب\u202C في المنطقة' })).action).toBe('hide');
    expect(decide(compiled, item({ title: 'W\u200Bar zone', author: 'x' })).action).toBe('hide');
    expect(decide(compiled, item({ title: 'hello', author: 'S\u200Bpam' })).action).toBe('hide');
  });

  it('decides a raw object with missing or wrong-typed fields and shows it', () => {
    const raws = [
      { platform: 'youtube', id: 'a' },
      { platform: 'youtube', id: 'b', title: 42, author: null, text: { x: 1 }, promotedMarkers: 'nope' },
      { platform: 'not-a-site', id: 'c', title: 'nasa' },
      {},
      null,
    ] as unknown as FeedItem[];
    for (const raw of raws) {
      const d = decide(compiled, raw);
      expect(d.action).toBe('show');
      expect(() => Decision.parse(d)).not.toThrow();
    }
  });

  it('shows the item, named as it came, when the compiled profile itself is missing', () => {
    for (const c of [null, undefined, {}] as unknown as Parameters<typeof decide>[0][]) {
      const d = decide(c, item({ platform: 'reddit', id: 'r1', title: 'nasa' }));
      expect(d).toEqual({ platform: 'reddit', itemId: 'r1', action: 'show', reasons: [], score: 0.5, uncertain: false, judgedBy: 'fast' });
      expect(decide(c, null as unknown as FeedItem)).toMatchObject({ platform: 'youtube', itemId: '', action: 'show' });
    }
  });

  it('compiles a profile with broken pieces, skipping what cannot be used', () => {
    const broken = {
      ...profile(),
      rules: [
        { id: 'bad', kind: 'regex', pattern: '([', action: 'hide', platforms: [], enabled: true },
        null,
        { id: 'ok', kind: 'keyword', pattern: 'spoiler', action: 'hide' },
      ],
      interests: undefined,
      avoidTopics: [{ id: 't', label: 'War' }],
      blockedAuthors: [{ platform: 'youtube', name: 7 }],
      exceptions: [null, { type: 'author', platform: 'youtube' }],
      policies: undefined,
    } as unknown as Profile;
    const c = compileProfile(broken, { policyStage: null });
    expect(decide(c, item({ title: 'spoiler' })).action).toBe('hide');
    expect(decide(c, item({ title: 'war' })).action).toBe('hide');
    expect(decide(c, item({ promoted: true })).action).toBe('hide');
    expect(decide(c, item({ title: 'hello' })).action).toBe('show');
  });
});
