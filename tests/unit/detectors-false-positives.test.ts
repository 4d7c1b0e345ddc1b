import { describe, expect, it } from 'vitest';
import { detectAll } from '@/lib/core/detectors';
import { SHIPPED_DETECTORS } from '@/lib/core/detectors/shipped';
import { compileProfile, decide, quoteEvidence } from '@/lib/core/shield';
import { profile } from './shield-helpers';
import { buildRuleEngine } from '@/lib/core/detectors/rule-index';
import type { PatternRule } from '@/lib/core/detectors/rules';
import { FeedItem, type FeedItemInput } from '@/lib/schema/item';
import { loadShippedClickbait } from './shipped-clickbait';
import { FEED_TITLES, FEED_TITLES_HN_HOLDOUT, FEED_TITLES_HN_PROBE, FEED_TITLES_HOLDOUT, tallyFeedTitles } from '../../scripts/eval-feed-titles';

// Items seen mislabelled on the demo feeds (tests/fixtures/feeds/*), built the way the adapters build them.
const model = loadShippedClickbait();
const item = (input: Partial<FeedItemInput>) => FeedItem.parse({ platform: 'youtube', id: 'x1', ...input });
const kinds = (input: Partial<FeedItemInput>) => detectAll(item(input), { clickbait: model, rules: SHIPPED_DETECTORS }).map((d) => d.kind);

describe('ordinary "fail" is not engagement bait', () => {
  it('leaves fail videos alone', () => {
    expect(kinds({ title: 'Skateboard fail compilation', kind: 'short', url: 'https://www.youtube.com/shorts/skate01' })).not.toContain('engagement');
    expect(kinds({ title: 'epic fail', url: 'https://www.youtube.com/watch?v=fail01' })).not.toContain('engagement');
    expect(kinds({ title: 'Why most startups fail in year two' })).not.toContain('engagement');
  });

  it('still flags the fake challenge with its percentage', () => {
    for (const title of ['90% of people will fail this test', '99% fail this simple quiz', "95% of people can't solve this"]) {
      expect(kinds({ title }), title).toContain('engagement');
    }
  });

  it('refuses a phrase whose symbols the word matcher would silently drop', () => {
    const rule: PatternRule = { code: 'x', weight: 0.5, phrases: ['% fail'] };
    expect(() => buildRuleEngine({ rage: [rule], engagement: [], urgency: [], promotion: [] })).toThrow(/%/);
  });
});

describe('the English-only clickbait model reads only English headlines', () => {
  it('does not judge a Japanese title because its link is written in Latin letters', () => {
    const input = { title: '東京の夜景を歩く — 4K', url: 'https://www.youtube.com/watch?v=japanese001', kind: 'video' as const };
    expect(kinds(input)).not.toContain('clickbait');
  });

  it('does not judge a Japanese title above an English body', () => {
    const input = { platform: 'reddit' as const, title: '東京の夜景を歩く', text: 'A walk through the city at night, filmed on a phone.', domain: 'i.redd.it' };
    expect(kinds(input)).not.toContain('clickbait');
  });

  it('still judges English titles with links', () => {
    expect(kinds({ title: "You Won't Believe What This Dog Did Next", url: 'https://www.youtube.com/watch?v=dog01' })).toContain('clickbait');
  });

  it('does not read the "com" of a link as Portuguese and skip an English headline', () => {
    const title = 'This Hairstylist Reinterprets Famous Paintings As Hair Colors';
    expect(kinds({ platform: 'hackernews', kind: 'story', title, url: 'https://listicle.example.com/hair', domain: 'example.com' })).toContain('clickbait');
  });
});

