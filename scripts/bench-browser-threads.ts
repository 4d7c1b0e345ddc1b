// Where the whole browser's CPU goes while the page-cost bench's feed runs (issue 24): every thread of every
// process under this one, from /proc/<pid>/task/<tid>/schedstat (nanoseconds, not the 10 ms ticks of /proc stat),
// grouped as the page's main thread, the page's other threads (compositor, raster, V8's compilers and GC), the
// extension's process (its service worker), the browser process (IndexedDB, messages) and the GPU process; per 100
// appended items, from the run's start to AFTER_MS after it (long enough for the log's rows to be written).
//
// npx tsx scripts/bench-browser-threads.ts [SITE] [ROUNDS]   SITE: hackernews (default) or youtube; build first
//   BENCH_NONE=1         no extension (the baseline)
//   BENCH_LARGE=1        the page-cost bench's large profile (its topics expanded before the page loads)
//   BENCH_SEED=100000    a lived-in log: that many decisions stored first (then 15 s for the database to settle)
//   BENCH_PROFILE=1      also a V8 CPU profile of the service worker (it costs CPU itself: compare like with like)
//   BENCH_THREADS=1      every thread, not only the groups;  AFTER_MS=4000 by default
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_EXT, CHROMIUM } from '../tests/e2e/harness';
import { keptForTabs, seedProfile } from '../tests/e2e/ui-helpers';
import { buildLargeProfile, readHeadlines } from './bench-core';
import { FEED, hackerNewsPage, runFeed, youtubeHomePage } from './bench-feed-page';
import { kindOf, threadCpu } from './thread-cpu';
import { median } from './stats';

const site = process.argv[2] ?? 'hackernews';
const rounds = Number(process.argv[3] ?? 2);
const none = !!process.env.BENCH_NONE;
const AFTER_MS = Number(process.env.AFTER_MS ?? 4000);
const PAGE = site === 'youtube' ? { url: 'https://www.youtube.com/', html: youtubeHomePage() } : { url: 'https://news.ycombinator.com/', html: hackerNewsPage() };
const per100 = FEED.total / 100;

const group = (key: string) => {
  const [, k, thread] = key.split(' ');
  if (k === 'renderer') return thread === 'chromium' ? 'page main thread' : 'page other threads';
  if (k === 'extension') return 'extension process';
  if (k === 'browser') return 'browser process';
  if (k === 'gpu-process') return 'gpu process';
  return 'other';
};

const groups = new Map<string, number[]>();
const threads = new Map<string, number[]>();
const profileSelf = new Map<string, number>();
let profileBusy = 0;

