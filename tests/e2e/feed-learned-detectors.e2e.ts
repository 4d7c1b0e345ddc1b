import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched } from './harness';
import { feed, labelled, startFeedBrowser, waitForShield, withDemoProfile } from './feed-helpers';
import { call } from './ui-helpers';

// The learned detectors (public/models/detectors.bin) reach the tab with the rule tables. A story whose anger no
// phrase rule lists ("Zero shame, zero humanity") is labelled rage bait by the learned model, and the Flagged list and the
// activity log quote the words that made it, never a function word alone, and so does the badge's why frame.
let ext: Launched;
let ctl: Page;
const HOME = 'https://news.ycombinator.com/';
const RAGE = 'Landlords like this one should be run out of town. Zero shame, zero humanity.';

beforeAll(async () => {
  ({ ext, ctl } = await startFeedBrowser({
    pages: { [HOME]: () => feed('hackernews-front.html').replace('Rust 1.95 released', RAGE) },
    profile: (p) => {
      const demo = withDemoProfile(p);
      return { ...demo, policies: { ...demo.policies, rage: { action: 'label', strictness: 0.5 }, clickbait: { action: 'off', strictness: 0.5 } } };
    },
  }));
});
afterAll(async () => {
  await ext?.close();
});

describe('learned rage model in a feed tab', () => {
  it('labels the story and quotes its own words in the Flagged list and the log', async () => {
    const page: Page = await ext.context.newPage();
    await page.goto(HOME);
    await waitForShield(page, 8);
    // The detectors can arrive after the page's hold on a loaded machine: the label comes a moment later then.
    const mark = await labelled(page, 'run out of town', /rage/i);
    const flagged = async () => (await call(ctl, 'flags/list', {})).find((f) => f.title.includes('run out of town'));
    await expect.poll(async () => (await flagged())?.kind, { timeout: 5000 }).toBe('rage');
    const evidence = (await flagged())!.evidence;
    expect(evidence.length).toBeGreaterThan(0);
    for (const words of evidence) {
      expect(RAGE).toContain(words);
      expect(words.toLowerCase()).not.toMatch(/^(?:like|this|one|should|be|out|of|to)$/);
    }
    // The badge's why frame names the same words.
    expect(mark?.why?.join(' ') ?? '').toContain(`“${evidence[0]}”`);
    const logged = (await call(ctl, 'activity/query', { platform: 'hackernews', action: 'label' })).find((d) => (d.title ?? '').includes('run out of town'));
    expect(logged?.reasons.find((r) => r.kind === 'rage')).toMatchObject({ code: 'rage-learned', evidence });
    await page.close();
  });
});
