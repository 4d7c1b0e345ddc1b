// The decider: the profile and the models in force, and the decision for each item. The profile goes to the
// engine exactly as the background sent it, fields this version does not know included.
import { describe, expect, it } from 'vitest';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { createDecider } from '@/lib/shield-runtime/decider';
import { scriptedEngine } from '../doubles/runtime-engine';
import { item } from './shield-helpers';

const person = (over: Partial<Profile> = {}): Profile => ({ ...defaultProfile(1), revision: 3, updatedAt: 10, ...over });
const story = (id: string, title = 'A story') => item({ platform: 'hackernews', id, title });

describe('the decider', () => {
  it('decides with the defaults until the person’s profile arrives, then with that very object', () => {
    const e = scriptedEngine();
    const d = createDecider(e.engine, 'hackernews');
    expect(d.profile.revision).toBe(0);
    const sent = { ...person(), topicExpansions: { politics: ['senate'] } } as Profile;
    expect(d.useProfile(sent)).toBe(true);
    expect(e.compiled.at(-1)!.profile).toBe(sent);
    expect(d.profile).toBe(sent);
  });

  it('does not compile the same revision twice', () => {
    const e = scriptedEngine();
    const d = createDecider(e.engine, 'hackernews');
    d.useProfile(person());
    const n = e.compiled.length;
    expect(d.useProfile(person())).toBe(false);
    expect(d.useProfile(person({ revision: 4 }))).toBe(true);
    expect(e.compiled.length).toBe(n + 1);
  });

  it('decides an item once, until told to forget', () => {
    const e = scriptedEngine((title) => (title.includes('ad') ? 'hide' : 'show'));
    const d = createDecider(e.engine, 'hackernews');
    const it1 = story('1', 'an ad');
    expect(d.decide(it1).action).toBe('hide');
    d.decide(it1);
    expect(e.decided).toEqual(['1']);
    d.forget();
    d.decide(it1);
    expect(e.decided).toEqual(['1', '1']);
  });

  it('puts a judge’s verdict in place of the fast decision', () => {
    const e = scriptedEngine();
    const d = createDecider(e.engine, 'hackernews');
    const s = story('1');
    const verdict = { ...d.decide(s), action: 'label' as const, judgedBy: 'model' };
    d.verdict('1', verdict);
    expect(d.decide(s)).toBe(verdict);
  });

  it('hides what the person hid by hand, here or on an earlier visit, until they show it again', () => {
    const e = scriptedEngine();
    const d = createDecider(e.engine, 'hackernews');
    d.useProfile(person({ hiddenItems: [{ platform: 'hackernews', itemId: 'old', at: 1 }, { platform: 'youtube', itemId: 'yt', at: 1 }] }));
    expect(d.decide(story('old')).reasons[0].code).toBe('user-hidden');
    expect(d.decide(story('yt')).action).toBe('show');
    d.hideByHand('new');
    expect(d.decide(story('new')).action).toBe('hide');
    expect(d.handHidden('new')).toBe(true);
    d.showAnyway('old');
    expect(d.handHidden('old')).toBe(false);
    expect(d.revealed('old')).toBe(true);
    expect(d.decide(story('old')).action).toBe('show');
  });

  it('leaves out a model the engine refuses, as if it had not loaded', () => {
    const e = scriptedEngine();
    const d = createDecider(e.engine, 'hackernews');
    e.refuseWhen((clickbait) => clickbait === 'broken');
    d.useModel('detectors', 'rules');
    d.useModel('clickbait', 'broken');
    expect(e.compiled.at(-1)).toMatchObject({ clickbait: null, detectors: 'rules' });
  });

  it('takes the profile and the models that arrived while the page waited with one compile, leaving out a refused model', () => {
    const e = scriptedEngine();
    const d = createDecider(e.engine, 'hackernews');
    e.refuseWhen((clickbait) => clickbait === 'broken');
    const n = e.compiled.length;
    const p = person();
    d.useAll({ profile: p, clickbait: 'broken', detectors: 'rules' });
    expect(e.compiled.length).toBe(n + 1);
    expect(e.compiled.at(-1)).toMatchObject({ profile: p, clickbait: null, detectors: 'rules' });
    expect(d.profile).toBe(p);
  });

  it('quotes the headline model’s words only when asked, with the rules the decision was taken under', () => {
    const e = scriptedEngine(() => 'label');
    const d = createDecider(e.engine, 'hackernews');
    const s = story('1');
    const quote = d.quoter(s, d.decide(s));
    expect(e.quoted).toEqual([]);
    expect(quote()[0].evidence).toEqual(['quoted']);
    quote();
    expect(e.quoted).toEqual(['1']);
  });

  it('throws when the profile cannot be compiled, with the profile in force all the same', () => {
    const e = scriptedEngine();
    const d = createDecider(e.engine, 'hackernews');
    e.refuseWhen(() => true);
    const p = person();
    expect(() => d.useProfile(p)).toThrow();
    expect(d.profile).toBe(p);
  });
});
