// What a page pays in Firefox (issue 24; the page-cost bench and bench-feed-ab.ts drive Chromium only): on the
// page-cost bench's Hacker News and YouTube pages in firefox-esr, without an extension and with each build (default
// profile: Firefox gives no way to seed one) or peer, a fresh browser per configuration per round: DOMContentLoaded,
// the CPU from navigation to load + 1.5 s, and per 100 items of the bench's feed (1,000 items in batches of 20, then
// 1.5 s), of every thread of that browser (/proc schedstat), grouped by Firefox process (the page's by thread);
// medians, ranges and medians over no extension (scripts/firefox-page-cost.ts). Each sample also checks that
// Parapet decided the feed. `peer:<folder>` is another author's extension, unpacked (firefox-page-cost.ts, UBO_FIREFOX).
//
//   BUILDS=.output/a[,peer:<folder>] [ROUNDS=4] [SITES=hackernews,youtube] npx tsx scripts/probe-firefox-feed.ts   (built with -b firefox)
//
// What it showed (2026-12-06, build of e2c1164, ROUNDS=4, load 1.5-2.4), added per 100 items, HN / YouTube: the
// page's main thread ("Web Content": headless Firefox puts these pages in a shared content process) +28.7 / +30.1,
// its thread pool (TaskController: off-thread JIT and GC) +3.3 / +4.4, the background (WebExtensions) +10.8 / +6.1,
// the parent about 0; the whole browser +27.8 / +34.9 (without Parapet 161 / 93). Chromium's whole-browser figure is
// higher (+57 / +63 in the page-cost bench the same morning), V8's background optimising being most of it.
//
// Beside uBlock Origin (Debian's 1.67, its bundled lists; BUILDS=peer:<its folder>,.output/x, build of baa39d6, 4
// rounds, load 0.8-1.7), added over no extension, HN / YouTube: DOMContentLoaded +30 / +88 ms for it, +2.5 / +2.5 for
// Parapet; the page's main thread to load + 1.5 s +63 / +59 for it, +97 / +71 for Parapet; the whole browser to load +
// 1.5 s +241 / +258 for it (its background), +57 / +201 for Parapet; per 100 items, the page's main thread +45 / +13
// for it, +1 / +34 for Parapet, the whole browser +86 / +31 for it, +21 / +48 for Parapet. bench-firefox-page-cost.ts
// prints these against the goals.
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
import { FIREFOX_SITES, measureFirefoxPageCost, type FirefoxSite } from './firefox-page-cost';
import { median } from './stats';

const configs = ['none', ...(process.env.BUILDS ?? '.output').split(',')];
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const sites = (process.env.SITES ?? Object.keys(FIREFOX_SITES).join(',')).split(',') as FirefoxSite[];

const { samples, loads } = await measureFirefoxPageCost(configs, ROUNDS, sites);
console.log(`Firefox, ${ROUNDS} rounds, load ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}; CPU ms from navigation to load + 1.5 s, and per 100 appended items: median [range] (median over none)`);
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
