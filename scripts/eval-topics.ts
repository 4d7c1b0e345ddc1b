// npm run eval:topics [-- FILE] [--words]
// For every topic in FILE (TSV with a header holding `topic` and `text`; other columns ignored), behaves as if a
// user had typed that topic, and nothing else, as an avoid-topic at the default strictness, and prints per topic
// the precision, recall and F1 of "this item is hidden for that topic" against the `topic` column, then the macro
// F1 and items/s. It goes the way a feed tab goes: the background's expansion (lib/core/meaning/pack.ts), then
// compileProfile and decide (with the detector data naming languages, detectors off). --words: literal words
// only, the baseline before the meaning model. No FILE: the development set of Reddit titles never trained on (meaning/dev-topics.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MeaningModel } from '../lib/core/meaning/model';
import { packProfileTopics } from '../lib/core/meaning/pack';
import { SHIPPED_DETECTORS } from '../lib/core/detectors/shipped';
import { compileProfile, decide } from '../lib/core/shield';
import { defaultProfile } from '../lib/schema/profile';
import type { FeedItem } from '../lib/schema/item';
import { ROOT } from './meaning/corpus';
import { devTopicRows } from './meaning/dev-topics';

function readTsv(file: string): Array<{ topic: string; text: string }> {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const cols = header.split('\t').map((c) => c.trim().toLowerCase());
  const ti = cols.indexOf('topic');
  const xi = cols.indexOf('text');
  if (ti < 0 || xi < 0) throw new Error(`${file}: the header needs the columns topic and text`);
  return lines.map((l) => l.split('\t')).map((c) => ({ topic: (c[ti] ?? '').trim(), text: c[xi] ?? '' })).filter((r) => r.topic && r.text);
}

const args = process.argv.slice(2);
/** --words: the topics by their literal words only, as before the meaning model (a baseline). */
const wordsOnly = args.includes('--words');
const file = args.find((a) => !a.startsWith('--'));
const rows = file ? readTsv(resolve(file)) : devTopicRows();
const model = MeaningModel.fromBytes(new Uint8Array(readFileSync(resolve(ROOT, 'public/models/meaning.bin'))));
const items: FeedItem[] = rows.map((r, i) => ({ platform: 'reddit', id: `t${i}`, url: `https://example.com/${i}`, title: r.text, kind: 'post' }) as FeedItem);
const topics = [...new Set(rows.map((r) => r.topic))].sort();

console.log(`${file ?? 'development set: Reddit titles never trained on'}: ${rows.length} items, ${topics.length} topics${wordsOnly ? ', literal words only' : ''}`);
console.log('topic'.padEnd(22), 'P'.padStart(6), 'R'.padStart(6), 'F1'.padStart(6), '  hidden');
let f1Sum = 0;
let pSum = 0;
let decided = 0;
let ms = 0;
for (const topic of topics) {
  const profile = { ...defaultProfile(0), avoidTopics: [{ id: 'topic', label: topic, keywords: [], exclude: [] }] };
  const sent = wordsOnly ? profile : ({ ...profile, topicPack: packProfileTopics(profile, model) } as typeof profile);
  const compiled = compileProfile(sent, { policyStage: null, detectors: SHIPPED_DETECTORS });
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const t0 = performance.now();
  for (let i = 0; i < items.length; i++) {
    const d = decide(compiled, items[i]);
    const hidden = d.action === 'hide' && d.reasons.some((r) => r.code === 'avoid-topic');
    const about = rows[i].topic === topic;
    if (hidden && about) tp++;
    else if (hidden) fp++;
    else if (about) fn++;
  }
  ms += performance.now() - t0;
  decided += items.length;
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  f1Sum += f1;
  pSum += p;
  console.log(topic.padEnd(22), p.toFixed(3).padStart(6), r.toFixed(3).padStart(6), f1.toFixed(3).padStart(6), `  ${tp + fp}`);
}
console.log(`mean precision ${(pSum / topics.length).toFixed(3)}`);
console.log(`macro F1 ${(f1Sum / topics.length).toFixed(3)} over ${topics.length} topics`);
console.log(`${Math.round(decided / (ms / 1000))} items/s (decide with one avoid-topic, detectors off)`);
