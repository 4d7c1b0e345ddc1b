// Where the page's renderer spends the CPU that appended items cost (issue 24), by Chrome trace event: the page-cost
// bench's feed (1,000 items in batches of 20, then 1.5 s) under a trace, on a fresh page per sample, one browser per
// configuration. Per 100 items, means over the samples: the self thread time of each event on the renderer's main
// thread, and on its worker pool (ThreadPoolForegroundWorker: V8's background compilers and GC, which the
// whole-browser figure of scripts/bench-feed-ab.ts counts as "page other"), and a few counts that do not move with
// the machine's load (layouts, elements styled, objects laid out). Configurations are not interleaved: for A/B
// figures use bench-feed-ab.ts; this says which part of the pipeline a difference is in.
//
//   PROBE_CONFIGS='none;.output/a:default;.output/a:large' [PROBE_SITE=youtube|hackernews] [N=3] [TOTAL=1000] npx tsx scripts/probe-feed-trace.ts
//   EXTRA_CATS=disabled-by-default-v8.compile,disabled-by-default-v8.gc names V8's compile and GC phases.
//   TOTAL: items per sample; a cost per page, not per item, weighs half as much per 100 items at TOTAL=2000.
//
// What it showed (2026-12-05, build of 48ee717, YouTube bench page, N=2, load 2.4, EXTRA_CATS as above; none /
// default / large): the page's worker pool ran about 1 / 21 / 40 ms per 100 items, nearly all of it V8 optimising
// the content script's hot functions in the background (V8.OptimizeBackground 0 / 5.8 / 10.2, V8.Maglev* 0.7 / 14.5 /
// 23), GC under 2 ms: most of bench-feed-ab's "page other" (+26 / +45) and so of the whole-browser figure. On the
// main thread Layout 29.5 / 36.2 / 41.6, PrePaint 24.9 / 29.9 / 33.5, Paint 11.5 / 14.3 / 15.7 with as many layouts
// (5.4 / 5.7 / 5.4) and objects laid out (3,178 / 3,127 / 3,102) as without the extension: what Parapet adds to the
// rendering is the cost of its boxes (75 / 582 marks, 85 / 162 stubs per 1,000 items), not more layouts.
//
// That optimising is a cost per page (build of 2ed2a2f, N=2, two rounds of TOTAL=1000 and TOTAL=2000 interleaved,
// load 7.8-13.4, EXTRA_CATS=disabled-by-default-v8.compile). V8.OptimizeBackground + V8.Maglev* on the worker pool,
// in ms per page (per 100 items x items / 100), 1,000 items -> 2,000 items: default profile YouTube 184-226 ->
// 212-218, Hacker News 196-246 -> 214-228; large profile YouTube 271-284 -> 337-365, Hacker News 277-316 -> 386-412
// (rare paths met later: a deopt for feedback not seen yet, and a recompile; probe-feed-opt.ts names them). So per
// 100 items the workers' whole figure drops with a longer feed: YouTube default 22-27 -> 16, large 34-37 -> 23-25;
// Hacker News default 42-50 -> 32-33, large 51-57 -> 44-47. The extension's own main-thread script (FunctionCall
// [extension]) drops too, 13-18 -> 12.5-13 with the default profile: its first items run before it is optimised.
import { rmSync } from 'node:fs';
import { launchFeedBrowser } from './bench-feed-browser';
import { FEED, hackerNewsPage, runFeed, youtubeHomePage } from './bench-feed-page';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; elementCount?: number; beginData?: { dirtyObjects?: number; totalObjects?: number }; data?: { url?: string } };
}

const site = process.env.PROBE_SITE ?? 'youtube';
const url = site === 'youtube' ? 'https://www.youtube.com/' : 'https://news.ycombinator.com/';
const html = site === 'youtube' ? youtubeHomePage() : hackerNewsPage();
const N = Number(process.env.N ?? 3);
const configs = (process.env.PROBE_CONFIGS ?? 'none;.output:default').split(';');
const CATEGORIES = ['devtools.timeline', 'v8', 'toplevel', ...(process.env.EXTRA_CATS?.split(',') ?? [])];
/** Items appended per sample (TOTAL, the bench's 1,000 by default). */
const total = Number(process.env.TOTAL ?? FEED.total);
const per100 = total / 100;

const launch = (cfg: string) => launchFeedBrowser(cfg, [{ url, html }]);

