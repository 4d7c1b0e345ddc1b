import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWS } from '../../components/dashboard/routes';
import { launchWithExtension, type Launched } from './harness';
import { seedDecisions, seedSignals } from './activity-seed';
import { call, seedProfile, seriousA11yViolations } from './ui-helpers';

// Every dashboard view as a person with a lived-in profile sees it, at 1280x800, in light and dark: one screenshot
// of each for review (tests/e2e/.artifacts/tour-*.png), and axe's WCAG 2.2 AA checks, moderate and up, clean.

let ext: Launched;

beforeAll(async () => {
  ext = await launchWithExtension();
  const page = await ext.openPage('dashboard.html');
  const now = Date.now();
  await seedProfile(page, (p) => ({
    ...p,
    interests: [{ id: 'wood', label: 'Woodworking', weight: 0.8, keywords: ['joinery'], exclude: [] }],
    avoidTopics: [{ id: 'pol', label: 'politics', keywords: [], exclude: [] }],
    blockedAuthors: [{ platform: 'youtube', name: 'Drama Central' }],
    rules: [
      { id: 'r1', kind: 'keyword', pattern: 'giveaway', action: 'hide', platforms: [], enabled: true },
      { id: 'r2', kind: 'regex', pattern: "you won('|’)?t believe", action: 'label', platforms: [], enabled: true },
    ],
    instructions: [{ id: 'veg', text: "I'm vegetarian: suggest no meat.", sites: ['chatgpt', 'claude', 'gemini', 'perplexity'], enabled: true, scope: { type: 'auto' } }],
    exceptions: [
      { id: 'e1', type: 'author', platform: 'youtube', author: 'GardenGuy', createdAt: now - 3_600_000 },
      { id: 'e2', type: 'rule', platform: 'hackernews', ruleCode: 'promoted', kind: 'promoted', createdAt: now - 7_200_000 },
    ],
  }));
  await seedDecisions(page, 600, now);
  await seedSignals(page, 300, now);
  await call(page, 'tab/report', {
    flags: Array.from({ length: 12 }, (_, i) => ({
      ts: now - i * 60_000,
      platform: 'youtube' as const,
      itemId: `tour-flag-${i}`,
      title: `You will not believe what this sourdough starter did #${i}`,
      author: 'NightOwlTech',
      url: `https://www.youtube.com/watch?v=tour${i}`,
      kind: 'clickbait' as const,
      confidence: 0.8,
      source: 'classifier' as const,
      action: 'label' as const,
      evidence: ['you will not believe'],
      status: 'open' as const,
    })),
  });
  await page.close();
}, 120_000);

afterAll(async () => {
  await ext?.close();
});

async function openView(id: string): Promise<Page> {
  const page = await ext.openPage(`dashboard.html#/${id}`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('main h1, main h2').first().waitFor();
  // Lists and charts fill in from the background after the first paint.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(600);
  return page;
}

/** The screenshot is for review, not an assertion: a capture the browser stalled on (once in a clean-clone CI run,
 * 30 s on the Inferred view, not seen again in runs of this file alone) is taken once more. */
async function viewport(page: Page, name: string) {
  const shot = (timeout: number) => page.screenshot({ path: `tests/e2e/.artifacts/${name}.png`, timeout });
  await shot(15_000).catch(() => shot(30_000));
}

describe('a tour of the dashboard', () => {
  for (const view of VIEWS) {
    it(`${view.label}: screenshots at 1280x800 and axe clean in light and dark`, async () => {
      const page = await openView(view.id);
      await viewport(page, `tour-${view.id}`);
      expect(await seriousA11yViolations(page, { strict: true })).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
      await viewport(page, `tour-${view.id}-dark`);
      expect(await seriousA11yViolations(page, { strict: true })).toEqual([]);
      await page.close();
    });
  }

});
