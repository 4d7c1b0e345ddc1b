// Which code of the content scripts runs while a feed page loads (issue 24): lazy compilation, not the script's
// own compile, is most of the thread time a page start adds (V8.CompileCode in a trace with the category
// disabled-by-default-v8.compile), and V8 compiles a function in full the first time it is called. So the size of
// the functions called during the load is what a cut of start-up code is measured by, without the noise of timing
// on a busy machine.
//
// One fresh browser, one warm-up load of the bench page (the background wakes), then the measured load under
// precise coverage until load + WAIT ms. Prints the functions called, their own source (a function's text without
// the functions inside it; the bundle's module level, compiled with the script, left out) summed over the
// extension's scripts, then the largest; with BY_MODULE=1, summed by
// source module instead (an unminified build names its modules: .cache/peritem-wxt.config.ts).
//
//   PARAPET_OUT=.output/x [SITE=hackernews|youtube] [TOP=40] [WAIT=300] [BY_MODULE=1] npx tsx scripts/bench-load-coverage.ts
import { launchWithExtension } from '../tests/e2e/harness';
import { hackerNewsPage, youtubeHomePage } from './bench-feed-page';

const site = process.env.SITE ?? 'hackernews';
const url = site === 'youtube' ? 'https://www.youtube.com/' : 'https://news.ycombinator.com/';
const html = site === 'youtube' ? youtubeHomePage() : hackerNewsPage();
const TOP = Number(process.env.TOP ?? 40);

const ext = await launchWithExtension();
try {
  await ext.context.route(`${url}**`, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const warm = await ext.context.newPage();
  await warm.goto(url, { waitUntil: 'load' });
  await warm.waitForTimeout(500);
  await warm.close();
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Debugger.enable');
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(Number(process.env.WAIT ?? 300));
  const { result } = await cdp.send('Profiler.takePreciseCoverage');

  let total = 0;
  let ran = 0;
  const rows: Array<{ own: number; calls: number; name: string }> = [];
  const byModule = new Map<string, { ran: number; all: number }>();
  for (const script of result) {
    if (!script.url.startsWith('chrome-extension://')) continue;
    const file = script.url.split('/').pop()!;
    const text = (await cdp.send('Debugger.getScriptSource', { scriptId: script.scriptId })).scriptSource;
    const modules = [...text.matchAll(/^\t\/\/ ((?:lib|entrypoints|node_modules)\/\S+)/gm)].map((m) => [m.index!, m[1]] as const);
    const moduleAt = (offset: number) => modules.findLast(([at]) => at <= offset)?.[1] ?? '(top)';
    const fns = script.functions.map((f) => ({ name: f.functionName, start: f.ranges[0].startOffset, end: f.ranges[0].endOffset, calls: f.ranges[0].count }));
    // The functions directly inside f: inside it, and inside no other function that is inside it.
    const inside = (f: (typeof fns)[number], g: (typeof fns)[number]) => g !== f && g.start >= f.start && g.end <= f.end;
    for (const f of fns) {
      // The script, and the function that wraps the whole bundle (a parenthesised function, compiled with it).
      if (f.start === 0 || f.end - f.start > 0.9 * text.length) continue;
      const children = fns.filter((g) => inside(f, g) && !fns.some((h) => h !== g && inside(f, h) && inside(h, g)));
      const own = f.end - f.start - children.reduce((n, g) => n + g.end - g.start, 0);
      const m = byModule.get(`${file} ${moduleAt(f.start)}`) ?? { ran: 0, all: 0 };
      byModule.set(`${file} ${moduleAt(f.start)}`, m);
      total += own;
      m.all += own;
      if (f.calls === 0) continue;
      ran += own;
      m.ran += own;
      const line = text.slice(0, f.start).split('\n').length;
      rows.push({ own, calls: f.calls, name: `${f.name || '(anonymous)'} ${file}:${line}` });
    }
  }
  console.log(`${site}: ${rows.length} functions called during the load, own source ${ran} of ${total} chars`);
  if (process.env.BY_MODULE) {
    for (const [k, m] of [...byModule].sort((a, b) => b[1].ran - a[1].ran).slice(0, TOP)) console.log(String(m.ran).padStart(7), String(m.all).padStart(7), k);
  } else {
    for (const r of rows.sort((a, b) => b.own - a.own).slice(0, TOP)) console.log(String(r.own).padStart(7), String(r.calls).padStart(6), r.name);
  }
} finally {
  await ext.close();
}
