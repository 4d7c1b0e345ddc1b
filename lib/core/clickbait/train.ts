// Training pieces used by scripts/train-clickbait.ts and scripts/eval-clickbait.ts. Pure and deterministic:
// the same data and options give the same weights bit for bit (seeded shuffles, no Math.random).

import { FeatureExtractor, type FeatureSpec } from './features';
import { seededRandom } from '../random';

export interface LabelledHeadline {
  headline: string;
  /** 1 = clickbait, 0 = news. */
  label: 0 | 1;
}

/** Reads the `label<TAB>headline` format of data/clickbait/*.tsv (header row optional). */
export function parseClickbaitTsv(text: string): LabelledHeadline[] {
  const rows: LabelledHeadline[] = [];
  for (const line of text.split(/\r?\n/)) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const label = line.slice(0, tab).trim();
    const headline = line.slice(tab + 1);
    if (label === 'clickbait') rows.push({ headline, label: 1 });
    else if (label === 'news') rows.push({ headline, label: 0 });
  }
  return rows;
}

/** FNV-1a of the headline text: decides the fixed held-out part and the cross-validation folds. */
export function headlineHash(headline: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < headline.length; i++) h = Math.imul(h ^ headline.charCodeAt(i), 16777619);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** Percent of dev.tsv that is never trained on and only used for the held-out figure. */
export const HELD_OUT_PERCENT = 15;

export function isHeldOut(headline: string): boolean {
  return headlineHash(headline) % 100 < HELD_OUT_PERCENT;
}

/** Cross-validation fold of a training headline, independent of the held-out choice. */
export function foldOf(headline: string, folds: number): number {
  return Math.floor(headlineHash(headline) / 100) % folds;
}

/** Features of many headlines packed into flat arrays (CSR), extracted once and reused across epochs. */
export interface FeatureMatrix {
  offsets: Int32Array;
  slots: Int32Array;
  labels: Uint8Array;
}

export function buildMatrix(rows: readonly LabelledHeadline[], spec: FeatureSpec): FeatureMatrix {
  const fx = new FeatureExtractor(spec);
  const offsets = new Int32Array(rows.length + 1);
  let total = 0;
  const parts: Int32Array[] = [];
  for (let r = 0; r < rows.length; r++) {
    const count = fx.extract(rows[r].headline);
    parts.push(fx.slots.slice(0, count));
    total += count;
    offsets[r + 1] = total;
  }
  const slots = new Int32Array(total);
  for (let r = 0; r < rows.length; r++) slots.set(parts[r], offsets[r]);
  return { offsets, slots, labels: Uint8Array.from(rows, (row) => row.label) };
}


export interface TrainOptions {
  epochs: number;
  /** Adagrad base step. */
  learningRate: number;
  /** L2 penalty, applied to the weights a headline touches when it is seen. */
  l2: number;
  seed: number;
  /** Per-slot multipliers (e.g. naive Bayes log-count ratios, NB-SVM style); the result folds them in. */
  slotScale?: Float64Array;
  /** Per-row targets in [0, 1] in place of the 0/1 labels: graded ratings (the mean of several annotators) teach
   * how much, not only which side. */
  targets?: Float64Array;
}

export interface LinearWeights {
  weights: Float64Array;
  bias: number;
}

/**
 * Logistic regression over binary hashed features, each headline's vector scaled to unit length
 * (so short and long headlines weigh alike). Adagrad steps, seeded shuffles each epoch.
 */
export function trainLogistic(
  m: FeatureMatrix,
  rows: Int32Array,
  dim: number,
  opts: TrainOptions,
): LinearWeights {
  const w = new Float64Array(dim);
  const g2 = new Float64Array(dim).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const order = Int32Array.from(rows);
  const rand = seededRandom(opts.seed);
  const scale = opts.slotScale;
  const { offsets, slots, labels } = m;
  const targets = opts.targets;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (let k = 0; k < order.length; k++) {
      const r = order[k];
      const a = offsets[r];
      const b = offsets[r + 1];
      if (b === a) continue;
      const norm = 1 / Math.sqrt(b - a);
      let z = bias;
      if (scale) for (let p = a; p < b; p++) z += w[slots[p]] * scale[slots[p]] * norm;
      else for (let p = a; p < b; p++) z += w[slots[p]] * norm;
      const prob = 1 / (1 + Math.exp(-z));
      const err = prob - (targets ? targets[r] : labels[r]);
      for (let p = a; p < b; p++) {
        const s = slots[p];
        const x = scale ? scale[s] * norm : norm;
        const g = err * x + opts.l2 * w[s];
        g2[s] += g * g;
        w[s] -= (opts.learningRate * g) / Math.sqrt(g2[s]);
      }
      biasG2 += err * err;
      bias -= (opts.learningRate * err) / Math.sqrt(biasG2);
    }
  }
  if (scale) for (let s = 0; s < dim; s++) w[s] *= scale[s];
  return { weights: w, bias };
}

