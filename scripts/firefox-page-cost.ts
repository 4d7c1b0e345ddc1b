// What a page pays in firefox-esr for an extension (issue 24), measured by probe-firefox-feed.ts and by the Firefox
// part of `npm run bench` (bench-firefox-page-cost.ts): per configuration (no extension, a Parapet build, a peer),
// a fresh browser per round, on the bench's Hacker News and YouTube pages; for each page, the CPU of every thread of
// that browser (/proc schedstat) from navigation to load + 1.5 s, DOMContentLoaded, then the page-cost bench's feed
// (1,000 items in batches of 20, then 1.5 s) and the CPU per 100 items. CPU is grouped by Firefox process (the
// page's content process by thread, its main thread as "page main"; the extensions' process; the parent) and ALL.
import type { Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { FEED, hackerNewsPage, youtubeHomePage } from './bench-feed-page';
import { launchFirefoxWith } from './bench-firefox-browser';
import { threadCpu, underThisProcess, type ProcessInfo } from './thread-cpu';
import { servePages } from '../tests/e2e/firefox-helpers';
import { median } from './stats';

export const FIREFOX_SITES = {
  hackernews: { url: 'https://news.ycombinator.com/', html: hackerNewsPage() },
  youtube: { url: 'https://www.youtube.com/', html: youtubeHomePage() },
};
export type FirefoxSite = keyof typeof FIREFOX_SITES;

/** uBlock Origin as Debian packages it for Firefox (`apt-get install webext-ublock-origin-firefox`): a peer
 * measured side by side. A Firefox started by puppeteer (a profile of its own) does not load it from there by
 * itself: the bench installs it as it installs Parapet. */
export const UBO_FIREFOX = '/usr/share/mozilla/extensions/{ec8030f7-c20a-464f-9b0e-13a3a9e97384}/uBlock0@raymondhill.net';

/** By figure ("<site> DOMContentLoaded ms", "<site> load: <group>", "<site> per 100 items: <group>"), then by
 * configuration, the samples. */
export type FirefoxSamples = Map<string, Map<string, number[]>>;

const per100 = FEED.total / 100;

/** A Firefox process by its name: "Web Content" or "Isolated Web Co" (a page, and the content scripts in it),
 * "WebExtensions" (the extensions' backgrounds), "firefox-esr" (the parent), the socket, RDD and utility processes. */
function firefoxKind(p: ProcessInfo): string {
  try {
    return readFileSync(`/proc/${p.pid}/comm`, 'utf8').trim().replaceAll(' ', '_');
  } catch {
    return 'ended';
  }
}

/** CPU ms by "kind thread" of every Firefox process under this one. */
function cpuByKind(): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, ms] of threadCpu(underThisProcess, firefoxKind)) {
    const name = key.split(' ').slice(1).join(' ');
    out.set(name, (out.get(name) ?? 0) + ms);
  }
  return out;
}

export async function measureFirefoxPageCost(configs: readonly string[], rounds: number, sites: readonly FirefoxSite[]): Promise<{ samples: FirefoxSamples; loads: number[] }> {
  const samples: FirefoxSamples = new Map();
  const push = (figure: string, cfg: string, v: number) => {
    const byCfg = samples.get(figure) ?? samples.set(figure, new Map()).get(figure)!;
    (byCfg.get(cfg) ?? byCfg.set(cfg, []).get(cfg)!).push(v);
  };

  /** The CPU between two readings by group, each divided by `per`. */
  function pushGroups(prefix: string, cfg: string, from: Map<string, number>, to: Map<string, number>, per: number): void {
    const groups = new Map<string, number>();
    for (const [name, ms] of to) {
      const d = (ms - (from.get(name) ?? 0)) / per;
      const [kind, ...rest] = name.split(' ');
      const thread = rest.join(' ');
      const page = kind === 'Isolated_Web_Co' || kind === 'Web_Content';
      // A process's main thread has the process's name.
      const group = page ? `page ${thread === kind.replaceAll('_', ' ') ? 'main' : thread}` : kind;
      groups.set(group, (groups.get(group) ?? 0) + d);
      groups.set('ALL', (groups.get('ALL') ?? 0) + d);
    }
    for (const [g, v] of groups) push(`${prefix} ${g}`, cfg, v);
  }

  async function sample(page: Page, site: FirefoxSite, cfg: string): Promise<void> {
    const before = cpuByKind();
    await page.goto(FIREFOX_SITES[site].url, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1500));
    const loaded = cpuByKind();
    pushGroups(`${site} load:`, cfg, before, loaded, 1);
    push(`${site} DOMContentLoaded ms`, cfg, await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart));
    await page.evaluate(
      (o) => (window as unknown as { __feed: { run(o: unknown): Promise<unknown> } }).__feed.run(o),
      { first: FEED.initial, total: FEED.total, batch: FEED.batch, everyMs: FEED.everyMs },
    );
    await new Promise((r) => setTimeout(r, 1500));
    const fed = cpuByKind();
    // A Parapet build that decided nothing would measure as cheap as none.
    const decided = await page.evaluate(() => document.querySelectorAll('[data-parapet]:not([data-parapet="wait"])').length);
    if (cfg !== 'none' && !cfg.startsWith('peer:') && decided < FEED.total / 2) throw new Error(`${cfg} on ${site}: only ${decided} items decided`);
    pushGroups(`${site} per 100 items:`, cfg, loaded, fed, per100);
  }

  const loads: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Interleaved, in another order each round: the machine's drift falls on every configuration.
    for (const cfg of configs.map((_, i) => configs[(i + round) % configs.length])) {
      const browser = await launchFirefoxWith(cfg);
      try {
        for (const site of sites) {
          const page = await browser.newPage();
          await servePages(page, { [FIREFOX_SITES[site].url]: () => FIREFOX_SITES[site].html });
          await sample(page, site, cfg);
          await page.close();
        }
      } finally {
        await browser.close();
      }
      loads.push(loadavg()[0]);
    }
  }
  return { samples, loads };
}