describe('community questions are not link teasers', () => {
  it('leaves Reddit self posts and HN Ask/Tell posts unlabelled', () => {
    const reddit = { platform: 'reddit' as const, kind: 'post' as const, url: 'https://www.reddit.com/r/rust/comments/1h0aaa3/post/' };
    expect(kinds({ ...reddit, title: 'What are you working on this week?', domain: 'self.rust' })).not.toContain('clickbait');
    expect(kinds({ ...reddit, title: 'What are you working on this week?', domain: '' })).not.toContain('clickbait');
    const hn = { platform: 'hackernews' as const, kind: 'story' as const };
    expect(kinds({ ...hn, title: 'Ask HN: How do you keep up with papers?', url: 'https://news.ycombinator.com/item?id=42000003' })).not.toContain('clickbait');
    expect(kinds({ ...hn, title: 'Tell HN: You will never guess what I found in our logs', url: 'https://news.ycombinator.com/item?id=42000004' })).not.toContain('clickbait');
    expect(kinds({ ...hn, title: 'What are you working on this week?', url: 'https://news.ycombinator.com/item?id=42000005' })).not.toContain('clickbait');
  });

  it('still labels a clickbait link on the same sites', () => {
    const title = 'You won\'t believe what this one weird compiler trick does';
    expect(kinds({ platform: 'hackernews', kind: 'story', title, url: 'https://blog.example.com/trick', domain: 'example.com' })).toContain('clickbait');
    expect(kinds({ platform: 'reddit', kind: 'post', title, url: 'https://www.reddit.com/r/programming/comments/1h0b/post/', domain: 'blog.example.com' })).toContain('clickbait');
  });
});

describe('tweets are remarks, not headlines, unless they link out', () => {
  const tweet = (title: string, domain = '') =>
    kinds({ platform: 'x', kind: 'tweet', title, text: title, url: 'https://x.com/someone/status/1860000000000000042', domain });

  it('leaves everyday tweets that link nowhere unlabelled', () => {
    // Each of these scores above 0.7 with the headline model, which never saw a remark.
    for (const t of ['This is just a test', 'Here is the thing', 'Just shipped a new feature', '<img src=x onerror="window.__pwned=1"> is just text here']) {
      expect(tweet(t), t).not.toContain('clickbait');
    }
  });

  it('still reads a teaser without a link as engagement bait', () => {
    expect(tweet("You WON'T BELIEVE what she said next 😱😱😱 thread 👇")).toEqual(['engagement']);
  });

  it('labels a tweet that teases its link', () => {
    expect(tweet("You won't believe what this one weird trick does to your phone", 'celebgossip.example')).toContain('clickbait');
    expect(tweet('Just shipped a new feature', 't.co')).toContain('clickbait');
  });
});

describe('text that is not a headline', () => {
  it('does not call a run of one repeated word clickbait', () => {
    expect(kinds({ title: 'word word word word word word word word' })).not.toContain('clickbait');
    expect(kinds({ title: 'spam spam spam spam spam' })).not.toContain('clickbait');
  });
});

describe('YouTube titles written with every word capitalised', () => {
  const compiled = compileProfile(profile(), { clickbait: model, detectors: SHIPPED_DETECTORS });
  // The reason as the log records it, with the words quoted (decide() leaves that to the log).
  const clickbait = (title: string) => {
    const it = item({ title, url: 'https://www.youtube.com/watch?v=video000001', kind: 'video' });
    return quoteEvidence(compiled, it, decide(compiled, it).reasons).find((r) => r.code === 'clickbait');
  };

  // Each of these was labelled clickbait when its capitals were read as the corpus's BuzzFeed style.
  const ORDINARY = [
    'How The Rust Borrow Checker Really Works',
    'Playing Elden Ring For The First Time',
    'I Built A Cabin In The Woods',
    'Top Goals Of The Season 2024',
    'Linus Torvalds On The Future Of Linux',
    'Day In The Life Of A Nurse',
    'The Best Hiking Trails In Scotland',
    'Easy Sourdough Bread Recipe For Beginners',
    'Tesla Model 3 Long Term Review',
    'Reviewing The New MacBook Pro M4',
    'Beginner Guitar Lesson: Your First Three Chords',
  ];
  const BAIT = [
    "You Won't Believe What Happened Next",
    "10 Things You Didn't Know About Cats",
    'This Will Change Everything You Know About Sleep',
    "The Truth About Coffee They Don't Want You To Know",
    'What Happens Next Will Blow Your Mind',
    'He Opened The Box And Then THIS Happened...',
  ];

  it('labels the ordinary ones no more than their words in sentence case would be', () => {
    for (const title of ORDINARY) expect(clickbait(title), title).toBeUndefined();
  });

  it('still labels bait written that way, quoting its words as the user sees them', () => {
    for (const title of BAIT) {
      const reason = clickbait(title);
      expect(reason, title).toBeDefined();
      expect(reason!.evidence.length, title).toBeGreaterThan(0);
      for (const quote of reason!.evidence) expect(title, quote).toContain(quote);
    }
    expect(clickbait("You Won't Believe What Happened Next")!.evidence.join(' ')).toMatch(/Believe|Happened/);
  });
});

