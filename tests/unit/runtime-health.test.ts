// @vitest-environment happy-dom
// Health: the popup learns that a site's selectors still work, or that they broke; a feed still filling in is
// given a second look before it is called broken.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNREADABLE, watchHealth } from '@/lib/shield-runtime/health';
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
    // Waited for, not timed: the look comes after the page's load event and a timer, which a busy machine delays.
    await vi.waitFor(() => expect(s.reports).toEqual([['front', true, '8 items found']]));
  });

  it('says the selectors broke when the feed is there but nothing in it matches', async () => {
    const s = setup('hackernews-broken.html');
    s.health.watch();
    await vi.waitFor(() => expect(s.failures).toHaveLength(1));
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

describe('health when items are found but cannot be read', () => {
  const STORIES = ['42000001', '42000002', '42000003', '42000005', '42000006', '42000007', '42000008'];
  /** The front page's stories as read, the first `authorless` of them without their author (the job ad aside). */
  function readWith(s: ReturnType<typeof setup>, authorless: number) {
    return STORIES.map((id, k) => {
      const t = s.track(id);
      if (k < authorless) t.item = { ...t.item!, author: '' };
      return t;
    });
  }

  it('says the site needs an update when most items come without their author', () => {
    const s = setup('hackernews-front.html');
    s.health.sawItems(readWith(s, 4));
    expect(s.reports).toEqual([['front', false, `${UNREADABLE} (4 of 7)`]]);
    // Not a broken page: nothing is failed open, the items stay decided.
    expect(s.failures).toEqual([]);
  });

  it('says it once the items arrive in batches, after it first said working', () => {
    const s = setup('hackernews-front.html');
    const items = readWith(s, 5);
    s.health.sawItems(items.slice(3));
    s.health.sawItems(items.slice(0, 3));
    s.health.sawItems([s.track('42000001')]);
    expect(s.reports).toEqual([['front', true, 'items found'], ['front', false, `${UNREADABLE} (5 of 7)`]]);
  });

  it('a few items without an author, or a job ad without one, are no reason', async () => {
    const s = setup('hackernews-front.html');
    s.health.sawItems([...readWith(s, 3), s.track('42000004')]);
    s.health.watch();
    await tick(20);
    expect(s.reports).toEqual([['front', true, 'items found']]);
  });
});
