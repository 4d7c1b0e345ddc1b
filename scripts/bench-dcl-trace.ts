// What runs on the page's main thread before DOMContentLoaded because of Parapet (issue 24), for A/B comparisons of
// builds that the page-cost bench cannot resolve on a busy machine: it counts thread time, which a loaded machine
// stretches far less than wall time.
//
// Per round and build: a fresh browser, one warm-up load of the bench page (the background wakes), then the measured
// load under a Chrome trace (categories v8, devtools.timeline, toplevel). From the trace, on the page's renderer
// main thread, navigation to DOMContentLoaded: the thread time of the top-level tasks, of parsing (which holds the
// content script's compile and first run, injected at document_start), of the content script's compile, run and
// later calls (its observer's callbacks), and of the isolated world's set-up. Builds are interleaved round by round;
// medians per build, then the mean difference by trace event name between the first two builds.
//
// PARAPET_OUT-style folders, `none` for no extension:
//   BUILDS=.output/a,.output/b [SITE=hackernews|youtube] [N=8] npx tsx scripts/bench-dcl-trace.ts
// UNTIL=load counts to load + 300 ms instead (the feed script runs at document_end, after DOMContentLoaded: this
// window holds its compile, its start and the hold's release); WAIT=1500 to load + 1.5 s, the page-cost bench's
// window (the log's first rows are sent in it). EXTRA_CATS adds trace categories, e.g.
// EXTRA_CATS=disabled-by-default-v8.compile for V8's lazy compiles (V8.CompileCode, V8.ParseFunction) by name.
// The measured load is a page seen before (the warm-up's decisions kept); FIRST=1 measures a first visit. TIMELINE=1
// prints each load's main-thread tasks in order (printTimeline).
//
// What it showed (2026-12-06, HN, UNTIL=load WAIT=1500, the compile category, unminified build of a8969d9): on a page
// seen before, V8 compiling our code is the largest part of what Parapet adds to the main thread, ~21-24 ms a load
// (263 functions compiled as first called, and the two scripts' top-level compile, ~9); Chromium keeps no code cache
// for content scripts. V8's explicit compile hint reaches them: `//# allFunctionsCalledOnLoad` put at the top of the
// built feed script made V8 compile it all at once, +22 ms of compile against ~6 ms of lazy compiles saved, and ready
// came 104 -> 144 ms (N=4, a hand-edited copy of the build against the build). Not taken.
import type { BrowserContext } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hackerNewsPage, youtubeHomePage } from './bench-feed-page';
import { readyPhases } from './ready-time';
import { keptDecisions } from '../tests/e2e/ui-helpers';
import type { FeedPlatform } from '../lib/schema/constants';
import { median } from './stats';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; documentLoaderURL?: string }; fileName?: string };
}

const site = process.env.SITE ?? 'hackernews';
const url = site === 'youtube' ? 'https://www.youtube.com/' : 'https://news.ycombinator.com/';
const html = site === 'youtube' ? youtubeHomePage() : hackerNewsPage();
const N = Number(process.env.N ?? 8);
const BUILDS = (process.env.BUILDS ?? 'none,.output').split(',');
const UNTIL_LOAD = process.env.UNTIL === 'load';
const CATEGORIES = ['v8', 'devtools.timeline', 'blink.user_timing', 'loading', 'toplevel', ...(process.env.EXTRA_CATS?.split(',') ?? [])];
const WAIT_MS = Number(process.env.WAIT ?? 300);

