// A feed page's start in Firefox (issue 24; the page-cost bench drives Chromium only): the bench's Hacker News page
// loaded in firefox-esr without Parapet and with each build, a fresh browser per configuration per round, LOADS
// loads each. From a script the page runs first (it sees only the page's own world): DOMContentLoaded, a site's
// own handler of it (added once the page is parsed: it runs after every content script's), when the
// first item gets Parapet's "wait" (the feed script took the early hold) and its first decision, and the load event,
// in ms from navigation start. Medians and ranges per configuration.
//
//   BUILDS=.output/a,.output/b [ROUNDS=4] [LOADS=3] npx tsx scripts/probe-firefox-start.ts    (each built with -b firefox)
//
// What it showed (2026-12-06, load 2-3, ROUNDS=6 LOADS=4): DOMContentLoaded 133 ms without Parapet; 200 (x1.50)
// with the feed script setting up where Firefox runs document_end scripts, just before the event; 175 (x1.31) once
// it waits a task (content.ts runFeedShieldOnceParsed); the first decision 307 -> 313. Over four runs (54 loads
// each) DOMContentLoaded came 18 ms sooner and the first decision 8 ms later, about the noise. The document_start
// script alone, which holds the items while the page is parsed, costs about 25 ms of it (a build without the feed
// script: 150 against 125).
// Then (2026-12-06, load 1.2-2.8, same settings, two runs) the content scripts stopped reading `runtime` at
// document_start (lib/content-script/browser.ts, context.ts): DOMContentLoaded 166 -> 145 and 166 -> 158 ms (x1.28 ->
// x1.12 and x1.22 over 129-130 without Parapet), the first decision 291 -> 257 and 286 -> 275.
// Then the start script stopped touching the API object itself as it loaded (the `browser` global is built on
// first read, ~6 ms: lib/content-script/browser.ts), and its reads for the feed script are set up a task after
// DOMContentLoaded instead of inside it (Firefox builds the storage and runtime APIs on first use, ~15 ms; they ran
// ahead of the site's handlers). "site's handler" is a DOMContentLoaded handler the page adds once parsed, after
// every content script's: 177 -> 140 ms (121 without Parapet, x1.16), load 184 -> 151, first decision 266 -> 263
// (6 rounds x 4 loads, build of 46d31a3 against its change).
// Measured and not taken: the models kept for Firefox tabs as bytes instead of base64 text (Firefox's storage.local
// keeps a Uint8Array as it is; a content script read 750 KB of bytes in 12-48 ms, median 19, the same as 1 MB of
// base64 in 25-110, median 36, then ~3 ms to decode). The first decision did not move (288 vs 289 ms, 8 rounds x 4):
// the read is done before the feed script takes the hold, which is what the first decision waits for.
import { hackerNewsPage } from './bench-feed-page';
import { launchFirefoxWith } from './bench-firefox-browser';
import { servePages } from '../tests/e2e/firefox-helpers';
import { median } from './stats';

const builds = ['none', ...(process.env.BUILDS ?? '.output').split(',')];
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const LOADS = Number(process.env.LOADS ?? 3);
const URL = 'https://news.ycombinator.com/';
const html = hackerNewsPage();

/** Runs in the page before its own scripts. */
const RECORD = `(() => {
  const at = (window.parapetProbe = {});
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.target.getAttribute('data-parapet') === 'wait') at.held ??= performance.now();
      else at.decided ??= performance.now();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-parapet'] });
  document.addEventListener('DOMContentLoaded', () => (at.dcl = performance.now()));
  // A site's handler added once the page is parsed, so after every content script's: what the site's own
  // DOMContentLoaded work waits for.
  document.addEventListener('readystatechange', () => document.readyState === 'interactive' &&
    document.addEventListener('DOMContentLoaded', () => (at.siteDcl = performance.now())));
  addEventListener('load', () => (at.load = performance.now()));
})();`;

type Sample = { dcl?: number; siteDcl?: number; held?: number; decided?: number; load?: number };
const samples = new Map<string, Sample[]>(builds.map((b) => [b, []]));

for (let round = 0; round < ROUNDS; round++) {
  for (const build of builds) {
    const browser = await launchFirefoxWith(build);
    try {
      for (let i = 0; i < LOADS; i++) {
        const page = await browser.newPage();
        await servePages(page, { [URL]: () => html });
        await page.evaluateOnNewDocument(RECORD);
        await page.goto(URL, { waitUntil: 'load' });
        await new Promise((r) => setTimeout(r, 800));
        samples.get(build)!.push(await page.evaluate(() => (window as unknown as { parapetProbe: Sample }).parapetProbe));
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }
}

const noneDcl = median(samples.get('none')!.map((s) => s.dcl!));
console.log(`Firefox, HN bench page, ${ROUNDS} rounds x ${LOADS} loads; ms from navigation start, median (range)`);
for (const [build, xs] of samples) {
  const fig = (k: keyof Sample) => {
    const v = xs.map((s) => s[k]).filter((x): x is number => x !== undefined);
    return v.length ? `${median(v).toFixed(0)} (${Math.min(...v).toFixed(0)}-${Math.max(...v).toFixed(0)})` : '-';
  };
  const ratio = build === 'none' ? '' : ` x${(median(xs.map((s) => s.dcl!)) / noneDcl).toFixed(2)}`;
  console.log(`${build.padEnd(16)} DOMContentLoaded ${fig('dcl')}${ratio}  site's handler ${fig('siteDcl')}  held ${fig('held')}  first decided ${fig('decided')}  load ${fig('load')}`);
}
