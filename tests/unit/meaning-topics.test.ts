import { describe, expect, it } from 'vitest';
import { packProfileTopics } from '../../lib/core/meaning/pack';
import { SHIPPED_DETECTORS } from '../../lib/core/detectors/shipped';
import { compileProfile, decide } from '../../lib/core/shield';
import type { Profile } from '../../lib/schema/profile';
import { shippedMeaning } from './meaning-model';
import { item, profile } from './shield-helpers';

/** Compiled as a feed tab compiles it: the background's expansion travels with the profile, and the detector
 * data names languages (the detectors themselves are off, so only topics act). */
function asTab(p: Profile) {
  return compileProfile({ ...p, topicPack: packProfileTopics(p, shippedMeaning()) } as Profile, { policyStage: null, detectors: SHIPPED_DETECTORS });
}

const avoid = (label: string, exclude: string[] = []) =>
  asTab(profile({ avoidTopics: [{ id: 'a1', label, keywords: [], exclude }] as Profile['avoidTopics'] }));

describe('an avoid-topic typed in plain words acts on items about it in any wording', () => {
  const politics = avoid('politics');

  it('hides news about politics that never says "politics", and says why with the words it found', () => {
    for (const title of [
      'Senate passes bill to avert government shutdown',
      'Biden signs executive order on immigration',
      'Trump rallies supporters in Ohio ahead of midterms',
    ]) {
      const d = decide(politics, item({ title }));
      expect(d.action, title).toBe('hide');
      expect(d.reasons[0]).toMatchObject({ code: 'avoid-topic', detail: 'politics' });
      expect(d.reasons[0].evidence.length, title).toBeGreaterThan(0);
    }
    expect(decide(politics, item({ title: 'Senate passes bill to avert government shutdown' })).reasons[0].evidence).toContain('senate');
  });

  it('still hides the literal word', () => {
    expect(decide(politics, item({ title: 'Politics is broken, says voter survey' })).action).toBe('hide');
  });

  it('leaves other subjects alone', () => {
    for (const title of ['Easy weeknight vegetable curry recipe', 'My cat knocked over the tree again', 'New GPU benchmarks are out', 'Harvested my first tomatoes']) {
      expect(decide(politics, item({ title })).action, title).toBe('show');
    }
  });

  it('"celebrity gossip" catches the Kardashians and Taylor Swift', () => {
    const gossip = avoid('celebrity gossip');
    expect(decide(gossip, item({ title: 'Kim Kardashian and Kanye West spotted in Paris' })).action).toBe('hide');
    expect(decide(gossip, item({ title: 'Taylor Swift announces new album' })).action).toBe('hide');
    expect(decide(gossip, item({ title: 'Senate passes bill to avert government shutdown' })).action).toBe('show');
  });

  it('a related word the user dropped no longer counts', () => {
    const title = 'Messi scores twice as Barcelona beat Madrid';
    expect(decide(avoid('football'), item({ title })).action).toBe('hide');
    expect(decide(avoid('football', ['messi', 'barcelona', 'madrid']), item({ title })).action).toBe('show');
  });

  it('never hides text in another language by English meaning (abstains)', () => {
    for (const title of [
      'El Senado aprueba la ley para evitar el cierre del gobierno',
      'Der Senat stimmt für das Gesetz und die Regierung ist nicht geschlossen',
      'Le Sénat vote la loi pour éviter la fermeture du gouvernement',
    ]) {
      expect(decide(politics, item({ title })).action, title).toBe('show');
    }
  });

  it('a topic named by its own word is hidden for that word, its language not asked (issue 24)', () => {
    const asked: string[] = [];
    const counting = { ...politics, isForeign: (t: string) => (asked.push(t), politics.isForeign(t)) };
    // "senate" and "government" also reach the topic by meaning: the literal word says it all already.
    const d = decide(counting, item({ title: 'Politics: Senate passes bill to avert government shutdown' }));
    expect(d.action).toBe('hide');
    expect(d.reasons[0]).toMatchObject({ code: 'avoid-topic', detail: 'politics', evidence: ['politics'] });
    expect(asked).toEqual([]);
    // By meaning alone the language is still asked, and another language still abstains.
    expect(decide(counting, item({ title: 'Senate passes bill to avert government shutdown' })).action).toBe('hide');
    expect(asked.length).toBe(1);
    expect(decide(counting, item({ title: 'El Senado aprueba la ley para evitar el cierre del gobierno' })).action).toBe('show');
  });
});

describe('an interest added in plain words boosts items about it', () => {
  const p = profile({
    interests: [
      { id: 'i1', label: 'Gardening', weight: 0.7, keywords: [], exclude: [] },
      { id: 'i2', label: 'Home cooking', weight: 0.7, keywords: [], exclude: [] },
    ] as Profile['interests'],
  });
  const compiled = asTab(p);

  it('boosts the raised garden bed and the curry recipe, naming the interest', () => {
    const garden = decide(compiled, item({ title: 'Building a raised garden bed' }));
    expect(garden.action).toBe('boost');
    expect(garden.reasons.find((r) => r.code === 'interest')?.detail).toBe('Gardening');
    for (const title of ['Moss gardens of Kyoto', 'Harvested my first tomatoes']) expect(decide(compiled, item({ title })).action, title).toBe('boost');
    const curry = decide(compiled, item({ title: 'Easy weeknight vegetable curry recipe' }));
    expect(curry.action).toBe('boost');
    expect(curry.reasons.find((r) => r.code === 'interest')?.detail).toBe('Home cooking');
  });

  it('does not boost what is about neither', () => {
    expect(decide(compiled, item({ title: 'Senate passes bill to avert government shutdown' })).action).toBe('show');
  });
});

describe('what a tab receives', () => {
  it('is compact: twenty topics well under the 2 MB a feed tab may load', () => {
    const labels = ['politics', 'sports', 'food', 'travel', 'technology', 'music', 'business', 'health', 'parenting', 'religion',
      'science', 'comedy', 'movies', 'video games', 'cars', 'pets and animals', 'fashion and beauty', 'education', 'crime', 'environment'];
    const p = profile({ avoidTopics: labels.map((label, i) => ({ id: `t${i}`, label, keywords: [], exclude: [] })) as Profile['avoidTopics'] });
    const bytes = JSON.stringify(packProfileTopics(p, shippedMeaning())).length;
    expect(bytes).toBeLessThan(1_000_000);
  });

  it('without a pack (no model), topics act by their words as before', () => {
    const compiled = compileProfile(profile({ avoidTopics: [{ id: 'a1', label: 'politics', keywords: [], exclude: [] }] as Profile['avoidTopics'] }), { policyStage: null });
    expect(decide(compiled, item({ title: 'Senate passes bill to avert government shutdown' })).action).toBe('show');
    expect(decide(compiled, item({ title: 'Politics is broken' })).action).toBe('hide');
  });

  it('a malformed pack is ignored, never thrown', () => {
    const p = profile({ avoidTopics: [{ id: 'a1', label: 'politics', keywords: [], exclude: [] }] as Profile['avoidTopics'] });
    for (const topicPack of [null, 5, 'x', { avoid: 'no' }, { avoid: [null, { id: 'a1', terms: [['senate', 'heavy'], 7, null, 'senate'] }] }]) {
      const compiled = compileProfile({ ...p, topicPack } as Profile, { policyStage: null });
      expect(decide(compiled, item({ title: 'Senate passes bill' })).action).toBe('show');
    }
  });
});
