import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, serve, type Launched } from './harness';
import { feed } from './feed-helpers';
import { call, getProfile } from './ui-helpers';
import { a11yLightAndDark, shot800 } from './dashboard-checks';

// Issue 23, A: every exception is listed in the dashboard in words, with its scope, when it was made and what it
// changed, and removing one takes effect in open tabs at once (with Undo). The job ad on the Hacker News fixture
// (42000004) is hidden by the "Ads the platform marks" policy; "Allow this rule" on it makes an exception.

const AD = '42000004';
const RUST = '42000001';
let ext: Launched;
let dash: Page;
let hn: Page;

const modeOf = (page: Page, id: string) => page.evaluate((i) => document.getElementById(i)?.getAttribute('data-parapet') ?? null, id);
const heldBack = (mode: string | null) => mode === 'stub' || mode === 'hide';

async function openHackerNews(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto('https://news.ycombinator.com/');
  await page.waitForSelector(`tr[id="${AD}"][data-parapet]`, { timeout: 15_000 });
  return page;
}

/** The page's log is sent when the page is left: a reload logs what the last load decided. */
async function logged(reason: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await hn.waitForTimeout(700);
    await hn.reload();
    await hn.waitForSelector(`tr[id="${AD}"][data-parapet]`);
    if ((await call(dash, 'activity/query', { reason, platform: 'hackernews' })).length > 0) return;
  }
  throw new Error(`nothing logged with ${reason}`);
}

