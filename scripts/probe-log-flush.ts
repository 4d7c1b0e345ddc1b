// The log's tail in a feed tab (issue 24), timed in the page: for a probe build only. Patch (not committed)
// lib/shield-runtime/reporter.ts flush() to push `{ k: 'flush', at, rows, quote, sends, total }` onto
// globalThis.parapetProbe (performance.now() around the `finishing` loop, which quotes the rows' evidence, around
// each transport.send, and around the whole), and lib/shield-runtime/item-log.ts wake() to push `{ k: 'wake', at, n,
// total }`; finer probes push their own entries the same way (e.g. `{ k: 'cb', t }` around quoteClickbait's explain).
// Build it (PARAPET_OUT=... npx wxt build), then PARAPET_OUT=... npx tsx scripts/probe-log-flush.ts [ROUNDS] prints,
// per round and bench page (HN, YouTube; default profile; a fresh browser a round, one warm-up load), the page's
// load time and every entry pushed in its content script's world by load + 1.5 s (the page-cost bench's window).
// Alternate two builds' runs: the figures are noisy on a shared machine.
import { launchWithExtension } from '../tests/e2e/harness';
import { hackerNewsPage, youtubeHomePage } from './bench-feed-page';
const N = Number(process.argv[2] ?? 3);
const SITES = [
  { name: 'hackernews', url: 'https://news.ycombinator.com/', html: hackerNewsPage() },
  { name: 'youtube', url: 'https://www.youtube.com/', html: youtubeHomePage() },
];
for (let r = 0; r < N; r++) {
  const ext = await launchWithExtension();
  for (const site of SITES) await ext.context.route(`${site.url}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: site.html }));
  for (const site of SITES) {
    const warm = await ext.context.newPage();
    await warm.goto(site.url, { waitUntil: 'load' });
    await warm.waitForTimeout(500);
    await warm.close();
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    const contexts: Array<{ id: number; origin: string }> = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push({ id: e.context.id, origin: e.context.origin }));
    await page.goto(site.url, { waitUntil: 'load' });
    const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    await page.waitForTimeout(1500);
    await cdp.send('Runtime.enable');
    for (const c of contexts.filter((x) => x.origin.startsWith('chrome-extension://'))) {
      const v = (await cdp.send('Runtime.evaluate', { expression: 'globalThis.parapetProbe ?? null', contextId: c.id, returnByValue: true })).result.value;
      if (v) console.log(site.name, 'load', load.toFixed(0), JSON.stringify(v.map((x: Record<string, unknown>) => Object.fromEntries(Object.entries(x).map(([k, y]) => [k, typeof y === 'number' ? +y.toFixed(2) : Array.isArray(y) ? y.map((z) => +z.toFixed(2)) : y])))));
    }
    await page.close();
  }
  await ext.close();
}
