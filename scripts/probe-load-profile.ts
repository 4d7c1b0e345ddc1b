// Which of the content scripts' functions a feed page's load costs (issue 24), by V8's sampling CPU profiler: one
// browser for the configuration (the bench's profile saved, one warm-up load), then N measured loads of the bench
// page, each profiled from navigation to load + WAIT ms. Every sample is given to the nearest extension frame on its
// stack, so the DOM calls, regexps and lazy compiles a function causes count as its own; samples with no extension
// frame are counted by kind only (the page's, idle, program, GC). Means per load.
//
//   PROBE_CONFIG=.output/x:default|large [SITE=hackernews|youtube] [N=3] [WAIT=1500] [TOP=40] [FIRST=1] npx tsx scripts/probe-load-profile.ts
//
// Each load after the first is a page seen before (the decisions of the load before kept: lib/schema/known-decisions.ts);
// FIRST=1 makes each a first visit.
//
// Names need a build with minify off (see probe-feed-opt.ts). The profiler samples wall time: on a loaded machine a
// function the thread was preempted in gets the wait too, so read ranks and shares, and bench-dcl-trace.ts (thread
// time by trace event) for amounts.
//
// What it showed (2026-12-06, build of 68c3dab with minify off, HN, load 2-3): the extension's frames held ~99 ms of
// samples per load with the default profile and ~142 with the large one, spread thin: the models' base64 decode the
// largest (7.6 / 13.3 ms; ~1-1.5 ms per 350 KB string measured alone), then the feed script's top level (its
// compile, ~9.6), the detector rules' first matches (regexps compiled as first met), the clickbait features, the
// runner's start. No one function above a tenth.
import { rmSync } from 'node:fs';
import { launchFeedBrowser } from './bench-feed-browser';
import { ownTimeByExtensionFrame, type CpuProfile } from './cpu-profile';
import { hackerNewsPage, youtubeHomePage } from './bench-feed-page';
import { keptDecisions } from '../tests/e2e/ui-helpers';
import type { FeedPlatform } from '../lib/schema/constants';

const site = process.env.SITE ?? 'hackernews';
const url = site === 'youtube' ? 'https://www.youtube.com/' : 'https://news.ycombinator.com/';
const html = site === 'youtube' ? youtubeHomePage() : hackerNewsPage();
const config = process.env.PROBE_CONFIG ?? '.output:default';
const N = Number(process.env.N ?? 3);
const WAIT_MS = Number(process.env.WAIT ?? 1500);
const TOP = Number(process.env.TOP ?? 40);

const byScript = new Map<string, number>();
const byFunction = new Map<string, number>();
const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms / N);

const { context, dir } = await launchFeedBrowser(config, [{ url, html }]);
/** FIRST=1: each load a first visit, the decisions kept by the loads before it cleared (lib/schema/known-decisions.ts). */
const FIRST = process.env.FIRST === '1';
try {
  for (let i = 0; i < N; i++) {
    // What the load before reported as it was left: cleared once that has landed.
    if (FIRST) await new Promise((r) => setTimeout(r, 300)).then(() => keptDecisions(context, site as FeedPlatform, true));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(WAIT_MS);
    const { profile } = await cdp.send('Profiler.stop');
    for (const { ms, node, ext } of ownTimeByExtensionFrame(profile as CpuProfile)) {
      if (!ext) {
        add(byScript, node.callFrame.url ? 'the page' : node.callFrame.functionName, ms);
        continue;
      }
      const file = ext.callFrame.url.split('/').pop()!;
      add(byScript, file, ms);
      const native = node === ext ? '' : ` (in ${node.callFrame.functionName || 'native'})`;
      add(byFunction, `${ext.callFrame.functionName || '(top level)'} ${file}:${ext.callFrame.lineNumber + 1}${native}`, ms);
    }
    await page.close({ runBeforeUnload: true });
  }
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
console.log(`${site}, ${config}, ${N} loads, navigation -> load + ${WAIT_MS} ms: sampled ms per load`);
for (const [k, v] of sorted(byScript)) console.log(v.toFixed(1).padStart(8), k);
console.log('by function (extension frames, what they called included):');
for (const [k, v] of sorted(byFunction).slice(0, TOP)) console.log(v.toFixed(2).padStart(8), k);
