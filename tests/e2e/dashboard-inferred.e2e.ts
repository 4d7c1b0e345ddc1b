import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Launched } from './harness';
import { call, getProfile, screenshotWhole, seedProfile, seriousA11yViolations } from './ui-helpers';
import { DAY, MARKUP, MORE_WOODWORKING, seedDecisions, seedSignals } from './inferred-seed';
import { cardStates, holdSavesAndWatchCards, releaseSaves, sent, type Sent } from './inferred-answers';
import type { Signal } from '../../lib/schema/log';

const now = Date.now();
const signals = seedSignals(now);

/** Names a person would give each subject of the seeded history; the meaning model picks one of them. */
const BAKING = ['Sourdough', 'Bread', 'Loaf', 'Baking', 'Dough'];
const WOOD = ['Woodworking', 'Workbench', 'Wood', 'Woodwork', 'Joinery', 'Furniture', 'Carpentry', 'Table', 'Workshop'];
const SKY = ['Telescope', 'Astronomy', 'Eyepiece', 'Planet', 'Galaxy'];
/** What the title-word model showed for this history: fragments of titles. */
const FRAGMENTS = ['Crumb Finally', 'Finally Happened', 'Finally', 'Happened', 'Walnut Side', 'Starter Open', 'Side', 'Open'];

let ext: Launched;
beforeAll(async () => {
  ext = await launchWithExtension();
  const page = await ext.openPage('dashboard.html');
  await seedProfile(page, (p) => ({ ...p, interests: [{ id: 'garden', label: 'Gardening', weight: 0.8, keywords: ['compost'], exclude: [] }] }));
  await call(page, 'tab/report', { signals: signals });
  const decisions = seedDecisions(now);
  for (let i = 0; i < decisions.length; i += 500) await call(page, 'tab/report', { decisions: decisions.slice(i, i + 500) });
  await page.close();
});
afterAll(async () => {
  await ext?.close();
});

const topicCard = (page: Page, label: string) => page.locator('.inf-topic').filter({ has: page.getByRole('heading', { name: label, exact: true }) });
const names = (page: Page) => page.locator('.inf-topic-name').allInnerTexts();
const oneOf = (shown: string[], wanted: string[]) => shown.find((n) => wanted.includes(n));

async function openInferred(): Promise<Page> {
  const page = await ext.openPage('dashboard.html#/inferred');
  await page.getByRole('heading', { name: 'What Parapet thinks you like' }).waitFor();
  await page.locator('.inf-topic').first().waitFor();
  return page;
}

