// The decisions kept from a feed's earlier pages (lib/schema/known-decisions.ts): a revisited page decides the items
// it knows as they were, and decodes no model for them; anything else, or another profile, is decided afresh.
import { describe, expect, it } from 'vitest';
import { itemFingerprint } from '@/lib/core/item-fingerprint';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { KNOWN_CAP, type KnownEntry } from '@/lib/schema/known-decisions';
import { createDecider, LazyModel, type KnownStart } from '@/lib/shield-runtime/decider';
import { scriptedEngine } from '../doubles/runtime-engine';
import { item } from './shield-helpers';

const person = (over: Partial<Profile> = {}): Profile => ({ ...defaultProfile(1), revision: 3, updatedAt: 10, ...over });
const story = (id: string, title = 'A story') => item({ platform: 'hackernews', id, title });
const hideBait = (title: string) => (title.includes('bait') ? 'hide' : 'show');

/** What a first visit keeps: its fresh decisions, taken as the page would send them. */
function firstVisit(profile: Profile, items: ReturnType<typeof story>[]): KnownEntry[] {
  const e = scriptedEngine(hideBait);
  const d = createDecider(e.engine, 'hackernews');
  d.useAll({ profile, clickbait: 'cb', detectors: 'rules', known: known(profile, []) });
  for (const i of items) d.decide(i);
  return d.takeFresh();
}
const known = (profile: Profile, entries: KnownEntry[]): KnownStart => ({ profile, key: 'k', stamp: 's', entries });

describe('decisions kept from earlier pages', () => {
  it('a first visit keeps each decision with its quoted reasons and the item’s fingerprint, once', () => {
    const p = person();
    const e = scriptedEngine(hideBait);
    const d = createDecider(e.engine, 'hackernews');
    d.useAll({ profile: p, clickbait: 'cb', detectors: 'rules', known: known(p, []) });
    const bait = story('1', 'bait story');
    d.decide(bait);
    d.decide(story('2'));
    const kept = d.takeFresh();
    expect(kept.map((k) => [k.id, k.decision.action])).toEqual([
      ['1', 'hide'],
      ['2', 'show'],
    ]);
    expect(kept[0].fp).toBe(itemFingerprint(bait));
    expect(kept[0].quoted[0].evidence).toEqual(['quoted']);
    expect(d.takeFresh()).toEqual([]);
  });

  it('a revisit decides the items it knows as they were, with no compile and no model made', () => {
    const p = person();
    const items = [story('1', 'bait story'), story('2')];
    const entries = firstVisit(p, items);
    const e = scriptedEngine(() => 'show');
    const d = createDecider(e.engine, 'hackernews');
    let made = 0;
    const lazy = new LazyModel(() => (made++, 'cb'));
    d.useAll({ profile: p, clickbait: lazy, detectors: new LazyModel(() => (made++, 'rules')), known: known(p, entries) });
    expect(d.decide(items[0]).action).toBe('hide');
    expect(d.decide(items[1]).action).toBe('show');
    // The log and the why frame get the quoted reasons kept with it, not a compile to quote them.
    expect(d.quoter(items[0], d.decide(items[0]))()[0].evidence).toEqual(['quoted']);
    expect(e.decided).toEqual([]);
    expect(e.compiled).toEqual([]);
    expect(made).toBe(0);
    expect(d.takeFresh()).toEqual([]);
  });

  it('an item it does not know, or knows read otherwise, makes the models and is decided and kept', () => {
    const p = person();
    const entries = firstVisit(p, [story('1', 'a story')]);
    const e = scriptedEngine(hideBait);
    const d = createDecider(e.engine, 'hackernews');
    d.useAll({ profile: p, clickbait: new LazyModel(() => 'cb'), detectors: new LazyModel(() => 'rules'), known: known(p, entries) });
    // Same id, its title changed since: decided again.
    expect(d.decide(story('1', 'now bait')).action).toBe('hide');
    expect(e.compiled).toHaveLength(1);
    expect(e.compiled[0]).toMatchObject({ profile: p, clickbait: 'cb', detectors: 'rules' });
    d.decide(story('3'));
    expect(e.decided).toEqual(['1', '3']);
    expect(d.takeFresh().map((k) => k.id)).toEqual(['1', '3']);
  });

  it('a model that fails to be made is left out, and what is decided without it is not kept', () => {
    const p = person();
    const e = scriptedEngine();
    const d = createDecider(e.engine, 'hackernews');
    const broken = new LazyModel(() => {
      throw new Error('bad bytes');
    });
    d.useAll({ profile: p, clickbait: broken, detectors: 'rules', known: known(p, []) });
    d.decide(story('1'));
    expect(e.compiled.at(-1)).toMatchObject({ clickbait: null, detectors: 'rules' });
    expect(d.takeFresh()).toEqual([]);
  });

  it('kept for another profile object (one broadcast while the page waited), they are not used', () => {
    const p = person();
    const entries = firstVisit(p, [story('1', 'bait story')]);
    const e = scriptedEngine(() => 'show');
    const d = createDecider(e.engine, 'hackernews');
    d.useAll({ profile: person({ revision: 4 }), clickbait: 'cb', detectors: 'rules', known: known(p, entries) });
    expect(d.decide(story('1', 'bait story')).action).toBe('show');
    expect(d.takeFresh()).toEqual([]);
  });

  it('a new profile on the page drops them: its items are decided afresh, and nothing more is kept', () => {
    const p = person();
    const items = [story('1', 'bait story')];
    const entries = firstVisit(p, items);
    const e = scriptedEngine(() => 'show');
    const d = createDecider(e.engine, 'hackernews');
    d.useAll({ profile: p, clickbait: 'cb', detectors: 'rules', known: known(p, entries) });
    expect(d.decide(items[0]).action).toBe('hide');
    d.useProfile(person({ revision: 4 }));
    d.forget();
    expect(d.decide(items[0]).action).toBe('show');
    expect(d.takeFresh()).toEqual([]);
  });

  it('a model arriving later does not undo them: known items stay as they were, with no compile', () => {
    const p = person();
    const items = [story('1', 'bait story')];
    const entries = firstVisit(p, items);
    const e = scriptedEngine(() => 'show');
    const d = createDecider(e.engine, 'hackernews');
    d.useAll({ profile: p, known: known(p, entries) });
    d.useModel('clickbait', 'cb');
    d.forget();
    expect(d.decide(items[0]).action).toBe('hide');
    expect(e.compiled).toEqual([]);
  });

  it('what the person hid by hand stays hidden over a decision kept as shown', () => {
    const p = person();
    const items = [story('1')];
    const entries = firstVisit(p, items);
    const d = createDecider(scriptedEngine().engine, 'hackernews');
    d.useAll({ profile: p, clickbait: 'cb', detectors: 'rules', known: known(p, entries) });
    d.hideByHand('1');
    expect(d.decide(items[0]).reasons[0].code).toBe('user-hidden');
  });

  it('holds the newest KNOWN_CAP decisions to keep, however many items a page churns through', () => {
    const p = person();
    const d = createDecider(scriptedEngine().engine, 'hackernews');
    d.useAll({ profile: p, clickbait: 'cb', detectors: 'rules', known: known(p, []) });
    for (let i = 0; i < KNOWN_CAP * 3; i++) {
      d.decide(story(String(i)));
      d.forget(); // as the runner's sweep does
    }
    const kept = d.takeFresh();
    expect(kept).toHaveLength(KNOWN_CAP);
    expect(kept.at(-1)!.id).toBe(String(KNOWN_CAP * 3 - 1));
  });
});
