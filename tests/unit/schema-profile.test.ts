import { describe, expect, it } from 'vitest';
import { defaultProfile, Profile, PROFILE_VERSION } from '@/lib/schema/profile';
import { migrateProfile } from '@/lib/schema/migrate';
import type { ProfileV1 } from '@/lib/schema/migrations/v1-to-v2';

describe('profile defaults', () => {
  it('hides promoted items behind a stub and labels clickbait out of the box', () => {
    const p = defaultProfile(1000);
    expect(p.schemaVersion).toBe(PROFILE_VERSION);
    expect(p.revision).toBe(0);
    expect(p.policies.promoted.action).toBe('hide');
    expect(p.display.hiddenStyle).toBe('stub');
    expect(p.policies.clickbait.action).toBe('label');
    expect(p.paused).toBe(false);
    expect(Object.values(p.sites).every(Boolean)).toBe(true);
    expect(p.judge.enabled).toBe(false);
  });

  it('refuses markup in the user’s text and names the field', () => {
    const bad = Profile.safeParse({ ...defaultProfile(1), avoidTopics: [{ id: 'a', label: '<script>alert(1)</script>' }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['avoidTopics', 0, 'label']);
  });

  it('refuses a regular expression that does not compile', () => {
    const bad = Profile.safeParse({
      ...defaultProfile(1),
      rules: [{ id: 'r', kind: 'regex', pattern: '(unclosed', action: 'hide' }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toMatch(/not a valid regular expression/);
  });

  it('accepts keyword rules that look like broken regexes: they are matched literally', () => {
    const ok = Profile.safeParse({ ...defaultProfile(1), rules: [{ id: 'r', kind: 'keyword', pattern: 'c++ (', action: 'hide' }] });
    expect(ok.success).toBe(true);
  });
});

describe('profile migrations', () => {
  const v1: ProfileV1 = {
    version: 1,
    revision: 7,
    interests: ['Rust programming', 'Birdwatching'],
    avoid: ['Celebrity gossip'],
    blockedChannels: ['LoudChannel'],
    keywords: ['giveaway'],
    manipulation: { ads: false, clickbait: true },
    instructions: [{ text: 'Answer in metric units.' }],
    sites: { youtube: false },
    paused: true,
  };

  it('brings a version 1 profile to the current version, keeping everything the user set', () => {
    const r = migrateProfile(v1, 5000);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.schemaVersion).toBe(PROFILE_VERSION);
    expect(p.revision).toBe(8);
    expect(p.interests.map((i) => i.label)).toEqual(['Rust programming', 'Birdwatching']);
    expect(p.avoidTopics[0].label).toBe('Celebrity gossip');
    expect(p.blockedAuthors).toEqual([{ platform: 'youtube', name: 'LoudChannel' }]);
    expect(p.rules[0]).toMatchObject({ kind: 'keyword', pattern: 'giveaway', action: 'hide' });
    expect(p.policies.promoted.action).toBe('off');
    expect(p.policies.clickbait.action).toBe('label');
    expect(p.instructions[0].text).toBe('Answer in metric units.');
    expect(p.sites.youtube).toBe(false);
    expect(p.sites.reddit).toBe(true);
    expect(p.paused).toBe(true);
  });

  it('an empty version 1 profile migrates to defaults', () => {
    const r = migrateProfile({ version: 1 }, 1);
    expect(r.ok && r.value.interests.length === 0).toBe(true);
  });

  it('refuses a profile from a newer Parapet with a message that says so', () => {
    const r = migrateProfile({ ...defaultProfile(1), schemaVersion: 99 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/schemaVersion: 99 comes from a newer Parapet/);
  });

  it('refuses a version 1 profile whose strings hold markup', () => {
    const r = migrateProfile({ version: 1, interests: ['<img src=x onerror=alert(1)>'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^profile\.interests\[0\]\.label: must be plain text/);
  });
});

describe('version 2 to 3', () => {
  it('keeps a version 2 profile as it was and adds empty inference controls', () => {
    const v2 = {
      schemaVersion: 2,
      revision: 4,
      updatedAt: 1,
      interests: [{ id: 'chess', label: 'Chess', weight: 0.9, keywords: ['openings'] }],
      blockedAuthors: [{ platform: 'reddit', name: 'spammer' }],
      policies: { clickbait: { action: 'hide', strictness: 0.8 } },
      exceptions: [{ id: 'e1', type: 'author', platform: 'youtube', author: 'Kind Channel', createdAt: 3 }],
    };
    const r = migrateProfile(v2, 10);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.schemaVersion).toBe(PROFILE_VERSION);
    expect(r.value.revision).toBe(4);
    expect(r.value.interests[0]).toEqual({ ...v2.interests[0], exclude: [] });
    expect(r.value.policies.clickbait).toEqual({ action: 'hide', strictness: 0.8 });
    expect(r.value.policies.promoted.action).toBe('hide');
    expect(r.value.exceptions[0].author).toBe('Kind Channel');
    expect(r.value.inferred).toEqual({ rejected: [], pinned: [], forgotten: [] });
    expect(r.value.hiddenItems).toEqual([]);
  });
});

describe('version 3 to 4', () => {
  // A profile as version 3 of Parapet wrote it: topics had no place for dropped related words.
  const v3 = {
    schemaVersion: 3,
    revision: 12,
    updatedAt: 5,
    interests: [
      { id: 'gardening', label: 'Gardening', weight: 0.8, keywords: ['raised bed'] },
      { id: 'football', label: 'Football', weight: 0.6, keywords: [] },
    ],
    avoidTopics: [{ id: 'politics', label: 'politics', keywords: ['senate'] }],
    blockedAuthors: [{ platform: 'youtube', name: 'LoudChannel' }],
    inferred: { rejected: ['Crumb Finally'], pinned: ['Woodworking'], forgotten: [{ topic: 'Chess', at: 2 }] },
    hiddenItems: [{ platform: 'reddit', itemId: 't3_abc', at: 4 }],
    display: { hiddenStyle: 'remove', reorder: false, exploreShare: 0.1 },
  };

  it('keeps every topic, keyword and setting of a version 3 profile and starts each topic with nothing excluded', () => {
    const r = migrateProfile(v3, 10);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.schemaVersion).toBe(PROFILE_VERSION);
    expect(p.revision).toBe(12);
    expect(p.interests).toEqual([
      { id: 'gardening', label: 'Gardening', weight: 0.8, keywords: ['raised bed'], exclude: [] },
      { id: 'football', label: 'Football', weight: 0.6, keywords: [], exclude: [] },
    ]);
    expect(p.avoidTopics).toEqual([{ id: 'politics', label: 'politics', keywords: ['senate'], exclude: [] }]);
    expect(p.blockedAuthors).toEqual(v3.blockedAuthors);
    expect(p.inferred).toEqual(v3.inferred);
    expect(p.hiddenItems).toEqual(v3.hiddenItems);
    expect(p.display).toEqual(v3.display);
  });

  it('a version 3 profile with no topics at all migrates', () => {
    const r = migrateProfile({ schemaVersion: 3, revision: 0, updatedAt: 0 }, 1);
    expect(r.ok && r.value.interests.length + r.value.avoidTopics.length).toBe(0);
  });

  it('still refuses markup in a version 3 topic after migrating', () => {
    const r = migrateProfile({ ...v3, avoidTopics: [{ id: 'x', label: '<b>politics</b>', keywords: [] }] }, 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^profile\.avoidTopics\[0\]\.label: must be plain text/);
  });

  it('keeps the related words a user dropped from a topic when the profile is read again', () => {
    const withExclusion = { ...defaultProfile(1), interests: [{ id: 'football', label: 'Football', weight: 0.7, keywords: [], exclude: ['quarterback', 'nfl'] }] };
    const r = migrateProfile(JSON.parse(JSON.stringify(withExclusion)), 2);
    expect(r.ok && r.value.interests[0].exclude).toEqual(['quarterback', 'nfl']);
  });

  it('refuses a dropped word that is markup, naming the field', () => {
    const bad = Profile.safeParse({ ...defaultProfile(1), avoidTopics: [{ id: 'p', label: 'politics', exclude: ['<i>x</i>'] }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['avoidTopics', 0, 'exclude', 0]);
  });
});
