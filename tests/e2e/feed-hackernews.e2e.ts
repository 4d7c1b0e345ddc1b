import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type Launched } from './harness';
import { clickIn, decorations, expectBlockedStoryNeverShown, feed, labelled, marks, openPopupFor, painted, paintedHidden, startFeedBrowser, stubs, tabReport, useItemMenu, waitForShield, withDemoProfile, turnTo } from './feed-helpers';
import { getProfile, seedProfile } from './ui-helpers';

let ext: Launched;
let ctl: Page;
const HOME = 'https://news.ycombinator.com/';

beforeAll(async () => {
  ({ ext, ctl } = await startFeedBrowser({
    pages: { [HOME]: () => feed('hackernews-front.html') },
    // The job ad's title row, its subtext row: neither may ever be drawn.
    neverPainted: 'tr.athing:has(a[href*="/jobs/"]) > td, tr.athing:has(a[href*="/jobs/"]) + tr > td',
  }));
});
afterAll(async () => {
  await ext?.close();
});

async function open(url = HOME): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await waitForShield(page, 8);
  return page;
}

/** Story ids in the order a user reads them, each followed by its own subtext row (or the table is broken). */
const storyOrder = (page: Page) =>
  page.$$eval('tr.athing', (rows) =>
    rows.map((r) => {
      const sub = r.nextElementSibling;
      const own = sub?.querySelector('td.subtext') && (sub.querySelector(`a[href="item?id=${r.id}"]`) || !sub.querySelector('.score'));
      return own ? r.id : `${r.id}!`;
    }),
  );

