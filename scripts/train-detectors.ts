// npm run train:detectors [-- --search] [-- --rates]
// Trains the learned manipulation detectors and writes public/models/detectors.bin: one logistic model per kind
// (rage, urgency, engagement, promotion, and clickbait as news accounts write it on social media) over the headline
// model's hashed features, all heads on one feature spec so the runtime reads a text once for all of them.
// Data: scripts/detectors/sources.ts. The held-apart parts are never trained on; each head is calibrated on a
// hashed part of its own training rows (Platt scaling), and its default strictness (threshold 0.6) is put where F1
// peaks on that part. Deterministic: the same data gives a byte-identical file. --search also compares feature specs.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { FeatureFlag, type FeatureSpec } from '../lib/core/clickbait/features';
import { encodeModel } from '../lib/core/clickbait/format';
import {
  binaryMetrics,
  buildMatrix,
  fitPlatt,
  quantizeWeights,
  quantizedRowLogit,
  trainLogistic,
  type BinaryMetrics,
  type TrainOptions,
} from '../lib/core/clickbait/train';
import { encodeLearned, packLearned } from '../lib/core/detectors/learned-format';
import { LearnedDetectors } from '../lib/core/detectors/learned';
import {
  ROOT,
  LEARNED_KINDS,
  clickbaitPosts,
  darkPatterns,
  headlines,
  isCalibration,
  kindFile,
  redditParagraphs,
  redditTitles,
  usVsThem,
  type Example,
  type LearnedKind,
} from './detectors/sources';

const OUT = resolve(ROOT, 'public/models/detectors.bin');
/** The headline model's schedule, and a slower one: with few and noisy examples (a Reddit comment's rating, a
 * tweet's five ratings) large steps chase single rows. Each kind takes the one its calibration part prefers
 * (`--rates` prints both). */
const FAST: TrainOptions = { epochs: 10, learningRate: 0.5, l2: 1e-6, seed: 1 };
const SLOW: TrainOptions = { epochs: 30, learningRate: 0.02, l2: 1e-6, seed: 1 };
const SCHEDULE: Record<LearnedKind, TrainOptions> = { rage: SLOW, urgency: FAST, engagement: FAST, promotion: SLOW, clickbait: SLOW };
/** The threshold of the default strictness (lib/core/manipulation.ts: thresholdFor(0.5)). */
const DEFAULT_THRESHOLD = 0.6;

const WORDS = FeatureFlag.words | FeatureFlag.wordPairs | FeatureFlag.shapes;
const CANDIDATES: { name: string; spec: FeatureSpec }[] = [
  { name: 'words, pairs, shapes, chars 3-5, 2^16', spec: { bits: 16, flags: WORDS | FeatureFlag.chars, charMin: 3, charMax: 5 } },
  { name: 'words, pairs, shapes, 2^16', spec: { bits: 16, flags: WORDS, charMin: 3, charMax: 5 } },
  { name: 'words, pairs, shapes, chars 3-5, 2^15', spec: { bits: 15, flags: WORDS | FeatureFlag.chars, charMin: 3, charMax: 5 } },
  { name: 'words, pairs, triples, shapes, chars 3-5, 2^16', spec: { bits: 16, flags: WORDS | FeatureFlag.wordTriples | FeatureFlag.chars, charMin: 3, charMax: 5 } },
  { name: 'words, pairs, triples, shapes, cased words, 2^16', spec: { bits: 16, flags: WORDS | FeatureFlag.wordTriples | FeatureFlag.casedWords, charMin: 3, charMax: 5 } },
];
// Chosen by the calibration parts (--search prints them): the others trade one kind for another (triples: feed rage
// 0.702 -> 0.728 but Reddit rage 0.622 -> 0.630 and engagement 0.880 -> 0.898 at a feature family's extra cost; cased
// words lose feed rage 0.702 -> 0.597), and 2^15 slots lose feed rage and promotion. The figures printed for the
// held-apart parts are reported, never chosen on.
const CHOSEN = CANDIDATES[0];

const started = performance.now();
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const describe = (m: BinaryMetrics) => `P ${pct(m.precision)} R ${pct(m.recall)} F1 ${m.f1.toFixed(3)} (n ${m.n})`;

