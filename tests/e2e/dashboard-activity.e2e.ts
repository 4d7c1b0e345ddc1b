import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../../lib/core/csv';
import type { LoggedDecision } from '../../lib/schema/log';
import { ROOT, launchWithExtension, screenshot, serve, type Launched } from './harness';
import { call, getProfile, seedProfile } from './ui-helpers';
import { seededDecision, sendRows } from './activity-seed';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const HN = readFileSync(join(ROOT, 'tests/fixtures/feeds/hackernews-front.html'), 'utf8');
const SEEDED = 2_400;
const MARKUP_TITLE = '<img src=x onerror="window.__owned=1"><b>Bold claim</b> about batteries';
const FORMULA_TITLE = '=HYPERLINK("https://evil.example","Free money")';

let ext: Launched;
let now: number;
let seeded: LoggedDecision[];
const matching = (test: (d: LoggedDecision) => boolean) => seeded.filter(test).length;
const countText = (n: number, filtered = true) => new RegExp(`^${n.toLocaleString('en-US')} ${n === 1 ? 'decision' : 'decisions'}${filtered ? (n === 1 ? ' matches' : ' match') : ''}$`);

beforeAll(async () => {
  ext = await launchWithExtension();
  const page = await ext.openPage('dashboard.html');
  await seedProfile(page, (p) => ({ ...p, avoidTopics: [{ id: 'moss', label: 'Moss gardens', keywords: ['moss'], exclude: [] }] }));
  now = Date.now();
  const rows: LoggedDecision[] = Array.from({ length: SEEDED }, (_, i) => seededDecision(i, now - 60_000, 30 * 86_400_000, SEEDED));
  rows[3] = { ...rows[3], platform: 'reddit', title: MARKUP_TITLE, url: 'javascript:alert(1)' };
  rows[5] = { ...rows[5], platform: 'x', action: 'label', title: FORMULA_TITLE, reasons: [{ code: 'clickbait', detail: '', source: 'classifier', kind: 'clickbait', evidence: [] }] };
  await sendRows(page, 'decisions', rows);
  seeded = rows;
  await page.close();
});
afterAll(async () => {
  await ext?.close();
});

async function openActivity(query = ''): Promise<Page> {
  const page = await ext.openPage(`dashboard.html#/activity${query}`);
  await page.locator('.act-row').first().waitFor();
  return page;
}

const titles = (page: Page) => page.locator('.act-title').allInnerTexts();

