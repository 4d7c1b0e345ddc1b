// Topics in plain words, as a new user meets them: typing a topic shows what it will catch from their own recent
// feed (the popup and the Profile view), a related word they drop stays dropped, and a topic typed in the popup
// hides a story on the open feed that never says the topic's word, with a reason that quotes the words found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type Launched } from './harness';
import { feed, labelled, openPopupFor, startFeedBrowser, stubs, waitForShield } from './feed-helpers';
import { call, getProfile, screenshotWhole, seriousA11yViolations } from './ui-helpers';

const HOME = 'https://news.ycombinator.com/';
const SENATE = 'Senate passes bill to avert government shutdown';
const RAISED_BED = 'Building a raised garden bed';
const OFF_TOPIC = ['Rust 1.95 released', 'A faster way to compress JSON logs', 'Show HN: A tiny SQLite browser in 300 lines'];
const STORIES = 8;

let ext: Launched;
let ctl: Page;
let feedPage: Page;

beforeAll(async () => {
  // A new user: no interests, nothing to avoid. The feed is visited once, so its stories are in the recent log.
  ({ ext, ctl } = await startFeedBrowser({ pages: { [HOME]: () => feed('hackernews-topics.html') }, profile: (p) => p }));
  feedPage = await ext.context.newPage();
  await feedPage.goto(HOME);
  await waitForShield(feedPage, STORIES);
  // The tab logs its decisions in a batch when it is idle.
  for (let i = 0; i < 60 && (await call(ctl, 'activity/count', {})) < STORIES; i++) await ctl.waitForTimeout(250);
});
afterAll(async () => {
  await ext?.close();
});

/** The preview panel for a topic, once it shows examples from the feed. */
async function previewOf(page: Page, topic: string) {
  const region = page.getByRole('region', { name: `What “${topic}” will catch` });
  await region
    .getByText(/Would (hide|bring up) (none|\d+) of your last \d+ items/)
    .waitFor({ timeout: 15_000 })
    .catch(async (e: Error) => {
      // Say what the panel showed instead (an error from the background, "nothing from your feeds yet"...).
      const shown = (await region.count()) ? await region.innerText() : 'no preview panel';
      throw new Error(`${e.message}\nThe preview showed: ${shown}`);
    });
  const related = await region.getByRole('list', { name: `Related words for ${topic}` }).getByRole('listitem').allInnerTexts();
  const examples = await region.locator('.tp-example').evaluateAll((els) =>
    els.map((e) => ({ title: e.querySelector('.tp-title')?.textContent ?? '', why: e.querySelector('.tp-why')?.textContent ?? '' })),
  );
  return { region, related: related.map((r) => r.trim()), examples };
}

