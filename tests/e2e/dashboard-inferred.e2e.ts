import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Launched } from './harness';
import { call, getProfile, screenshotWhole, seedProfile, seriousA11yViolations } from './ui-helpers';
import type { LoggedDecision, Signal } from '../../lib/schema/log';

const DAY = 86_400_000;
const now = Date.now();
let n = 0;
const sig = (type: Signal['type'], title: string, daysAgo: number, extra: Partial<Signal> = {}): Signal => ({
  ts: now - daysAgo * DAY, type, platform: 'youtube', itemId: `s${++n}`, title, author: 'Someone', url: `https://www.youtube.com/watch?v=s${n}`, detail: '', ...extra,
});
const MARKUP = '<img src=x onerror="window.__pwned=1"> Telescope <b>eyepieces</b> compared';
const signals: Signal[] = [
  sig('open', 'Rust ownership explained', 20),
  sig('dwell', 'Async Rust: a deep dive', 18, { value: 8 * 60_000 }),
  sig('open', 'Rust borrow checker tips', 15),
  sig('open', 'Sourdough starter from scratch', 12, { platform: 'reddit', url: 'https://www.reddit.com/r/Breadit/comments/a1/' }),
  sig('open', 'Sourdough shaping basics', 10),
  sig('open', 'Sharpening a chisel by hand', 9),
  sig('dwell', 'Chisel technique for beginners', 8, { value: 4 * 60_000 }),
  sig('open', 'Choosing a first telescope', 6, { platform: 'hackernews', url: 'https://news.ycombinator.com/item?id=1' }),
  sig('open', MARKUP, 5),
  sig('search', '', 4, { detail: 'telescope collimation', itemId: '', url: '' }),
  sig('hide-by-hand', 'Celebrity gossip roundup', 3),
];

let id = 0;
const dec = (platform: LoggedDecision['platform'], title: string, daysAgo: number, action: LoggedDecision['action'] = 'show', kind?: string): LoggedDecision => ({
  ts: now - daysAgo * DAY - ++id * 1000, platform, itemId: `d${id}`, title, author: 'chan', url: '', surface: 'home', action, score: 0.5, reordered: false,
  reasons: kind ? [{ code: kind, detail: '', source: 'classifier', kind: kind as 'rage', evidence: [] }] : [],
});
const decisions: LoggedDecision[] = [];
for (let d = 0; d < 6; d++) {
  for (let i = 0; i < 5; i++) decisions.push(dec('youtube', `Gaming setup tour ${i}`, d));
  for (let i = 0; i < d % 3 + 1; i++) decisions.push(dec('youtube', `Politics outrage clip ${i}`, d, 'label', 'rage'));
  decisions.push(dec('youtube', 'Woodworking bench build', d));
  const topics = ['Chess openings', 'Cooking pasta', 'Hiking trails', 'Jazz piano'];
  for (let i = 0; i < 8; i++) decisions.push(dec('reddit', `${topics[i % 4]} thread ${i}`, d, i % 4 === 0 ? 'show' : 'hide', i % 4 === 1 ? 'clickbait' : undefined));
}

let ext: Launched;
beforeAll(async () => {
  ext = await launchWithExtension();
  const page = await ext.openPage('dashboard.html');
  await seedProfile(page, (p) => ({ ...p, interests: [{ id: 'wood', label: 'Woodworking', weight: 0.8, keywords: ['joinery'], exclude: [] }] }));
  await call(page, 'signals/add', { rows: signals });
  for (let i = 0; i < decisions.length; i += 500) await call(page, 'decisions/log', { rows: decisions.slice(i, i + 500) });
  await page.close();
});
afterAll(async () => {
  await ext?.close();
});

const topicCard = (page: Page, label: string) => page.locator('.inf-topic').filter({ has: page.getByRole('heading', { name: label, exact: true }) });

async function openInferred(): Promise<Page> {
  const page = await ext.openPage('dashboard.html#/inferred');
  await page.getByRole('heading', { name: 'What Parapet thinks you like' }).waitFor();
  await page.locator('.inf-topic').first().waitFor();
  return page;
}

