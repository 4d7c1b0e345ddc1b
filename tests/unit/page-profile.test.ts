import { describe, expect, it } from 'vitest';
import { feedOfUrl, profileForPage } from '../../lib/background/page-profile';
import { defaultProfile, type Profile } from '../../lib/schema/profile';

const full: Profile = {
  ...defaultProfile(0),
  blockedAuthors: [
    { platform: 'youtube', name: 'Drama Central' },
    { platform: 'reddit', name: 'u/spammer' },
  ],
  exceptions: [{ id: 'e1', type: 'author', platform: 'x', author: 'friend', createdAt: 0 }],
  hiddenItems: [{ platform: 'youtube', itemId: 'abc', at: 0 }],
  rules: [
    { id: 'r1', kind: 'keyword', pattern: 'crypto', action: 'hide', platforms: [], enabled: true },
    { id: 'r2', kind: 'keyword', pattern: 'drama', action: 'hide', platforms: ['reddit'], enabled: true },
  ],
  avoidTopics: [{ id: 'a1', label: 'politics', keywords: [], exclude: [] }],
  instructions: [{ id: 'i1', text: 'I am allergic to shellfish', sites: ['chatgpt'], enabled: true, scope: { type: 'auto' } }],
  inferred: { rejected: ['gambling'], pinned: [], forgotten: [] },
};

describe("each content script gets only what its site needs (issue 25)", () => {
  it('a YouTube tab gets YouTube blocked channels, rules and topics, and no chat instructions', () => {
    const p = profileForPage(full, 'https://www.youtube.com/watch?v=1');
    expect(p.blockedAuthors).toEqual([{ platform: 'youtube', name: 'Drama Central' }]);
    expect(p.rules.map((r) => r.id)).toEqual(['r1']);
    expect(p.hiddenItems).toHaveLength(1);
    expect(p.exceptions).toEqual([]);
    expect(p.avoidTopics).toHaveLength(1);
    expect(p.instructions).toEqual([]);
    expect(p.inferred.rejected).toEqual([]);
  });

  it('a Reddit tab (new or old) gets its own list', () => {
    for (const url of ['https://www.reddit.com/', 'https://old.reddit.com/r/news']) {
      const p = profileForPage(full, url);
      expect(p.blockedAuthors.map((b) => b.name)).toEqual(['u/spammer']);
      expect(p.rules.map((r) => r.id)).toEqual(['r1', 'r2']);
    }
  });

  it('a chat tab, or an address no feed runs on, gets nothing the user wrote', () => {
    for (const url of ['https://chatgpt.com/', 'https://evil.example/youtube.com', undefined]) {
      const p = profileForPage(full, url);
      expect(JSON.stringify([p.blockedAuthors, p.rules, p.avoidTopics, p.interests, p.instructions, p.exceptions, p.hiddenItems])).toBe('[[],[],[],[],[],[],[]]');
    }
  });

  it('names the feed by host, not by a look-alike address', () => {
    expect(feedOfUrl('https://news.ycombinator.com/news')).toBe('hackernews');
    expect(feedOfUrl('https://x.com/home')).toBe('x');
    expect(feedOfUrl('https://youtube.com.evil.example/')).toBeNull();
  });
});