beforeAll(async () => {
  ext = await launchWithExtension();
  await serve(ext.context, /^https:\/\/news\.ycombinator\.com\//, feed('hackernews-front.html'));
  dash = await ext.openPage('dashboard.html#/profile');
  hn = await openHackerNews();
});
afterAll(async () => {
  await ext?.close();
});

describe('the Exceptions view', () => {
  it('lists an "Allow this rule" on ads in words, says so beside the ads setting, and removing it hides the ad again in the open tab (with Undo)', async () => {
    expect(await modeOf(hn, AD)).toBe('stub');
    // "Allow this rule" on the ad's stub, as the page sends it.
    await call(dash, 'feedback/record', {
      feedback: { ts: Date.now(), type: 'exception-rule', platform: 'hackernews', itemId: AD, title: 'CloudCo (YC S21) Is Hiring Senior Engineers', author: '', ruleCode: 'promoted' },
    });
    await expect.poll(() => modeOf(hn, AD), { timeout: 10_000 }).toBe('show');
    await logged('user-exception');

    const page = await ext.openPage('dashboard.html#/exceptions');
    const row = page.locator('.exc-row', { hasText: 'All ads on Hacker News are shown' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Switched off from an item’s menu');
    expect(await row.innerText()).toMatch(/Made \w/);
    await expect.poll(() => row.getByTestId('exc-changed').innerText()).toMatch(/^Showed [1-9]\d* items? Parapet would have held back$/);
    expect(await row.getByRole('link', { name: 'See them in Activity' }).getAttribute('href')).toBe('#/activity?site=hackernews&reason=user-exception');
    await shot800(page, 'exceptions-view');
    expect(await a11yLightAndDark(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot800(page, 'exceptions-view-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The Profile view no longer says "Hide" for ads without saying where they are shown.
    const profile = await ext.openPage('dashboard.html#/profile');
    const note = profile.getByTestId('policy-exception-promoted');
    await note.waitFor();
    expect(await note.innerText()).toContain('Except: All ads on Hacker News are shown');
    await note.scrollIntoViewIfNeeded();
    await profile.setViewportSize({ width: 1280, height: 800 });
    await profile.evaluate(() => document.querySelector('[data-testid="policy-exception-promoted"]')?.closest('section')?.scrollIntoView());
    await shot800(profile, 'exceptions-profile-policy-note');
    await profile.close();

    // Remove: the open Hacker News tab hides the ad again by the rule, at once.
    await row.getByRole('button', { name: 'Remove: All ads on Hacker News are shown' }).click();
    await expect.poll(() => modeOf(hn, AD), { timeout: 10_000 }).toBe('stub');
    expect((await getProfile(page)).exceptions).toEqual([]);
    await page.getByRole('status').filter({ hasText: 'Removed: All ads on Hacker News are shown.' }).waitFor();
    await shot800(page, 'exceptions-removed-undo');
    // Undo puts it back, and the tab shows the ad again.
    await page.getByRole('button', { name: 'Undo' }).click();
    await row.waitFor();
    await expect.poll(() => modeOf(hn, AD), { timeout: 10_000 }).toBe('show');
    await row.getByRole('button', { name: /^Remove:/ }).click();
    await expect.poll(() => modeOf(hn, AD), { timeout: 10_000 }).toBe('stub');
    await page.getByText('No exceptions.').waitFor();
    await page.close();
  });

  it('lists "Always show from", a reversed decision, a "less like this" and an item hidden by hand, each undoable', async () => {
    await call(dash, 'feedback/record', {
      feedback: { ts: Date.now(), type: 'exception-author', platform: 'youtube', itemId: 'v1', title: 'The drama continues', author: 'Drama Central' },
    });
    await call(dash, 'feedback/record', { feedback: { ts: Date.now(), type: 'hide-this', platform: 'hackernews', itemId: RUST, title: 'Rust 1.95 released', author: '' } });
    await expect.poll(() => modeOf(hn, RUST), { timeout: 10_000 }).toSatisfy(heldBack);
    await logged('user-hidden');
    // Reversed in Activity: the ad's logged hide.
    const adHidden = (await call(dash, 'activity/query', { search: 'CloudCo', action: 'hide' }))[0];
    await call(dash, 'activity/reverse', { id: adHidden.id! });
    await expect.poll(() => modeOf(hn, AD), { timeout: 10_000 }).toBe('show');

    const page = await ext.openPage('dashboard.html#/exceptions');
    await page.locator('.exc-row', { hasText: 'Everything from Drama Central on YouTube is shown' }).waitFor();
    const reversed = page.locator('.exc-row[data-origin="reversed"]');
    await expect.poll(() => reversed.locator('.exc-sentence').innerText()).toBe('“CloudCo (YC S21) Is Hiring Senior Engineers” on Hacker News is always shown, whatever would hold it back');
    expect(await reversed.innerText()).toContain('Reversed decision');
    const hidden = page.getByRole('list', { name: 'Hidden by you' }).locator('.exc-row', { hasText: 'Rust 1.95 released' });
    await hidden.waitFor();
    await shot800(page, 'exceptions-hidden-by-you');
    expect(await a11yLightAndDark(page)).toEqual([]);
    // "Less like this" said on a YouTube video: listed with what it pushes down, removable with Undo.
    await call(dash, 'feedback/record', {
      feedback: { ts: Date.now(), type: 'less-like-this', platform: 'youtube', itemId: 'v2', title: 'The feud apology video, explained', author: 'Drama Central' },
    });
    const less = page.getByRole('list', { name: 'Shown less by you' }).locator('.exc-row');
    await less.filter({ hasText: 'Items from Drama Central on YouTube about “feud, apology, explained” are pushed down' }).waitFor();
    await less.first().scrollIntoViewIfNeeded();
    await shot800(page, 'exceptions-shown-less');
    await less.getByRole('button', { name: /^Remove: Items from Drama Central/ }).click();
    await expect.poll(async () => (await getProfile(page)).lessLike).toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await getProfile(page)).lessLike.length).toBe(1);

    await hidden.getByRole('button', { name: 'Unhide: Rust 1.95 released' }).click();
    await expect.poll(() => modeOf(hn, RUST), { timeout: 10_000 }).not.toSatisfy(heldBack);
    expect((await getProfile(page)).hiddenItems).toEqual([]);
    await page.close();
  });
});