async function launch(build: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  // The harness reads PARAPET_OUT when it is loaded: one copy of it per build.
  process.env.PARAPET_OUT = build === 'none' ? '.output' : build;
  const harness = await import(`../tests/e2e/harness.ts?build=${encodeURIComponent(build)}`);
  if (build !== 'none') {
    const ext = await harness.launchWithExtension();
    return { context: ext.context, close: () => ext.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'parapet-dcl-'));
  const context: BrowserContext = await harness.launchChromium(dir, ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'], true);
  await context.route(/^https?:\/\//, (r) => r.abort());
  return { context, close: async () => (await context.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** FIRST=1: a first visit, the warm-up's decisions not kept (lib/schema/known-decisions.ts); by default the measured
 * load is a page seen before, as a reload is. */
const FIRST = process.env.FIRST === '1';

/** TIMELINE=1: each measured load's top-level main-thread tasks of 0.3 ms or more, from navigation until ready's time
 * + 60 ms (ready is counted from document_start, which comes tens of ms after navigation), with the longest events in
 * each: what the feed script waited behind. */
const TIMELINE = process.env.TIMELINE === '1';

function printTimeline(build: string, main: TraceEvent[], navTs: number, phases: Awaited<ReturnType<typeof readyPhases>>, ext: (e: TraceEvent) => boolean): void {
  const at = (ts: number) => (ts - navTs) / 1000;
  const f = (x: number | null | undefined) => (x == null ? '-' : x.toFixed(1));
  console.log(`-- ${build}: after document_start, ready ${f(phases?.ready)}, the feed script ran ${f(phases?.ran)}, its read came back ${f(phases?.readDone)}, DOMContentLoaded ${f(phases?.dcl)}; tasks after navigation (wall +, thread in brackets)`);
  let covered = 0;
  for (const task of [...main].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    if (task.ts < covered) continue;
    covered = task.ts + (task.dur ?? 0);
    if (at(task.ts) > (phases?.ready ?? 200) + 60) break;
    if ((task.dur ?? 0) < 300) continue;
    const longest = new Map<string, number>();
    for (const e of main) {
      if (e === task || e.ts < task.ts || e.ts >= covered || (e.dur ?? 0) < 200) continue;
      const name = `${e.name}${ext(e) ? ' [extension]' : ''}`;
      longest.set(name, Math.max(longest.get(name) ?? 0, (e.dur ?? 0) / 1000));
    }
    const inner = [...longest].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ');
    console.log(`${at(task.ts).toFixed(1).padStart(7)} +${((task.dur ?? 0) / 1000).toFixed(1).padStart(5)} (${((task.tdur ?? 0) / 1000).toFixed(1)}) ${inner || task.name}`);
  }
}

/** One measured load: figures, and thread time by event name. */
async function measure(build: string): Promise<{ figures: Record<string, number>; byName: Map<string, number> }> {
  const { context, close } = await launch(build);
  try {
    await context.route(`${url}**`, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const warm = await context.newPage();
    await warm.goto(url, { waitUntil: 'load' });
    await warm.waitForTimeout(500);
    await warm.close({ runBeforeUnload: true });
    // The warm-up reports what it decided as it is left: cleared once that has landed.
    if (FIRST) await new Promise((r) => setTimeout(r, 300)).then(() => keptDecisions(context, site as FeedPlatform, true));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(WAIT_MS);
    const dcl = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart);
    const phases = await readyPhases(cdp);
    await cdp.send('Tracing.end');
    await done;

    const mark = events.filter((e) => e.name === 'MarkDOMContent').pop()!;
    const nav = events.find((e) => e.name === 'navigationStart' && e.pid === mark.pid && e.args?.data?.documentLoaderURL?.startsWith(url))!;
    const end = UNTIL_LOAD ? Infinity : mark.ts;
    const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.ts >= nav.ts && e.ts < end);
    const ms = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
    const sum = (f: (e: TraceEvent) => boolean) => main.filter(f).reduce((s, e) => s + ms(e), 0);
    const ext = (e: TraceEvent) => String(e.args?.data?.url ?? e.args?.fileName ?? '').startsWith('chrome-extension://');
    let covered = 0;
    let topLevel = 0;
    for (const e of [...main].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
      if (e.ts < covered) continue;
      topLevel += ms(e);
      covered = e.ts + (e.dur ?? 0);
    }
    const figures = {
      'DOMContentLoaded ms (wall)': dcl,
      'document_start -> ready ms (wall)': phases?.ready ?? NaN,
      '  -> DOMContentLoaded': phases?.dcl ?? NaN,
      '  -> the feed script runs': phases?.ran ?? NaN,
      '  -> its storage read begins': phases?.readBegun ?? NaN,
      '  -> and comes back': phases?.readDone ?? NaN,
      'top-level tasks, thread ms': topLevel,
      'ParseHTML (with the content script)': sum((e) => e.name === 'ParseHTML'),
      'content script EvaluateScript': sum((e) => e.name === 'EvaluateScript' && ext(e)),
      '  its compile (v8.compile)': sum((e) => e.name === 'v8.compile' && ext(e)),
      '  its first run (v8.run)': sum((e) => e.name === 'v8.run' && ext(e)),
      'content script calls (FunctionCall)': sum((e) => e.name === 'FunctionCall' && ext(e)),
      'world set-up (LocalWindowProxy::Initialize)': sum((e) => e.name === 'LocalWindowProxy::Initialize'),
    };
    if (TIMELINE) printTimeline(build, main, nav.ts, phases, ext);
    const byName = new Map<string, number>();
    for (const e of main) {
      const k = `${e.name}${ext(e) ? ' [extension]' : ''}`;
      byName.set(k, (byName.get(k) ?? 0) + ms(e));
    }
    return { figures, byName };
  } finally {
    await close();
  }
}

const figures = new Map<string, Record<string, number[]>>();
const names = new Map<string, Map<string, number>>();
for (let round = 0; round < N; round++) {
  for (const build of BUILDS) {
    const got = await measure(build === 'none' ? build : resolve(build));
    const f = figures.get(build) ?? figures.set(build, {}).get(build)!;
    for (const [k, v] of Object.entries(got.figures)) (f[k] ??= []).push(v);
    const n = names.get(build) ?? names.set(build, new Map()).get(build)!;
    for (const [k, v] of got.byName) n.set(k, (n.get(k) ?? 0) + v / N);
  }
}
console.log(`${site}, ${N} measured loads per build, navigation -> ${UNTIL_LOAD ? `load + ${WAIT_MS} ms` : 'DOMContentLoaded'}, renderer main thread; medians`);
console.log(''.padEnd(46) + BUILDS.map((b) => b.slice(-18).padStart(19)).join(''));
for (const k of Object.keys(figures.get(BUILDS[0])!)) {
  console.log(k.padEnd(46) + BUILDS.map((b) => median(figures.get(b)![k]).toFixed(2).padStart(19)).join(''));
}
if (BUILDS.length > 1) {
  const [a, b] = BUILDS.map((x) => names.get(x)!);
  const all = new Set([...a.keys(), ...b.keys()]);
  const diff = [...all].map((k) => [k, (b.get(k) ?? 0) - (a.get(k) ?? 0)] as const).sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  console.log(`\nthread ms per load, ${BUILDS[1]} minus ${BUILDS[0]} (means; nested events count at every level)`);
  for (const [k, v] of diff.slice(0, Number(process.env.TOP ?? 16))) console.log(v.toFixed(2).padStart(8), k);
}