for (let r = 0; r < rounds; r++) {
  const dir = mkdtempSync(join(tmpdir(), 'parapet-threads-'));
  const args = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--remote-debugging-port=0'];
  if (!none) args.unshift(`--disable-extensions-except=${CHROME_EXT}`, `--load-extension=${CHROME_EXT}`);
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args, chromiumSandbox: false, viewport: { width: 1280, height: 860 } });
  try {
    await context.route(/^https?:\/\//, (route) => route.abort());
    await context.route(`${PAGE.url}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE.html }));
    let sw: ((method: string, params?: object) => Promise<any>) | null = null;
    if (!none) {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const extId = new URL(worker.url()).host;
      await new Promise((res) => setTimeout(res, 1500));
      for (const p of context.pages()) if (p.url().includes(extId)) await p.close();
      if (process.env.BENCH_LARGE) {
        const popup = await context.newPage();
        await popup.goto(`chrome-extension://${extId}/popup.html`);
        const { interests, avoidTopics, rules, blockedAuthors, exceptions } = buildLargeProfile(readHeadlines());
        // As the page-cost bench: pages start from the copies kept for tabs, made with the topics expanded.
        await keptForTabs(popup, await seedProfile(popup, (current) => ({ ...current, interests, avoidTopics, rules, blockedAuthors, exceptions })));
        await popup.close();
      }
      if (process.env.BENCH_SEED) {
        const seeder = await context.newPage();
        await seeder.goto(`chrome-extension://${extId}/popup.html`);
        await seeder.evaluate(async (n) => {
          const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome;
          for (let i = 0; i < n; i += 500) {
            const rows = Array.from({ length: 500 }, (_, j) => ({ ts: 1.7e12 + i + j, platform: 'hackernews', itemId: String(i + j), title: `Seeded story ${i + j}`, author: 'someone', url: `https://example.org/${i + j}`, surface: 'front', action: 'show', reasons: [], score: 0.5, reordered: false }));
            if (!(await c.runtime.sendMessage({ type: 'tab/report', payload: { decisions: rows } }))?.ok) throw new Error('seeding refused');
          }
        }, Number(process.env.BENCH_SEED));
        await seeder.close();
        await new Promise((res) => setTimeout(res, 15_000));
      }
      if (process.env.BENCH_PROFILE) {
        // The service worker is not a page: reach it through the browser's own DevTools endpoint.
        const port = readFileSync(join(dir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
        const cdp = await (await chromium.connectOverCDP(`http://127.0.0.1:${port}`)).newBrowserCDPSession();
        const { targetInfos } = await cdp.send('Target.getTargets');
        const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extId));
        const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target!.targetId, flatten: false });
        const waiting = new Map<number, (v: any) => void>();
        let seq = 0;
        cdp.on('Target.receivedMessageFromTarget', (e) => {
          const m = JSON.parse(e.message);
          waiting.get(m.id)?.(m.result ?? m.error);
          waiting.delete(m.id);
        });
        sw = (method, params = {}) =>
          new Promise((res) => {
            waiting.set(++seq, res);
            void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: seq, method, params }) });
          });
      }
    }
    // As the page-cost bench: one warm-up load, then the measured page.
    const warm = await context.newPage();
    await warm.goto(PAGE.url, { waitUntil: 'load' });
    await warm.waitForTimeout(500);
    await warm.close();
    const page = await context.newPage();
    await page.goto(PAGE.url, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    if (sw) {
      await sw('Profiler.enable');
      await sw('Profiler.setSamplingInterval', { interval: 200 });
      await sw('Profiler.start');
    }
    const before = threadCpu();
    await runFeed(page);
    await page.waitForTimeout(AFTER_MS);
    const after = threadCpu();
    if (sw) {
      const { profile } = await sw('Profiler.stop');
      const byId = new Map<number, { callFrame: { functionName: string; url: string; lineNumber: number } }>(profile.nodes.map((n: any) => [n.id, n]));
      profile.samples.forEach((id: number, i: number) => {
        const f = byId.get(id)!.callFrame;
        const ms = profile.timeDeltas[i] / 1000;
        if (f.functionName === '(idle)') return;
        profileBusy += ms;
        const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        profileSelf.set(key, (profileSelf.get(key) ?? 0) + ms);
      });
    }
    const sums = new Map<string, number>();
    // A thread name is summed over the processes of its kind (a renderer per page) before the round's sample is kept.
    const byName = new Map<string, number>();
    for (const [key, ms] of after) {
      if (kindOf(key) === 'zygote') continue; // idle; its forks are counted as what they became
      const d = (ms - (before.get(key) ?? 0)) / per100;
      sums.set(group(key), (sums.get(group(key)) ?? 0) + d);
      const name = key.split(' ').slice(1).join(' ');
      byName.set(name, (byName.get(name) ?? 0) + d);
    }
    for (const [name, d] of byName) (threads.get(name) ?? threads.set(name, []).get(name)!).push(d);
    let all = 0;
    for (const [g, v] of sums) {
      (groups.get(g) ?? groups.set(g, []).get(g)!).push(v);
      all += v;
    }
    (groups.get('ALL') ?? groups.set('ALL', []).get('ALL')!).push(all);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`${site}, ${none ? 'no extension' : CHROME_EXT}${process.env.BENCH_LARGE ? ', large profile' : ''}, ${rounds} rounds, load ${loadavg()[0].toFixed(1)}: CPU ms per 100 appended items, median (samples)`);
for (const [g, v] of [...groups].sort()) console.log(`  ${g.padEnd(22)} ${median(v).toFixed(1).padStart(7)}  (${v.map((x) => x.toFixed(1)).join(' ')})`);
if (process.env.BENCH_THREADS) for (const [t, v] of [...threads].sort()) if (median(v) >= 0.1) console.log(`    ${t.padEnd(40)} ${median(v).toFixed(1).padStart(7)}`);
if (profileSelf.size) {
  console.log(`service worker, V8 profile: busy ${(profileBusy / rounds / per100).toFixed(1)} ms per 100 items; self time per run:`);
  for (const [k, v] of [...profileSelf].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(v / rounds).toFixed(1).padStart(7)} ${k}`);
}
