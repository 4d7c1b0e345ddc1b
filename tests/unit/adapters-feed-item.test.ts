import { describe, expect, test } from 'vitest';
import { absoluteUrl, toFeedItem } from '../../lib/adapters/feed-item';
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

test('a link resolves as the URL parser resolves it, with or without the short way for plain links', () => {
  const hrefs = ['/watch?v=abc_DEF-1', '/watch?v=a&list=b', '/channel/UC_x?view=0', '/a/../b', '/a/./b', '/./b', '/../b', '/.', '/.x', '//evil.com/x',
    '/a b', "/a'b?c='d", '/a{b}', '/a|b', '/ä', '/%41%zz', '/a#frag', '/a\\b', 'https://example.com/x', 'https://Example.com/x',
    'https://example.com', 'https://1.2.3/x', 'https://a.b.c./p', 'https://x.com/a/../b', 'https://x.com/./a', 'https://x.com/.', 'https://x.com:443/a',
    'https://u@x.com/a', 'http://x.com/a', 'https://xn--bcher-kva.example/p?q=1', 'watch?v=1', '?q=1', 'javascript:alert(1)'];
  for (const base of ['https://www.youtube.com/feed?x=1', 'https://news.ycombinator.com/news', 'about:blank']) {
    for (const href of hrefs) {
      let want = '';
      try {
        want = new URL(href, base).href;
      } catch {
        // unparsable: ''
      }
      expect(absoluteUrl(href, base), `${href} on ${base}`).toBe(want);
    }
  }
  expect(absoluteUrl('', 'https://x.com/')).toBe('');
});
