import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, type Launched } from './harness';
import { feed, serveFeeds, stubs, waitForShield, withDemoProfile } from './feed-helpers';
import { keptForTabs, seedProfile, workerStorage } from './ui-helpers';
import type { Profile } from '../../lib/schema/profile';

// A person whose extension data has grown past Chrome's default 10 MB for storage.local (a large profile's models and
// copies take about 7 MB; unlimitedStorage lifts the cap): a change they save is still kept aside as the profile's
// backup, with no storage problem to report, and the next feed page starts from it.
let ext: Launched;
let ctl: Page;
let worker: Worker;
const HOME = 'https://news.ycombinator.com/';
const FILLER = 'e2e-filler';

beforeAll(async () => {
  ext = await launchWithExtension();
  ctl = await ext.openPage('dashboard.html');
  worker = ext.context.serviceWorkers()[0];
  await serveFeeds(ext.context, { [HOME]: () => feed('hackernews-front.html') });
});
afterAll(async () => {
  await ext?.close();
});

describe('storage.local past 10 MB', () => {
  it("keeps the saved profile's backup and each feed's copy, and the next page uses it", async () => {
    // 9 million characters, made in the worker (not sent over the test's connection).
    await worker.evaluate(`chrome.storage.local.set({ ${JSON.stringify(FILLER)}: 'x'.repeat(9_000_000) })`);
    const saved = await seedProfile(ctl, (p) => {
      const demo = withDemoProfile(p);
      return { ...demo, blockedAuthors: [...demo.blockedAuthors, { platform: 'hackernews', name: 'pgdev' }] };
    });
    await keptForTabs(ctl, saved);
    expect(await worker.evaluate('chrome.storage.local.getBytesInUse(null)')).toBeGreaterThan(10 * 1024 * 1024);

    const storage = workerStorage(worker);
    expect((await storage.get<Profile>('profile-backup'))?.revision).toBe(saved.revision);
    expect(await storage.get('storage-problem')).toBeUndefined();

    const page = await ext.context.newPage();
    await page.goto(HOME);
    await waitForShield(page, 8);
    expect((await stubs(page)).some((d) => d.itemText.includes('Postgres 19'))).toBe(true);
    await page.close();
    await storage.remove(FILLER);
  });
});
