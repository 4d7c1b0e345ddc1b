import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, launchWithExtension, type Launched } from './harness';
import { serveFeeds } from './feed-helpers';
import { call } from './ui-helpers';
import { steer, steerSignalsPage } from '../fixtures/hostile/steer-signals';

// Issue 25, finding 5: 3,050 synthetic clicks and pushState "searches" in 4.5 s made the Inferred model read
// "Crypto Casino · 100% sure". Only the person's own (trusted) clicks and Enters may become signals.

const YT = 'https://www.youtube.com/';
const decided = () => document.querySelectorAll('[data-parapet]').length > 0;

describe('a page that fakes what the person did (Chromium)', () => {
  let app: Launched;
  let dashboard: Page;
  beforeAll(async () => {
    app = await launchWithExtension();
    await serveFeeds(app.context, { [YT]: () => steerSignalsPage(ROOT) });
    dashboard = await app.openPage('dashboard.html');
  });
  afterAll(async () => {
    await app?.close();
  });

  const signals = () => call(dashboard, 'signals/list', {});

  it('records no signal from synthetic clicks and pushState searches, and records the person’s own click and search', async () => {
    const page = await app.context.newPage();
    await page.goto(YT);
    await page.waitForFunction(decided, undefined, { timeout: 15_000 });

    await page.evaluate(steer, { clicks: 400, searches: 200 });
    await page.waitForTimeout(2500); // the reporter sends within a second; the navigations are looked at a task later
    expect(await signals()).toEqual([]);

    // The person searches: types in the box and presses Enter (trusted input), and the site pushes the address.
    await page.fill('#search', '');
    await page.click('#search');
    await page.keyboard.type('moss garden');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/search_query=moss/);
    await page.goto(YT); // a new document, as when the person goes home: the old one's log is flushed on leaving
    await page.waitForFunction(decided, undefined, { timeout: 15_000 });
    // The person clicks a video; the site opens it in place.
    await page.click('a.ytLockupMetadataViewModelTitle[href="/watch?v=rustBorrow1"]');
    await expect.poll(() => page.url()).toMatch(/watch\?v=rustBorrow1/);

    await expect
      .poll(async () => (await signals()).map((s) => `${s.type}:${s.type === 'search' ? s.title : s.itemId}`).sort(), { timeout: 10_000 })
      .toEqual(['open:rustBorrow1', 'search:moss garden']);
    expect((await signals()).some((s) => /casino/i.test(`${s.title} ${s.url}`))).toBe(false);
    await page.close();
  });
});
