import { describe, expect, test } from 'vitest';
import { toFeedItem } from '../../lib/adapters/feed-item';
import { FeedItem, type FeedItemInput } from '../../lib/schema/item';
import { defaultProfile } from '../../lib/schema/profile';
import { fallbackProfile } from '../../lib/shield-runtime/default-profile';

// The content scripts validate items without zod (it would quadruple their size); the result must be what the
// schema itself would give, or items would be refused by the background.
const cases: Array<[string, unknown]> = [
  ['minimal', { platform: 'youtube', id: 'abc' }],
  ['full', { platform: 'reddit', id: 't3_x', url: 'https://r/x', title: 'T', author: 'a', kind: 'post', promoted: true, promotedMarkers: ['promoted'], text: 'b', surface: 'home', domain: 'd.com' }],
  ['long fields are clamped', { platform: 'x', id: '1', title: 'x'.repeat(10_000), text: 'y'.repeat(9000), author: 'z'.repeat(400), url: 'u'.repeat(3000), domain: 'd'.repeat(500) }],
  ['wrong types fall back', { platform: 'hackernews', id: '2', title: 42, kind: 'banana', promoted: 'yes', promotedMarkers: 'ad', surface: 7 }],
  ['too many markers', { platform: 'youtube', id: '3', promotedMarkers: Array.from({ length: 11 }, () => 'm') }],
  ['surface too long', { platform: 'youtube', id: '4', surface: 's'.repeat(41) }],
  ['missing id', { platform: 'youtube' }],
  ['empty id', { platform: 'youtube', id: '' }],
  ['id too long', { platform: 'youtube', id: 'i'.repeat(201) }],
  ['unknown platform', { platform: 'myspace', id: '1' }],
  ['RTL, zero-width, emoji kept as text', { platform: 'x', id: '5', title: 'مرحبا\u200b\u2067 🔥🔥 <b>x</b>' }],
];

describe('toFeedItem agrees with the FeedItem schema', () => {
  test.each(cases)('%s', (_name, input) => {
    const parsed = FeedItem.safeParse(input);
    expect(toFeedItem(input as FeedItemInput)).toEqual(parsed.success ? parsed.data : null);
  });
});

test('the profile decided with before the real one arrives is the schema default', () => {
  const { updatedAt: _a, ...expected } = defaultProfile(0);
  const { updatedAt: _b, ...actual } = fallbackProfile();
  expect(actual).toEqual(expected);
});
