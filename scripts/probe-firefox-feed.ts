// What appended items cost in Firefox (issue 24; the page-cost bench and bench-feed-ab.ts drive Chromium only): the
// page-cost bench's feed (1,000 items in batches of 20, then 1.5 s) on its Hacker News and YouTube pages in
// firefox-esr, without Parapet and with each build (default profile: Firefox gives no way to seed one), a fresh
// browser per configuration per round. Per 100 items, the CPU of every thread of that browser (/proc schedstat),
// grouped by Firefox process (the page's content process, the extensions' process, the parent) and, for the page's,
// by thread; medians, ranges and medians over no extension. Each sample also checks that Parapet decided the feed.
//
//   BUILDS=.output/a[,.output/b] [ROUNDS=4] [SITES=hackernews,youtube] npx tsx scripts/probe-firefox-feed.ts   (built with -b firefox)
//
// What it showed (2026-12-06, build of e2c1164, ROUNDS=4, load 1.5-2.4), added per 100 items, HN / YouTube: the
// page's main thread ("Web Content": headless Firefox puts these pages in a shared content process) +28.7 / +30.1,
// its thread pool (TaskController: off-thread JIT and GC) +3.3 / +4.4, the background (WebExtensions) +10.8 / +6.1,
// the parent about 0; the whole browser +27.8 / +34.9 (without Parapet 161 / 93). Chromium's whole-browser figure is
// higher (+57 / +63 in the page-cost bench the same morning), V8's background optimising being most of it.
//
// Where the page's part goes, from Firefox's own profiler (no CDP there): launch with the environment
// MOZ_PROFILER_STARTUP=1 MOZ_PROFILER_SHUTDOWN=<file.json> MOZ_PROFILER_STARTUP_FEATURES=js,stackwalk,cpu
// MOZ_PROFILER_STARTUP_INTERVAL=1 MOZ_PROFILER_STARTUP_FILTERS=GeckoMain (puppeteer.launch's `env`), put
// performance.mark()s around the feed (UserTiming markers in the page's thread), and close the browser: the file is
// written at shutdown, every process in `processes`, sample times relative to each process's meta.startTime, CPU per
// sample in `threadCPUDelta` (ns). Give each sample to the leaf-most frame whose location is a script address
// (moz-extension:// or the page's), not to the nearest extension frame: SpiderMonkey's stack walk puts stale
// content-script frames under the page's own functions. HN, build of e2c1164, 3 feeds: per 100 items, the
// extension's JS and what it calls 19.6 ms (rootsFrom 1.3, the adapter's walks 1.0, readItem 0.8, sendMessage 0.8 of
// which 0.7 in Firefox's own argument checking, then a long tail under 0.7 each: no hot spot, as in Chromium), the
// page's 26.1, the rest (layout, paint, GC) 102; the background 6.0, of it GC 1.8 and IndexedDB adds 0.3.
import type { Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { FEED, hackerNewsPage, youtubeHomePage } from './bench-feed-page';
import { launchFirefoxWith } from './bench-firefox-browser';
import { threadCpu, underThisProcess, type ProcessInfo } from './thread-cpu';
import { servePages } from '../tests/e2e/firefox-helpers';

const configs = ['none', ...(process.env.BUILDS ?? '.output').split(',')];
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const SITES = { hackernews: { url: 'https://news.ycombinator.com/', html: hackerNewsPage() }, youtube: { url: 'https://www.youtube.com/', html: youtubeHomePage() } };
const sites = (process.env.SITES ?? 'hackernews,youtube').split(',') as Array<keyof typeof SITES>;
const per100 = FEED.total / 100;

/** A Firefox process by its name: "Web Content" or "Isolated Web Co" (a page, and Parapet's content scripts in
 * it), "WebExtensions" (the background), "firefox-esr" (the parent), the socket, RDD and utility processes. */
function firefoxKind(p: ProcessInfo): string {
  try {
    return readFileSync(`/proc/${p.pid}/comm`, 'utf8').trim().replaceAll(' ', '_');
  } catch {
    return 'ended';
  }
}

const samples = new Map<string, Map<string, number[]>>();
const push = (figure: string, cfg: string, v: number) => {
  const byCfg = samples.get(figure) ?? samples.set(figure, new Map()).get(figure)!;
  (byCfg.get(cfg) ?? byCfg.set(cfg, []).get(cfg)!).push(v);
};

/** CPU ms by "kind thread" of every Firefox process under this one. */
function cpuByKind(): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, ms] of threadCpu(underThisProcess, firefoxKind)) {
    const name = key.split(' ').slice(1).join(' ');
    out.set(name, (out.get(name) ?? 0) + ms);
  }
  return out;
}

async function sample(page: Page, site: keyof typeof SITES, cfg: string): Promise<void> {
  await page.goto(SITES[site].url, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 1500));
  const t0 = cpuByKind();
  await page.evaluate(
    (o) => (window as unknown as { __feed: { run(o: unknown): Promise<unknown> } }).__feed.run(o),
    { first: FEED.initial, total: FEED.total, batch: FEED.batch, everyMs: FEED.everyMs },
  );
  await new Promise((r) => setTimeout(r, 1500));
  const t1 = cpuByKind();
  const decided = await page.evaluate(() => document.querySelectorAll('[data-parapet]:not([data-parapet="wait"])').length);
  if (cfg !== 'none' && decided < FEED.total / 2) throw new Error(`${cfg} on ${site}: only ${decided} items decided`);
  const groups = new Map<string, number>();
  for (const [name, ms] of t1) {
    const d = (ms - (t0.get(name) ?? 0)) / per100;
    const [kind, ...thread] = name.split(' ');
    // The page's process by thread (its main thread has the process's name); the others whole.
    const group = kind === 'Isolated_Web_Co' || kind === 'Web_Content' ? `page ${thread.join(' ')}` : kind;
    groups.set(group, (groups.get(group) ?? 0) + d);
    groups.set('ALL', (groups.get('ALL') ?? 0) + d);
  }
  for (const [g, v] of groups) push(`${site} ${g}`, cfg, v);
}

const loads: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const cfg of configs.map((_, i) => configs[(i + round) % configs.length])) {
    const browser = await launchFirefoxWith(cfg);
    try {
      for (const site of sites) {
        const page = await browser.newPage();
        await servePages(page, { [SITES[site].url]: () => SITES[site].html });
        await sample(page, site, cfg);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    loads.push(loadavg()[0]);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`Firefox, ${ROUNDS} rounds, load ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}; CPU ms per 100 appended items: median [range] (median over none)`);
for (const [figure, byCfg] of [...samples].sort(([a], [b]) => a.localeCompare(b))) {
  if (Math.max(...[...byCfg.values()].map(median)) < 0.5) continue;
  console.log(figure);
  const none = byCfg.get('none') ?? [0];
  for (const cfg of configs) {
    const xs = byCfg.get(cfg) ?? [0];
    const over = cfg === 'none' ? '' : ` (${median(xs) - median(none) >= 0 ? '+' : ''}${(median(xs) - median(none)).toFixed(1)})`;
    console.log(`  ${cfg.padEnd(28)} ${median(xs).toFixed(1).padStart(7)} [${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}]${over}`);
  }
}