describe('Hacker News feed shield', () => {
  it('hides the job ad behind a stub, labels clickbait, reorders by interest and decides appended pages', async () => {
    const page = await open();
    const s = await stubs(page);
    expect(s.filter((d) => d.text.startsWith('Hidden by Parapet: Ad')).length).toBe(1);
    expect(await page.locator('text=CloudCo (YC S21) Is Hiring').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('Hidden by Parapet'))).toBe(false);
    await labelled(page, 'one weird compiler trick');

    // The first page waited unseen for the profile, so it is in interest order: Rust first, the moss garden above
    // the stories no interest speaks for. (The compiler-trick story may come between them: by meaning, a compiler
    // is a Rust subject, and a labelled item keeps its interest in its score.)
    // Every story keeps its subtext row right under it.
    const order = await storyOrder(page);
    expect(order[0]).toBe('42000001');
    expect(order.slice(1, 3)).toContain('42000003');
    expect(order.every((id) => !id.endsWith('!'))).toBe(true);
    // A story put first says why, so HN's own ranks out of order ("3." above "2.") are explained.
    const moss = (await marks(page)).find((d) => d.itemText.includes('moss garden'))!;
    expect(moss.text).toMatch(/^Your interest: Gardening/);
    await screenshot(page, 'feed-hackernews-front');

    // More stories appended in place (what HN infinite-scroll extensions do with news?p=2). What the first frame
    // painted after the insertion holds is read in a ResizeObserver callback, which runs after every
    // animation-frame callback and layout, just before that frame is painted.
    const decoratedBefore = await page.evaluate(() => document.querySelectorAll('parapet-stub, parapet-mark').length);
    const firstFrame = await page.evaluate(
      () =>
        new Promise<{ order: string[]; decorated: number }>((done) => {
          (window as any).fixture.loadMore(4, { titles: ['Plain story A', 'Plain story B', 'Why cargo is the best part of Rust', 'Plain story D'] });
          const probe = document.createElement('div');
          document.body.append(probe);
          new ResizeObserver((_, ro) => {
            ro.disconnect();
            probe.remove();
            done({
              order: [...document.querySelectorAll('tr.athing')].map((r) => r.id),
              decorated: document.querySelectorAll('parapet-stub, parapet-mark').length,
            });
          }).observe(probe);
        }),
    );
    await page.waitForFunction(() => document.querySelectorAll('tr.athing[data-parapet]').length >= 12);
    await painted(page);
    const after = await storyOrder(page);
    expect(after.slice(0, order.length)).toEqual(order);
    expect(after[order.length]).toBe('42100003');
    expect(after.every((id) => !id.endsWith('!'))).toBe(true);
    // The batch was painted in its final order, each story with its stub or its marks, from the first frame.
    expect(firstFrame.order).toEqual(after);
    // (A plain story gets its ⋯ only when the person turns to it; the Rust one is badged.)
    expect(firstFrame.decorated).toBe(await page.evaluate(() => document.querySelectorAll('parapet-stub, parapet-mark').length));
    expect(firstFrame.decorated).toBeGreaterThan(decoratedBefore);

    expect(await paintedHidden(page)).toEqual([]);
    const report = await tabReport(ext, page, (r) => (r.stats?.reordered ?? 0) > 0);
    expect(report.stats?.platform).toBe('hackernews');
    expect(report.stats!.reordered).toBeGreaterThan(0);
    expect(report.health?.ok).toBe(true);
    await page.close();
  });

  it('numbers the stories in order after reordering; after Pause the site’s own order and numbers are back', async () => {
    const page = await open();
    const rows = () =>
      page.$$eval('tr.athing', (rs) => rs.map((r) => ({ id: r.id, rank: r.querySelector('.rank')?.textContent ?? '' })));
    const ranked = await rows();
    // Parapet moved stories (the moss garden is no longer 3rd of 8 in the site's order)...
    expect(ranked.map((r) => r.id)).not.toEqual(ranked.map((r) => r.id).sort());
    // ...and the numbers a person reads down the page still go 1, 2, 3.
    expect(ranked.map((r) => r.rank)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
    await screenshot(page, 'feed-hackernews-ranks-reordered');
    try {
      await seedProfile(ctl, (p) => ({ ...p, paused: true }));
      // "Every page shows as the site made it": each story back in its place, with its own number.
      const site = ['42000001', '42000002', '42000003', '42000004', '42000005', '42000006', '42000007', '42000008'];
      await expect.poll(rows, { timeout: 10_000 }).toEqual(site.map((id, i) => ({ id, rank: `${i + 1}.` })));
      expect(await storyOrder(page)).toEqual(site);
      expect(await page.evaluate(() => document.querySelectorAll('[data-parapet], parapet-stub, parapet-mark').length)).toBe(0);
      await screenshot(page, 'feed-hackernews-paused-site-order');
    } finally {
      await seedProfile(ctl, (p) => ({ ...p, paused: false }));
      await page.close();
    }
  });

  it('never shows, even at load, a first-page story the profile hides', async () => {
    await expectBlockedStoryNeverShown(ctl, () => open());
  });

  it('decides the second page (news?p=2) as a front page too', async () => {
    const page = await open(`${HOME}news?p=2`);
    expect((await stubs(page)).filter((d) => d.text.startsWith('Hidden by Parapet: Ad')).length).toBe(1);
    await page.close();
  });

  it('Show restores the job ad with its subtext row; "Hide this" hides a story for good', async () => {
    const page = await open();
    const ad = (await stubs(page)).find((d) => d.text.startsWith('Hidden by Parapet: Ad'))!;
    await clickIn(page, ad, 'Show this item');
    await expect.poll(() => page.locator('text=CloudCo (YC S21) Is Hiring').isVisible()).toBe(true);
    expect(await page.locator('tr.athing:has(a[href*="/jobs/"]) + tr td.subtext').isVisible()).toBe(true);

    await turnTo(page, ['Postgres 19 beta is out']);
    const pg = (await marks(page)).find((d) => d.itemText.includes('Postgres 19'))!;
    await useItemMenu(page, pg, 'Hide this');
    await expect.poll(() => page.locator('text=Postgres 19 beta is out').isVisible()).toBe(false);
    await expect.poll(async () => (await getProfile(ctl)).hiddenItems.map((h) => h.itemId)).toContain('42000008');
    await page.reload();
    await waitForShield(page, 8);
    expect(await page.locator('text=Postgres 19 beta is out').isVisible()).toBe(false);
    expect((await stubs(page)).some((d) => d.text.includes('You hid this'))).toBe(true);
    await page.close();
  });

  it('shows markup, right-to-left and non-Latin titles as plain text', async () => {
    const page = await open();
    await page.evaluate(() => (window as any).fixture.loadMore(1, { titles: ['<img src=x onerror="window.__pwned=1">' + '🔥'.repeat(3000)] }));
    await page.waitForFunction(() => document.querySelectorAll('tr.athing[data-parapet]').length >= 9);
    await painted(page);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('.titleline', { hasText: 'Ask HN: How do you keep up' }).textContent()).toContain('<script>alert(1)</script>');
    // A plain story's ⋯ comes when the person turns to it.
    await turnTo(page, ['<script>alert(1)', '東京の夜景']);
    const m = await marks(page);
    for (const t of ['<script>alert(1)', '東京の夜景']) expect(m.find((d) => d.itemText.includes(t))?.buttons).toContain('⋯');
    await page.close();
  });

  it('reads what a site component restamps while Parapet moves it: the story it became is judged', async () => {
    await seedProfile(ctl, (p) => {
      const demo = withDemoProfile(p);
      return { ...demo, rules: [...demo.rules, { id: 'no-postgres', kind: 'keyword', pattern: 'postgres', action: 'hide', platforms: [], enabled: true }] };
    });
    const page = await open();
    try {
      // A component that, each time it is attached again (as reordering does), restamps its row as another
      // story: its own callback runs inside Parapet's move, synchronously, as custom elements' callbacks do.
      const restamped = await page.evaluate(() => {
        class StampedRow extends HTMLElement {
          attached = 0;
          connectedCallback() {
            if (++this.attached < 2) return;
            const row = this.closest('tr')!;
            row.id = '42199999';
            const link = document.createElement('a');
            link.href = 'https://pg.example.org/tuning';
            link.textContent = 'Postgres tuning notes';
            row.querySelector('.titleline > a')!.replaceWith(link);
            (window as any).__restamped = true;
          }
        }
        customElements.define('stamped-row', StampedRow);
        (window as any).fixture.loadMore(3, { titles: ['Plain story A', 'Plain story B', 'Why cargo is the best part of Rust'] });
        // The Rust story matches an interest, so Parapet moves it first in its batch.
        const rows = [...document.querySelectorAll('tr.athing')];
        rows[rows.length - 1].querySelector('td.title:last-child')!.append(document.createElement('stamped-row'));
        return rows[rows.length - 1].id;
      });
      await page.waitForFunction(() => (window as any).__restamped === true);
      await page.waitForFunction(() => document.getElementById('42199999')?.getAttribute('data-parapet') === 'stub');
      await painted(page);
      expect(restamped).not.toBe('42199999');
      expect((await stubs(page)).some((d) => d.itemText.includes('Postgres tuning notes'))).toBe(true);
      expect(await page.locator('text=Postgres tuning notes').isVisible()).toBe(false);
    } finally {
      await page.close();
      await seedProfile(ctl, withDemoProfile);
    }
  });

  it('leaves a page whose selectors find nothing untouched; the popup says Hacker News needs an update', async () => {
    const page = await ext.context.newPage();
    await page.route(HOME, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: feed('hackernews-broken.html') }));
    await page.goto(HOME);
    await expect.poll(async () => (await tabReport(ext, page)).health?.ok, { timeout: 20_000 }).toBe(false);
    expect(await page.locator('[data-parapet]').count()).toBe(0);
    expect(await decorations(page)).toEqual([]);
    const popup = await openPopupFor(ext, page);
    await popup.getByText('Needs an update').waitFor();
    await popup.close();
    await page.close();
  });
});