// Ordinary feed text, a negative for every kind: headlines, titles and paragraphs as long as a post's body.
// 8 in a thousand titles make 2,789 paragraphs. On 546 paragraphs of other titles, joined the same way, the rage
// head flagged 16 at the default setting and 94 at the strictest without them, 8 and 55 with them; on the Reddit
// comments' calibration part its F1 went 0.632 -> 0.620: there, a long comment about a group is rage nearly one time
// in two, in a feed a long post is not.
const PARAGRAPHS_PER_MILLE = 8;
const ordinary: Example[] = [...headlines(15), ...redditTitles(2), ...redditParagraphs(PARAGRAPHS_PER_MILLE)].map((text) => ({ text, label: 0 }));
// The project's examples and ours; positives of one kind are negatives of the others ("Comment YES if you agree"
// is engagement bait, not rage or clickbait).
const written = [...kindFile('tests/data/detectors.tsv'), ...kindFile('scripts/detectors/written-train.tsv')];
const feedStyle = (kind: string): Example[] => [
  ...written.filter((w) => w.kind === kind).map((w) => w.example),
  ...written.filter((w) => w.kind !== kind && w.example.label === 1).map((w) => ({ text: w.example.text, label: 0 as const })),
];
/**
 * A kind's rows in two parts: `real` (a public labelled set) and `feed` (written examples, positive and hard
 * negative alike, repeated as one block so that they weigh about `WRITTEN_SHARE` of the feed part, plus ordinary
 * feed text). Repeating positives alone taught the models that a word like "sponsored" or "code" is enough; the
 * hard negatives ("not sponsored", "Morse code for beginners") must weigh as much.
 */
const WRITTEN_SHARE = 0.3;
function feedPart(kind: string): Example[] {
  const own = feedStyle(kind);
  const times = Math.max(1, Math.round((WRITTEN_SHARE * ordinary.length) / ((1 - WRITTEN_SHARE) * own.length)));
  return [...Array.from({ length: times }, () => own).flat(), ...ordinary];
}

function trainingRows(kind: LearnedKind): { real: Example[]; feed: Example[] } {
  switch (kind) {
    case 'rage':
      return { real: usVsThem('train'), feed: feedPart('rage') };
    case 'urgency':
      return { real: darkPatterns('train'), feed: feedPart('urgency') };
    case 'engagement':
    case 'promotion':
      return { real: [], feed: feedPart(kind) };
    case 'clickbait': {
      const notBait = written.filter((w) => w.kind === 'engagement' && w.example.label === 1);
      return { real: clickbaitPosts('train'), feed: notBait.map((w) => ({ text: w.example.text, label: 0 as const })) };
    }
  }
}

/** The real held-apart part of a kind, if it has one. */
function apartRows(kind: LearnedKind): { name: string; rows: Example[] } | null {
  if (kind === 'rage') return { name: 'usvsthem/valid.tsv', rows: usVsThem('valid') };
  if (kind === 'urgency') return { name: 'darkpatterns part apart', rows: darkPatterns('apart') };
  if (kind === 'clickbait') return { name: 'clickbait-posts part apart', rows: clickbaitPosts('apart') };
  return null;
}

const logit = (p: number) => Math.log(p / (1 - p));

