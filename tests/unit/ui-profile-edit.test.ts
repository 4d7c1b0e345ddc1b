import { describe, expect, it } from 'vitest';
import { defaultProfile, Profile } from '@/lib/schema/profile';
import {
  addAvoidTopic,
  addBlockedAuthor,
  addInstruction,
  addInterest,
  addRule,
  checkLabel,
  makeId,
  regexError,
  removeBlockedAuthor,
  removeInterest,
  setPaused,
  setPolicy,
  setSite,
  toggleRulePlatform,
  updateRule,
} from '@/components/profile-edit';

const base = () => defaultProfile(1_700_000_000_000);

describe('profile edits the popup and dashboard make', () => {
  it('adds and removes interests with ids the schema accepts, never touching the input', () => {
    const p0 = base();
    const p1 = addInterest(addInterest(p0, 'Jazz piano'), 'Jazz  Piano!');
    expect(p0.interests).toEqual([]);
    expect(p1.interests.map((i) => i.label)).toEqual(['Jazz piano', 'Jazz  Piano!']);
    expect(new Set(p1.interests.map((i) => i.id)).size).toBe(2);
    expect(Profile.safeParse(p1).success).toBe(true);
    expect(removeInterest(p1, p1.interests[0]!.id).interests.map((i) => i.label)).toEqual(['Jazz  Piano!']);
  });

  it('makes ids from any text, even text with no latin letters', () => {
    expect(makeId('Ünïcode Café', [])).toBe('unicode-cafe');
    expect(makeId('日本語', [])).toBe('item');
    expect(makeId('item', ['item', 'item-2'])).toBe('item-3');
    expect(makeId('x'.repeat(300), [])).toMatch(/^[a-z0-9_-]{1,64}$/);
  });

  it('refuses empty, duplicate and markup labels with a sentence a person can act on', () => {
    expect(checkLabel('  Chess  ', [])).toEqual({ ok: true, value: 'Chess' });
    expect(checkLabel('chess', ['Chess'], 'interests')).toEqual({ ok: false, error: '“chess” is already in your interests' });
    expect(checkLabel('   ', [])).toMatchObject({ ok: false, error: expect.stringContaining('must not be empty') });
    expect(checkLabel('<img src=x onerror=alert(1)>', [])).toMatchObject({ ok: false, error: expect.stringContaining('plain text') });
  });

  it('switches sites and pause without touching anything else', () => {
    const p = setPaused(setSite(base(), 'reddit', false), true);
    expect(p.sites.reddit).toBe(false);
    expect(p.sites.youtube).toBe(true);
    expect(p.paused).toBe(true);
  });

  it('adds a quick instruction for every chat site, chosen automatically', () => {
    const p = addInstruction(base(), 'Answer in metric units');
    expect(p.instructions).toEqual([
      { id: expect.stringMatching(/^ins-/), text: 'Answer in metric units', enabled: true, sites: ['chatgpt', 'claude', 'gemini', 'perplexity'], scope: { type: 'auto' } },
    ]);
    expect(Profile.safeParse(p).success).toBe(true);
  });

  it('keeps blocked authors per platform', () => {
    let p = addBlockedAuthor(base(), 'youtube', 'Loud');
    p = addBlockedAuthor(p, 'x', 'Loud');
    expect(removeBlockedAuthor(p, 'youtube', 'Loud').blockedAuthors).toEqual([{ platform: 'x', name: 'Loud' }]);
  });

  it('treats an empty platform list as every platform and never lets a rule lose all of them', () => {
    const p = addRule(base());
    const rule = p.rules[0]!;
    expect(toggleRulePlatform(rule, 'x')).toEqual(['youtube', 'reddit', 'hackernews']);
    const onlyX = { ...rule, platforms: ['x' as const] };
    expect(toggleRulePlatform(onlyX, 'x')).toEqual(['x']);
    expect(toggleRulePlatform({ ...rule, platforms: ['youtube', 'reddit', 'hackernews'] }, 'x')).toEqual([]);
  });

  it('reports a regex compile error the way the background will meet it', () => {
    expect(regexError(String.raw`\b(top|best) \d+\b`)).toBeNull();
    expect(regexError('')).toBeNull();
    expect(regexError('(unclosed[')).toBe('Unterminated character class');
    // The u flag makes a lone escape of a normal letter an error: the preview must agree with the schema.
    const lone = String.raw`\q`;
    const p = updateRule(addRule(base(), 'regex'), 'rule', { pattern: lone });
    expect(regexError(lone) !== null).toBe(!Profile.safeParse(p).success);
  });

  it('changes one policy and leaves the rest', () => {
    const p = setPolicy(base(), 'clickbait', { action: 'hide' });
    expect(p.policies.clickbait).toEqual({ action: 'hide', strictness: 0.5 });
    expect(p.policies.rage).toEqual(base().policies.rage);
  });

  it('adds avoid-topics next to interests without mixing them', () => {
    const p = addAvoidTopic(addInterest(base(), 'Chess'), 'Chess drama');
    expect(p.interests).toHaveLength(1);
    expect(p.avoidTopics.map((t) => t.label)).toEqual(['Chess drama']);
  });
});
