// What the person changes in the popup reaches a feed that is already open, with no reload: a new avoid-topic
// hides a story, silent removal leaves no stub, and pausing shows the page as the site made it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type Launched } from './harness';
import {
  feed,
  openPopupFor,
  startFeedBrowser,
  stubs,
  waitForShield,
  withDemoProfile,
} from './feed-helpers';
import { seedProfile } from './ui-helpers';

let ext: Launched;
let ctl: Page;
const HOME = 'https://news.ycombinator.com/';
const PG = 'Postgres 19 beta is out';
const JOB = 'CloudCo (YC S21) Is Hiring';

beforeAll(async () => {
  ({ ext, ctl } = await startFeedBrowser({ pages: { [HOME]: () => feed('hackernews-front.html') } }));
});
afterAll(async () => {
  await ext?.close();
});

describe('profile changes reach an open feed without a reload', () => {
  it('an avoid-topic added in the popup hides the story on the page already open', async () => {
    const page = await ext.context.newPage();
    await page.goto(HOME);
    await waitForShield(page, 8);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    expect(await page.locator(`text=${PG}`).isVisible()).toBe(true);

    const popup = await openPopupFor(ext, page);
    const box = popup.getByPlaceholder('Add a topic to avoid…');
    await box.fill('Postgres');
    await box.press('Enter');
    await popup.getByRole('button', { name: 'Remove avoid-topic Postgres' }).waitFor();

    await expect.poll(() => page.locator(`text=${PG}`).isVisible()).toBe(false);
    expect((await stubs(page)).some((d) => d.text.startsWith('Hidden by Parapet: Topic you avoid'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // Pause from the popup: everything is shown as the site made it, still without a reload.
    await popup.getByRole('button', { name: /Pause/ }).click();
    await expect.poll(() => page.locator('[data-parapet]').count()).toBe(0);
    expect(await page.locator(`text=${PG}`).isVisible()).toBe(true);
    expect(await page.locator(`text=${JOB}`).isVisible()).toBe(true);
    expect(await stubs(page)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('silent removal hides the ad without leaving a stub', async () => {
    await seedProfile(ctl, (p) => ({ ...withDemoProfile(p), paused: false, display: { ...p.display, hiddenStyle: 'remove' } }));
    const page = await ext.context.newPage();
    await page.goto(HOME);
    await waitForShield(page, 8);
    expect(await page.locator(`text=${JOB}`).isVisible()).toBe(false);
    expect((await stubs(page)).filter((d) => d.text.includes('Ad'))).toEqual([]);
    expect(await page.locator('tr.athing[data-parapet="hide"]').count()).toBe(1);
    await screenshot(page, 'feed-hackernews-silent-removal');
    await page.close();
  });
});
