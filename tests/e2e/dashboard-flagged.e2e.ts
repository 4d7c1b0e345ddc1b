import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Launched } from './harness';
import { call, getProfile, screenshotWhole, seriousA11yViolations } from './ui-helpers';
import type { Flag } from '../../lib/schema/log';

const now = Date.now();
let n = 0;
const flag = (kind: Flag['kind'], title: string, over: Partial<Flag> = {}): Flag => ({
  ts: now - ++n * 3_600_000, platform: 'youtube', itemId: `f${n}`, title, author: 'ShopTalk', url: `https://www.youtube.com/watch?v=f${n}`, kind,
  confidence: 0.62 + (n % 4) * 0.09, source: 'classifier', action: 'label', evidence: [], status: 'open', ...over,
});
const MARKUP = '<script>window.__pwned=1</script><b>Bold</b> claim you must see';
const flags: Flag[] = [
  flag('clickbait', "You Won't Believe What This Lathe Can Do", { evidence: ["you won't believe"] }),
  flag('clickbait', MARKUP, { platform: 'reddit', author: 'u/loud', source: 'model', evidence: ['must see'] }),
  flag('clickbait', 'This one trick changed my workshop forever', { source: 'rule', evidence: ['one trick'] }),
  flag('rage', 'They are DESTROYING woodworking and nobody cares', { platform: 'x', author: '@angry', evidence: ['destroying'], action: 'hide' }),
  flag('rage', 'Why everyone who uses power tools is wrong', { platform: 'x', author: '@angry', evidence: ['everyone who'] }),
  flag('urgency', 'Only 2 hours left: the sale ends tonight', { platform: 'reddit', author: 'u/deals', evidence: ['only 2 hours left'], action: 'demote' }),
  flag('promoted', 'Sponsored: the best chisels of 2026', { source: 'platform', action: 'hide' }),
];

let ext: Launched;
beforeAll(async () => {
  ext = await launchWithExtension();
  const page = await ext.openPage('dashboard.html');
  await call(page, 'tab/report', { flags: flags });
  await page.close();
});
afterAll(async () => {
  await ext?.close();
});

const row = (page: Page, title: string) => page.locator('.flag-row').filter({ hasText: title });
const stored = async (page: Page) => new Map((await call(page, 'flags/list', {})).map((f) => [f.title, f]));

async function openFlagged(): Promise<Page> {
  const page = await ext.openPage('dashboard.html#/flagged');
  await page.locator('.flag-row').first().waitFor();
  return page;
}

describe('Flagged view', () => {
  it('groups flagged items by kind with reasons, confidence and source, in light and dark, with no serious axe violations', async () => {
    const page = await openFlagged();
    expect(await page.locator('.flag-group h2').allInnerTexts()).toEqual(['Ads\n1', 'Clickbait\n3', 'Rage bait\n2', 'False urgency\n1'].map((s) => expect.stringMatching(new RegExp(`^${s.split('\n')[0]}\\s*${s.split('\n')[1]}$`))));
    const lathe = row(page, 'Lathe');
    expect(await lathe.locator('.flag-reason').innerText()).toBe("Clickbait because of you won't believe");
    expect(await lathe.locator('.flag-confidence').innerText()).toMatch(/^\d+% sure$/);
    expect(await lathe.locator('.flag-source').innerText()).toBe('Classifier');
    expect(await row(page, 'claim you must see').locator('.flag-source').innerText()).toBe('Local model');
    expect(await row(page, 'Sponsored').locator('.flag-source').innerText()).toBe('Platform');
    expect(await lathe.getByRole('link').getAttribute('target')).toBe('_blank');

    // Page text with markup is text.
    await page.locator('.flag-title', { hasText: MARKUP }).waitFor();
    expect(await page.locator('.flag-list b, .flag-list script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await screenshotWhole(page, 'dashboard-flagged');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshotWhole(page, 'dashboard-flagged-dark');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('a "right" verdict is stored; a "wrong" one becomes an exception for that author and title in the profile', async () => {
    const page = await openFlagged();
    const right = row(page, 'one trick').getByRole('button', { name: /^Right/ });
    await right.click();
    await expect.poll(() => right.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await stored(page)).get('This one trick changed my workshop forever')?.status).toBe('right');

    const wrong = row(page, 'Lathe').getByRole('button', { name: /^Wrong/ });
    await wrong.click();
    await page.getByRole('status').filter({ hasText: 'marked wrong' }).waitFor({ state: 'attached' });
    await expect.poll(async () => (await getProfile(page)).exceptions).toEqual([
      expect.objectContaining({ type: 'item', platform: 'youtube', author: 'ShopTalk', kind: 'clickbait', title: 'you won t believe what this lathe can do' }),
    ]);
    // Taking the verdict back removes the exception.
    await wrong.click();
    await expect.poll(async () => (await getProfile(page)).exceptions).toEqual([]);
    await wrong.click();
    await expect.poll(async () => (await getProfile(page)).exceptions.length).toBe(1);
    await screenshotWhole(page, 'dashboard-flagged-verdicts');
    await page.close();
  });

  it('filters by kind, and gives a bulk verdict from the keyboard', async () => {
    const page = await openFlagged();
    await page.getByLabel('Kind').selectOption('rage');
    await page.locator('.flag-group').first().waitFor();
    expect(await page.locator('.flag-group h2').allInnerTexts()).toEqual([expect.stringMatching(/^Rage bait\s*2$/)]);

    const selectAll = page.getByRole('checkbox', { name: 'Select all Rage bait' });
    await selectAll.focus();
    await page.keyboard.press('Space');
    await page.getByText('2 selected').waitFor();
    const markWrong = page.getByRole('button', { name: 'Mark wrong' });
    await markWrong.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => {
      const s = await stored(page);
      return [s.get('They are DESTROYING woodworking and nobody cares')?.status, s.get('Why everyone who uses power tools is wrong')?.status];
    }).toEqual(['wrong', 'wrong']);
    await page.locator('.flag-bulk-done').filter({ hasText: '2 items marked wrong' }).waitFor();
    expect((await getProfile(page)).exceptions.filter((e) => e.kind === 'rage').map((e) => e.author)).toEqual(['@angry', '@angry']);
    await screenshotWhole(page, 'dashboard-flagged-bulk');

    // Reviewed items leave the queue and are listed under "Reviewed".
    await page.reload();
    await page.getByLabel('Kind').selectOption('all');
    await page.locator('.flag-row').first().waitFor();
    expect(await row(page, 'DESTROYING').count()).toBe(0);
    await page.getByRole('radio', { name: 'Reviewed' }).check();
    await row(page, 'DESTROYING').waitFor();
    expect(await row(page, 'Sponsored').count()).toBe(0);
    await page.close();
  });
});
