// The popup over the tab it was opened on (issue 23): over a chat site it says what Parapet does there; over a feed
// each count opens Activity on this page's items of that kind; the manifest asks for no `tabs` permission; the
// popup passes axe's WCAG 2.2 checks (target size among them) in light and dark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_EXT, screenshot, type Launched } from './harness';
import { feed, openPopupFor, startFeedBrowser, tabReport, waitForShield } from './feed-helpers';
import { call, seedProfile, seriousA11yViolations } from './ui-helpers';
import { instruction, openChat, routeChatSites, typeMessage, waitForSends } from '../fixtures/chat/e2e';

let ext: Launched;
/** A dashboard page, kept open: the popup's links reuse it, as they reuse a person's open dashboard. */
let ctl: Page;
const HOME = 'https://www.youtube.com/';

beforeAll(async () => {
  ({ ext, ctl } = await startFeedBrowser({ pages: { [HOME]: () => feed('youtube-home.html') } }));
  await routeChatSites(ext);
});
afterAll(async () => {
  await ext?.close();
});

/** The popup at the size the browser gives it: 360 px wide, as tall as its content. */
async function wholePopup(popup: Page): Promise<void> {
  await popup.setViewportSize({ width: 360, height: await popup.evaluate(() => document.documentElement.scrollHeight) });
}

describe('the manifest', () => {
  it('asks for no tabs permission; its host permissions are exactly the sites its content scripts run on', () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_EXT, 'manifest.json'), 'utf8')) as {
      permissions: string[];
      host_permissions: string[];
      content_scripts: { matches: string[] }[];
    };
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'offscreen', 'storage', 'unlimitedStorage']);
    expect(manifest.host_permissions.sort()).toEqual([...new Set(manifest.content_scripts.flatMap((c) => c.matches))].sort());
  });
});

describe('the popup over a chat site', () => {
  it('says Parapet adds instructions on ChatGPT, how many apply and how often it added them, and links to them', async () => {
    await seedProfile(ctl, (p) => ({
      ...p,
      instructions: [instruction('metric', 'Use metric units.'), instruction('claude-only', 'Write British English.', ['claude'])],
    }));
    const chat = await openChat(ext, 'chatgpt');
    await typeMessage(chat, 'How far is Paris from Berlin?');
    await chat.keyboard.press('Enter');
    await waitForSends(chat, 1);

    const popup = await openPopupFor(ext, chat);
    await popup.getByRole('heading', { name: 'On ChatGPT' }).waitFor();
    expect(await popup.getByText('not active on this page').count()).toBe(0);
    await popup.getByText('Adding instructions', { exact: true }).waitFor();
    await popup.getByText('1 of your 2 instructions applies on ChatGPT.').waitFor();
    await popup.getByText('Added to 1 message in this tab (1 instruction in all).').waitFor({ timeout: 10_000 });
    await wholePopup(popup);
    await screenshot(popup, 'popup-chat');

    await popup.getByRole('button', { name: 'Chat instructions' }).click();
    await expect.poll(() => ctl.url()).toMatch(/dashboard\.html#\/chat$/);
    await ctl.getByRole('heading', { name: 'Chat instructions', level: 1 }).waitFor();
    await chat.close();
  });
});

describe('the popup over a feed', () => {
  it('opens Activity on this page’s hidden items from Hidden, and on the items Parapet moved from Moved', async () => {
    await seedProfile(ctl, (p) => ({ ...p, instructions: [] }));
    const page = await ext.context.newPage();
    await page.goto(HOME);
    await waitForShield(page, 10);
    // An item is logged once it has stayed half a second: wait for the counts, then for the log to hold them.
    const report = await tabReport(ext, page, (r) => (r.stats?.hidden ?? 0) > 0 && (r.stats?.reordered ?? 0) > 0);
    const hidden = report.stats!.hidden;
    await page.waitForTimeout(1500);

    const popup = await openPopupFor(ext, page);
    const hiddenButton = popup.getByRole('button', { name: /Hidden/ });
    await hiddenButton.waitFor();
    expect(await hiddenButton.getAttribute('title')).toMatch(/^Items hidden/);
    expect(await popup.getByRole('button', { name: /Moved/ }).getAttribute('title')).toMatch(/moved from the place the site gave them.*only slid along.*not counted/);
    await wholePopup(popup);
    await screenshot(popup, 'popup-feed');
    expect(await seriousA11yViolations(popup, { strict: true })).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousA11yViolations(popup, { strict: true })).toEqual([]);
    await screenshot(popup, 'popup-feed-dark');
    await popup.emulateMedia({ colorScheme: 'light' });

    await hiddenButton.click();
    await expect.poll(() => ctl.url()).toMatch(/#\/activity\?site=youtube&action=hide&tab=\d+&since=\d+$/);
    await ctl.getByText(/decisions? match(es)? on one tab's page since/).waitFor();
    // The view shows hidden YouTube items of this page, as many as the popup counted.
    const items = async () => new Set((await call(ctl, 'activity/query', activityQuery(ctl.url()))).map((r) => r.itemId)).size;
    await expect.poll(items).toBe(hidden);
    const rows = await call(ctl, 'activity/query', activityQuery(ctl.url()));
    expect(rows.every((r) => r.action === 'hide' && r.platform === 'youtube')).toBe(true);
    expect(await ctl.getByLabel('Action').inputValue()).toBe('hide');
    await ctl.locator('.act-row').first().waitFor();
    expect(await ctl.locator('.act-row:not([data-action="hide"])').count()).toBe(0);
    await screenshot(ctl, 'activity-from-popup-hidden');
    expect(await seriousA11yViolations(ctl, { strict: true })).toEqual([]);
    await ctl.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousA11yViolations(ctl, { strict: true })).toEqual([]);
    await ctl.emulateMedia({ colorScheme: 'light' });

    // Moved: the items Parapet took from the site's place, fewer than the items on the page.
    const again = await openPopupFor(ext, page);
    await again.getByRole('button', { name: /Moved/ }).click();
    await expect.poll(() => ctl.url()).toMatch(/#\/activity\?site=youtube&tab=\d+&since=\d+&moved=1$/);
    await ctl.getByText(/moved by Parapet from the place the site gave them/).waitFor();
    const moved = await call(ctl, 'activity/query', activityQuery(ctl.url()));
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((r) => r.reordered)).toBe(true);
    expect(moved.length).toBeLessThan(report.stats!.seen);
    await page.close();
  });
});

/** The background query the Activity view at `url` makes (lib/core/activity-filter.ts), rebuilt here from the address. */
function activityQuery(url: string) {
  const p = new URLSearchParams(url.split('?')[1] ?? '');
  return {
    platform: p.get('site') ?? undefined,
    ...(p.get('action') ? { action: p.get('action')! } : {}),
    ...(p.get('tab') ? { tab: Number(p.get('tab')), since: Number(p.get('since')) } : {}),
    ...(p.get('moved') ? { reordered: true } : {}),
  };
}