/** Self thread time of each complete event of the given threads, by name (a nested event is taken out of its parent's). */
function selfTimes(events: TraceEvent[], into: Map<string, number>, prefix: string): void {
  const sorted = [...events].sort((a, b) => a.tid - b.tid || a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: TraceEvent[] = [];
  const inner = new Map<TraceEvent, number>();
  const ms = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  for (const e of sorted) {
    while (stack.length && (stack.at(-1)!.tid !== e.tid || stack.at(-1)!.ts + (stack.at(-1)!.dur ?? 0) <= e.ts)) stack.pop();
    const parent = stack.at(-1);
    if (parent) inner.set(parent, (inner.get(parent) ?? 0) + ms(e));
    stack.push(e);
  }
  for (const e of sorted) {
    const ext = String(e.args?.data?.url ?? '').startsWith('chrome-extension://') ? ' [extension]' : '';
    const k = `${prefix}${e.name}${ext}`;
    const self = (ms(e) - (inner.get(e) ?? 0)) / N / per100;
    into.set(k, (into.get(k) ?? 0) + self);
    into.set(`${prefix}(all)`, (into.get(`${prefix}(all)`) ?? 0) + self);
  }
}

const byConfig = new Map<string, Map<string, number>>();
for (const cfg of configs) {
  const { context, dir } = await launch(cfg);
  const sums = new Map<string, number>();
  const add = (k: string, v: number) => sums.set(k, (sums.get(k) ?? 0) + v / N / per100);
  try {
    for (let i = 0; i < N; i++) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(1500);
      const cdp = await context.newCDPSession(page);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
      const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
      await runFeed(page, total);
      await page.waitForTimeout(1500);
      await cdp.send('Tracing.end');
      await done;
      // The page's renderer main thread is the busiest CrRendererMain of the trace; its worker pool is in that process.
      let busiest = -1;
      let main = { pid: 0, tid: 0 };
      for (const t of events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')) {
        const busy = events.reduce((s, e) => (e.pid === t.pid && e.tid === t.tid && e.ph === 'X' ? s + (e.dur ?? 0) : s), 0);
        if (busy > busiest) [busiest, main] = [busy, { pid: t.pid, tid: t.tid }];
      }
      const workers = new Set(events.filter((e) => e.pid === main.pid && e.name === 'thread_name' && String(e.args?.name).startsWith('ThreadPoolForeground')).map((e) => e.tid));
      const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
      selfTimes(onMain, sums, '');
      selfTimes(events.filter((e) => e.pid === main.pid && workers.has(e.tid) && e.ph === 'X'), sums, 'workers: ');
      for (const e of onMain) {
        if (e.name === 'UpdateLayoutTree') add('# elements styled', e.args?.elementCount ?? 0);
        if (e.name === 'Layout') {
          add('# layouts', 1);
          add('# objects laid out (dirty)', e.args?.beginData?.dirtyObjects ?? 0);
          add('# objects in the layout tree, summed over layouts', e.args?.beginData?.totalObjects ?? 0);
        }
      }
      const q = await page.evaluate(`[...['parapet-mark', 'parapet-stub']].map((s) => document.querySelectorAll(s).length)`);
      add('# marks on the page', (q as number[])[0] * per100);
      add('# stubs on the page', (q as number[])[1] * per100);
      await cdp.detach();
      await page.close();
    }
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  byConfig.set(cfg, sums);
}

console.log(`${site}, ${N} samples per configuration, ${total} items each; per 100 appended items: self thread ms by trace event (means), and counts`);
console.log(''.padEnd(52) + configs.map((c) => c.slice(-22).padStart(23)).join(''));
const names = new Set<string>();
for (const m of byConfig.values()) for (const [k, v] of m) if (k.startsWith('#') || Math.abs(v) >= Number(process.env.MIN ?? 0.3)) names.add(k);
const last = configs.at(-1)!;
const rows = [...names].sort((a, b) => Number(b.startsWith('#')) - Number(a.startsWith('#')) || (byConfig.get(last)!.get(b) ?? 0) - (byConfig.get(last)!.get(a) ?? 0));
for (const k of rows) console.log(k.slice(0, 51).padEnd(52) + configs.map((c) => (byConfig.get(c)!.get(k) ?? 0).toFixed(2).padStart(23)).join(''));
