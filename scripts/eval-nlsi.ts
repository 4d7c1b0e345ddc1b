/**
 * Measures the standing-instruction selector on NLSI-format data (see ../shared/data/README.md).
 *   npm run eval:nlsi -- [FILE] [--threshold 0.5] [--errors] [--user-only]
 * FILE defaults to ../shared/data/nlsi/dev.jsonl. Metric as in NLSI: strings lowercased and stripped of
 * punctuation; per-example set precision, recall and F1 averaged over examples; exact match = equal sets;
 * an example whose gold set and prediction are both empty scores 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CHAT_SITES } from '../lib/schema/common';
import type { Instruction } from '../lib/schema/profile';
import { defaultLexicon } from '../lib/core/instructions/default-lexicon';
import { DEFAULT_THRESHOLD, selectInstructions } from '../lib/core/instructions/select';

interface Row {
  example_id?: number;
  example_type?: string;
  user_utterance: string;
  user_profile: string[];
  applicable_standing_instructions: string[];
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--threshold'));
const ROOT = path.resolve(import.meta.dirname, '..');
const file = path.resolve(process.cwd(), positional[0] ?? path.join(ROOT, '../shared/data/nlsi/dev.jsonl'));
const threshold = Number(option('--threshold') ?? DEFAULT_THRESHOLD);

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

const rows: Row[] = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const lexicon = defaultLexicon();
const scores: Score[] = [];
const byType = new Map<string, Score[]>();
let elapsed = 0;
let selections = 0;
for (const row of rows) {
  const instructions: Instruction[] = row.user_profile.map((text, k) => ({
    id: `i${k}`,
    text,
    sites: [...CHAT_SITES],
    enabled: true,
    scope: { type: 'auto' },
  }));
  const message = messageOf(row.user_utterance);
  const t0 = performance.now();
  const picked = selectInstructions(message, instructions, 'chatgpt', { lexicon, threshold });
  elapsed += performance.now() - t0;
  selections++;
  const pred = picked.map((s) => s.instruction.text);
  const s = scoreSets(pred, row.applicable_standing_instructions);
  scores.push(s);
  const type = row.example_type ?? 'all';
  byType.set(type, [...(byType.get(type) ?? []), s]);
  if (flag('--errors') && s.em < 1) {
    const gold = new Set(row.applicable_standing_instructions.map(normalise));
    console.log(`--- ${row.example_id ?? ''} ${type}: ${message.replace(/\n+/g, ' / ')}`);
    for (const sel of picked) if (!gold.has(normalise(sel.instruction.text))) console.log(`  + ${sel.instruction.text}   [${sel.score.toFixed(2)} ${sel.why}]`);
    const chosen = new Set(pred.map(normalise));
    for (const g of row.applicable_standing_instructions) if (!chosen.has(normalise(g))) console.log(`  - ${g}`);
  }
}

const all = mean(scores);
const none = mean(rows.map((r) => scoreSets([], r.applicable_standing_instructions)));
const every = mean(rows.map((r) => scoreSets(r.user_profile, r.applicable_standing_instructions)));
console.log(`${path.relative(process.cwd(), file)}: ${rows.length} examples, threshold ${threshold}`);
for (const [type, list] of [...byType].sort()) console.log(`  ${type.padEnd(22)} n=${String(list.length).padStart(3)}  ${fmt(mean(list))}`);
console.log(`  select none            ${fmt(none)}`);
console.log(`  select all             ${fmt(every)}`);
console.log(`selector                 ${fmt(all)}`);
console.log(`mean time per message    ${(elapsed / Math.max(1, selections)).toFixed(3)} ms`);
