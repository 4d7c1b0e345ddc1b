import { describe, expect, it } from 'vitest';
import { applyVerdict } from '@/lib/judge/apply';
import type { Exception } from '@/lib/schema/profile';
import { fast, item, profile } from '../doubles/judge-fixtures';

const clickbaitVerdict = { relevance: 0.5, kinds: ['clickbait' as const], rule: null, reason: 'teases' };
const exception = (e: Partial<Exception>): Exception => ({ id: `x${Math.random()}`, platform: 'youtube', type: 'item', createdAt: 1, ...e }) as Exception;

describe('the model honours what the person already said about an item', () => {
  const it1 = item('v1', 'You will not believe this garden', { author: 'Green Fingers' });

  it('labels clickbait when nothing says otherwise', () => {
    expect(applyVerdict(fast(it1), it1, clickbaitVerdict, profile(), new Map(), 'M').action).toBe('label');
  });

  it('does not label an item the person reversed or marked "not clickbait", nor one from an author they excused', () => {
    for (const e of [
      exception({ type: 'item', title: 'You will NOT believe this garden!' }),
      exception({ type: 'item', title: 'You will not believe this garden', kind: 'clickbait' }),
      exception({ type: 'author', author: 'green fingers' }),
      exception({ type: 'rule', ruleCode: 'clickbait' }),
    ]) {
      const d = applyVerdict(fast(it1), it1, clickbaitVerdict, profile({ exceptions: [e] }), new Map(), 'M');
      expect(d.action, JSON.stringify(e)).toBe('show');
    }
  });
});
