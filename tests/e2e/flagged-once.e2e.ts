import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, type Launched } from './harness';
import { feed, startFeedBrowser, waitForShield } from './feed-helpers';
import { call, getProfile, seriousA11yViolations } from './ui-helpers';
import type { Flag } from '../../lib/schema/log';

// Issue 23: the Flagged queue. One row and one verdict per item, however often it is seen; a bulk verdict never
// overwrites one given by hand; the confirmation is said where the person acted, moves nothing, and has Undo.

const HOME = 'https://www.reddit.com/';
const AWW = 'https://www.reddit.com/r/aww/';
const CAT = 'this cat did next';
let ext: Launched;
let ctl: Page;

beforeAll(async () => {
  ({ ext, ctl } = await startFeedBrowser({
    pages: {
      [HOME]: () => feed('reddit-home.html'),
      // The same headline reposted on another page, under another post id.
      [AWW]: () => feed('reddit-home.html').replaceAll('t3_1h0aaa2', 't3_9zzzz99'),
    },
  }));
});
afterAll(async () => {
  await ext?.close();
});

const catFlags = async () => (await call(ctl, 'flags/list', {})).filter((f) => f.title.includes(CAT));
/** What the person sees at 1280x800, scrolled to where they are. */
async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}
const row = (page: Page, title: string) => page.locator('.flag-row').filter({ hasText: title });

async function visit(url: string, seen: number) {
  const page = await ext.context.newPage();
  await page.goto(url);
  await waitForShield(page, 3);
  // An item is logged once it has stayed a moment; leaving the page sends what is waiting.
  await page.waitForTimeout(800);
  await page.close();
  await expect.poll(async () => (await catFlags()).map((f) => f.seen ?? 1), { timeout: 10_000 }).toEqual([seen]);
}

async function openFlagged(): Promise<Page> {
  const page = await ext.openPage('dashboard.html#/flagged');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('.flag-row').first().waitFor();
  return page;
}