/** Naive Bayes log-count ratios per slot with add-alpha smoothing (the "NB" of NB-SVM). */
export function logCountRatios(m: FeatureMatrix, rows: Int32Array, dim: number, alpha: number): Float64Array {
  const pos = new Float64Array(dim);
  const neg = new Float64Array(dim);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const target = m.labels[r] ? pos : neg;
    for (let p = m.offsets[r]; p < m.offsets[r + 1]; p++) target[m.slots[p]] += 1;
  }
  let posTotal = 0;
  let negTotal = 0;
  for (let s = 0; s < dim; s++) {
    posTotal += pos[s] + alpha;
    negTotal += neg[s] + alpha;
  }
  const r = new Float64Array(dim);
  for (let s = 0; s < dim; s++) r[s] = Math.log((pos[s] + alpha) / posTotal) - Math.log((neg[s] + alpha) / negTotal);
  return r;
}

/** Raw score of one row of a matrix under float weights (same normalisation as the runtime). */
export function rowLogit(m: FeatureMatrix, r: number, lw: LinearWeights): number {
  const a = m.offsets[r];
  const b = m.offsets[r + 1];
  if (b === a) return lw.bias;
  let z = 0;
  for (let p = a; p < b; p++) z += lw.weights[m.slots[p]];
  return lw.bias + z / Math.sqrt(b - a);
}

export interface BinaryMetrics {
  n: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export function binaryMetrics(predicted: ArrayLike<number>, actual: ArrayLike<number>): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < actual.length; i++) {
    const p = predicted[i] ? 1 : 0;
    const a = actual[i] ? 1 : 0;
    if (p && a) tp++;
    else if (p) fp++;
    else if (a) fn++;
    else tn++;
  }
  const n = tp + fp + tn + fn;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n, accuracy: n === 0 ? 0 : (tp + tn) / n, precision, recall, f1, tp, fp, tn, fn };
}

/** Every word capitalised, as BuzzFeed-style headlines are written. */
export function titleCase(s: string): string {
  return s.replace(/(^|[^\p{L}\p{N}'’])(\p{Ll})/gu, (_, before: string, c: string) => before + c.toUpperCase());
}

/** Only the first letter capitalised, as most news sites and Reddit titles are written. */
export function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/**
 * Adds case-changed copies of a share of the rows (lowercase, Title Case or sentence case, chosen by a seeded
 * draw). In dev.tsv capitalisation alone separates the classes almost perfectly (BuzzFeed capitalises every
 * word, WikiNews does not), which real feeds do not honour; the copies make the model also learn the wording.
 */
export function withCaseVariants(
  rows: readonly LabelledHeadline[],
  share: number,
  seed: number,
): { rows: LabelledHeadline[]; origin: number[] } {
  const rand = seededRandom(seed);
  const out = rows.slice();
  const origin = rows.map((_, i) => i);
  rows.forEach((row, i) => {
    if (rand() >= share) return;
    const k = rand();
    const headline =
      k < 1 / 3 ? row.headline.toLowerCase() : k < 2 / 3 ? titleCase(row.headline) : sentenceCase(row.headline);
    if (headline === row.headline) return;
    out.push({ headline, label: row.label });
    origin.push(i);
  });
  return { rows: out, origin };
}

/**
 * Rounds float weights to int8 with one shared scale set by the largest magnitude. Cross-validation showed that
 * clipping the few large weights to gain resolution for the many small ones costs accuracy (99.25% unclipped vs
 * 99.10% at the 99.99th percentile), so nothing is clipped.
 */
export function quantizeWeights(lw: LinearWeights): { weights: Int8Array; scale: number } {
  let maxAbs = 0;
  for (let s = 0; s < lw.weights.length; s++) maxAbs = Math.max(maxAbs, Math.abs(lw.weights[s]));
  // Rounded through float32 because that is how the scale is stored in the file.
  const scale = Math.fround(maxAbs / 127 || 1);
  const weights = new Int8Array(lw.weights.length);
  for (let s = 0; s < lw.weights.length; s++) {
    weights[s] = Math.max(-127, Math.min(127, Math.round(lw.weights[s] / scale)));
  }
  return { weights, scale };
}

/** Row logit under int8 weights, exactly as the runtime computes it. */
export function quantizedRowLogit(m: FeatureMatrix, r: number, q: Int8Array, scale: number, bias: number): number {
  const a = m.offsets[r];
  const b = m.offsets[r + 1];
  if (b === a) return bias;
  let sum = 0;
  for (let p = a; p < b; p++) sum += q[m.slots[p]];
  return bias + (sum * scale) / Math.sqrt(b - a);
}

/**
 * Platt scaling: fits p = sigmoid(a * z + b) to held-apart logits by Newton's method. The raw model is
 * overconfident (it nearly separates its training data), and the UI reads score() as a probability.
 */
export function fitPlatt(logits: readonly number[], labels: ArrayLike<number>): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < logits.length; i++) {
      const z = logits[i];
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const d = p - labels[i];
      const w = p * (1 - p);
      ga += d * z;
      gb += d;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}

/** Mean negative log-likelihood of probabilities: how well calibrated scores are (lower is better). */
export function logLoss(probabilities: readonly number[], labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[i]));
    sum -= labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return probabilities.length === 0 ? 0 : sum / probabilities.length;
}
