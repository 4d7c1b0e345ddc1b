/**
 * How long the first feed page after a profile save waits for its start (document_start to ready), on a fresh
 * browser: opened at once after the save ("at once": the page asks the background, which may still be reading the
 * meaning model to expand the new topics) and once the copies tabs start from are made ("kept": the page reads
 * its copy). The hold keeps items unseen for at most a second of that wait (runner.ts, HOLD_CAP_MS); past it, items
 * show before the rules that hide some of them are in.
 *   PARAPET_OUT=.output/x npx tsx scripts/probe-first-page.ts [rounds]
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../tests/e2e/harness';
import { feed, serveFeeds, waitForShield, withDemoProfile } from '../tests/e2e/feed-helpers';
import { keptForTabs, seedProfile } from '../tests/e2e/ui-helpers';

const HOME = 'https://news.ycombinator.com/';
const ROUNDS = Number(process.argv[2] ?? 3);

/** document_start to ready, read in the content script's world (content.ts: parapetReady). */
async function readyMs(page: Page, contexts: Array<{ id: number; origin: string }>, cdp: import('playwright-core').CDPSession) {
  for (const c of contexts.filter((x) => x.origin.startsWith('chrome-extension://'))) {
    const r = await cdp.send('Runtime.evaluate', { expression: 'globalThis.parapetReady ?? null', contextId: c.id, returnByValue: true });
    const v = r.result.value as [number, number] | null;
    if (v) return Math.round(v[1] - v[0]);
  }
  return null;
}

const results: Record<string, Array<number | null>> = { 'at once': [], kept: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of Object.keys(results)) {
    const ext = await launchWithExtension();
    const ctl = await ext.openPage('dashboard.html');
    const saved = await seedProfile(ctl, withDemoProfile);
    if (mode === 'kept') await keptForTabs(ctl, saved);
    await serveFeeds(ext.context, { [HOME]: () => feed('hackernews-front.html') });
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    const contexts: Array<{ id: number; origin: string }> = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, origin: e.context.origin }));
    await page.goto(HOME);
    await waitForShield(page, 8);
    await cdp.send('Runtime.enable');
    results[mode].push(await readyMs(page, contexts, cdp));
    await ext.close();
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [mode, xs] of Object.entries(results)) {
  const got = xs.filter((x): x is number => x !== null);
  console.log(`first HN page, ${mode} after the save: document_start -> ready median ${median(got)} ms (${got.join(', ')}), ${xs.length - got.length} never ready`);
}
