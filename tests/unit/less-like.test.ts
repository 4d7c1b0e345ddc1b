import { describe, expect, it } from 'vitest';
import { applyFeedback } from '@/lib/core/feedback';
import { subjectWords } from '@/lib/core/less-like';
import { compileProfile, decide } from '@/lib/core/shield';
import { migrateProfile } from '@/lib/schema/migrate';
import { PROFILE_VERSION, type Profile } from '@/lib/schema/profile';
import type { Feedback } from '@/lib/schema/log';
import { item, profile } from './shield-helpers';

const said = (p: Profile, type: Feedback['type'], it: ReturnType<typeof item>): Profile =>
  applyFeedback(p, { ts: 1, type, platform: it.platform, itemId: it.id, title: it.title, author: it.author }, it, 100);

const drama = item({ title: 'Celebrity feud EXPLODES: the full drama timeline', author: 'Drama Central' });
const sameSubject = item({ title: 'Celebrity feud update: new drama tonight', author: 'Drama Central' });
const otherSubject = item({ title: 'How I restored a 1970s synthesizer', author: 'Drama Central' });
const otherAuthor = item({ title: 'Celebrity feud explained calmly', author: 'Calm News' });

describe('"Less like this" shows less of items like this one, and only those', () => {
  it('demotes the same author on the same subject, keeps the rest of the channel and other channels as they were', () => {
    const p = said(profile(), 'less-like-this', drama);
    expect(p.blockedAuthors).toEqual([]);
    expect(p.lessLike).toEqual([expect.objectContaining({ platform: 'youtube', author: 'Drama Central', itemId: drama.id })]);
    const c = compileProfile(p);
    const d = decide(c, sameSubject);
    expect(d.action).toBe('demote');
    expect(d.reasons[0]).toMatchObject({ code: 'less-like', detail: 'Drama Central', evidence: ['celebrity', 'feud', 'drama'] });
    expect(decide(c, drama).action).toBe('demote');
    expect(decide(c, otherSubject).action).toBe('show');
    expect(decide(c, otherAuthor).action).toBe('show');
  });

  it('is undone by Undo, and "Block" is its own, explicit action', () => {
    const less = said(profile(), 'less-like-this', drama);
    const undone = said(less, 'undo-less-like', drama);
    expect(undone.lessLike).toEqual([]);
    // From an item it made shown less, too; not from the channel's other items.
    expect(said(less, 'undo-less-like', otherSubject).lessLike).toHaveLength(1);
    expect(said(less, 'undo-less-like', sameSubject).lessLike).toEqual([]);
    expect(decide(compileProfile(undone), sameSubject).action).toBe('show');
    const blocked = said(profile(), 'block-author', drama);
    expect(blocked.blockedAuthors).toEqual([{ platform: 'youtube', name: 'Drama Central' }]);
    expect(decide(compileProfile(blocked), otherSubject).action).toBe('hide');
  });

  it('"Always show from" the channel outweighs it', () => {
    const p = said(said(profile(), 'less-like-this', drama), 'exception-author', drama);
    expect(decide(compileProfile(p), sameSubject).action).toBe('show');
  });

  it('remembers the words that say what the item is about', () => {
    expect(subjectWords('Why the 10 BEST moss gardens are in Kyoto (part 2)')).toEqual(['best', 'moss', 'gardens', 'kyoto']);
  });
});

describe('version 4 to 5', () => {
  // A profile as version 4 wrote it: "Less like this" had blocked the author.
  const v4 = {
    schemaVersion: 4,
    revision: 7,
    updatedAt: 3,
    interests: [{ id: 'gardening', label: 'Gardening', weight: 0.8, keywords: ['moss'], exclude: ['golf'] }],
    blockedAuthors: [{ platform: 'youtube', name: 'Drama Central' }],
    exceptions: [{ id: 'e1', type: 'rule', platform: 'hackernews', ruleCode: 'ad', createdAt: 2 }],
    hiddenItems: [{ platform: 'reddit', itemId: 't3_abc', at: 4 }],
  };

  it('keeps everything a version 4 profile held, a blocked channel still blocked, and starts with no "less like this"', () => {
    const r = migrateProfile(v4, 10);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.schemaVersion).toBe(PROFILE_VERSION);
    expect(PROFILE_VERSION).toBe(5);
    expect(r.value.revision).toBe(7);
    expect(r.value.interests[0]).toEqual(v4.interests[0]);
    expect(r.value.blockedAuthors).toEqual(v4.blockedAuthors);
    expect(r.value.exceptions[0]).toEqual(v4.exceptions[0]);
    expect(r.value.hiddenItems).toEqual(v4.hiddenItems);
    expect(r.value.lessLike).toEqual([]);
  });

  it('a version 5 profile keeps its "less like this" when read again, and refuses markup in it', () => {
    const p = said(profile(), 'less-like-this', drama);
    const again = migrateProfile(JSON.parse(JSON.stringify(p)), 2);
    expect(again.ok && again.value.lessLike).toEqual(p.lessLike);
    const bad = migrateProfile({ ...JSON.parse(JSON.stringify(p)), lessLike: [{ ...p.lessLike[0], author: '<b>x</b>' }] }, 2);
    expect(bad.ok).toBe(false);
  });
});
