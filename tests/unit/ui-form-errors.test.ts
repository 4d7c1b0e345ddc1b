import { describe, expect, it } from 'vitest';
import { defaultProfile } from '@/lib/schema/profile';
import { describeField, errorsUnder, validateProfile } from '@/components/form-errors';
import { viewFromHash, hashFor, VIEWS } from '@/components/dashboard/routes';
import { formatBytes, plural } from '@/components/format';

describe('profile form validation', () => {
  it('accepts a valid draft and returns it parsed', () => {
    const r = validateProfile(defaultProfile(1));
    expect(r.ok).toBe(true);
  });

  it('keys errors by field path so each shows beside its field', () => {
    const draft = {
      ...defaultProfile(1),
      interests: [{ id: 'a', label: '<b>x</b>', weight: 0.5, keywords: ['ok', ''] }],
      rules: [{ id: 'r', kind: 'regex', pattern: '(', action: 'hide', platforms: [], enabled: true }],
    };
    const r = validateProfile(draft);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors['interests.0.label']).toBe('must be plain text, not markup');
    expect(r.errors['interests.0.keywords.1']).toBe('must not be empty');
    expect(r.errors['rules.0.pattern']).toMatch(/not a valid regular expression/);
    expect(errorsUnder(r.errors, 'interests', 0)).toHaveLength(2);
    expect(errorsUnder(r.errors, 'interests', 1)).toEqual([]);
  });

  it('names fields in words for the summary', () => {
    expect(describeField('interests.2.keywords.0')).toBe('Interest 3 › keyword 1');
    expect(describeField('rules.0.pattern')).toBe('Rule 1 › pattern');
    expect(describeField('')).toBe('Profile');
  });
});

describe('dashboard routes', () => {
  it('reads the view from the hash and falls back to Profile', () => {
    expect(viewFromHash('#/data')).toBe('data');
    expect(viewFromHash('#data')).toBe('data');
    expect(viewFromHash('#/Activity?since=1')).toBe('activity');
    expect(viewFromHash('#/flagged/123')).toBe('flagged');
    expect(viewFromHash('')).toBe('profile');
    expect(viewFromHash('#/<script>')).toBe('profile');
  });

  it('round-trips every view', () => {
    for (const v of VIEWS) expect(viewFromHash(hashFor(v.id))).toBe(v.id);
  });
});

describe('formatting', () => {
  it('formats sizes and counts', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(plural(1, 'rule')).toBe('1 rule');
    expect(plural(3, 'rule')).toBe('3 rules');
  });
});