describe('Flagged: one row per item', () => {
  it('the same headline seen on reloads and on another page is one row, and once judged it never comes back to "To review"', async () => {
    await visit(HOME, 1);
    await visit(HOME, 2);
    await visit(HOME, 3);
    await visit(AWW, 4);

    const page = await openFlagged();
    expect(await row(page, CAT).count()).toBe(1);
    expect(await row(page, CAT).locator('.flag-meta').innerText()).toMatch(/Seen 4 times/);
    await row(page, CAT).getByRole('button', { name: /^Right/ }).click();
    await expect.poll(async () => (await catFlags())[0]?.status).toBe('right');
    await page.close();

    // Seen again after the verdict: counted on its row, never queued again.
    await visit(HOME, 5);
    const again = await openFlagged();
    expect(await row(again, CAT).count()).toBe(0);
    await again.getByRole('radio', { name: 'Reviewed' }).check();
    await row(again, CAT).waitFor();
    expect(await row(again, CAT).getByRole('button', { name: /^Right/ }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(again, 'flagged-once-reviewed');
    await again.close();
  });
});

describe('Flagged: verdicts', () => {
  const now = Date.now();
  const flag = (i: number, kind: Flag['kind'], title: string): Flag => ({
    ts: now - i * 60_000, platform: 'youtube', itemId: `v-${i}`, title, author: `Channel ${i}`, url: `https://www.youtube.com/watch?v=v-${i}`,
    kind, confidence: 0.7, source: 'classifier', action: 'label', evidence: [], status: 'open',
  });
  const titles = ['Doctors HATE this one simple trick', 'The secret they do not want you to know', 'What happened next left everyone speechless', 'I tried it for 30 days and this happened', 'This changes everything about sleep'];

  beforeAll(async () => {
    await call(ctl, 'tab/report', { flags: [...titles.map((t, i) => flag(i + 1, 'clickbait', t)), flag(10, 'urgency', 'Last chance: only 3 left in stock'), flag(11, 'urgency', 'Sale ends in 2 hours, hurry')] });
  });

  it('a verdict is confirmed in its own row with Undo, and no row moves', async () => {
    const page = await openFlagged();
    const tops = () => page.locator('.flag-row').evaluateAll((rows) => rows.map((r) => Math.round(r.getBoundingClientRect().top)));
    const before = await tops();
    const target = row(page, titles[1]);
    await target.getByRole('button', { name: /^Wrong/ }).click();
    await target.locator('.flag-done').filter({ hasText: 'Marked wrong' }).waitFor();
    expect(await tops()).toEqual(before);
    await expect.poll(async () => (await getProfile(ctl)).exceptions.filter((e) => e.author === 'Channel 2').length).toBe(1);
    await screenshot(page, 'flagged-row-confirmed');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'flagged-row-confirmed-dark');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await target.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(async () => (await call(ctl, 'flags/list', {})).find((f) => f.title === titles[1])?.status).toBe('open');
    await expect.poll(async () => (await getProfile(ctl)).exceptions.filter((e) => e.author === 'Channel 2').length).toBe(0);
    expect(await tops()).toEqual(before);
    await page.close();
  });

  it('"Select all" then "Mark right" keeps the verdicts already given, says so in the bar, and Undo takes back only its own', async () => {
    const page = await openFlagged();
    await row(page, titles[0]).getByRole('button', { name: /^Wrong/ }).click();
    await row(page, titles[0]).locator('.flag-done').waitFor();
    const tops = () => page.locator('.flag-row').evaluateAll((rows) => rows.map((r) => Math.round(r.getBoundingClientRect().top)));
    const before = await tops();

    // The feed visited above flagged some Reddit headlines too: the section holds them and the five here.
    const n = Number((await page.locator('#flag-group-clickbait .count-badge').innerText()).replace(/,/g, ''));
    expect(n).toBeGreaterThanOrEqual(5);
    await page.getByRole('checkbox', { name: 'Select all Clickbait' }).check();
    await page.getByText(`${n} selected`).waitFor();
    await page.getByRole('button', { name: 'Mark right' }).click();
    const bar = page.locator('.flag-bulk-done');
    await bar.filter({ hasText: `${n - 1} items marked right; 1 already judged kept its verdict` }).waitFor();
    expect(await tops()).toEqual(before);
    const status = async () => new Map((await call(ctl, 'flags/list', {})).filter((f) => titles.includes(f.title)).map((f) => [f.title, f.status]));
    await expect.poll(async () => [...(await status()).values()].sort()).toEqual(['right', 'right', 'right', 'right', 'wrong']);
    expect((await status()).get(titles[0])).toBe('wrong');
    await screenshot(page, 'flagged-bulk-confirmed');

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(async () => [...(await status()).values()].sort()).toEqual(['open', 'open', 'open', 'open', 'wrong']);
    await page.close();
  });

  it('section counts match the rows listed, for every filter', async () => {
    const page = await openFlagged();
    for (const filter of ['To review', 'Reviewed', 'All']) {
      await page.getByRole('radio', { name: filter }).check();
      await page.locator('.flag-group').first().waitFor();
      const sections = await page.locator('.flag-group h2').allInnerTexts();
      let sum = 0;
      for (const text of sections) {
        const [name, count] = [text.replace(/\s*[\d,]+$/, ''), Number(text.match(/([\d,]+)$/)![1].replace(/,/g, ''))];
        sum += count;
        const kindId = await page.locator('.flag-group h2', { hasText: name }).getAttribute('id');
        const kind = kindId!.replace('flag-group-', '');
        const rows = await page.locator('.flag-row').evaluateAll((els, k) => els.filter((e) => e.querySelector('.flag-kind')?.textContent && e.closest('.flag-entry') && e.getAttribute('data-kind') === k).length, kind);
        expect(rows, `${filter}: ${name}`).toBe(count);
        const option = await page.locator(`select option[value="${kind}"]`).innerText();
        expect(option, `${filter}: ${name} in the Kind menu`).toContain(`(${count})`);
      }
      expect(await page.locator('select option[value="all"]').innerText()).toContain(`(${sum})`);
    }
    await page.close();
  });
});
