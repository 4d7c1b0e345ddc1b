// What V8 optimises, and throws away, in the page while the bench's feed is appended (issue 24): the page-cost
// bench's feed (TOTAL items in batches of 20, then 1.5 s) on one fresh page per configuration, with V8's
// --trace-opt --trace-deopt. Per configuration, for the page's renderer: functions compiled by each tier (Maglev,
// TurboFan), those compiled more than once (a deopt and re-optimisation loop, or a function made anew per call),
// every deopt with its reason, and the functions whose compiles took longest. probe-feed-trace.ts says how much
// thread time the compiling takes; this says what is compiled, and whether again and again.
//
//   PROBE_CONFIGS='.output/a:default;.output/a:large' [PROBE_SITE=youtube|hackernews] [TOTAL=1000] [TOP=25] npx tsx scripts/probe-feed-opt.ts
//
// Function names are the built script's: build with minify off to read them (a scratch worktree whose
// wxt.config.ts vite() returns `build: { minify: false }` as well). Compile times are the wall times V8 prints
// (prepare, run on a background thread, finalise): on a loaded machine they stretch; the counts do not.
//
// What it showed (2026-12-05, build of 2ed2a2f with minify off, load 3.5-11; YouTube / Hacker News): per page,
// about 100-115 compiles with the default profile and 140-190 with the large one, each function compiled once
// (a few twice: a deopt for feedback it had not seen yet, 1-5 per page), the same count for 1,000 and 2,000 items
// (107 / 117, 97 / 109 with the default profile): the cost is one per page, not per item. TurboFan compiles only
// the hot loops (FeatureExtractor.extract, tokenize, the models' score and combine); extract's is the largest
// single compile. The only deopt seen again and again: detectInContext's "unexpected name in keyed access" (the
// detector explanations looked up by code) on Hacker News with the large profile, once or twice per page.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchFeedBrowser } from './bench-feed-browser';
import { FEED, hackerNewsPage, runFeed, youtubeHomePage } from './bench-feed-page';

const site = process.env.PROBE_SITE ?? 'youtube';
const url = site === 'youtube' ? 'https://www.youtube.com/' : 'https://news.ycombinator.com/';
const html = site === 'youtube' ? youtubeHomePage() : hackerNewsPage();
const total = Number(process.env.TOTAL ?? FEED.total);
const top = Number(process.env.TOP ?? 25);
const configs = (process.env.PROBE_CONFIGS ?? '.output:default').split(';');
// V8 writes its traces to code-<pid>-<isolate>.asm in the browser's working folder, one file per isolate, each line
// written as it happens (on stdout, a renderer's lines are buffered and mixed with the other processes').
const V8_FLAGS = '--js-flags=--trace-opt --trace-deopt --redirect-code-traces';
/** Made hot in the page before the feed, so that its name in a trace tells which file is the page's renderer. */
const MARKER = 'parapetProbeMarker';

interface Tally {
  compiles: Map<string, number>;
  ms: Map<string, number>;
  /** Per function (name and shared function info), how many times it was compiled, any tier. */
  perFunction: Map<string, number>;
  deopts: Map<string, number>;
}

function tally(text: string): Tally {
  const t: Tally = { compiles: new Map(), ms: new Map(), perFunction: new Map(), deopts: new Map() };
  const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
  for (const line of text.split('\n')) {
    const c = /^\[completed compiling \S+ <JSFunction (\S*) \(sfi = (\S+)\)> \(target (\w+)\)( OSR)? - took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line);
    if (c) {
      const key = `${c[1]} ${c[3]}${c[4] ?? ''}`;
      bump(t.compiles, key);
      bump(t.ms, key, Number(c[5]) + Number(c[6]) + Number(c[7]));
      bump(t.perFunction, `${c[1]} (sfi ${c[2]})`);
      continue;
    }
    const d = /^\[bailout \(kind: ([\w-]+), reason: ([^)]*)\): begin\. deoptimizing \S+ <JSFunction (\S*) \(sfi = \S+\)>, \S+ <Code (\w+)>/.exec(line);
    if (d) bump(t.deopts, `${d[3]} ${d[4]}: ${d[1]}, ${d[2]}`);
  }
  return t;
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);

const home = process.cwd();
for (const cfg of configs) {
  const traces = mkdtempSync(join(tmpdir(), 'parapet-opt-'));
  // The browser, and the renderers it starts, write their traces where they run.
  process.chdir(traces);
  const { context, dir } = await launchFeedBrowser(cfg, [{ url, html }], [V8_FLAGS]).finally(() => process.chdir(home));
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    // A long loop: V8 compiles the function that runs it, under its name, while it runs.
    await page.evaluate(`(() => { function ${MARKER}() { let s = 0; for (let i = 0; i < 1e6; i++) s = (s + i) % 1009; return s; } return ${MARKER}(); })()`);
    await page.waitForTimeout(1500);
    const sizes = () => new Map(readdirSync(traces).map((f) => [f, statSync(join(traces, f)).size] as const));
    const before = sizes();
    await runFeed(page, total);
    await page.waitForTimeout(1500);
    const during = new Map<string, string>();
    for (const [f, size] of sizes()) {
      const from = before.get(f) ?? 0;
      if (size > from) during.set(f, readFileSync(join(traces, f)).subarray(from, size).toString('utf8'));
    }
    const pageFile = readdirSync(traces).find((f) => readFileSync(join(traces, f), 'utf8').includes(`<JSFunction ${MARKER} `));
    await page.close();

    console.log(`\n== ${cfg}, ${site}, ${total} items: compiles and deopts while the feed was appended`);
    for (const [f, text] of during) {
      const t = tally(text);
      console.log(`${f === pageFile ? 'the page' : 'other process'} (${f}): ${sum(t.compiles)} compiles, ${sum(t.deopts)} deopts, ${sum(t.ms).toFixed(1)} ms of compiling (wall)`);
    }
    if (!pageFile) {
      console.log('the page renderer wrote no trace');
      continue;
    }
    const t = tally(during.get(pageFile) ?? '');
    const tiers = new Map<string, number>();
    for (const [k, n] of t.compiles) tiers.set(k.split(' ').slice(1).join(' '), (tiers.get(k.split(' ').slice(1).join(' ')) ?? 0) + n);
    console.log(`the page, by tier: ${sorted(tiers).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    const again = sorted(t.perFunction).filter(([, n]) => n > 1);
    console.log(`functions compiled more than once: ${again.length ? again.map(([k, n]) => `${k} x${n}`).join(', ') : 'none'}`);
    console.log('deopts:');
    for (const [k, n] of sorted(t.deopts)) console.log(`  ${String(n).padStart(3)}  ${k}`);
    console.log(`longest compiles (wall ms, count):`);
    for (const [k, ms] of sorted(t.ms).slice(0, top)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${String(t.compiles.get(k)).padStart(2)}  ${k}`);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(traces, { recursive: true, force: true });
  }
}
