// The first-run page (issue 23): opened once when Parapet is installed, never when it is updated; it says what the
// defaults do and sets up the three things most people want first, each saved at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_EXT, launchChromium, launchWithExtension, screenshot, type Launched } from './harness';
import { getProfile, seriousA11yViolations } from './ui-helpers';

let ext: Launched;

const welcomePages = (context: BrowserContext, id: string) => context.pages().filter((p) => p.url() === `chrome-extension://${id}/welcome.html`);

async function theWelcomePage(): Promise<Page> {
  for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    const [page] = welcomePages(ext.context, ext.extensionId);
    if (page) return page;
  }
  throw new Error('no first-run page opened');
}

beforeAll(async () => {
  ext = await launchWithExtension({ keepWelcome: true });
});
afterAll(async () => {
  await ext?.close();
});

describe('first run', () => {
  it('opens once on install and says what the defaults do', async () => {
    const page = await theWelcomePage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('heading', { name: 'Parapet is on', level: 1 }).waitFor();
    for (const line of [
      'Ads and promoted posts: hidden behind a small “Hidden by Parapet” stub you can open',
      'Clickbait, rage bait, engagement bait, false urgency and undisclosed promotion: labelled, with the reason in words',
      'YouTube Shorts: left alone',
      'Nothing leaves your device',
    ]) {
      await page.getByText(line, { exact: true }).waitFor();
    }
    await page.waitForTimeout(500);
    expect(welcomePages(ext.context, ext.extensionId)).toHaveLength(1);
  });

  it('saves a topic to avoid, an interest and a chat instruction at once', async () => {
    const page = await theWelcomePage();
    const avoid = page.getByPlaceholder('e.g. celebrity gossip');
    await avoid.fill('Celebrity gossip');
    await avoid.press('Enter');
    await page.getByRole('button', { name: 'Remove avoid-topic Celebrity gossip' }).waitFor();
    const interest = page.getByPlaceholder('e.g. woodworking');
    await interest.fill('Woodworking');
    await interest.press('Enter');
    await page.getByRole('button', { name: 'Remove interest Woodworking' }).waitFor();
    await page.getByRole('button', { name: 'Use metric units' }).click();
    await page.getByRole('button', { name: 'Add instruction' }).click();
    await page.getByRole('list', { name: 'Your instructions' }).getByText('Use metric units').waitFor();

    // The popup, opened afterwards, shows the same profile.
    const popup = await ext.openPage('popup.html');
    await popup.getByRole('button', { name: 'Remove avoid-topic Celebrity gossip' }).waitFor();
    const profile = await getProfile(popup);
    expect(profile.avoidTopics.map((t) => t.label)).toEqual(['Celebrity gossip']);
    expect(profile.interests.map((t) => t.label)).toEqual(['Woodworking']);
    expect(profile.instructions.map((i) => i.text)).toEqual(['Use metric units']);
    await popup.close();

    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'first-run');
    expect(await seriousA11yViolations(page, { strict: true })).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousA11yViolations(page, { strict: true })).toEqual([]);
    await screenshot(page, 'first-run-dark');
  });

  it('does not open again when the browser restarts or Parapet is updated', async () => {
    // A copy of the build in a profile of its own, so its version can be raised as an update would.
    const root = mkdtempSync(join(tmpdir(), 'parapet-update-'));
    const build = join(root, 'ext');
    cpSync(CHROME_EXT, build, { recursive: true });
    const args = [`--disable-extensions-except=${build}`, `--load-extension=${build}`, '--no-first-run', '--disable-background-networking'];
    const welcomeCount = async (context: BrowserContext) => {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const id = new URL(worker.url()).host;
      await new Promise((r) => setTimeout(r, 2500));
      return welcomePages(context, id).length;
    };
    try {
      let context = await launchChromium(join(root, 'profile'), args, true);
      expect(await welcomeCount(context)).toBe(1);
      // Closed, so that no restored session can bring it back.
      await Promise.all(context.pages().map((p) => p.close()));
      await context.close();

      context = await launchChromium(join(root, 'profile'), args, true);
      expect(await welcomeCount(context)).toBe(0);
      await context.close();

      const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as { version: string };
      writeFileSync(join(build, 'manifest.json'), JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
      context = await launchChromium(join(root, 'profile'), args, true);
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      expect(await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version)).toBe(`${manifest.version}.1`);
      expect(await welcomeCount(context)).toBe(0);
      await context.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
