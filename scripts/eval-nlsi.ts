/**
 * Measures the standing-instruction selector on NLSI-format data (see ../shared/data/README.md).
 *   npm run eval:nlsi -- [FILE] [--threshold 0.5] [--min-share 0.5] [--errors] [--user-only] [--cv 5] [--no-meaning]
 *                          [--paraphrase] [--type override] [--model public/models/meaning.bin]
 * --cv K: K-fold cross-validation of the two tuning knobs (threshold, min-share): each fold's settings are
 * chosen on the other folds, so the figure shows what tuning on this file is worth on examples it did not see.
 * FILE defaults to ../shared/data/nlsi/dev.jsonl. Metric as in NLSI: strings lowercased and stripped of
 * punctuation; per-example set precision, recall and F1 averaged over examples; exact match = equal sets;
 * an example whose gold set and prediction are both empty scores 1.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CHAT_SITES } from '../lib/schema/common';
import type { Instruction } from '../lib/schema/profile';
import { defaultLexicon } from '../lib/core/instructions/default-lexicon';
import { DEFAULT_MIN_SHARE } from '../lib/core/instructions/relate';
import { DEFAULT_THRESHOLD, selectInstructions, type SelectOptions } from '../lib/core/instructions/select';
import { MeaningModel } from '../lib/core/meaning/model';
import { goldFromCalls } from './nlsi/gold-from-calls';

interface Row {
  example_id?: number;
  example_type?: string;
  user_utterance: string;
  user_profile: string[];
  applicable_standing_instructions: string[];
  api_calls?: string[];
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const VALUED = ['--threshold', '--min-share', '--cv', '--type', '--model'];
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && VALUED.includes(args[i - 1])));
const ROOT = path.resolve(import.meta.dirname, '..');
const file = path.resolve(process.cwd(), positional[0] ?? path.join(ROOT, '../shared/data/nlsi/dev.jsonl'));
const threshold = Number(option('--threshold') ?? DEFAULT_THRESHOLD);
const minShare = Number(option('--min-share') ?? DEFAULT_MIN_SHARE);

const normalise = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim();

/** Dialogue text without speaker labels; with --user-only, the user's turns alone. */
function messageOf(utterance: string): string {
  return utterance
    .split('\n')
    .filter((line) => !flag('--user-only') || !/^\s*agent:/i.test(line))
    .map((line) => line.replace(/^\s*(user|agent):\s*/i, ''))
    .join('\n');
}

