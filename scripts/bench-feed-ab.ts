// What acting on decisions costs per appended item, for two or more builds in one interleaved run (issue 24): the
// page-cost bench's feed (1,000 items in batches of 20, one batch every 16 ms, then 1.5 s for the log's sends and
// writes) on a fresh page per sample, with one browser per configuration kept for the whole run, so that the
// machine's drift falls on every configuration alike. Per 100 items: the page's main-thread metrics (CDP, thread
// time) and the CPU of every thread of that configuration's browser (/proc schedstat, ns), grouped by process and
// thread: the page's main thread, its compositor, its other threads (V8's compilers and GC, raster), the
// extension's service worker, the browser process, the GPU process. Medians, ranges and medians over no extension.
//
//   npx tsx scripts/bench-feed-ab.ts [ROUNDS]     builds first (PARAPET_OUT=.output/<name> npx wxt build)
//   AB_CONFIGS='none;.output/a:default;.output/b:large'   build folder (or none) : profile (default or large)
//   AB_SITES=hackernews,youtube   AB_THREADS=1 (every thread too)
//   AB_JSFLAGS='--no-maglev --no-turbofan'   V8 flags for every browser of the run (see below)
//   AB_TOTAL=2000   items per sample (1,000 by default): a cost per page, as V8 optimising the content script
//                   (probe-feed-opt.ts), weighs half as much per 100 items over twice the items
//
// What it showed (2026-12-06, builds of 739e59f; load 1.5-3.4, so read differences of a few ms as noise), added per
// 100 items with the default profile:
// - V8's optimising compiles of the content script are the page's "other threads": +29.3 on HN with them, +3.3 with
//   AB_JSFLAGS='--no-maglev --no-turbofan', where the page's main thread went +13.4 -> +28.5 and the whole browser
//   +71.4 -> +55.4 (3 rounds each). ~250 ms of compiling a page, once per page: it buys ~150 ms of main thread over
//   1,000 items, and the main thread is what a person feels. An extension cannot set V8's flags.
// - The log's path, from a build whose reporter sends no rows against one that does (3 rounds, HN / YouTube): the
//   service worker +5.4 / +6.6 -> +2.5 / +1.8, the browser's main thread +3.9 / +4.6 -> +1.1 / +2.8, its other
//   threads +5.3 / +4.8 -> +3.2 / +2.0: ~9-10 outside the page for 1,000 rows in 3-4 messages of ~330 KB.
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launchFeedBrowser, type FeedBrowser } from './bench-feed-browser';
import { FEED, hackerNewsPage, runFeed, youtubeHomePage } from './bench-feed-page';
import { kindOf, processKind, threadCpu, type ProcessInfo } from './thread-cpu';
import { median } from './stats';

const rounds = Number(process.argv[2]) || 4;
const configs = (process.env.AB_CONFIGS ?? 'none;.output:default;.output:large').split(';');
const SITES = { hackernews: { url: 'https://news.ycombinator.com/', html: hackerNewsPage() }, youtube: { url: 'https://www.youtube.com/', html: youtubeHomePage() } };
const sites = (process.env.AB_SITES ?? 'hackernews,youtube').split(',') as Array<keyof typeof SITES>;
const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'];
const GROUPS = ['page main', 'page compositor', 'page other', 'service worker', 'extension other', 'browser main', 'browser other', 'gpu'];
const total = Number(process.env.AB_TOTAL ?? FEED.total);
const per100 = total / 100;
/** The browser started with user data `dir`: its processes and theirs. */
const browserOf = (dir: string) => (p: ProcessInfo) => processKind(p.cmdline) === 'browser' && p.cmdline.includes(dir);

function group(key: string): string {
  const [, kind, ...rest] = key.split(' ');
  const thread = rest.join(' ');
  // A process's main thread takes the executable's name; thread names are cut at 15 characters.
  if (kind === 'renderer') return thread === 'chromium' ? 'page main' : thread === 'Compositor' ? 'page compositor' : 'page other';
  if (kind === 'extension') return thread.startsWith('ServiceWorker') ? 'service worker' : 'extension other';
  if (kind === 'browser') return thread === 'chromium' ? 'browser main' : 'browser other';
  return kind === 'gpu-process' ? 'gpu' : 'other';
}

/** AB_JSFLAGS: V8 flags for every configuration's browser, e.g. '--no-maglev --no-turbofan' (no optimising compiles). */
const jsFlags = process.env.AB_JSFLAGS ? [`--js-flags=${process.env.AB_JSFLAGS}`] : [];
const launch = (cfg: string) => launchFeedBrowser(cfg, sites.map((s) => SITES[s]), jsFlags);

const samples = new Map<string, Map<string, number[]>>();
const push = (figure: string, cfg: string, v: number) => {
  const byCfg = samples.get(figure) ?? samples.set(figure, new Map()).get(figure)!;
  (byCfg.get(cfg) ?? byCfg.set(cfg, []).get(cfg)!).push(v);
};

const browsers = new Map<string, FeedBrowser>();
for (const cfg of configs) browsers.set(cfg, await launch(cfg));
const loads: number[] = [];
try {
  for (let r = 0; r < rounds; r++) {
    // Interleaved, in a different order each round.
    for (const cfg of configs.map((_, i) => configs[(i + r) % configs.length])) {
      const { context, dir } = browsers.get(cfg)!;
      for (const site of sites) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        await page.goto(SITES[site].url, { waitUntil: 'load' });
        await page.waitForTimeout(1500);
        const metrics = async () => new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
        const m0 = await metrics();
        const t0 = threadCpu(browserOf(dir));
        await runFeed(page, total);
        await page.waitForTimeout(1500);
        const t1 = threadCpu(browserOf(dir));
        const m1 = await metrics();
        for (const name of METRICS) push(`${site} ${name}`, cfg, (((m1.get(name) ?? 0) - (m0.get(name) ?? 0)) * 1000) / per100);
        const sums = new Map<string, number>();
        let all = 0;
        for (const [key, ms] of t1) {
          if (kindOf(key) === 'zygote') continue; // idle; its forks are counted as what they became
          const d = (ms - (t0.get(key) ?? 0)) / per100;
          sums.set(group(key), (sums.get(group(key)) ?? 0) + d);
          all += d;
          if (process.env.AB_THREADS) push(`${site}   ${key.split(' ').slice(1).join(' ')}`, cfg, d);
        }
        for (const g of GROUPS) push(`${site} thread: ${g}`, cfg, sums.get(g) ?? 0);
        push(`${site} thread: ALL`, cfg, all);
        await cdp.detach();
        await page.close();
      }
      loads.push(loadavg()[0]);
    }
  }
} finally {
  for (const b of browsers.values()) {
    await b.context.close();
    rmSync(b.dir, { recursive: true, force: true });
  }
}

console.log(`${rounds} rounds, load ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}; ${total} items per sample; CPU ms per 100 appended items: median [range] (median over none)`);
for (const [figure, byCfg] of samples) {
  if (process.env.AB_THREADS && figure.includes('   ') && Math.max(...[...byCfg.values()].map(median)) < 0.2) continue;
  console.log(figure);
  const none = byCfg.get('none');
  for (const cfg of configs) {
    const xs = byCfg.get(cfg) ?? [];
    if (xs.length === 0) continue;
    const over = none && cfg !== 'none' ? ` (${median(xs) - median(none) >= 0 ? '+' : ''}${(median(xs) - median(none)).toFixed(1)})` : '';
    console.log(`  ${cfg.padEnd(34)} ${median(xs).toFixed(1).padStart(7)} [${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}]${over}`);
  }
}