/** Trains one head; returns its model file and its figures on the calibration part. */
function trainHead(kind: LearnedKind, spec: FeatureSpec, schedule: TrainOptions = SCHEDULE[kind]) {
  const parts = trainingRows(kind);
  const rows = [...parts.real, ...parts.feed];
  const isReal = (r: number) => r < parts.real.length;
  const m = buildMatrix(rows.map((r) => ({ headline: r.text, label: r.label })), spec);
  const fit: number[] = [];
  const cal: number[] = [];
  rows.forEach((r, i) => (isCalibration(r.text) ? cal : fit).push(i));
  // Graded ratings, where a row has one, are the target; the label still decides the calibration and the figures.
  const targets = rows.some((r) => r.target !== undefined) ? Float64Array.from(rows, (r) => r.target ?? r.label) : undefined;
  const lw = trainLogistic(m, Int32Array.from(fit), 1 << spec.bits, { ...schedule, targets });
  const q = quantizeWeights(lw);
  const bias = Math.fround(lw.bias);
  const z = cal.map((r) => quantizedRowLogit(m, r, q.weights, q.scale, bias));
  const y = cal.map((r) => m.labels[r]);
  // Newton's steps in fitPlatt overshoot on logits tens of units wide: it fits them scaled to unit spread.
  const spread = Math.sqrt(z.reduce((a, v) => a + v * v, 0) / z.length) || 1;
  const unit = fitPlatt(z.map((v) => v / spread), y);
  const platt = { a: unit.a / spread, b: unit.b };
  const p = z.map((v) => 1 / (1 + Math.exp(-(platt.a * v + platt.b))));
  // The default strictness's threshold goes where F1 peaks on the calibration part; with both a real and a feed
  // part, where their mean F1 peaks, so that neither kind of text is given up for the other.
  const f1At = (t: number, real: boolean) => {
    const keep = cal.map((r) => isReal(r) === real);
    const ys = y.filter((_, i) => keep[i]);
    return ys.length === 0 ? null : binaryMetrics(p.filter((_, i) => keep[i]).map((v) => (v >= t ? 1 : 0)), ys);
  };
  const objective = (t: number) => {
    const f = [f1At(t, true), f1At(t, false)].filter((m) => m !== null && m.tp + m.fn > 0).map((m) => m!.f1);
    return f.reduce((a, b) => a + b, 0) / f.length;
  };
  let best = { t: 0.5, f: objective(0.5) };
  for (let k = 10; k <= 90; k++) {
    const f = objective(k / 100);
    if (f > best.f + 1e-9) best = { t: k / 100, f };
  }
  const at = (real: boolean) => {
    const m = f1At(best.t, real);
    return m && m.tp + m.fn > 0 ? `${real ? 'real' : 'feed'} ${describe(m)}` : '';
  };
  const shift = logit(DEFAULT_THRESHOLD) - logit(best.t);
  const bytes = encodeModel({ spec, bias: Math.fround(platt.a * bias + platt.b + shift), scale: Math.fround(platt.a * q.scale), weights: q.weights });
  const positives = rows.filter((r) => r.label === 1).length;
  return { bytes, summary: `${kind}: ${rows.length} rows (${positives} positive), calibration part at ${best.t.toFixed(2)}: ${at(true)} ${at(false)}` };
}

function figures(file: Uint8Array): void {
  const learned = new LearnedDetectors(packLearned(file), new Set());
  const out = new Float64Array(LEARNED_KINDS.length);
  for (const kind of LEARNED_KINDS) {
    const apart = apartRows(kind);
    if (!apart) continue;
    const h = learned.headOf(kind);
    const predicted = apart.rows.map((r) => (learned.score(r.text, out) && out[h] >= DEFAULT_THRESHOLD ? 1 : 0));
    console.log(`  ${kind.padEnd(10)} model alone on ${apart.name}: ${describe(binaryMetrics(predicted, apart.rows.map((r) => r.label)))}`);
  }
}

function build(spec: FeatureSpec): Uint8Array {
  const heads = LEARNED_KINDS.map((kind) => {
    const { bytes, summary } = trainHead(kind, spec);
    console.log(`  ${summary}`);
    return bytes;
  });
  return encodeLearned(heads);
}

if (process.argv.includes('--rates')) {
  for (const kind of LEARNED_KINDS) {
    for (const [name, schedule] of [['fast', FAST], ['slow', SLOW]] as const) console.log(`  ${name} ${trainHead(kind, CHOSEN.spec, schedule).summary}`);
  }
}
if (process.argv.includes('--search')) {
  for (const c of CANDIDATES) {
    console.log(c.name);
    figures(build(c.spec));
  }
}
console.log(`chosen: ${CHOSEN.name}`);
const file = build(CHOSEN.spec);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, file);
console.log(`wrote ${OUT.slice(ROOT.length + 1)}: ${file.length} bytes, sha256 ${createHash('sha256').update(file).digest('hex').slice(0, 16)}`);
figures(file);
console.log(`training time ${((performance.now() - started) / 1000).toFixed(1)} s`);
