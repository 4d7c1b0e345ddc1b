/**
 * Precision and recall of the manipulation detectors on a labelled TSV.
 *
 *   npm run eval:detectors -- [FILE] [--strictness 0.5] [--errors] [--no-bench] [--rules-only]
 *
 * FILE has a header `kind<TAB>label<TAB>text` (kind: rage, engagement, urgency, promotion or clickbait; label 1 or
 * 0) and defaults to tests/data/detectors.tsv. Instead of a file, `usvsthem-valid`, `darkpatterns-apart` and
 * `posts-apart` read the real parts the learned models never trained on (scripts/detectors/sources.ts), as Reddit
 * comments, shop-page text and tweets that link out. --rules-only leaves the learned models out (the figures before
 * them). A row counts as flagged when the detector of its kind reaches the
 * threshold for the given strictness (lib/core/manipulation.ts: thresholdFor).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FeedItem } from '../lib/schema/item';
import { detectAll, detectInContext, itemContext, LANGUAGE_NAMES, DETECTOR_LANGUAGES } from '../lib/core/detectors';
import { SHIPPED_DETECTORS as RULES_ONLY } from '../lib/core/detectors/shipped';
import { loadShippedDetectors } from '../lib/core/detectors/shipped-learned';
import { loadClickbaitModel } from '../lib/core/clickbait/model';
import { thresholdFor } from '../lib/core/manipulation';
import { clickbaitPosts, darkPatterns, usVsThem, type Example } from './detectors/sources';

const KINDS = ['rage', 'engagement', 'urgency', 'promotion', 'clickbait'] as const;
const RULES_ONLY_FLAG = process.argv.includes('--rules-only');
const SHIPPED_DETECTORS = RULES_ONLY_FLAG ? RULES_ONLY : loadShippedDetectors();
const CLICKBAIT = loadClickbaitModel(new Uint8Array(readFileSync(resolve('public/models/clickbait.bin'))));
/** The real parts kept apart, by name: what kind they check and on which site their text would appear. */
const REAL_PARTS: Record<string, () => { kind: Kind; platform: 'reddit' | 'x'; rows: Example[] }> = {
  'usvsthem-valid': () => ({ kind: 'rage', platform: 'reddit', rows: usVsThem('valid') }),
  'darkpatterns-apart': () => ({ kind: 'urgency', platform: 'reddit', rows: darkPatterns('apart') }),
  'posts-apart': () => ({ kind: 'clickbait', platform: 'x', rows: clickbaitPosts('apart') }),
};
type Kind = (typeof KINDS)[number];
type Row = { line: number; kind: Kind; label: 0 | 1; text: string; item: FeedItem };

function parseArgs(argv: string[]) {
  const opts = { file: 'tests/data/detectors.tsv', strictness: 0.5, errors: false, bench: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--strictness') opts.strictness = Number(argv[++i]);
    else if (a === '--errors') opts.errors = true;
    else if (a === '--no-bench') opts.bench = false;
    else if (a === '--rules-only') continue;
    else if (!a.startsWith('--')) opts.file = a;
    else throw new Error(`unknown option ${a}`);
  }
  if (!(opts.strictness >= 0 && opts.strictness <= 1)) throw new Error('--strictness must be between 0 and 1');
  return opts;
}

