// Feed shield in Chromium, with the built extension (PARAPET_OUT or .output): a Hacker News front page and a
// YouTube home grid each append 1,000 items in batches of 20 (one batch every 16 ms) to a page that already
// holds 30. Measures insertion-to-decision time, hidden items that were ever painted, main-thread time per
// 100 items against the same page without the extension, and the size of every content script.
// Run alone: npx tsx scripts/bench-feed.ts (build first: PARAPET_OUT=... npx wxt build).
import type { BrowserContext, Page } from 'playwright-core';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROME_EXT, CHROMIUM, OUT, ROOT, launchWithExtension, type Launched } from '../tests/e2e/harness';
import { CONTENT_SCRIPT_LIMIT as SCRIPT_LIMIT, WEBLLM_MARKERS } from '../tests/e2e/content-script-limits';
import { seedProfile } from '../tests/e2e/ui-helpers';
import { BLOCKED, FEED, HIDE_KEYWORD, MEASURE_SCRIPT, hackerNewsPage, runFeed, youtubeHomePage, type BenchPlatform } from './bench-feed-page';

const EXT = CHROME_EXT;
/** Pairs of cost runs (with and without the extension); the median is reported. */
const COST_RUNS = 3;
/** After load, before the feed starts: the background's profile and the clickbait model have arrived by then. */
const SETTLE_MS = 800;
/** Extra fresh loads of each page, for the flash at load (a race with the profile's arrival). */
const PAGE_LOADS = 5;

interface Site {
  platform: BenchPlatform;
  url: string;
  /** The same page on a host no content script matches: the cost of the page itself. */
  baseline: string;
  html: string;
}

const SITES: Site[] = [
  { platform: 'hackernews', url: 'https://news.ycombinator.com/', baseline: 'https://baseline.parapet.test/hn/', html: hackerNewsPage() },
  { platform: 'youtube', url: 'https://www.youtube.com/', baseline: 'https://baseline.parapet.test/yt/', html: youtubeHomePage() },
];

interface ItemResult {
  id: string;
  latency: number | null;
  hideLatency: number | null;
  /** ms since navigation start */
  decidedAt: number | null;
  hideAt: number | null;
  /** First rendering step (ResizeObserver, just before paint) that found it laid out and not hidden. */
  shownPaintAt: number | null;
  decided: boolean;
  firstMode: string | null;
  mode: string | null;
  hidden: boolean;
  expectHide: boolean;
  flips: number;
  paintedUndecided: boolean;
  paintedShown: boolean;
  paintedWhileHidden: boolean;
}
interface PageResults {
  frames: number;
  /** The harness's own time in the sampler, over the whole page life. */
  samplerMs: number;
  maxUndecidedPainted: number;
  longTasks: number;
  longTaskMs: number;
  firstPaint: number | null;
  feed: ItemResult[];
  initial: ItemResult[];
}

type Figures = Record<string, number | string>;

// ---- content scripts ---------------------------------------------------------------------------------------

function contentScriptFigures(): Figures {
  const dir = join(EXT, 'content-scripts');
  const out: Figures = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js')).sort()) {
    const code = readFileSync(join(dir, name));
    const text = code.toString('utf8');
    const webllm = WEBLLM_MARKERS.filter((m) => text.includes(m));
    const verdict = code.length < SCRIPT_LIMIT && webllm.length === 0 ? 'PASS' : 'FAIL';
    out[`content script ${name} (min / gzip B)`] =
      `${code.length} / ${gzipSync(code).length} ${verdict} (limit ${SCRIPT_LIMIT} B${webllm.length ? `; contains ${webllm.join(', ')}` : '; no web-llm'})`;
  }
  return out;
}

/** The newest source file changed after the build means the figures describe old code. */
function buildFreshness(): string {
  const built = statSync(join(EXT, 'manifest.json')).mtimeMs;
  let newest = { path: '', mtime: 0 };
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|css)$/.test(e.name)) {
        const m = statSync(p).mtimeMs;
        if (m > newest.mtime) newest = { path: p, mtime: m };
      }
    }
  };
  for (const d of ['lib', 'entrypoints']) walk(join(ROOT, d));
  return newest.mtime > built ? `STALE: ${newest.path.slice(ROOT.length + 1)} changed after the build in ${OUT}` : `fresh (${OUT})`;
}

// ---- browser -----------------------------------------------------------------------------------------------

