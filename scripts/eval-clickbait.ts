// npm run eval:clickbait [-- FILE] [--case]
// Evaluates the shipped public/models/clickbait.bin on a `label<TAB>headline` TSV (default: the held-out part of
// ../shared/data/clickbait/dev.tsv) and prints accuracy, precision/recall/F1 for the clickbait class, load time
// and single-thread headlines per second. --case adds how the verdict holds when capitalisation is changed.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadClickbaitModel, type ClickbaitModel } from '../lib/core/clickbait/model';
import { FEED_TITLES, FEED_TITLES_HN_HOLDOUT, FEED_TITLES_HN_PROBE, FEED_TITLES_HOLDOUT, tallyFeedTitles } from './eval-feed-titles';
import {
  binaryMetrics,
  isHeldOut,
  parseClickbaitTsv,
  sentenceCase,
  titleCase,
  type BinaryMetrics,
  type LabelledHeadline,
} from '../lib/core/clickbait/train';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODEL = resolve(ROOT, 'public/models/clickbait.bin');
const DEV = resolve(ROOT, '../shared/data/clickbait/dev.tsv');

function pct(x: number): string {
  return (100 * x).toFixed(2) + '%';
}

/** `asOnYouTube`: read as the detectors read a YouTube title (every-word capitals in sentence case). */
function metricsOf(model: ClickbaitModel, rows: readonly LabelledHeadline[], asOnYouTube = false): BinaryMetrics {
  const score = (h: string) => model.score(h, asOnYouTube);
  return binaryMetrics(
    rows.map((r) => (score(r.headline) > 0.5 ? 1 : 0)),
    rows.map((r) => r.label),
  );
}

// Words news desks leave lowercase in Title Case headlines (AP/NYT style).
const MINOR_WORDS = new Set('a an the and but or nor for of to in on at by as up via vs with from into over per'.split(' '));

/** Title Case as news sites write it, unlike titleCase(), which capitalises every word as BuzzFeed does. */
function newsTitleCase(s: string): string {
  return s.replace(/[\p{L}\p{N}'’]+/gu, (w: string, at: number) =>
    at > 0 && MINOR_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1),
  );
}

function heldOutRows(): LabelledHeadline[] {
  return parseClickbaitTsv(readFileSync(DEV, 'utf8')).filter((r) => isHeldOut(r.headline));
}

interface Timing {
  loadMs: number;
  wallPerSecond: number;
  cpuPerSecond: number;
}

/** Load time (mean of many loads) and scoring speed: every headline scored repeatedly for about `ms`. */
function time(bytes: Uint8Array, rows: readonly LabelledHeadline[], ms: number): Timing {
  const LOADS = 200;
  let t0 = performance.now();
  for (let i = 0; i < LOADS; i++) loadClickbaitModel(bytes);
  const loadMs = (performance.now() - t0) / LOADS;
  const model = loadClickbaitModel(bytes);
  let sink = 0;
  for (const r of rows) sink += model.score(r.headline);
  let scored = 0;
  let elapsed = 0;
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  while (elapsed < ms) {
    for (const r of rows) sink += model.score(r.headline);
    scored += rows.length;
    elapsed = performance.now() - t0;
  }
  const cpu = process.cpuUsage(cpu0);
  if (Number.isNaN(sink)) throw new Error('a score was NaN');
  return {
    loadMs,
    wallPerSecond: (scored / elapsed) * 1000,
    // On a shared machine wall time includes waiting for a core; CPU time is what the process actually used.
    cpuPerSecond: (scored / ((cpu.user + cpu.system) / 1000)) * 1000,
  };
}

/** For `npm run bench` (scripts/bench.ts imports it through scripts/bench-clickbait.ts). */
export async function benchClickbait(): Promise<Record<string, number | string>> {
  const bytes = new Uint8Array(readFileSync(MODEL));
  const rows = heldOutRows();
  const model = loadClickbaitModel(bytes);
  const m = metricsOf(model, rows);
  const t = time(bytes, rows, 1000);
  return {
    'model bytes': bytes.length,
    'load ms': t.loadMs,
    'held-out headlines': m.n,
    'held-out accuracy': m.accuracy,
    'clickbait precision': m.precision,
    'clickbait recall': m.recall,
    'clickbait F1': m.f1,
    'headlines/second (wall clock)': Math.round(t.wallPerSecond),
    'headlines/second (per CPU-second)': Math.round(t.cpuPerSecond),
    ...feedTitleFigures(model),
  };
}