export function readRows(path: string): Row[] {
  const part = REAL_PARTS[path.slice(path.lastIndexOf('/') + 1)];
  if (part) {
    const { kind, platform, rows } = part();
    // A tweet that links out, as the news accounts' tweets did: a teaser for its link.
    return rows.map((r, n) => ({ line: n + 1, kind, label: r.label, text: r.text, item: FeedItem.parse({ platform, id: `row-${n}`, title: r.text, domain: 'example.com', url: 'https://example.com/a' }) }));
  }
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const header = lines[0].split('\t').map((h) => h.trim().toLowerCase());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${path}: header must have columns kind, label, text (got: ${lines[0]})`);
    return i;
  };
  const [ki, li, ti] = [col('kind'), col('label'), col('text')];
  const rows: Row[] = [];
  for (let n = 1; n < lines.length; n++) {
    if (!lines[n].trim()) continue;
    const cells = lines[n].split('\t');
    const kind = cells[ki]?.trim() as Kind;
    const label = cells[li]?.trim();
    if (!KINDS.includes(kind) || (label !== '0' && label !== '1')) {
      throw new Error(`${path}:${n + 1}: kind must be one of ${KINDS.join(', ')} and label 0 or 1`);
    }
    const text = cells.slice(ti).join('\t');
    rows.push({ line: n + 1, kind, label: label === '1' ? 1 : 0, text, item: FeedItem.parse({ platform: 'reddit', id: `row-${n}`, title: text }) });
  }
  return rows;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '  n/a');

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rows = readRows(resolve(opts.file));
  const threshold = thresholdFor(opts.strictness);
  console.log(`${opts.file}: ${rows.length} rows; strictness ${opts.strictness} -> threshold ${threshold.toFixed(2)}\n`);

  const stats = new Map<Kind, { tp: number; fp: number; fn: number; tn: number }>();
  const byLang = new Map<string, { rows: number; flagged: number; pos: number }>();
  const errors: string[] = [];
  let gateMisses = 0;

  for (const r of rows) {
    const ctx = itemContext(r.item, SHIPPED_DETECTORS.language);
    const dets = detectInContext(r.item, ctx, { rules: SHIPPED_DETECTORS, clickbait: CLICKBAIT });
    const d = dets.find((x) => x.kind === r.kind);
    const flagged = !!d && d.confidence >= threshold;
    const s = stats.get(r.kind) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    if (r.label === 1) flagged ? s.tp++ : s.fn++;
    else flagged ? s.fp++ : s.tn++;
    stats.set(r.kind, s);

    const lang = ctx.english && ctx.lang === 'und' ? 'und(latin: read as en)' : ctx.lang;
    const l = byLang.get(lang) ?? { rows: 0, flagged: 0, pos: 0 };
    l.rows++;
    if (flagged) l.flagged++;
    if (r.label === 1) l.pos++;
    byLang.set(lang, l);

    if (flagged !== (r.label === 1)) {
      const why = d ? `${d.confidence.toFixed(2)} ${d.code} [${d.evidence.join(' | ')}]` : 'nothing found';
      errors.push(`${r.label ? 'MISS' : 'FALSE'} ${r.kind.padEnd(10)} ${lang.padEnd(3)} ${why}\n     ${r.text}`);
    }
    // Rules run only when a trigger word is present: check that no gate hides a match.
    const ungated = detectInContext(r.item, ctx, { rules: SHIPPED_DETECTORS, clickbait: CLICKBAIT }, true).find((x) => x.kind === r.kind);
    if ((ungated?.confidence ?? 0) !== (d?.confidence ?? 0)) {
      gateMisses++;
      errors.push(`GATE ${r.kind}: gated ${d?.confidence ?? 0} vs ungated ${ungated?.confidence} (${ungated?.code}) line ${r.line}\n     ${r.text}`);
    }
  }

  console.log('kind        pos  neg   TP  FP  FN  precision  recall     F1    languages read');
  let all = { tp: 0, fp: 0, fn: 0 };
  for (const k of KINDS) {
    const s = stats.get(k);
    if (!s) continue;
    const p = s.tp / (s.tp + s.fp);
    const rc = s.tp / (s.tp + s.fn);
    const f1 = (2 * p * rc) / (p + rc);
    all = { tp: all.tp + s.tp, fp: all.fp + s.fp, fn: all.fn + s.fn };
    const cov = DETECTOR_LANGUAGES[k];
    console.log(
      `${k.padEnd(10)} ${String(s.tp + s.fn).padStart(4)} ${String(s.fp + s.tn).padStart(4)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}     ${pct(p).padStart(6)}  ${pct(rc).padStart(6)}  ${pct(f1).padStart(6)}   ${cov.languages.join(',')}${cov.anyLanguage ? ' + links/hashtags in any' : ''}`,
    );
  }
  const P = all.tp / (all.tp + all.fp);
  const R = all.tp / (all.tp + all.fn);
  console.log(`${'all'.padEnd(10)} ${''.padStart(24)}     ${pct(P).padStart(6)}  ${pct(R).padStart(6)}  ${pct((2 * P * R) / (P + R)).padStart(6)}`);

  console.log('\nby detected language (flagged = flagged for the row\'s own kind):');
  for (const [lang, l] of [...byLang].sort((a, b) => b[1].rows - a[1].rows)) {
    const name = LANGUAGE_NAMES[lang] ?? '';
    console.log(`  ${lang.padEnd(24)} ${name.padEnd(11)} rows ${String(l.rows).padStart(4)}  positives ${String(l.pos).padStart(4)}  flagged ${String(l.flagged).padStart(4)}`);
  }
  if (gateMisses) console.log(`\nWARNING: ${gateMisses} rows where a trigger gate hid a match (see --errors)`);

  if (opts.errors) console.log(`\n${errors.join('\n')}`);
  else if (errors.length) console.log(`\n${errors.length} misclassified rows: add --errors to list them`);

  if (opts.bench) bench(rows);
}

function bench(rows: Row[]) {
  const items = rows.map((r) => r.item);
  const run = (list: FeedItem[]) => {
    let n = 0;
    const t0 = process.hrtime.bigint();
    let elapsed = 0n;
    while (elapsed < 400_000_000n) {
      for (const it of list) detectAll(it, { rules: SHIPPED_DETECTORS });
      n += list.length;
      elapsed = process.hrtime.bigint() - t0;
    }
    return Number(elapsed) / 1000 / n;
  };
  for (let i = 0; i < 3; i++) for (const it of items) detectAll(it, { rules: SHIPPED_DETECTORS }); // warm the JIT
  const meanChars = items.reduce((a, it) => a + it.title.length, 0) / items.length;
  console.log(`\nspeed: ${run(items).toFixed(2)} us per item (all four rule detectors + language + promoted marker; mean ${meanChars.toFixed(0)} chars; clickbait model not included)`);
  const long = items.map((it) => ({ ...it, text: `${it.title} `.repeat(8) }));
  console.log(`speed: ${run(long).toFixed(2)} us per item with a ~${Math.round(long[0].text.length)}-char body added`);
}

main();
