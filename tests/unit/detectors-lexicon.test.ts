import { describe, expect, it } from 'vitest';
import { detectLanguage, itemContext } from '@/lib/core/detectors';
import { languageProfile } from '@/lib/core/detectors/language-tables';
import { buildRuleEngine } from '@/lib/core/detectors/rule-index';
import { SHIPPED_DETECTORS, SHIPPED_TABLES } from '@/lib/core/detectors/shipped';
import { STOPWORDS } from '@/lib/core/detectors/stopwords';
import type { FeedItem } from '@/lib/schema/item';

const SENTENCES = [
  'You will not believe what this guy did, share if you agree',
  'Das ist nicht gut für die Kinder und die Eltern',
  '¿Por qué nadie habla de esto en los medios?',
  'Il ne faut pas manquer ça, dernière chance',
  'Dit is een test van de taal en het werkt',
  'To jest nie tak jak myślisz, zobacz sam',
  'Isso não é o que você pensa, veja agora',
  'Questo è il video più bello che ci sia',
  'LAST CHANCE: only 3 left, use code SAVE50 at checkout',
  'tag a friend who needs this 👇 #ad',
];

const item = (title: string): FeedItem => ({
  platform: 'youtube', id: 'v', url: 'https://www.youtube.com/watch?v=v', title, author: 'a', kind: 'video',
  promoted: false, promotedMarkers: [], text: '', surface: 'home', domain: '',
});

describe('one look-up per word for the rule detectors and the language profile', () => {
  it('names each language as a profile with its own word list does', () => {
    const own = languageProfile(STOPWORDS);
    for (const s of SENTENCES) expect(itemContext(item(s), SHIPPED_DETECTORS.language).lang, s).toBe(detectLanguage(s, own));
  });

  it('finds the same rule hits from the shared numbers as from looking every word up itself', () => {
    const separate = buildRuleEngine(SHIPPED_TABLES.rules);
    const hits = (m: ReadonlyMap<string, Array<{ rule: { code: string }; evidence: string }>>) =>
      [...m].map(([kind, list]) => [kind, list.map((h) => `${h.rule.code}:${h.evidence}`)]);
    let found = 0;
    for (const s of SENTENCES) {
      const ctx = itemContext(item(s), SHIPPED_DETECTORS.language);
      expect(ctx.lexicon).toBe(SHIPPED_DETECTORS.engine.vocabulary);
      const shared = hits(SHIPPED_DETECTORS.engine.match(ctx));
      found += shared.length;
      expect(shared, s).toEqual(hits(separate.match(ctx)));
    }
    expect(found).toBeGreaterThan(2);
  });

  it('refuses a lexicon that lacks a function word', () => {
    expect(() => languageProfile(STOPWORDS, buildRuleEngine(SHIPPED_TABLES.rules).vocabulary)).toThrow(/lacks/);
  });
});

describe('rule tables the index is built from', () => {
  it('refuses a sequence without one gap per pair of parts, and a regex rule with nothing to trigger it', () => {
    const rule = { code: 'x', weight: 0.5 };
    expect(() => buildRuleEngine({ rage: [{ ...rule, parts: [['a'], ['b']], gaps: [] }], engagement: [], urgency: [], promotion: [] })).toThrow(/one gap per pair/);
    expect(() => buildRuleEngine({ rage: [{ ...rule, re: /x/ }], engagement: [], urgency: [], promotion: [] })).toThrow(/no trigger/);
  });
});
