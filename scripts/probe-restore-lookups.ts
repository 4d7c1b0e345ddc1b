// The large profile's look-ups restored in a feed tab (lib/core/shield/prepared.ts restoreLookups), timed in the
// page: for a probe build only. Patch lib/shield-runtime/content.ts (not committed) so that the core's
// restoreLookups is wrapped: `const t = performance.now(); const r = restoreLookups(f); globalThis.parapetRestore =
// [performance.now() - t, globalThis.parapetMatcher]; return r;` (and, to split out the matcher, prepared.ts sets
// globalThis.parapetMatcher to the time of TextMatcher.fromParts), build it (PARAPET_OUT=... npx wxt build), then
// PARAPET_OUT=... N=5 npx tsx scripts/probe-restore-lookups.ts prints [restore ms, fromParts ms] per load of the
// bench's HN page with the bench's large profile (bench-core buildLargeProfile, topics expanded first, as
// bench-page-cost.ts seeds it). Alternate two builds' runs: the figures are noisy on a shared machine.
import type { CDPSession } from 'playwright-core';
import { launchWithExtension } from '../tests/e2e/harness';
import { keptForTabs, seedProfile } from '../tests/e2e/ui-helpers';
import { hackerNewsPage } from './bench-feed-page';
import { buildLargeProfile, readHeadlines } from './bench-core';

const html = hackerNewsPage();
async function read(cdp: CDPSession, contexts: Array<{ id: number; origin: string }>): Promise<unknown> {
  for (const c of contexts.filter((x) => x.origin.startsWith('chrome-extension://'))) {
    const r = await cdp.send('Runtime.evaluate', { expression: 'globalThis.parapetRestore ?? null', contextId: c.id, returnByValue: true });
    if (r.result.value) return r.result.value;
  }
  return null;
}
const { interests, avoidTopics, rules, blockedAuthors, exceptions } = buildLargeProfile(readHeadlines());
const ext = await launchWithExtension();
const ctl = await ext.openPage('popup.html');
await keptForTabs(ctl, await seedProfile(ctl, (c) => ({ ...c, interests, avoidTopics, rules, blockedAuthors, exceptions })));
await ext.context.route('https://news.ycombinator.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
const out: unknown[] = [];
for (let i = 0; i < Number(process.env.N ?? 6); i++) {
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, origin: e.context.origin }));
  await cdp.send('Runtime.enable');
  await page.goto('https://news.ycombinator.com/', { waitUntil: 'load' });
  await page.waitForTimeout(800);
  out.push(await read(cdp, contexts));
  await page.close();
}
console.log(process.env.PARAPET_OUT, JSON.stringify(out));
await ext.close();