describe('Inferred model view', () => {
  it('shows topics with confidence, learned date and clickable evidence, in light and dark, with no serious axe violations', async () => {
    const page = await openInferred();
    const names = await page.locator('.inf-topic-name').allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['Rust', 'Sourdough', 'Chisel', 'Telescope']));
    expect(names).not.toContain('Celebrity');
    const rust = topicCard(page, 'Rust');
    expect(await rust.locator('.inf-pct').innerText()).toMatch(/^\d+% sure$/);
    expect(await rust.locator('.inf-topic-meta').innerText()).toMatch(/^Learned .+ · 3 items$/);
    await rust.getByText('Why Parapet thinks so').click();
    const link = rust.getByRole('link', { name: /Rust ownership explained/ });
    expect(await link.getAttribute('href')).toBe(signals[0].url);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');

    // A title carrying markup is shown as text: no element made from it, nothing ran.
    const telescope = topicCard(page, 'Telescope');
    await telescope.getByText('Why Parapet thinks so').click();
    await telescope.getByText(MARKUP).waitFor();
    expect(await telescope.locator('img, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await telescope.getByText('Search on YouTube').count()).toBe(1);

    await page.waitForLoadState('networkidle');
    await screenshotWhole(page, 'dashboard-inferred');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshotWhole(page, 'dashboard-inferred-dark');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('renders the timeline, the platform mix beside stated interests and the manipulation share, each with a text alternative', async () => {
    const page = await openInferred();
    expect(await page.getByTestId('timeline-summary').innerText()).toMatch(/^\d+ topics learned and \d+ dropped between .+; the model now holds \d+\.$/);
    expect(await page.locator('.inf-timeline li').filter({ hasText: 'Learned' }).filter({ hasText: 'Rust' }).count()).toBe(1);
    expect(await page.locator('.inf-chart svg').count()).toBeGreaterThanOrEqual(4);

    const yt = await page.getByTestId('mix-summary-youtube').innerText();
    expect(yt).toMatch(/^YouTube recommended mostly Gaming Setup Tour \(\d+%\)/);
    expect(yt).toMatch(/\d+% matched Woodworking\.$/);
    expect(await page.getByTestId('mix-summary-reddit').innerText()).toMatch(/none of it matched your stated interests/);
    await page.getByText('YouTube’s topic mix as a table').click();
    const table = page.getByRole('table', { name: 'Topics YouTube recommended, by share of its items' });
    expect(await table.getByRole('row', { name: /Gaming/ }).count()).toBe(1);

    expect(await page.getByTestId('manipulation-summary').innerText()).toMatch(/^Overall, (\d+% of (YouTube|Reddit)’s(, )?){2} items were manipulative\.$/);
    await page.getByText('Manipulative share by day as a table').click();
    const byDay = page.getByRole('table', { name: 'Share of manipulative items per platform per day' });
    expect(await byDay.locator('tbody tr').count()).toBe(6);
    await screenshotWhole(page, 'dashboard-inferred-tables');
    await page.close();
  });

  it('warns when Parapet narrows the feed, and the exploration share control saves to the profile', async () => {
    const page = await openInferred();
    const warning = page.locator('.inf-narrowing');
    expect(await warning.innerText()).toMatch(/Parapet is narrowing your feed\. What you saw is \d+% less varied/);
    const slider = page.getByRole('slider', { name: 'Exploration share' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await getProfile(page)).display.exploreShare).toBeCloseTo(0.1);
    await warning.screenshot({ path: 'tests/e2e/.artifacts/dashboard-inferred-narrowing.png' });
    await page.close();
  });

  it('confirm adds the topic to the profile’s interests', async () => {
    const page = await openInferred();
    await topicCard(page, 'Sourdough').getByRole('button', { name: 'Confirm Sourdough' }).click();
    await page.getByRole('status').filter({ hasText: 'Sourdough is now one of your interests' }).waitFor({ state: 'attached' });
    await topicCard(page, 'Sourdough').waitFor({ state: 'detached' });
    expect((await getProfile(page)).interests.map((i) => i.label)).toContain('Sourdough');
    expect(await page.getByRole('list', { name: 'Your interests' }).innerText()).toContain('Sourdough');
    await page.getByRole('link', { name: 'Profile', exact: true }).click();
    await page.getByRole('heading', { name: 'Interests' }).waitFor();
    expect(await page.locator('input[value="Sourdough"]').count()).toBe(1);
    await page.close();
  });

  it('reject removes the topic, and it never comes back after more signals', async () => {
    const page = await openInferred();
    await topicCard(page, 'Rust').getByRole('button', { name: 'Reject Rust' }).click();
    await topicCard(page, 'Rust').waitFor({ state: 'detached' });
    await expect.poll(async () => (await getProfile(page)).inferred.rejected).toContain('rust');
    await call(page, 'signals/add', { rows: Array.from({ length: 12 }, (_, i) => sig('open', `Rust release notes ${i}`, 1)) });
    await page.reload();
    await page.locator('.inf-topic').first().waitFor();
    expect(await page.locator('.inf-topic-name').allInnerTexts()).not.toContain('Rust');
    expect(await page.getByRole('list', { name: 'Rejected topics' }).innerText()).toContain('rust');
    await page.close();
  });

  it('pin and forget work from the keyboard: Tab reaches the controls, Enter operates them', async () => {
    const page = await openInferred();
    await page.locator('.db-main').focus();
    let label = '';
    for (let i = 0; i < 60 && label !== 'Pin Chisel'; i++) {
      await page.keyboard.press('Tab');
      label = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? '');
    }
    expect(label).toBe('Pin Chisel');
    await page.keyboard.press('Enter');
    await topicCard(page, 'Chisel').getByText('Pinned').waitFor();
    expect(await page.locator('.inf-topic-name').first().innerText()).toBe('Chisel');
    await expect.poll(async () => (await getProfile(page)).inferred.pinned).toEqual(['chisel']);
    await screenshotWhole(page, 'dashboard-inferred-pinned');

    const forget = topicCard(page, 'Telescope').getByRole('button', { name: 'Forget Telescope' });
    await forget.focus();
    await page.keyboard.press('Enter');
    await topicCard(page, 'Telescope').waitFor({ state: 'detached' });
    await expect.poll(async () => (await getProfile(page)).inferred.forgotten.map((f) => f.topic)).toEqual(['telescope']);
    await page.close();
  });
});
