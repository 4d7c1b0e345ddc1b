import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, screenshot, type Launched } from './harness';
import { call, getProfile, seedProfile } from './ui-helpers';

let ext: Launched;

async function openPopup(): Promise<Page> {
  const page = await ext.openPage('popup.html');
  await page.setViewportSize({ width: 360, height: 640 });
  await page.getByRole('heading', { name: 'Interests' }).waitFor();
  return page;
}

beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('popup', () => {
  it('adds an interest that is still there when the popup is opened again', async () => {
    const page = await openPopup();
    await expect(page.getByText('Parapet is not active on this page.').isVisible()).resolves.toBe(true);
    const box = page.getByPlaceholder('Add an interest…');
    await box.fill('Woodworking');
    await box.press('Enter');
    await page.getByRole('button', { name: 'Remove interest Woodworking' }).waitFor();
    await page.close();

    const again = await openPopup();
    await again.getByRole('button', { name: 'Remove interest Woodworking' }).waitFor();
    expect((await getProfile(again)).interests.map((i) => i.label)).toContain('Woodworking');
    await again.close();
  });

  it('refuses a duplicate or markup chip with a message and keeps the profile', async () => {
    const page = await openPopup();
    const before = await getProfile(page);
    const box = page.getByPlaceholder('Add an interest…');
    await box.fill('woodworking');
    await box.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'already in your interests' }).waitFor();
    await box.fill('<b>bold</b>');
    await box.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'plain text' }).waitFor();
    expect((await getProfile(page)).interests).toEqual(before.interests);
    await page.close();
  });

  it('removes an avoid-topic chip', async () => {
    const page = await openPopup();
    const box = page.getByPlaceholder('Add a topic to avoid…');
    await box.fill('Celebrity gossip');
    await box.press('Enter');
    const remove = page.getByRole('button', { name: 'Remove avoid-topic Celebrity gossip' });
    await remove.waitFor();
    await remove.click();
    await remove.waitFor({ state: 'detached' });
    await expect.poll(async () => (await getProfile(page)).avoidTopics.length).toBe(0);
    await page.close();
  });

  it('switches a site off and pauses everything, and both stay after reopening', async () => {
    const page = await openPopup();
    const reddit = page.getByRole('switch', { name: 'Reddit' });
    expect(await reddit.getAttribute('aria-checked')).toBe('true');
    await reddit.click();
    expect(await reddit.getAttribute('aria-checked')).toBe('false');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText('Every page shows as the site made it').waitFor();
    await expect.poll(async () => {
      const p = await getProfile(page);
      return [p.paused, p.sites.reddit, p.sites.youtube];
    }).toEqual([true, false, true]);
    await page.close();

    const again = await openPopup();
    expect(await again.getByRole('switch', { name: 'Reddit' }).getAttribute('aria-checked')).toBe('false');
    await again.getByRole('button', { name: 'Resume' }).click();
    await again.getByRole('button', { name: 'Pause' }).waitFor();
    await expect.poll(async () => (await getProfile(again)).paused).toBe(false);
    await again.close();
  });

  it('follows a profile change made elsewhere without reloading', async () => {
    const popup = await openPopup();
    const other = await ext.openPage('dashboard.html');
    await seedProfile(other, (p) => ({
      ...p,
      interests: [...p.interests, { id: 'from-elsewhere', label: 'Astronomy', weight: 0.7, keywords: [], exclude: [] }],
    }));
    await popup.getByRole('button', { name: 'Remove interest Astronomy' }).waitFor({ timeout: 5000 });
    await other.close();
    await popup.close();
  });

  it('adds a standing chat instruction from the quick-add box', async () => {
    const page = await openPopup();
    const box = page.getByLabel('New standing instruction');
    await box.fill('Answer briefly and cite sources');
    await page.getByRole('button', { name: 'Add instruction' }).click();
    await page.getByText('1 active').waitFor();
    const ins = (await getProfile(page)).instructions;
    expect(ins.at(-1)).toMatchObject({ text: 'Answer briefly and cite sources', enabled: true, scope: { type: 'auto' } });
    expect(ins.at(-1)?.sites).toEqual(['chatgpt', 'claude', 'gemini', 'perplexity']);
    await page.close();
  });

  it("shows this tab's counts and says when the site needs an update", async () => {
    const page = await openPopup();
    // The popup opened as a tab is its own active tab: report stats for it the way a content script would.
    await call(page, 'tab/stats', { platform: 'youtube', seen: 48, hidden: 6, labelled: 9, reordered: 14 });
    await call(page, 'health/report', { platform: 'youtube', surface: 'home', ok: false, detail: 'no items found in the home grid' });
    await seedProfile(page, (p) => ({
      ...p,
      interests: [
        ...p.interests,
        ...['Urban gardening', 'Jazz piano', 'Rust programming'].map((label, i) => ({ id: `seed-${i}`, label, weight: 0.7, keywords: [], exclude: [] })),
      ],
      avoidTopics: [{ id: 'gossip', label: 'Celebrity gossip', keywords: [], exclude: [] }, { id: 'crypto', label: 'Crypto giveaways', keywords: [], exclude: [] }],
    }));
    await page.reload();
    await page.getByRole('heading', { name: 'On YouTube' }).waitFor();
    const counts = await page.locator('.pp-count').allInnerTexts();
    expect(counts.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual(['48 Seen', '6 Hidden', '9 Labelled', '14 Moved']);
    await page.getByText('Needs an update', { exact: true }).waitFor();
    // Show the popup whole: as tall as its content, so the sticky footer sits at the end.
    await page.setViewportSize({ width: 360, height: await page.evaluate(() => document.documentElement.scrollHeight) });
    await screenshot(page, 'popup');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'popup-dark');

    await call(page, 'health/report', { platform: 'youtube', surface: 'home', ok: true, detail: '' });
    await page.reload();
    await page.getByText('Working', { exact: true }).waitFor();
    expect(await page.getByText('Needs an update', { exact: true }).count()).toBe(0);
    await page.close();
  });
});
