import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Launched } from './harness';
import { feed, startFeedBrowser, waitForShield } from './feed-helpers';
import { call } from './ui-helpers';

// Issue 25, finding 4: a page probes the profile by reading what Parapet marks on its items, and by inserting items
// (candidate authors) and taking them away at once. The attribute says no more than layout does (what the stylesheet
// hides, holds or dims). Whatever layout shows in that moment, Parapet must not log, or learn from, items no person could have seen:
// an item is logged only once it has stayed on the page for half a second.

let ext: Launched;
let ctl: Page;
const HOME = 'https://news.ycombinator.com/';

beforeAll(async () => {
  ({ ext, ctl } = await startFeedBrowser({ pages: { [HOME]: () => feed('hackernews-front.html') } }));
});
afterAll(async () => {
  await ext?.close();
});

const logged = async (search: string) => (await call(ctl, 'activity/query', { platform: 'hackernews', search })).length;

describe("the attribute Parapet puts on a page's items", () => {
  it('tells the page only what the stylesheet does: a labelled and a boosted story read as a plain one', async () => {
    const page = await ext.context.newPage();
    await page.goto(HOME);
    await waitForShield(page, 8);
    const values = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('tr.athing')].map((r) => [r.id, r.getAttribute('data-parapet')])));
    // 42000002 is labelled clickbait, 42000001 is put first for Rust, 42000005 is plain: the page cannot tell them apart.
    expect([values['42000002'], values['42000001'], values['42000005']]).toEqual(['show', 'show', 'show']);
    for (const v of Object.values(values)) expect(['show', 'stub', 'hide', 'demote']).toContain(v);
    await page.close();
  });
});

describe('items a page inserts and removes at once', () => {
  it('are not logged; an item that stays is', async () => {
    const page = await ext.context.newPage();
    await page.goto(HOME);
    await waitForShield(page, 8);
    await page.evaluate(async () => {
      const fixture = (window as unknown as { fixture: { loadMore(n: number, o: object): number } }).fixture;
      const flashes = Array.from({ length: 40 }, (_, i) => `Probe flash ${i}`);
      const before = new Set(document.querySelectorAll('tr'));
      fixture.loadMore(40, { titles: flashes, user: 'spammer' });
      const added = [...document.querySelectorAll('tr')].filter((r) => !before.has(r));
      // One task later, as the attack reads its answer, the probes are gone.
      await new Promise((r) => setTimeout(r, 100));
      for (const r of added) r.remove();
      fixture.loadMore(1, { titles: ['Probe that stays'], user: 'spammer' });
    });
    // The one that stayed is logged (after its half second and the log's batching)...
    await expect.poll(() => logged('Probe that stays'), { timeout: 15_000 }).toBe(1);
    // ...and by then none of the flashed ones, which had the same author, are.
    await page.waitForTimeout(1500);
    expect(await logged('Probe flash')).toBe(0);
    await page.close();
  });
});
