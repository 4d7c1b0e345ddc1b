import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { Launched } from './harness';
import { startFeedBrowser, waitForShield } from './feed-helpers';
import { churnPage } from '../fixtures/hostile/churn';

// Issue 25, retention: after 100,000 items churned through an X-style virtual list, Parapet kept every item that
// had left the page (+66 MB of heap, 2.3 million detached DOM nodes after garbage collection). What is gone must be
// forgotten, so a page cannot grow the tab's memory without bound by churning items.

const HOME = 'https://x.com/home';
const WARM_UP = 2_000;
const CHURNED = 15_000;

let ext: Launched;

beforeAll(async () => {
  ({ ext } = await startFeedBrowser({ pages: { [HOME]: churnPage } }));
});
afterAll(async () => {
  await ext?.close();
});

/** Live DOM nodes and used JS heap of the tab's renderer after a full garbage collection (the content script's
 * isolated world shares the page's heap). */
async function afterGc(cdp: CDPSession): Promise<{ nodes: number; heap: number }> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { nodes, heap: usedSize };
}

const churn = (page: Page, total: number) =>
  page.evaluate((n) => (window as unknown as { churn(total: number, live: number, perFrame: number): Promise<number> }).churn(n, 60, 30), total);

describe('a page that churns items through a virtual list', () => {
  it('leaves no detached items and no per-item heap behind', async () => {
    const page = await ext.context.newPage();
    await page.goto(HOME);
    await waitForShield(page, 20);
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await churn(page, WARM_UP);
    // Parapet did its work on the churned items: ads stubbed, bait badged.
    expect(await page.evaluate(() => document.querySelectorAll('parapet-stub').length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelectorAll('parapet-mark').length)).toBeGreaterThan(0);
    const before = await afterGc(cdp);
    await churn(page, WARM_UP + CHURNED);
    // Items logged after their half second, and rows still waiting to be sent, have gone out.
    await page.waitForTimeout(1500);
    const after = await afterGc(cdp);
    const nodesPerItem = (after.nodes - before.nodes) / CHURNED;
    const bytesPerItem = (after.heap - before.heap) / CHURNED;
    console.log(`churned ${CHURNED}: DOM nodes ${before.nodes} -> ${after.nodes} (${nodesPerItem.toFixed(2)}/item), heap ${(before.heap / 1e6).toFixed(1)} -> ${(after.heap / 1e6).toFixed(1)} MB (${bytesPerItem.toFixed(0)} B/item)`);
    // Each cell is about 20 nodes: keeping the items that left would add that many per item.
    expect(nodesPerItem).toBeLessThan(0.5);
    expect(bytesPerItem).toBeLessThan(100);
    await page.close();
  });
});
