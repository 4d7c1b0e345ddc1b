import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched } from './harness';
import { feed, marks, paintedHidden, startFeedBrowser, stubs, waitForShield, withDemoProfile } from './feed-helpers';
import { call } from './ui-helpers';

// The rage, engagement, urgency and promotion rules reach the content scripts as models/detectors.json, fetched
// after the script starts. With engagement bait set to hide, the "You won't believe" story must be hidden and
// must never have been drawn, not even in the moment before the rules arrived.
let ext: Launched;
let ctl: Page;
const HOME = 'https://news.ycombinator.com/';
const BAIT = 'tr.athing:has(a[href*="weird-trick"])';

beforeAll(async () => {
  ({ ext, ctl } = await startFeedBrowser({
    pages: { [HOME]: () => feed('hackernews-front.html') },
    neverPainted: `${BAIT} > td, ${BAIT} + tr > td`,
    profile: (p) => {
      const demo = withDemoProfile(p);
      return { ...demo, policies: { ...demo.policies, engagement: { action: 'hide', strictness: 0.5 }, clickbait: { action: 'off', strictness: 0.5 } } };
    },
  }));
});
afterAll(async () => {
  await ext?.close();
});

describe('detector rules shipped as data', () => {
  it('hide a story for engagement bait at load, with the rule’s own explanation, and never paint it', async () => {
    const page: Page = await ext.context.newPage();
    await page.goto(HOME);
    await waitForShield(page, 8);
    const bait = (await stubs(page)).find((d) => d.itemText.includes('one weird compiler trick'));
    expect(bait?.text).toMatch(/^Hidden by Parapet: Engagement bait/i);
    expect(await page.locator('text=one weird compiler trick').isVisible()).toBe(false);
    expect(await paintedHidden(page)).toEqual([]);
    // The other stories are shown and carry no rule-kind label.
    expect((await marks(page)).find((d) => d.itemText.includes('Rust 1.95'))?.text ?? '').not.toMatch(/bait/i);
    // The activity log keeps the reason with the sentence that came with the rules in the data file.
    const logged = async () => (await call(ctl, 'activity/query', { platform: 'hackernews', action: 'hide' })).find((d) => d.itemId === '42000002');
    await expect.poll(async () => (await logged())?.reasons[0], { timeout: 5000 }).toMatchObject({
      kind: 'engagement',
      code: 'engagement-curiosity',
      detail: expect.stringContaining('Teases a reveal'),
    });
    await page.close();
  });
});