interface Score {
  em: number;
  p: number;
  r: number;
  f1: number;
}
function scoreSets(pred: string[], gold: string[]): Score {
  const P = new Set(pred.map(normalise));
  const G = new Set(gold.map(normalise));
  const hits = [...P].filter((x) => G.has(x)).length;
  const em = P.size === G.size && hits === G.size ? 1 : 0;
  if (!P.size && !G.size) return { em, p: 1, r: 1, f1: 1 };
  const p = P.size ? hits / P.size : 0;
  const r = G.size ? hits / G.size : 0;
  return { em, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
function mean(scores: Score[]): Score {
  const n = scores.length || 1;
  const sum = (k: keyof Score) => scores.reduce((a, s) => a + s[k], 0) / n;
  return { em: sum('em'), p: sum('p'), r: sum('r'), f1: sum('f1') };
}
const fmt = (s: Score) => `EM ${s.em.toFixed(3)}  P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;

// --type T keeps the examples of one type.
const rows: Row[] = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const only = option('--type');
if (only) rows.splice(0, rows.length, ...rows.filter((r) => r.example_type === only));

// A gold answer must be among the user's instructions. Where a file's is not (base-paraphrase.jsonl holds another
// list in that field), it is rebuilt from the example's API calls, as NLSI built the calls from the answer; the
// rebuild agrees with every gold answer of dev.jsonl.
let rebuilt = 0;
for (const row of rows) {
  const profile = new Set(row.user_profile.map(normalise));
  if (row.api_calls && row.applicable_standing_instructions.some((g) => !profile.has(normalise(g)))) {
    row.applicable_standing_instructions = goldFromCalls(row.user_profile, row.api_calls);
    rebuilt++;
  }
}

// --paraphrase: the instructions are replaced by hand-written paraphrases where scripts/nlsi/paraphrases.json has
// one (the override examples of base-paraphrase.jsonl, whose instructions are NLSI's templates).
if (flag('--paraphrase')) {
  const table = (JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/nlsi/paraphrases.json'), 'utf8')) as { paraphrases: Record<string, string> }).paraphrases;
  const say = (t: string) => table[createHash('sha1').update(t).digest('hex').slice(0, 12)] ?? t;
  for (const row of rows) {
    row.user_profile = row.user_profile.map(say);
    row.applicable_standing_instructions = row.applicable_standing_instructions.map(say);
  }
}

const lexicon = defaultLexicon();
const cases = rows.map((row) => ({
  row,
  message: messageOf(row.user_utterance),
  instructions: row.user_profile.map(
    (text, k): Instruction => ({ id: `i${k}`, text, sites: [...CHAT_SITES], enabled: true, scope: { type: 'auto' } }),
  ),
}));

/** Scores each case; the mean time per message is that of this pass. */
function evaluate(list: typeof cases, opts: SelectOptions, report = false): { scores: Score[]; ms: number } {
  const scores: Score[] = [];
  let elapsed = 0;
  for (const { row, message, instructions } of list) {
    const t0 = performance.now();
    const picked = selectInstructions(message, instructions, 'chatgpt', opts);
    elapsed += performance.now() - t0;
    const pred = picked.map((s) => s.instruction.text);
    const s = scoreSets(pred, row.applicable_standing_instructions);
    scores.push(s);
    if (report && s.em < 1) {
      const gold = new Set(row.applicable_standing_instructions.map(normalise));
      console.log(`--- ${row.example_id ?? ''} ${row.example_type ?? 'all'}: ${message.replace(/\n+/g, ' / ')}`);
      for (const sel of picked) if (!gold.has(normalise(sel.instruction.text))) console.log(`  + ${sel.instruction.text}   [${sel.score.toFixed(2)} ${sel.why}]`);
      const chosen = new Set(pred.map(normalise));
      for (const g of row.applicable_standing_instructions) if (!chosen.has(normalise(g))) console.log(`  - ${g}`);
    }
  }
  return { scores, ms: elapsed / Math.max(1, list.length) };
}

// The meaning model, as the background holds it (--model FILE: another build of it); --no-meaning measures the
// selector without it.
const MODEL = path.resolve(process.cwd(), option('--model') ?? path.join(ROOT, 'public/models/meaning.bin'));
const meaning = !flag('--no-meaning') && fs.existsSync(MODEL) ? MeaningModel.fromBytes(new Uint8Array(fs.readFileSync(MODEL))) : undefined;
const opts: SelectOptions = { lexicon, threshold, minShare, meaning };
// The first pass meets every profile and most words for the first time (nothing prepared, nothing cached,
// code not yet optimised); a user's profile is the same on every send, so the second pass is the usual case.
const first = evaluate(cases, opts, flag('--errors'));
const again = evaluate(cases, opts);
const byType = new Map<string, Score[]>();
cases.forEach(({ row }, i) => {
  const type = row.example_type ?? 'all';
  byType.set(type, [...(byType.get(type) ?? []), first.scores[i]]);
});

const all = mean(first.scores);
const none = mean(rows.map((r) => scoreSets([], r.applicable_standing_instructions)));
const every = mean(rows.map((r) => scoreSets(r.user_profile, r.applicable_standing_instructions)));
console.log(`${path.relative(process.cwd(), file)}: ${rows.length} examples, threshold ${threshold}, min-share ${minShare}, meaning model ${meaning ? 'on' : 'off'}`);
if (rebuilt) console.log(`  gold rebuilt from api_calls for ${rebuilt} examples (their gold field is not among their instructions)`);
for (const [type, list] of [...byType].sort()) console.log(`  ${type.padEnd(22)} n=${String(list.length).padStart(3)}  ${fmt(mean(list))}`);
console.log(`  select none            ${fmt(none)}`);
console.log(`  select all             ${fmt(every)}`);
console.log(`selector                 ${fmt(all)}`);
console.log(`mean time per message    ${first.ms.toFixed(3)} ms first pass (cold), ${again.ms.toFixed(3)} ms second pass`);

const folds = Number(option('--cv') ?? 0);
if (folds > 1) {
  const grid: SelectOptions[] = [];
  for (const t of [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]) for (const m of [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) grid.push({ lexicon, threshold: t, minShare: m, meaning });
  // Every setting's score on every example, once; folds only choose among them.
  const table = grid.map((g) => evaluate(cases, g).scores);
  // Folds by a fixed shuffle of the examples, so neighbouring rows of one dialogue do not share a fold.
  const order = cases.map((_, i) => i).sort((a, b) => ((a * 7919) % 1009) - ((b * 7919) % 1009) || a - b);
  const held: Score[] = [];
  const chosen: string[] = [];
  for (let f = 0; f < folds; f++) {
    const test = new Set(order.filter((_, k) => k % folds === f));
    const trainF1 = (g: number) => mean(table[g].filter((_, i) => !test.has(i))).f1;
    let best = 0;
    for (let g = 1; g < grid.length; g++) if (trainF1(g) > trainF1(best) + 1e-9) best = g;
    chosen.push(`${grid[best].threshold}/${grid[best].minShare}`);
    for (const i of test) held.push(table[best][i]);
  }
  let bestAll = 0;
  for (let g = 1; g < grid.length; g++) if (mean(table[g]).f1 > mean(table[bestAll]).f1 + 1e-9) bestAll = g;
  console.log(`${folds}-fold cross-validated  ${fmt(mean(held))}   (settings chosen per fold, threshold/min-share: ${chosen.join(' ')})`);
  console.log(`best setting on all rows ${fmt(mean(table[bestAll]))}   (threshold ${grid[bestAll].threshold}, min-share ${grid[bestAll].minShare}: tuned on what it is scored on)`);
}