async function launch(): Promise<Launched> {
  const ext = await launchWithExtension();
  for (const site of SITES) {
    for (const url of [site.url, site.baseline]) {
      await ext.context.route(`${url}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: site.html }));
    }
  }
  await ext.context.addInitScript({ content: MEASURE_SCRIPT });
  return ext;
}

async function seedBenchProfile(ext: Launched): Promise<void> {
  const page = await ext.openPage('popup.html');
  await seedProfile(page, (current) => ({
    ...current,
    blockedAuthors: Object.entries(BLOCKED).flatMap(([platform, names]) => names.map((name) => ({ platform: platform as BenchPlatform, name }))),
    rules: [{ id: 'bench-crypto', kind: 'keyword', pattern: HIDE_KEYWORD, action: 'hide', platforms: [], enabled: true }],
  }));
  await page.close();
}

async function openFeed(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  return page;
}

async function measured(context: BrowserContext, site: Site): Promise<PageResults & { runMs: number }> {
  const page = await openFeed(context, site.url);
  const { ms } = await runFeed(page);
  await page.waitForTimeout(300);
  const results = (await page.evaluate(() => (window as unknown as { __pb: { results(): unknown } }).__pb.results())) as PageResults;
  await page.close();
  return { ...results, runMs: ms };
}

/** The served HTML's items on fresh page loads: a hidden one painted first is the flash users see on load. */
async function pageLoads(context: BrowserContext, site: Site, loads: number) {
  const total = { hidden: 0, expected: 0, painted: 0, shownFirst: 0, evidence: [] as string[] };
  for (let i = 0; i < loads; i++) {
    const page = await openFeed(context, site.url);
    const r = (await page.evaluate(() => (window as unknown as { __pb: { results(): unknown } }).__pb.results())) as PageResults;
    await page.close();
    const hidden = r.initial.filter((x) => x.hidden);
    total.hidden += hidden.length;
    total.expected += count(r.initial, (x) => x.expectHide);
    total.painted += count(hidden, (x) => x.paintedUndecided || x.paintedShown || x.paintedWhileHidden);
    total.shownFirst += count(hidden, (x) => x.paintedShown);
    const late = hidden.filter((x) => x.paintedShown && x.decidedAt !== null && x.hideAt !== null);
    if (late.length > 0) {
      const f = (n: number | null) => (n === null ? '?' : Math.round(n));
      total.evidence.push(
        `decided show ${f(Math.min(...late.map((x) => x.decidedAt!)))}, rendered shown ${f(Math.min(...late.map((x) => x.shownPaintAt ?? Infinity)))}, ` +
          `hidden ${f(Math.max(...late.map((x) => x.hideAt!)))} ms (first-paint entry ${f(r.firstPaint)})`,
      );
    }
  }
  return total;
}

/** The harness must see a flash when there is one: without the extension every item that would be hidden is. */
async function selfCheck(context: BrowserContext, site: Site): Promise<string> {
  const page = await openFeed(context, site.baseline);
  await runFeed(page);
  const r = (await page.evaluate(() => (window as unknown as { __pb: { results(): unknown } }).__pb.results())) as PageResults;
  await page.close();
  const would = r.feed.filter((x) => x.expectHide);
  const seen = count(would, (x) => x.paintedUndecided);
  return `${seen} of ${would.length} ${seen > would.length * 0.9 ? 'ok' : 'BROKEN: the sampler misses painted items'}`;
}

/** Renderer main-thread busy time (CDP Performance.getMetrics deltas, seconds -> ms) over one feed run. */
async function mainThread(context: BrowserContext, url: string): Promise<{ task: number; script: number; layout: number; style: number }> {
  const page = await openFeed(context, `${url}?bench=cost`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = new Map(metrics.map((x) => [x.name, x.value]));
    return { task: m.get('TaskDuration') ?? 0, script: m.get('ScriptDuration') ?? 0, layout: m.get('LayoutDuration') ?? 0, style: m.get('RecalcStyleDuration') ?? 0 };
  };
  const before = await read();
  await runFeed(page);
  await page.waitForTimeout(300);
  const after = await read();
  await cdp.detach();
  await page.close();
  return {
    task: (after.task - before.task) * 1000,
    script: (after.script - before.script) * 1000,
    layout: (after.layout - before.layout) * 1000,
    style: (after.style - before.style) * 1000,
  };
}

// ---- figures -------------------------------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;

function decisionFigures(name: string, r: PageResults & { runMs: number }): Figures {
  const feed = r.feed;
  const lat = feed.map((x) => x.latency).filter((x): x is number => x !== null).sort((a, b) => a - b);
  const hidden = feed.filter((x) => x.hidden);
  const ever = (x: ItemResult) => x.paintedUndecided || x.paintedShown || x.paintedWhileHidden;
  const wrong = count(feed, (x) => x.hidden !== x.expectHide);
  const initialHidden = r.initial.filter((x) => x.hidden);
  const p95 = percentile(lat, 95);
  // The last item of a batch is decided right after it is inserted: its wait is the shield's work on the batch.
  const lastOfBatch = feed
    .filter((_, i) => i % FEED.batch === FEED.batch - 1 || i === feed.length - 1)
    .map((x) => x.latency)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  return {
    [`${name}: items appended / decided`]: `${feed.length} / ${lat.length}`,
    [`${name}: insert->decision p50 ms`]: percentile(lat, 50),
    [`${name}: insert->decision p95 ms`]: `${+p95.toFixed(2)} ${p95 < 16 ? 'PASS' : 'FAIL'} (goal < 16)`,
    [`${name}: insert->decision max ms`]: lat[lat.length - 1] ?? NaN,
    [`${name}: batch's last item p50 / p95 ms`]: `${+percentile(lastOfBatch, 50).toFixed(2)} / ${+percentile(lastOfBatch, 95).toFixed(2)}`,
    [`${name}: decided hide (expected)`]: `${hidden.length} (${count(feed, (x) => x.expectHide)}; ${wrong} differ)`,
    [`${name}: hidden items ever painted`]: `${count(hidden, ever)} ${count(hidden, ever) === 0 ? 'PASS' : 'FAIL'} (goal 0)`,
    [`${name}:   painted before any decision`]: count(hidden, (x) => x.paintedUndecided),
    [`${name}:   painted shown, hidden later`]: count(hidden, (x) => x.paintedShown),
    [`${name}:   painted while marked hidden`]: count(hidden, (x) => x.paintedWhileHidden),
    [`${name}: decisions changed after first`]: count(feed, (x) => x.flips > 0),
    [`${name}: served items hidden / painted`]: `${initialHidden.length} / ${count(initialHidden, ever)} (of ${r.initial.length})`,
    [`${name}:   undecided / shown / marked hidden`]: `${count(initialHidden, (x) => x.paintedUndecided)} / ${count(initialHidden, (x) => x.paintedShown)} / ${count(initialHidden, (x) => x.paintedWhileHidden)}`,
    [`${name}: frames sampled / feed run ms`]: `${r.frames} / ${Math.round(r.runMs)} (sampler ${(r.samplerMs / Math.max(1, r.frames)).toFixed(2)} ms/frame)`,
    [`${name}: long tasks (count, total ms)`]: `${r.longTasks}, ${Math.round(r.longTaskMs)}`,
  };
}

type Cost = Awaited<ReturnType<typeof mainThread>>;
function costFigures(name: string, withExt: Cost[], without: Cost[]): Figures {
  const per100 = FEED.total / 100;
  const m = (xs: Cost[], k: keyof Cost) => median(xs.map((x) => x[k]));
  const ext = (k: keyof Cost) => (m(withExt, k) - m(without, k)) / per100;
  return {
    [`${name}: main thread /100 items, page+ext ms`]: m(withExt, 'task') / per100,
    [`${name}: main thread /100 items, page only ms`]: m(without, 'task') / per100,
    [`${name}: extension's main thread /100 items ms`]: ext('task'),
    [`${name}:   of it script / layout / style ms`]: `${ext('script').toFixed(2)} / ${ext('layout').toFixed(2)} / ${ext('style').toFixed(2)}`,
  };
}

export async function benchFeed(): Promise<Figures> {
  if (!existsSync(join(EXT, 'manifest.json'))) {
    throw new Error(`no Chrome build in ${EXT}: build first (PARAPET_OUT=${process.env.PARAPET_OUT ?? '.output'} npx wxt build)`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const figures: Figures = {
    build: buildFreshness(),
    // Every timing here is wall clock on a shared machine: read it against the load.
    'machine load (1 min avg) / cores': `${loadavg()[0].toFixed(1)} / ${cpus().length}`,
    ...contentScriptFigures(),
  };
  const browser = await launch();
  try {
    await seedBenchProfile(browser);
    for (const site of SITES) {
      Object.assign(figures, decisionFigures(site.platform, await measured(browser.context, site)));
      const loads = await pageLoads(browser.context, site, PAGE_LOADS);
      figures[`${site.platform}: page loads, hidden items painted first`] =
        `${loads.painted} of ${loads.hidden} over ${PAGE_LOADS} loads (${loads.shownFirst} shown first; ${loads.expected} should hide)`;
      if (loads.evidence.length > 0) figures[`${site.platform}:   flashing loads (since nav start)`] = loads.evidence.join('; ');
      figures[`${site.platform}: sampler self-check, no extension`] = await selfCheck(browser.context, site);
      const withExt: Cost[] = [];
      const without: Cost[] = [];
      for (let i = 0; i < COST_RUNS; i++) {
        withExt.push(await mainThread(browser.context, site.url));
        without.push(await mainThread(browser.context, site.baseline));
      }
      Object.assign(figures, costFigures(site.platform, withExt, without));
    }
  } finally {
    await browser.close();
  }
  figures['machine load (1 min avg) at the end'] = loadavg()[0].toFixed(1);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await benchFeed();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(52)} ${typeof v === 'number' ? +v.toFixed(3) : v}`);
}