/** The label as each site's users see it (npm run eval:feed-titles), at the default strictness. */
function feedTitleFigures(model: ClickbaitModel): Record<string, string> {
  const out: Record<string, string> = {};
  const sets = [['feed titles', FEED_TITLES], ['feed titles (holdout)', FEED_TITLES_HOLDOUT], ['feed titles (HN essay probe)', FEED_TITLES_HN_PROBE], ['feed titles (HN holdout)', FEED_TITLES_HN_HOLDOUT]] as const;
  for (const [name, file] of sets) {
    for (const [platform, t] of tallyFeedTitles(file, model, 0.5).tally) {
      out[`${name}, ${platform}: ordinary labelled / bait labelled`] = `${t.ordinaryLabelled} of ${t.ordinary} / ${t.bait ? `${t.baitLabelled} of ${t.bait}` : 'none in the set'}`;
    }
  }
  return out;
}

function main(): void {
  const fileArg = process.argv.slice(2).find((a) => !a.startsWith('-'));
  // npm runs scripts from the project root; a FILE given on the command line is relative to where npm was called.
  const file = fileArg ? resolve(process.env.INIT_CWD ?? process.cwd(), fileArg) : DEV;
  const rows = fileArg ? parseClickbaitTsv(readFileSync(file, 'utf8')) : heldOutRows();
  if (rows.length === 0) throw new Error(`no labelled rows in ${file}`);

  const bytes = new Uint8Array(readFileSync(MODEL));
  const model = loadClickbaitModel(bytes);
  const m = metricsOf(model, rows);
  const t = time(bytes, rows, 1000);
  const meanChars = rows.reduce((a, r) => a + r.headline.length, 0) / rows.length;
  console.log(`model ${MODEL.slice(ROOT.length + 1)}: ${bytes.length} bytes, loads in ${t.loadMs.toFixed(3)} ms`);
  console.log(`data ${fileArg ? file : 'dev.tsv held-out part'}: ${m.n} headlines, mean ${meanChars.toFixed(0)} characters`);
  console.log(
    `accuracy ${pct(m.accuracy)}  clickbait precision ${pct(m.precision)}  recall ${pct(m.recall)}  F1 ${pct(m.f1)}` +
      `  (tp ${m.tp} fp ${m.fp} tn ${m.tn} fn ${m.fn})`,
  );
  console.log(
    `speed ${Math.round(t.wallPerSecond).toLocaleString('en')} headlines/second wall clock, ` +
      `${Math.round(t.cpuPerSecond).toLocaleString('en')} per CPU-second (one thread)`,
  );

  // How much the verdict leans on capitalisation, which real feeds do not follow as dev.tsv does.
  if (process.argv.includes('--case')) {
    const news = rows.filter((r) => r.label === 0);
    const bait = rows.filter((r) => r.label === 1);
    const acc = (rs: LabelledHeadline[]) => pct(metricsOf(model, rs).accuracy);
    console.log(
      `case changed: news in news-style Title Case ${acc(news.map((r) => ({ ...r, headline: newsTitleCase(r.headline) })))}` +
        `  news with Every Word Capitalised ${acc(news.map((r) => ({ ...r, headline: titleCase(r.headline) })))}` +
        `  clickbait in sentence case ${acc(bait.map((r) => ({ ...r, headline: sentenceCase(r.headline) })))}` +
        `  all lowercase ${acc(rows.map((r) => ({ ...r, headline: r.headline.toLowerCase() })))}`,
    );
    // On YouTube, where every word is capitalised by custom, such a title is read in sentence case.
    const onYouTube = (rs: LabelledHeadline[]) => pct(metricsOf(model, rs, true).accuracy);
    console.log(
      `read as on YouTube: news with Every Word Capitalised ${onYouTube(news.map((r) => ({ ...r, headline: titleCase(r.headline) })))}` +
        `  clickbait as written ${onYouTube(bait)}  all as written ${onYouTube(rows)}`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
