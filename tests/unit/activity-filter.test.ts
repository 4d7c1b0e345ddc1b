import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, formatFilter, isEmptyFilter, parseFilter, toQuery } from '@/lib/core/activity-filter';

describe('activity filters in the address', () => {
  it('round-trips every filter through the query string', () => {
    const f = { site: 'youtube', action: 'hide', reason: 'avoid-topic', search: 'red carpet', range: 'custom' as const, from: '2025-03-01', to: '2025-03-31' };
    const q = formatFilter(f);
    expect(q).toBe('site=youtube&action=hide&reason=avoid-topic&q=red+carpet&range=custom&from=2025-03-01&to=2025-03-31');
    expect(parseFilter(`?${q}`)).toEqual(f);
  });

  it('drops values a hand-typed address should never pass on', () => {
    const f = parseFilter('site=myspace&action=explode&reason=<script>&range=decade&from=2025-02-30&to=yesterday');
    expect(f).toEqual(EMPTY_FILTER);
    expect(isEmptyFilter(f)).toBe(true);
    expect(parseFilter(`q=${'x'.repeat(500)}`).search).toHaveLength(200);
  });

  it('leaves dates out of the address unless the range is custom', () => {
    expect(formatFilter({ ...EMPTY_FILTER, range: 'week', from: '2025-01-01' })).toBe('range=week');
  });
});

describe('activity filters as a background query', () => {
  const now = new Date(2025, 5, 15, 12, 0, 0).getTime();

  it('asks for nothing when nothing is set', () => {
    expect(toQuery(EMPTY_FILTER, now)).toEqual({});
  });

  it('turns a relative range into a window ending now', () => {
    expect(toQuery({ ...EMPTY_FILTER, range: 'day', site: 'reddit', search: '  cats ' }, now)).toEqual({
      platform: 'reddit',
      search: 'cats',
      since: now - 86_400_000,
      until: now,
    });
  });

  it('covers whole local days, both ends included, for a custom range', () => {
    const q = toQuery({ ...EMPTY_FILTER, range: 'custom', from: '2025-06-01', to: '2025-06-02' }, now);
    expect(q.since).toBe(new Date(2025, 5, 1).getTime());
    expect(q.until).toBe(new Date(2025, 5, 3).getTime() - 1);
    const open = toQuery({ ...EMPTY_FILTER, range: 'custom', from: '2025-06-01' }, now);
    expect(open.until).toBeUndefined();
  });
});