describe('see what a topic will catch before adding it', () => {
  it('typing "politics" in the popup shows related words and the Senate story from the recent feed; a dropped word is kept', async () => {
    const popup = await openPopupFor(ext, feedPage);
    const box = popup.getByPlaceholder('Add a topic to avoid…');
    await box.pressSequentially('politics', { delay: 30 });
    const { region, related, examples } = await previewOf(popup, 'politics');

    expect(related.length).toBeGreaterThan(2);
    const titles = examples.map((e) => e.title);
    expect(titles).toContain(SENATE);
    for (const t of OFF_TOPIC) expect(titles).not.toContain(t);
    // Each example says why, in words from the story itself.
    const senateWhy = examples.find((e) => e.title === SENATE)!.why.toLowerCase();
    expect(senateWhy).toMatch(/^hacker news · /);
    expect(['senate', 'shutdown', 'government'].some((w) => senateWhy.includes(w))).toBe(true);

    // Drop a related word that the Senate story does not rest on ("not this sense of the topic").
    const dropped = [...related].reverse().find((w) => !senateWhy.includes(w.toLowerCase()))!;
    await region.getByRole('button', { name: `Drop “${dropped}” from politics` }).click();
    await region.getByRole('list', { name: 'Words dropped from politics' }).getByText(dropped).waitFor();
    await expect.poll(async () => (await previewOf(popup, 'politics')).related).not.toContain(dropped);

    await popup.setViewportSize({ width: 360, height: await popup.evaluate(() => document.documentElement.scrollHeight) });
    await screenshot(popup, 'topics-popup-preview');
    expect(await seriousA11yViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await screenshot(popup, 'topics-popup-preview-dark');
    expect(await seriousA11yViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'light' });

    await box.press('Enter');
    await popup.getByRole('button', { name: 'Remove avoid-topic politics' }).waitFor();
    await expect.poll(async () => (await getProfile(ctl)).avoidTopics.map((t) => [t.label, t.exclude])).toEqual([['politics', [dropped]]]);
    // The box is empty again, and so is the preview: the next topic starts with nothing dropped.
    expect(await popup.getByRole('region', { name: /will catch/ }).count()).toBe(0);
    await popup.close();
  });

  it('the topic typed in the popup hides the Senate story on the open feed, with the words that made it politics', async () => {
    // Decided again on the page already open, as soon as the profile changes (no reload).
    await expect.poll(() => feedPage.getByText(SENATE).isVisible(), { timeout: 15_000 }).toBe(false);
    const stub = (await stubs(feedPage)).find((d) => d.text.includes('Topic you avoid: politics'));
    expect(stub?.text).toMatch(/^Hidden by Parapet: Topic you avoid: politics \((.+)\)/);
    const words = stub!.text.match(/politics \(([^)]+)\)/)![1].toLowerCase();
    expect(['senate', 'shutdown', 'government'].some((w) => words.includes(w))).toBe(true);
    for (const t of [...OFF_TOPIC, RAISED_BED]) expect(await feedPage.getByText(t).isVisible()).toBe(true);
    await screenshot(feedPage, 'topics-feed-politics-hidden');

    // The Activity log gives the same reason in the same words, once the tab has sent its log (in an idle batch).
    const logged = async () => (await call(ctl, 'activity/query', { search: 'Senate passes', reason: 'avoid-topic' })).length;
    for (let i = 0; i < 80 && (await logged()) === 0; i++) await ctl.waitForTimeout(250);
    const activity = await ext.openPage('dashboard.html#/activity');
    await activity.locator('.act-row').filter({ hasText: SENATE }).filter({ hasText: 'Topic you avoid: politics (' }).first().waitFor();
    await activity.close();
  });

  it('the Profile view previews a new interest, and a word dropped there is saved with it', async () => {
    const page = await ext.openPage('dashboard.html#/profile');
    await page.getByRole('heading', { name: 'Interests' }).waitFor();
    const box = page.getByLabel('New interest');
    await box.pressSequentially('gardening', { delay: 30 });
    const { region, related, examples } = await previewOf(page, 'gardening');
    const titles = examples.map((e) => e.title);
    expect(titles).toContain(RAISED_BED);
    for (const t of [...OFF_TOPIC, SENATE]) expect(titles).not.toContain(t);
    expect(related.length).toBeGreaterThan(2);

    const raisedWhy = examples.find((e) => e.title === RAISED_BED)!.why.toLowerCase();
    const dropped = [...related].reverse().find((w) => !raisedWhy.includes(w.toLowerCase()))!;
    await region.getByRole('button', { name: `Drop “${dropped}” from gardening` }).click();
    await region.getByRole('list', { name: 'Words dropped from gardening' }).getByText(dropped).waitFor();
    expect((await previewOf(page, 'gardening')).related).not.toContain(dropped);
    await screenshotWhole(page, 'topics-profile-preview');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Saved as it is added, like every Profile edit.
    await page.getByRole('button', { name: 'Add interest' }).click();
    await expect.poll(async () => (await getProfile(page)).interests.map((i) => [i.label, i.exclude])).toEqual([['gardening', [dropped]]]);
    // On the open feed, the garden bed story (which never says "gardening") is put first with a badge naming the interest.
    const badge = await labelled(feedPage, RAISED_BED, /^Your interest: gardening ⋯/);
    expect(badge.mode).not.toBe('hide');
    await screenshot(feedPage, 'topics-feed-gardening-boosted');

    // Under the saved topic: what it catches, with the dropped word, which can be counted again.
    const catches = page.getByText('What “gardening” catches · 1 word dropped');
    await catches.click();
    const saved = await previewOf(page, 'gardening');
    await screenshotWhole(page, 'topics-profile-saved-topic');
    await saved.region.getByRole('button', { name: `Count “${dropped}” again for gardening` }).click();
    await expect.poll(async () => (await getProfile(page)).interests[0].exclude).toEqual([]);
    await page.close();
  });
});
