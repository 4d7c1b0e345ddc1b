// @vitest-environment happy-dom
// Health: the popup learns that a site's selectors still work, or that they broke; a feed still filling in is
// given a second look before it is called broken.
import { afterEach, describe, expect, it } from 'vitest';
import { watchHealth } from '@/lib/shield-runtime/health';
import { tick } from './adapters-fixture';
import { adapter, hackerNews } from './runtime-parts';

let close: () => void = () => {};
afterEach(() => close());

function setup(fixture: string, surface: string | null = 'front') {
  const page = hackerNews(fixture);
  const reports: Array<[string, boolean, string]> = [];
  const failures: string[] = [];
  const health = watchHealth(page.doc, adapter, { health: (s, ok, d) => void reports.push([s, ok, d]) }, {
    surface: () => surface,
    live: () => failures.length === 0,
    failOpen: (d) => void failures.push(d),
    delayMs: 5,
    retryMs: 5,
  });
  close = () => (health.stop(), page.close());
  return { ...page, health, reports, failures };
}

describe('health', () => {
  it('reports the front page working once, however many items are seen', async () => {
    const s = setup('hackernews-front.html');
    s.health.sawItems([s.track('42000001')]);
    s.health.sawItems([s.track('42000002')]);
    s.health.watch();
    await tick(20);
    expect(s.reports).toEqual([['front', true, 'items found']]);
    expect(s.failures).toEqual([]);
  });

  it('counts the items after load when none was seen yet', async () => {
    const s = setup('hackernews-front.html');
    s.health.watch();
    await tick(20);
    expect(s.reports).toEqual([['front', true, '8 items found']]);
  });

  it('says the selectors broke when the feed is there but nothing in it matches', async () => {
    const s = setup('hackernews-broken.html');
    s.health.watch();
    await tick(30);
    expect(s.failures).toHaveLength(1);
    expect(s.failures[0]).toMatch(/front/);
    expect(s.reports).toEqual([]);
  });

  it('looks at nothing on a page the adapter does not handle', async () => {
    const s = setup('hackernews-broken.html', null);
    s.health.watch();
    await tick(30);
    expect(s.failures).toEqual([]);
  });

  it('reports again after a navigation', async () => {
    const s = setup('hackernews-front.html');
    s.health.sawItems([s.track('42000001')]);
    s.health.forget();
    s.health.sawItems([s.track('42000001')]);
    expect(s.reports).toHaveLength(2);
  });
});