describe('Inferred model view', () => {
  it('shows named topics (never title fragments) with calibrated confidence and the items behind each, in light and dark, with no serious axe violations', async () => {
    const page = await openInferred();
    const shown = await names(page);
    const baking = oneOf(shown, BAKING);
    const wood = oneOf(shown, WOOD);
    const sky = oneOf(shown, SKY);
    expect([baking, wood, sky]).not.toContain(undefined);
    for (const f of FRAGMENTS) expect(shown).not.toContain(f);
    expect(shown.some((n) => /celebrit|gossip|kardashian/i.test(n))).toBe(false);

    // Thirty items make Parapet fairly sure, never certain; a handful make it less sure.
    const bread = topicCard(page, baking!);
    const breadPct = Number((await bread.locator('.inf-pct').innerText()).match(/^(\d+)% sure$/)![1]);
    expect(breadPct).toBeGreaterThan(60);
    expect(breadPct).toBeLessThan(100);
    expect(await bread.locator('.inf-topic-meta').innerText()).toMatch(/^Learned .+ · (2\d|30) items$/);
    const skyPct = Number((await topicCard(page, sky!).locator('.inf-pct').innerText()).match(/^(\d+)% sure$/)![1]);
    expect(skyPct).toBeLessThan(breadPct);

    await bread.getByText('Why Parapet thinks so').click();
    const link = bread.getByRole('link', { name: /Sourdough bagels boiled and baked/ });
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/www\.reddit\.com\/r\/Breadit\//);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await bread.getByText('Walnut side table I built for my wife').count()).toBe(0);

    // A title carrying markup is shown as text: no element made from it, nothing ran.
    const telescope = topicCard(page, sky!);
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

  it('renders the timeline, the platform mix in the same named topics beside stated interests, and the manipulation share, each with a text alternative', async () => {
    const page = await openInferred();
    expect(await page.getByTestId('timeline-summary').innerText()).toMatch(/^\d+ topics learned and \d+ dropped between .+; the model now holds \d+\.$/);
    const baking = oneOf(await names(page), BAKING)!;
    expect(await page.locator('.inf-timeline li').filter({ hasText: 'Learned' }).filter({ hasText: baking }).count()).toBe(1);
    expect(await page.locator('.inf-chart svg').count()).toBeGreaterThanOrEqual(4);

    // YouTube pushed the bread items: its mix names them as a topic, not as their title words.
    const yt = await page.getByTestId('mix-summary-youtube').innerText();
    const pushed = yt.match(/^YouTube recommended mostly (.+?) \(\d+%\)/)![1];
    expect(BAKING).toContain(pushed);
    expect(yt).toMatch(/\d+% matched Gardening\.$/);
    expect(await page.getByTestId('mix-summary-reddit').innerText()).toMatch(/none of it matched your stated interests/);
    await page.getByText('YouTube’s topic mix as a table').click();
    const table = page.getByRole('table', { name: 'Topics YouTube recommended, by share of its items' });
    expect(await table.getByRole('row', { name: new RegExp(`^${pushed} `) }).count()).toBe(1);
    for (const f of ['Free', 'Title', 'Appended', 'Won’t', "Won't", 'Finally']) expect(await table.getByRole('rowheader', { name: f, exact: true }).count()).toBe(0);

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

  it('confirm adds the named topic to the profile’s interests', async () => {
    const page = await openInferred();
    const baking = oneOf(await names(page), BAKING)!;
    await topicCard(page, baking).getByRole('button', { name: `Confirm ${baking}` }).click();
    await page.getByRole('status').filter({ hasText: `${baking} is now one of your interests` }).waitFor({ state: 'attached' });
    await topicCard(page, baking).waitFor({ state: 'detached' });
    expect((await getProfile(page)).interests.map((i) => i.label)).toContain(baking);
    expect(await page.getByRole('list', { name: 'Your interests' }).innerText()).toContain(baking);
    // The background's next answer keeps it out too, under any name of the same subject.
    await page.reload();
    await page.locator('.inf-topic').first().waitFor();
    expect(oneOf(await names(page), BAKING)).toBeUndefined();
    await page.getByRole('link', { name: 'Profile', exact: true }).click();
    await page.getByRole('heading', { name: 'Interests' }).waitFor();
    expect(await page.locator(`input[value="${baking}"]`).count()).toBe(1);
    await page.close();
  });

  it('reject removes the topic, and it never comes back, under another name or after more signals', async () => {
    const page = await openInferred();
    const wood = oneOf(await names(page), WOOD)!;
    await topicCard(page, wood).getByRole('button', { name: `Reject ${wood}` }).click();
    await topicCard(page, wood).waitFor({ state: 'detached' });
    await expect.poll(async () => (await getProfile(page)).inferred.rejected).toContain(wood.toLowerCase());
    const more: Signal[] = MORE_WOODWORKING.map((title, i) => ({
      ts: now - DAY + i * 60_000, type: 'open', platform: 'youtube', itemId: `more${i}`, title, author: 'Someone', url: '', detail: '',
    }));
    await call(page, 'tab/report', { signals: more });
    await page.reload();
    await page.locator('.inf-topic').first().waitFor();
    const after = await names(page);
    expect(oneOf(after, WOOD)).toBeUndefined();
    for (const f of FRAGMENTS) expect(after).not.toContain(f);
    expect(await page.getByRole('list', { name: 'Rejected topics' }).innerText()).toContain(wood.toLowerCase());
    await page.close();
  });

  it('pin and forget work from the keyboard: Tab reaches the controls, Enter operates them', async () => {
    const page = await openInferred();
    const shown = await names(page);
    const last = shown[shown.length - 1];
    await page.locator('.db-main').focus();
    let label = '';
    for (let i = 0; i < 80 && label !== `Pin ${last}`; i++) {
      await page.keyboard.press('Tab');
      label = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? '');
    }
    expect(label).toBe(`Pin ${last}`);
    await page.keyboard.press('Enter');
    await topicCard(page, last).getByText('Pinned').waitFor();
    await expect.poll(async () => (await names(page))[0]).toBe(last);
    await expect.poll(async () => (await getProfile(page)).inferred.pinned).toEqual([last.toLowerCase()]);
    await screenshotWhole(page, 'dashboard-inferred-pinned');

    const other = (await names(page)).find((n) => n !== last)!;
    const forget = topicCard(page, other).getByRole('button', { name: `Forget ${other}` });
    await forget.focus();
    await page.keyboard.press('Enter');
    await topicCard(page, other).waitFor({ state: 'detached' });
    await expect.poll(async () => (await getProfile(page)).inferred.forgotten.map((f) => f.topic)).toEqual([other.toLowerCase()]);
    // Still gone when the background answers again.
    await page.reload();
    await page.locator('.inf-topic').first().waitFor();
    expect(await names(page)).not.toContain(other);
    expect((await names(page))[0]).toBe(last);
    await page.close();
  });

  it('after Pin and Forget, no answer of the background undoes either on screen, not even for a moment, while the saves are slow', async () => {
    // The tests above left controls on most topics: this one starts from none.
    const setup = await ext.openPage('dashboard.html');
    await seedProfile(setup, (p) => ({ ...p, inferred: { ...p.inferred, rejected: [], pinned: [], forgotten: [] } }));
    await setup.close();
    const page = await openInferred();
    const shown = await names(page);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const [forgotten, pinned] = [shown[0], shown[shown.length - 1]];

    await holdSavesAndWatchCards(page);
    const pressedAt = await page.evaluate(() => performance.now());
    await topicCard(page, pinned).getByRole('button', { name: `Pin ${pinned}` }).click();
    await topicCard(page, pinned).getByText('Pinned').waitFor();
    await topicCard(page, forgotten).getByRole('button', { name: `Forget ${forgotten}` }).click();
    // The view asked again as each change showed; with both saves held, the background answers from the profile
    // before them.
    const answers = (list: Sent[], after: number) => list.filter((s) => s.type === 'inference/get' && s.sent > after);
    await expect
      .poll(async () => answers(await sent(page), pressedAt).map((s) => s.answered > 0), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([true]));
    await expect.poll(async () => answers(await sent(page), pressedAt).every((s) => s.answered > 0), { timeout: 30_000 }).toBe(true);
    await page.waitForTimeout(300);
    expect((await sent(page)).filter((s) => s.type === 'profile/save').map((s) => s.answered)).toEqual([0, 0]);

    await releaseSaves(page);
    // Both saves come back, and the view's answer for the saved profile is shown.
    await expect
      .poll(
        async () => {
          const list = await sent(page);
          const saves = list.filter((s) => s.type === 'profile/save');
          if (saves.some((s) => !s.answered)) return false;
          const after = answers(list, Math.max(...saves.map((s) => s.answered)));
          return after.length > 0 && after.every((s) => s.answered > 0);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.waitForTimeout(300);

    const states = (await cardStates(page)).filter((s) => s.at >= pressedAt);
    const gone = states.findIndex((s) => !s.names.includes(forgotten));
    const onTop = (s: { names: string[]; pinned: string[] }) => s.names[0] === pinned && s.pinned.includes(pinned);
    const pinnedFrom = states.findIndex(onTop);
    expect([gone, pinnedFrom].every((i) => i >= 0)).toBe(true);
    expect(states.slice(gone).filter((s) => s.names.includes(forgotten))).toEqual([]);
    expect(states.slice(pinnedFrom).filter((s) => !onTop(s))).toEqual([]);
    expect((await getProfile(page)).inferred).toMatchObject({ pinned: [pinned.toLowerCase()], forgotten: [{ topic: forgotten.toLowerCase() }] });
    await page.close();
  });
});
