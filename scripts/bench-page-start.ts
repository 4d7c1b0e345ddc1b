// A feed page's start with a warm or a cold background (issue 24), for A/B comparisons of builds: DOMContentLoaded
// and document_start -> ready over many loads per browser, which the page-cost bench (one measured load per fresh
// browser) cannot give on a busy machine. Per round and build, interleaved: a fresh browser, one warm-up load of the
// bench page, then K measured loads; with COLD=1 the service worker is stopped before each (CDP
// ServiceWorker.stopAllWorkers), as it is after 30 s without events, so the page's start wakes it.
//
//   BUILDS=none,.output/a,.output/b [SITE=hackernews|youtube] [R=4] [K=6] [COLD=1] [LARGE=1] npx tsx scripts/bench-page-start.ts
// DOMContentLoaded is counted from the response's end (the page's parse, without the renderer's start); LARGE=1 seeds
// the bench's large profile and waits for its topics, as bench-page-cost.ts does.
import type { BrowserContext } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/e2e/harness';
import { keptForTabs, seedProfile } from '../tests/e2e/ui-helpers';
import { buildLargeProfile, readHeadlines } from './bench-core';
import { hackerNewsPage, youtubeHomePage } from './bench-feed-page';
import { readyMs } from './ready-time';
import { median } from './stats';

const SITE = process.env.SITE ?? 'hackernews';
const url = SITE === 'youtube' ? 'https://www.youtube.com/' : 'https://news.ycombinator.com/';
const html = SITE === 'youtube' ? youtubeHomePage() : hackerNewsPage();
const BUILDS = (process.env.BUILDS ?? 'none,.output').split(',');
const R = Number(process.env.R ?? 4);
const K = Number(process.env.K ?? 6);

async function launch(build: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'parapet-start-'));
  const ext = build === 'none' ? null : resolve(build, 'chrome-mv3');
  const args = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
  if (ext) args.push(`--disable-extensions-except=${ext}`, `--load-extension=${ext}`);
  const context = await launchChromium(dir, args, true);
  await context.route(/^https?:\/\//, (route) => route.abort());
  await context.route(`${url}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  if (ext) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await new Promise((r) => setTimeout(r, 1000));
    for (const p of context.pages()) if (p.url().includes('welcome')) await p.close();
    if (process.env.LARGE) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
      const large = buildLargeProfile(readHeadlines());
      await keptForTabs(page, await seedProfile(page, (current) => ({ ...current, ...large })));
      await page.close();
    }
  }
  return { context, close: async () => (await context.close(), rmSync(dir, { recursive: true, force: true })) };
}

const got: Record<string, { dcl: number[]; ready: number[] }> = {};
for (let round = 0; round < R; round++) {
  for (const build of BUILDS) {
    const { context, close } = await launch(build);
    try {
      for (let i = 0; i <= K; i++) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        if (process.env.COLD && build !== 'none') {
          await cdp.send('ServiceWorker.enable');
          await cdp.send('ServiceWorker.stopAllWorkers');
          await new Promise((r) => setTimeout(r, 300));
        }
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(300);
        const dcl = await page.evaluate(() => {
          const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return n.domContentLoadedEventStart - n.responseEnd;
        });
        const ready = build === 'none' ? null : await readyMs(cdp);
        if (i > 0) {
          const g = (got[build] ??= { dcl: [], ready: [] });
          g.dcl.push(dcl);
          if (ready !== null) g.ready.push(ready);
        }
        await page.close();
      }
    } finally {
      await close();
    }
  }
}
console.log(`${SITE}${process.env.LARGE ? ', large profile' : ''}${process.env.COLD ? ', background stopped before each load' : ''}: ${R} rounds x ${K} loads per build; medians, ms`);
for (const build of BUILDS) {
  const g = got[build];
  if (!g) continue;
  const ready = build === 'none' ? '' : `   document_start -> ready ${median(g.ready).toFixed(1)} (${g.ready.length} of ${g.dcl.length} loads ready)`;
  console.log(`${build.padEnd(28)} DOMContentLoaded after the response ${median(g.dcl).toFixed(1)}${ready}`);
}
