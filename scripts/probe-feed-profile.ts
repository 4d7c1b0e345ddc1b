// Which of the content script's functions the appended items cost (issue 24), by V8's sampling CPU profiler on the
// page while the page-cost bench's feed runs (TOTAL items in batches of 20): one browser for the configuration, N
// fresh pages, each profiled from the feed's start to its end + 500 ms. Per 100 items: the samples by kind (the
// extension's frames, the page's, GC, idle) and each extension function's self time, where the DOM calls and
// regexps it makes count as its own. probe-load-profile.ts does the same for a page's load.
//
//   PROBE_CONFIG=.output/x:default|large [SITE=hackernews|youtube] [N=3] [TOTAL=1000] [TOP=40] npx tsx scripts/probe-feed-profile.ts
//
// Names need a build with minify off (see probe-feed-opt.ts). Wall-time samples: read shares, not amounts.
//
// What it showed (2026-12-06, build of baa39d6 with minify off, HN, N=3, load ~2): the extension's frames held 19.4 ms
// per 100 items with the default profile and 23.6 with the large one (bench-feed-ab.ts's ScriptDuration: +15 / +25),
// spread thin. No function above 1.6 ms per 100: the runner's rootsFrom (1.5), the headline model's feature pass
// (1.0), the item read and its adapter look-ups (read, titleLink, identity, subtextCellOf: ~2.3 together), the
// log's message (send, ~1.0), the detectors (~1.5); with the large profile the reorder's insertBefore (1.6) and the
// stubs' cloneNode (1.0) come first. Deciding, which Node does in ~16 us an item warm (npm run bench, fast tier), is
// about a quarter of it: the rest is reading and writing the page, a little each.
import { rmSync } from 'node:fs';
import { launchFeedBrowser } from './bench-feed-browser';
import { ownTimeByExtensionFrame, type CpuProfile } from './cpu-profile';
import { FEED, hackerNewsPage, runFeed, youtubeHomePage } from './bench-feed-page';

const site = process.env.SITE ?? 'hackernews';
const url = site === 'youtube' ? 'https://www.youtube.com/' : 'https://news.ycombinator.com/';
const html = site === 'youtube' ? youtubeHomePage() : hackerNewsPage();
const config = process.env.PROBE_CONFIG ?? '.output:default';
const N = Number(process.env.N ?? 3);
const TOTAL = Number(process.env.TOTAL ?? FEED.total);
const TOP = Number(process.env.TOP ?? 40);
const per100 = N * (TOTAL / 100);

const byKind = new Map<string, number>();
const byFunction = new Map<string, number>();
const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms / per100);

const { context, dir } = await launchFeedBrowser(config, [{ url, html }]);
try {
  for (let i = 0; i < N; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await runFeed(page, TOTAL);
    await page.waitForTimeout(500);
    const { profile } = await cdp.send('Profiler.stop');
    // The page's own script called from ours (a MutationObserver does not nest so) is the page's.
    for (const { ms, node, ext } of ownTimeByExtensionFrame(profile as CpuProfile, { pageStops: true })) {
      if (!ext) {
        add(byKind, node.callFrame.url ? 'the page' : node.callFrame.functionName || '(native)', ms);
        continue;
      }
      add(byKind, 'extension', ms);
      const native = node === ext ? '' : ` (in ${node.callFrame.functionName || 'native'})`;
      add(byFunction, `${ext.callFrame.functionName || '(top level)'}:${ext.callFrame.lineNumber + 1}${native}`, ms);
    }
    await page.close();
  }
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
console.log(`${site}, ${config}, ${N} pages x ${TOTAL} items: sampled ms per 100 items`);
for (const [k, v] of sorted(byKind)) console.log(v.toFixed(2).padStart(8), k);
console.log('by function (extension frames, self, with the natives they call):');
for (const [k, v] of sorted(byFunction).slice(0, TOP)) console.log(v.toFixed(2).padStart(8), k);
