import { describe, expect, it } from 'vitest';
import { countChanged, describeException, kindExceptions } from '@/lib/core/exception-words';
import type { LoggedDecision } from '@/lib/schema/log';
import type { Exception } from '@/lib/schema/profile';

const ex = (e: Partial<Exception> & Pick<Exception, 'type' | 'platform'>): Exception => ({ id: `e-${Math.random().toString(36).slice(2)}`, createdAt: 1000, ...e });
const row = (r: Partial<LoggedDecision>): LoggedDecision => ({
  ts: 2000, platform: 'hackernews', itemId: '1', title: 'A title', author: '', url: '', surface: 'feed', action: 'show', reasons: [], score: 0.5, reordered: false, ...r,
});
const excused = (detail: string) => [{ code: 'user-exception', detail: `shown anyway despite ${detail}`, source: 'user' as const, evidence: [] }];

describe('exceptions in words', () => {
  it('says what each kind of exception does and where', () => {
    expect(describeException(ex({ type: 'rule', platform: 'hackernews', ruleCode: 'promoted' })).sentence).toBe('All ads on Hacker News are shown');
    expect(describeException(ex({ type: 'author', platform: 'youtube', author: 'Drama Central' })).sentence).toBe('Everything from Drama Central on YouTube is shown');
    expect(describeException(ex({ type: 'rule', platform: 'reddit', ruleCode: 'clickbait' })).sentence).toBe('Clickbait on Reddit is shown as it is: not labelled, pushed down or hidden');
    expect(describeException(ex({ type: 'rule', platform: 'x', ruleCode: String.raw`regex-rule:you won('|’)?t believe` })).sentence).toBe("Your rule “you won't believe” no longer acts on X");
    expect(describeException(ex({ type: 'rule', platform: 'youtube', ruleCode: 'avoid-topic:politics' })).sentence).toBe('The topic you avoid “politics” no longer hides items on YouTube');
    const verdict = describeException(ex({ type: 'item', platform: 'reddit', kind: 'clickbait', author: 'u/sam', title: 'you will not guess this' }));
    expect(verdict).toMatchObject({ origin: 'not-this-kind', sentence: '“you will not guess this” by u/sam on Reddit, and copies of it, are not treated as clickbait' });
    expect(describeException(ex({ type: 'item', platform: 'youtube', title: 'cat video' }))).toMatchObject({ origin: 'reversed', originName: 'Reversed decision' });
  });

  it('never shows a raw regular expression', () => {
    const s = describeException(ex({ type: 'rule', platform: 'reddit', ruleCode: String.raw`regex-rule:\b(top|best) \d+\b` })).sentence;
    expect(s).not.toMatch(/\\b|\\d|\(top/);
  });

  it('counts the logged decisions each one changed since it was made', () => {
    const ads = ex({ type: 'rule', platform: 'hackernews', ruleCode: 'promoted', createdAt: 1500 });
    const drama = ex({ type: 'author', platform: 'youtube', author: 'Drama Central' });
    const rows = [
      row({ reasons: excused('promoted: marked as promoted by the platform') }),
      row({ reasons: excused('promoted: job ad'), ts: 1400 }), // before it was made
      row({ reasons: excused('clickbait: teases') }), // another reason
      row({ platform: 'youtube', author: 'drama central', reasons: excused('blocked-author: Drama Central') }),
      row({ platform: 'youtube', author: 'Someone else', reasons: excused('blocked-author: Someone else') }),
    ];
    expect(countChanged([ads, drama], rows)).toEqual({ [ads.id]: 1, [drama.id]: 1 });
  });

  it('finds the exceptions that set a whole kind aside, for the Profile view', () => {
    const ads = ex({ type: 'rule', platform: 'hackernews', ruleCode: 'promoted' });
    const other = ex({ type: 'rule', platform: 'reddit', ruleCode: 'keyword-rule:spoilers' });
    expect(kindExceptions([ads, other], 'promoted')).toEqual([ads]);
  });
});

describe('a logged exception in words', () => {
  it('reads out what it set aside, never a raw pattern', async () => {
    const { excusedInWords } = await import('@/lib/core/exception-words');
    expect(excusedInWords(String.raw`shown anyway despite regex-rule: \b(top|best) \d+\b; promoted: job ad`)).toBe('Shown anyway, despite Your rule: “top #”; Ad');
    expect(excusedInWords('shown anyway despite clickbait: teases the point')).toBe('Shown anyway, despite Clickbait');
  });
});

describe('a "less like this" in words', () => {
  it('names the author, the site and what it is about', async () => {
    const { lessLikeSentence } = await import('@/lib/core/exception-words');
    expect(lessLikeSentence({ id: 'l1', platform: 'youtube', author: 'Drama Central', subject: ['feud', 'apology', 'video', 'streamer', 'extra'], itemId: 'v', title: '', createdAt: 1 })).toBe(
      'Items from Drama Central on YouTube about “feud, apology, video, streamer” are pushed down',
    );
  });
});
