// The inference part of `npm run bench`: the Node-side cost of what the Inferred view needs, on the same seeded rows
// as the dashboard benchmark. Runs alone: npx tsx scripts/bench-inference.ts
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inferTopics, inferenceTimeline } from '../lib/core/inference/infer';
import { inferNamedModel } from '../lib/core/inference/named-topics';
import { MeaningModel } from '../lib/core/meaning/model';
import { summariseDecisions } from '../lib/core/inference/summary';
import type { Interest } from '../lib/schema/profile';
import { seededDecision, seededSignal } from '../tests/e2e/activity-seed';
import { median } from './stats';

const DECISIONS = 20_000;
const SIGNALS = 5_000;
const RUNS = 5;
const DAY = 86_400_000;
const INTERESTS: Interest[] = [
  { id: 'w', label: 'Woodworking', weight: 0.8, keywords: ['joinery'], exclude: [] },
  { id: 's', label: 'Sourdough starters', weight: 0.8, keywords: ['levain'], exclude: [] },
];

// Varied titles, closer to real feeds than the seeded ones: 6 to 12 words from a 3,000-word made-up vocabulary, with
// capitals, plurals and possessives, and a few words far more common than the rest (as subjects are).
const SYLLABLES = ['ka', 'ri', 'mon', 'tel', 'sa', 'vor', 'li', 'den', 'qu', 'ash', 'po', 'len', 'tri', 'gal', 'mu', 'zer', 'no', 'bel', 'ca', 'fin'];
function variedTitle(i: number): string {
  let seed = (i * 2_654_435_761) >>> 0;
  const next = () => ((seed = (seed * 1_103_515_245 + 12_345) >>> 0) >>> 8) / 16_777_216;
  const words = Array.from({ length: 6 + Math.floor(next() * 7) }, () => {
    const n = Math.floor(next() ** 3 * 3_000);
    let w = SYLLABLES[n % 20] + SYLLABLES[Math.floor(n / 20) % 20] + (n >= 400 ? SYLLABLES[Math.floor(n / 400) % 20] : '');
    const r = next();
    if (r < 0.15) w = `${w}s`;
    else if (r < 0.2) w = `${w}'s`;
    return next() < 0.3 ? w[0].toUpperCase() + w.slice(1) : w;
  });
  return `${words.join(' ')} #${i}`;
}

function ms(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

export async function benchInference(): Promise<Record<string, number | string>> {
  const now = Date.now();
  // Row numbers far apart give every run titles no cache has seen ("... #41234"), as a first summary would.
  // structuredClone: rows arrive from IndexedDB (or a message) as fresh objects with flat strings, not as the
  // concatenated strings the seeding builds, which cost extra on first use.
  const log = (from: number) => structuredClone(Array.from({ length: DECISIONS }, (_, i) => seededDecision(from + i, now, 30 * DAY, 100_000)));
  summariseDecisions(log(1_000_000), INTERESTS); // warms the JIT only
  const first = log(0);
  const cold = ms(() => summariseDecisions(first, INTERESTS));
  const fresh = Array.from({ length: RUNS }, (_, r) => {
    const rows = log(2_000_000 + r * DECISIONS);
    return ms(() => summariseDecisions(rows, INTERESTS));
  });
  const again = Array.from({ length: RUNS }, () => ms(() => summariseDecisions(first, INTERESTS)));

  // The seeded signals are a minute apart (3.5 days); spread over 150 days they make the timeline replay 120 days.
  const signals = structuredClone(Array.from({ length: SIGNALS }, (_, i) => ({ ...seededSignal(i, now), ts: now - Math.round((i * 150 * DAY) / SIGNALS) })));
  const topicsFirst = ms(() => inferTopics(signals, { now }));
  const topics = Array.from({ length: RUNS }, () => ms(() => inferTopics(signals, { now })));
  const timeline = Array.from({ length: RUNS }, () => ms(() => inferenceTimeline(signals, { now })));
  const moments = new Set(inferenceTimeline(signals, { now }, DAY).map((e) => e.ts)).size;

  const variedLog = (from: number) => structuredClone(log(from).map((d, i) => ({ ...d, title: variedTitle(from + i) })));
  const variedFresh = Array.from({ length: RUNS }, (_, r) => {
    const rows = variedLog(3_000_000 + r * DECISIONS);
    return ms(() => summariseDecisions(rows, INTERESTS));
  });
  const variedSignals = structuredClone(signals.map((s, i) => ({ ...s, title: variedTitle(i) })));
  const variedTopics = Array.from({ length: RUNS }, () => ms(() => inferTopics(variedSignals, { now })));
  const variedTimeline = Array.from({ length: RUNS }, () => ms(() => inferenceTimeline(variedSignals, { now })));

  // With the meaning model, as the background answers the view: topics by meaning and the platform mix named alike.
  const named: Record<string, number | string> = {};
  const file = resolve(import.meta.dirname ?? '.', '../public/models/meaning.bin');
  if (existsSync(file)) {
    const model = MeaningModel.fromBytes(new Uint8Array(readFileSync(file)));
    summariseDecisions(log(4_000_000), INTERESTS, model); // warms the JIT only
    const summaries = Array.from({ length: RUNS }, (_, r) => {
      const rows = log(5_000_000 + r * DECISIONS);
      return ms(() => summariseDecisions(rows, INTERESTS, model));
    });
    const namedRuns = Array.from({ length: RUNS }, () => ms(() => inferNamedModel(signals, { now }, model)));
    Object.assign(named, {
      'named: summary of 20,000 decisions (ms, median of 5)': median(summaries),
      'named: topics and timeline from 5,000 signals (ms, median of 5)': median(namedRuns),
    });
  } else named['named topics'] = 'public/models/meaning.bin is missing';

  return {
    ...named,
    'summary of 20,000 decisions, new titles (ms, first)': cold,
    'summary of 20,000 decisions, new titles (ms, median of 5)': median(fresh),
    'summary of 20,000 decisions, same rows again (ms, median of 5)': median(again),
    'inferred topics from 5,000 signals (ms, first)': topicsFirst,
    'inferred topics from 5,000 signals (ms, median of 5)': median(topics),
    'timeline of 5,000 signals over 150 days (ms, median of 5)': median(timeline),
    'timeline moments with a change': moments,
    'varied titles: summary of 20,000 decisions (ms, median of 5)': median(variedFresh),
    'varied titles: inferred topics from 5,000 signals (ms, median of 5)': median(variedTopics),
    'varied titles: timeline of 5,000 signals (ms, median of 5)': median(variedTimeline),
    'varied titles: timeline moments with a change': new Set(inferenceTimeline(variedSignals, { now }).map((e) => e.ts)).size,
    'summary and timeline goals < 100 ms (seeded and varied)': Math.max(median(fresh), median(variedFresh)) < 100 && Math.max(median(timeline), median(variedTimeline)) < 100 ? 'PASS' : 'FAIL',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchInference();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(64)} ${typeof v === 'number' ? +v.toFixed(3) : v}`);
}
