import { describe, expect, it } from 'vitest';
import { mergeProfile } from '@/lib/core/profile-merge';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { addInterest, addRule, setPolicy, updateInterest, removeInterest } from '@/components/profile-edit';

const base = (): Profile => addInterest(defaultProfile(1), 'Woodworking');

describe('mergeProfile: an edit is applied to the latest stored profile, never over it', () => {
  it('keeps an interest added in the popup when the Profile view changes a policy', () => {
    const b = base();
    const theirs = { ...addInterest(b, 'Gardening'), revision: 1 };
    const mine = setPolicy(b, 'clickbait', { action: 'hide' });
    const merged = mergeProfile(b, mine, theirs);
    expect(merged.interests.map((i) => i.label)).toEqual(['Woodworking', 'Gardening']);
    expect(merged.policies.clickbait.action).toBe('hide');
    expect(merged.revision).toBe(1);
  });

  it('merges lists by entry: both sides add, one removes, one changes', () => {
    const b = addInterest(base(), 'Jazz');
    const theirs = updateInterest(addInterest(b, 'Astronomy'), 'jazz', { weight: 0.2 });
    const mine = addInterest(removeInterest(b, 'woodworking'), 'Chess');
    const merged = mergeProfile(b, mine, theirs);
    expect(merged.interests.map((i) => [i.label, i.weight])).toEqual([
      ['Jazz', 0.2],
      ['Chess', 0.7],
      ['Astronomy', 0.7],
    ]);
  });

  it('merges an entry field by field, and nested settings key by key', () => {
    const b = base();
    const theirs = setPolicy(updateInterest(b, 'woodworking', { keywords: ['joinery'] }), 'rage', { strictness: 0.9 });
    const mine = setPolicy(updateInterest(b, 'woodworking', { weight: 1 }), 'rage', { action: 'hide' });
    const merged = mergeProfile(b, mine, theirs);
    expect(merged.interests[0]).toMatchObject({ weight: 1, keywords: ['joinery'] });
    expect(merged.policies.rage).toEqual({ action: 'hide', strictness: 0.9 });
  });

  it('undo is the same merge the other way: the last save is taken back, later changes elsewhere stay', () => {
    const before = base();
    const after = addRule(before);
    const latest = { ...after, blockedAuthors: [{ platform: 'youtube' as const, name: 'DramaDaily' }] };
    const undone = mergeProfile(after, before, latest);
    expect(undone.rules).toEqual([]);
    expect(undone.blockedAuthors).toEqual([{ platform: 'youtube', name: 'DramaDaily' }]);
  });

  it('returns the latest profile when nothing was edited', () => {
    const b = base();
    const theirs = addInterest(b, 'Gardening');
    expect(mergeProfile(b, b, theirs)).toBe(theirs);
  });
});