async function countIs(page: Page, text: RegExp) {
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#act-title + .section-desc')?.textContent ?? ''), text.source);
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
    const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`);
  });
}

describe('dashboard activity view', () => {
  it('lists every decision newest first, with words for actions and reasons, and passes axe in light and dark', async () => {
    const page = await openActivity();
    await countIs(page, countText(SEEDED, false));
    const first = page.locator('.act-row').first();
    expect(await first.locator('.act-title').innerText()).toBe('sourdough starter #0');
    expect(await first.locator('.act-site').innerText()).toBe('YouTube');
    expect(await first.locator('.act-badge').innerText()).toBe('Hidden');
    expect(await first.locator('.act-meta').innerText()).toContain('Ad');
    expect(await page.locator('.act-row').nth(1).locator('.act-meta').innerText()).toContain('Clickbait: curiosity gap');
    await screenshot(page, 'dashboard-activity');
    expect(await axeViolations(page)).toEqual([]);

    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.act-scroll')!).backgroundColor);
    expect(bg).toBe('rgb(21, 29, 28)');
    await screenshot(page, 'dashboard-activity-dark');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows titles carrying markup as text and links only to web addresses', async () => {
    const page = await openActivity();
    const row = page.locator('.act-row', { hasText: 'Bold claim' });
    expect(await row.locator('.act-title').innerText()).toBe(MARKUP_TITLE);
    expect(await page.locator('.act-list img, .act-list b').count()).toBe(0);
    expect(await row.locator('a').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
    expect(await page.locator('.act-row').first().locator('a').getAttribute('href')).toBe('https://example.test/youtube/0');
    await page.close();
  });

  it('keeps only a window of rows in the DOM while scrolling through 2,400, loading more on the way', async () => {
    const page = await openActivity();
    const scroller = page.locator('.act-scroll');
    const inDom: number[] = [];
    for (let step = 0; step < 400; step++) {
      const done = await scroller.evaluate((el) => {
        el.scrollTop += 1500;
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      });
      await page.waitForTimeout(16);
      inDom.push(await page.locator('.act-item').count());
      if (done && (await page.locator('.act-title', { hasText: `#${SEEDED - 1}` }).count())) break;
    }
    await page.locator('.act-title', { hasText: `sourdough starter #${SEEDED - 1}` }).or(page.locator('.act-title', { hasText: `#${SEEDED - 1}` })).first().waitFor();
    expect(Math.max(...inDom)).toBeLessThan(40);
    const posinset = await page.locator('.act-item').last().getAttribute('aria-posinset');
    expect(Number(posinset)).toBe(SEEDED);
    await screenshot(page, 'dashboard-activity-scrolled');
    await page.close();
  });

  it('filters by site, action, reason and time, searches, and keeps the filters in the address', async () => {
    const page = await openActivity();
    await page.getByLabel('Site', { exact: true }).selectOption('hackernews');
    await countIs(page, countText(matching((d) => d.platform === 'hackernews')));
    expect(new Set(await page.locator('.act-site').allInnerTexts())).toEqual(new Set(['Hacker News']));

    await page.getByLabel('Site', { exact: true }).selectOption('x');
    await page.getByLabel('Action', { exact: true }).selectOption('hide');
    await page.getByLabel('Reason', { exact: true }).selectOption('blocked-author');
    const blocked = (d: LoggedDecision) => d.platform === 'x' && d.action === 'hide' && d.reasons.some((r) => r.code === 'blocked-author');
    expect(matching(blocked)).toBeGreaterThan(100);
    await countIs(page, countText(matching(blocked)));
    for (const meta of await page.locator('.act-meta').allInnerTexts()) expect(meta).toContain('Blocked author');

    await page.getByLabel('Time', { exact: true }).selectOption('day');
    const since = Date.now() - 86_400_000 + 5_000;
    await countIs(page, countText(matching((d) => blocked(d) && d.ts >= since)));
    expect(new URL(page.url()).hash).toBe('#/activity?site=x&action=hide&reason=blocked-author&range=day');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await countIs(page, countText(SEEDED, false));
    await page.getByLabel('Search titles and authors').fill('Doctors hate');
    await countIs(page, countText(matching((d) => d.title.includes('Doctors hate'))));
    for (const t of await titles(page)) expect(t).toContain('Doctors hate');
    expect(new URL(page.url()).hash).toBe('#/activity?q=Doctors+hate');

    await page.getByLabel('Time', { exact: true }).selectOption('custom');
    const day = new Date(now - 2 * 86_400_000);
    const ymd = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    await page.getByLabel('From', { exact: true }).fill(ymd);
    await page.getByLabel('To', { exact: true }).fill(ymd);
    await countIs(page, /^\d+ decisions? match(es)?$/);
    for (const iso of await page.locator('.act-when time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!))) {
      expect(new Date(iso).getDate()).toBe(day.getDate());
    }
    await screenshot(page, 'dashboard-activity-filtered');

    // A reload (or a bookmark) brings the same view back.
    const again = await openActivity('?site=reddit&action=label');
    await countIs(again, countText(matching((d) => d.platform === 'reddit' && d.action === 'label')));
    expect(await again.getByLabel('Site', { exact: true }).inputValue()).toBe('reddit');
    expect(new Set(await again.locator('.act-badge').allInnerTexts())).toEqual(new Set(['Labelled']));
    await again.close();
    await page.close();
  });

  it('exports the filtered rows as CSV and JSON files, with formulas kept as text', async () => {
    const page = await openActivity('?action=label');
    const expected = matching((d) => d.action === 'label');
    await countIs(page, countText(expected));

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^parapet-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = parseCsv(readFileSync((await csvDownload.path())!, 'utf8'));
    expect(csv[0]).toEqual(['time', 'site', 'title', 'author', 'url', 'action', 'reasons', 'reason codes', 'score', 'judged by', 'reversed at']);
    expect(csv.length - 1).toBe(expected);
    const SITE_NAMES = { youtube: 'YouTube', reddit: 'Reddit', x: 'X', hackernews: 'Hacker News' } as const;
    const sites = new Set(seeded.filter((d) => d.action === 'label').map((d) => SITE_NAMES[d.platform]));
    expect(new Set(csv.slice(1).map((r) => r[1]))).toEqual(sites);
    expect(new Set(csv.slice(1).map((r) => r[5]))).toEqual(new Set(['Labelled']));
    expect(csv.find((r) => r[2].includes('HYPERLINK'))?.[2]).toBe(`'${FORMULA_TITLE}`);
    await page.getByText(/^Saved parapet-activity-.*\.csv with/).waitFor();

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { count: number; filter: { action: string }; decisions: LoggedDecision[] };
    expect(json.count).toBe(expected);
    expect(json.filter.action).toBe('label');
    expect(json.decisions).toHaveLength(expected);
    expect(json.decisions.every((d) => d.action === 'label')).toBe(true);
    expect(json.decisions.some((d) => d.title === FORMULA_TITLE)).toBe(true);
    await page.close();
  });

  it('reverses a hide, and the item shows the next time the page loads; undoing the reversal hides it again', async () => {
    await serve(ext.context, 'https://news.ycombinator.com/**', HN);
    const hn = await ext.context.newPage();
    await hn.goto('https://news.ycombinator.com/');
    const mossRow = hn.locator('tr.athing', { hasText: 'moss garden' });
    await hn.waitForFunction(() => {
      const row = [...document.querySelectorAll('tr.athing')].find((r) => r.textContent?.includes('moss garden'));
      return row && ['stub', 'hide'].includes(row.getAttribute('data-parapet') ?? '');
    });

    const page = await ext.openPage('dashboard.html#/activity?q=moss');
    const row = page.locator('.act-row', { hasText: 'moss garden', has: page.locator('.act-hide') });
    // The content script sends its log in batches; the first one arrives within a couple of seconds.
    for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
      await page.waitForTimeout(500);
      await page.reload();
      await page.locator('.act-row, .act-empty').first().waitFor();
    }
    expect(await row.locator('.act-badge').innerText()).toBe('Hidden');
    expect(await row.locator('.act-meta').innerText()).toContain('Topic you avoid: Moss gardens');
    await row.getByRole('button', { name: /^Reverse/ }).click();
    await row.getByText('Reversed').waitFor();
    await page.getByText(/will show from now on/).waitFor();
    await screenshot(page, 'dashboard-activity-reversed');
    const logged = await call(page, 'activity/query', { search: 'moss garden', limit: 5 });
    expect(logged.find((d) => d.action === 'hide')?.reversedAt).toBeGreaterThan(0);
    expect((await getProfile(page)).exceptions.some((e) => e.type === 'item' && e.title === 'show hn a moss garden simulator in 4 kb')).toBe(true);

    await hn.reload();
    await hn.locator('tr.athing').first().waitFor();
    await hn.waitForTimeout(500);
    expect(await mossRow.getAttribute('data-parapet')).not.toMatch(/^(stub|hide)$/);
    expect(await mossRow.isVisible()).toBe(true);
    // The avoid-topic itself still stands for everything else.
    expect((await getProfile(page)).avoidTopics.map((t) => t.id)).toEqual(['moss']);

    // A reversal clicked by mistake can be taken back: the item is held back again on the next load.
    await row.getByRole('button', { name: /^Undo the reversal/ }).click();
    await page.getByText(/Reversal undone/).waitFor();
    await row.getByRole('button', { name: /^Reverse/ }).waitFor();
    const again = await call(page, 'activity/query', { search: 'moss garden', limit: 5 });
    expect(again.find((d) => d.action === 'hide')?.reversedAt).toBeUndefined();
    expect((await getProfile(page)).exceptions.some((e) => e.type === 'item' && e.title === 'show hn a moss garden simulator in 4 kb')).toBe(false);
    await hn.reload();
    await hn.waitForFunction(() => {
      const r = [...document.querySelectorAll('tr.athing')].find((x) => x.textContent?.includes('moss garden'));
      return r && ['stub', 'hide'].includes(r.getAttribute('data-parapet') ?? '');
    });
    await hn.close();
    await page.close();
  });

  it('works by keyboard: filters, the list, and a reverse button', async () => {
    const page = await openActivity('?site=youtube&action=hide');
    await countIs(page, countText(matching((d) => d.platform === 'youtube' && d.action === 'hide')));
    const search = page.getByLabel('Search titles and authors');
    await search.focus();
    await page.keyboard.type('sourdough');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('q=sourdough'));
    // Tab moves on through the selects to the list and into its rows.
    let reached = '';
    for (let i = 0; i < 20 && !reached.startsWith('Reverse'); i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    }
    expect(reached).toMatch(/^Reverse: show “sourdough starter/);
    await page.keyboard.press('Enter');
    await page.locator('.act-row').first().getByText('Reversed').waitFor();
    // The list scrolls by keyboard once focused.
    await page.locator('.act-scroll').focus();
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => (document.querySelector('.act-scroll')?.scrollTop ?? 0) > 0);
    await page.close();
  });
});
