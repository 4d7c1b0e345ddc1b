import { describe, expect, it } from 'vitest';
import { defaultProfile, Profile } from '@/lib/schema/profile';
import { describeReason } from '@/lib/shield-runtime/reasons';
import { reasonWords } from '@/components/dashboard/activity/wording';
import { addAvoidTopic, addInterest } from '@/components/profile-edit';
import { withDropped, withRestored } from '@/components/topics/exclusions';
import type { Reason } from '@/lib/schema/decision';

const avoid = (detail: string, evidence: string[]): Reason => ({ code: 'avoid-topic', detail, source: 'rule', evidence });
const interest = (detail: string, evidence: string[]): Reason => ({ code: 'interest', detail, source: 'rule', evidence });

describe('a decision on a topic says why in words a person can check', () => {
  it('names the topic and the words found in the item, on the stub and in the activity log', () => {
    const r = avoid('politics', ['senate', 'shutdown']);
    expect(describeReason(r, { short: true })).toBe('Topic you avoid: politics (senate, shutdown)');
    expect(describeReason(r)).toBe('Topic you avoid: politics (senate, shutdown)');
    expect(reasonWords(r)).toBe('Topic you avoid: politics (senate, shutdown)');
  });

  it('does not repeat the topic when the item said it outright, and quotes at most three words', () => {
    expect(describeReason(avoid('Politics', ['politics']))).toBe('Topic you avoid: Politics');
    expect(describeReason(avoid('politics', ['politics', 'senate', 'Senate', 'congress', 'vote', 'bill']))).toBe(
      'Topic you avoid: politics (senate, congress, vote)',
    );
  });

  it('leaves the words out rather than cutting one in half when the text would be too long', () => {
    const long = 'a topic with a long name a person typed in the popup one day';
    expect(describeReason(avoid(long, ['senate', 'shutdown']))).toBe(`Topic you avoid: ${long}`);
  });

  it('an interest badge names the interest alone; its explanation and the activity log add the words', () => {
    const r = interest('Gardening', ['garden', 'raised bed']);
    expect(describeReason(r, { short: true })).toBe('Your interest: Gardening');
    expect(describeReason(r)).toBe('Your interest: Gardening (garden, raised bed)');
    expect(reasonWords(r)).toBe('Matches your interest: Gardening (garden, raised bed)');
  });
});

describe('words dropped from a topic', () => {
  it('are added once whatever their case, and can be taken back', () => {
    let ex = withDropped([], 'American football');
    ex = withDropped(ex, 'american football');
    ex = withDropped(ex, ' NFL ');
    expect(ex).toEqual(['American football', 'NFL']);
    expect(withRestored(ex, 'nfl')).toEqual(['American football']);
  });

  it('stay within what the profile can hold', () => {
    const full = Array.from({ length: 200 }, (_, i) => `w${i}`);
    expect(withDropped(full, 'one more')).toHaveLength(200);
  });

  it('travel with a topic added from the popup and pass the profile schema', () => {
    let p = addAvoidTopic(defaultProfile(1), 'football', ['American football', 'NFL']);
    p = addInterest(p, 'Gardening', 0.7, ['farm']);
    const parsed = Profile.parse(p);
    expect(parsed.avoidTopics[0]).toMatchObject({ label: 'football', exclude: ['American football', 'NFL'] });
    expect(parsed.interests[0]).toMatchObject({ label: 'Gardening', exclude: ['farm'] });
    expect(Profile.parse(addAvoidTopic(defaultProfile(1), 'crypto')).avoidTopics[0].exclude).toEqual([]);
  });
});