describe('titles that say what they teach', () => {
  const video = (title: string, strictness?: number) =>
    decide(
      compileProfile(profile(strictness === undefined ? {} : { policies: { clickbait: { action: 'label', strictness } } }), {
        clickbait: model,
        detectors: SHIPPED_DETECTORS,
      }),
      item({ title, url: 'https://www.youtube.com/watch?v=howto000001', kind: 'video' }),
    ).reasons.some((r) => r.code === 'clickbait');

  it('does not label a plain how-to, tutorial or review at the default strictness', () => {
    for (const title of [
      'How To Tie A Bowline Knot',
      'How to Sharpen a Kitchen Knife With a Whetstone',
      'How To Make Fresh Pasta Without A Machine',
      'Morning Yoga For Beginners: 20 Minute Routine',
    ]) {
      expect(video(title), title).toBe(false);
    }
  });

  it('still labels one that teases or over-promises, and a plain one for the strictest user', () => {
    for (const title of ['How To Get Rich Quick (Nobody Tells You This)', 'How to never be tired again', 'How To Make Anyone Like You In 5 Seconds']) {
      expect(video(title), title).toBe(true);
    }
    expect(video('How To Tie A Bowline Knot', 1)).toBe(true);
  });
});

describe('what the user sees on the demo feeds (default policies)', () => {
  const compiled = compileProfile(profile(), { clickbait: model, detectors: SHIPPED_DETECTORS });
  const labels = (input: Partial<FeedItemInput>) => decide(compiled, item(input)).reasons.map((r) => r.code);

  it('shows the mislabelled items without a label', () => {
    expect(labels({ title: 'Skateboard fail compilation', kind: 'short', url: 'https://www.youtube.com/shorts/skate01' })).toEqual([]);
    expect(labels({ title: '東京の夜景を歩く — 4K', url: 'https://www.youtube.com/watch?v=japanese001', kind: 'video' })).toEqual([]);
    expect(labels({ platform: 'reddit', kind: 'post', title: 'What are you working on this week?', domain: 'self.rust', url: 'https://www.reddit.com/r/rust/comments/1h0aaa3/post/' })).toEqual([]);
    expect(labels({ platform: 'hackernews', kind: 'story', title: 'Ask HN: How do you keep up with papers?', url: 'https://news.ycombinator.com/item?id=42000003' })).toEqual([]);
  });

  it('labels the real clickbait link next to them', () => {
    const title = "You won't believe what this one weird compiler trick does";
    expect(labels({ platform: 'hackernews', kind: 'story', title, url: 'https://blog.example.com/trick', domain: 'example.com' })).toContain('clickbait');
  });
});

describe('the feed-title sets (tests/data/feed-titles*.tsv, npm run eval:feed-titles)', () => {
  it.each([FEED_TITLES, FEED_TITLES_HOLDOUT])('labels few ordinary titles and most bait on every site, at the default strictness (%s)', (file) => {
    const { tally, errors } = tallyFeedTitles(file, model, 0.5);
    for (const [platform, t] of tally) {
      expect(t.ordinaryLabelled / t.ordinary, `${platform}: ${errors.join('; ')}`).toBeLessThanOrEqual(0.1);
      expect(t.baitLabelled / t.bait, `${platform}: ${errors.join('; ')}`).toBeGreaterThanOrEqual(0.85);
    }
  });

  // Hacker News titles are the articles' own, often title-cased, often "Why ..." or "How ...": half of the holdout's
  // were labelled before HN got its own reading and base rate. Not yet at the other sites' bar; this holds the gain.
  it.each([FEED_TITLES_HN_PROBE, FEED_TITLES_HN_HOLDOUT])('labels at most a sixth of Hacker News essay titles, and most HN bait (%s)', (file) => {
    const { tally, errors } = tallyFeedTitles(file, model, 0.5);
    const hn = tally.get('hackernews')!;
    expect(hn.ordinaryLabelled / hn.ordinary, errors.join('; ')).toBeLessThanOrEqual(1 / 6);
    if (hn.bait > 0) expect(hn.baitLabelled / hn.bait, errors.join('; ')).toBeGreaterThanOrEqual(0.8);
  });
});
