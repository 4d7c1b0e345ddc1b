import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Launched } from './harness';
import { feed, serveFeeds } from './feed-helpers';
import { call } from './ui-helpers';

// The log's rows wait in the tab (reporter.ts) and then in the background (log-buffer.ts) to be sent and written
// in bulk: a tab closed or hidden while they wait must not take them along.
let ext: Launched;

beforeAll(async () => {
  ext = await launchWithExtension();
  await serveFeeds(ext.context, { 'https://news.ycombinator.com/': feed('hackernews-front.html') });
});

afterAll(async () => {
  await ext?.close();
});

async function decidedRows(url: string): Promise<number> {
  const page = await ext.context.newPage();
  await page.goto(url);
  // Every story decided; none of them yet on the page for the half second that logs it (item-log.ts).
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('tr.athing')];
    return rows.length > 0 && rows.every((r) => r.hasAttribute('data-parapet') && r.getAttribute('data-parapet') !== 'wait');
  });
  const n = await page.locator('tr.athing').count();
  await page.close({ runBeforeUnload: true });
  return n;
}

describe('the activity log when a tab goes away', () => {
  it('has every decision of a tab closed the moment its items were decided', async () => {
    const stories = await decidedRows('https://news.ycombinator.com/');
    const dash = await ext.openPage('dashboard.html#/activity');
    // The page's last rows are on their way when it closes; Activity reads them once the background has them.
    let logged = 0;
    for (let i = 0; i < 20 && logged < stories; i++) {
      logged = await call(dash, 'activity/count', { platform: 'hackernews' });
      if (logged < stories) await dash.waitForTimeout(250);
    }
    expect(stories).toBeGreaterThan(5);
    expect(logged).toBe(stories);
    await dash.close();
  });
});
