import { describe, expect, it } from 'vitest';
import { applyPolicies, compileExceptions, exceptionFromVerdict } from '@/lib/core/manipulation';
import type { Detection } from '@/lib/core/detectors';
import { DEFAULT_POLICIES } from '@/lib/schema/constants';
import type { FeedItem } from '@/lib/schema/item';
import type { Exception, KindPolicy, PolicyKind } from '@/lib/schema/profile';

const policies = Object.fromEntries(Object.entries(DEFAULT_POLICIES).map(([k, p]) => [k, { ...p, action: 'label' }])) as Record<PolicyKind, KindPolicy>;

const item = (over: Partial<FeedItem> = {}): FeedItem => ({
  platform: 'youtube',
  id: 'v1',
  url: 'https://www.youtube.com/watch?v=v1',
  title: 'You will not believe this garden',
  author: 'Green Fingers',
  kind: 'video',
  promoted: false,
  promotedMarkers: [],
  text: '',
  surface: 'home',
  domain: '',
  ...over,
});

const bait: Detection = { kind: 'clickbait', confidence: 0.9, evidence: [], code: 'clickbait', explanation: '' };
const rage: Detection = { kind: 'rage', confidence: 0.9, evidence: ['idiots'], code: 'rage-insult', explanation: '' };
const acted = (it: FeedItem, exceptions: Exception[], detections: Detection[] = [bait, rage]) =>
  applyPolicies(it, detections, policies, compileExceptions(exceptions)).reasons.map((r) => r.code);

describe("the detectors' exceptions (the user's verdicts on flags)", () => {
  it('"not clickbait" on one item spares its reposts by the same author on the same site, and nothing else', () => {
    const verdict = exceptionFromVerdict(item(), 'clickbait', 1);
    expect(acted(item({ title: 'You will not believe this garden (Part 2)' }), [verdict])).toEqual(['rage-insult']);
    expect(acted(item({ author: 'someone else' }), [verdict])).toEqual(['clickbait', 'rage-insult']);
    expect(acted(item({ platform: 'reddit' }), [verdict])).toEqual(['clickbait', 'rage-insult']);
  });

  it('an author exempt from one kind, on one site, whatever the case or "@" of the name', () => {
    const e: Exception = { id: 'a', type: 'author', platform: 'youtube', author: '@green fingers', kind: 'rage', createdAt: 1 };
    expect(acted(item({ author: 'GREEN FINGERS' }), [e])).toEqual(['clickbait']);
    expect(acted(item({ platform: 'x' }), [e])).toEqual(['clickbait', 'rage-insult']);
  });

  it('a reason code switched off on a site, for everyone or for one author', () => {
    const all: Exception = { id: 'r', type: 'rule', platform: 'youtube', ruleCode: 'rage-insult', createdAt: 1 };
    const one: Exception = { ...all, id: 'r1', author: 'Green Fingers' };
    expect(acted(item({ author: 'anyone' }), [all])).toEqual(['clickbait']);
    expect(acted(item(), [one])).toEqual(['clickbait']);
    expect(acted(item({ author: 'anyone' }), [one])).toEqual(['clickbait', 'rage-insult']);
    expect(acted(item({ platform: 'hackernews' }), [all])).toEqual(['clickbait', 'rage-insult']);
  });
});
