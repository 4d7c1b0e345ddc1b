// The meaning model's costs: the shipped files' sizes, loading it in the background (Node stands in for the
// worker), expanding a typed topic, and what a tab receives and compiles. Per-item cost with topics in play is in
// the fast tier's figures (bench-core.ts decides with the large profile's topics expanded).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MeaningModel } from '../lib/core/meaning/model';
import { packProfileTopics } from '../lib/core/meaning/pack';
import { compileProfile } from '../lib/core/shield';
import { defaultProfile, type Profile } from '../lib/schema/profile';
import { ROOT } from './meaning/corpus';

const LABELS = ['politics', 'celebrity gossip', 'home cooking', 'crypto', 'football', 'gardening', 'video games', 'pets and animals', 'climate change', 'personal finance'];

function best<T>(rounds: number, f: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    value = f();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, value };
}

export async function benchMeaning(): Promise<Record<string, number | string>> {
  const dir = resolve(ROOT, 'public/models');
  const files = readdirSync(dir).map((f) => [f, statSync(resolve(dir, f)).size] as const);
  const bytes = new Uint8Array(readFileSync(resolve(dir, 'meaning.bin')));
  const load = best(3, () => MeaningModel.fromBytes(bytes));
  const model = load.value;
  const expand = best(3, () => LABELS.map((l) => model.expandTopic(l)));
  const profile: Profile = { ...defaultProfile(0), avoidTopics: LABELS.map((label, i) => ({ id: `t${i}`, label, keywords: [], exclude: [] })) };
  const pack = packProfileTopics(profile, model);
  const sent = { ...profile, topicPack: pack } as Profile;
  const compile = best(5, () => compileProfile(sent, { policyStage: null }));
  const plain = best(5, () => compileProfile(profile, { policyStage: null }));
  return {
    'model files (bytes)': files.map(([f, n]) => `${f} ${n}`).join(', '),
    'all model files together, MB (bound 10)': files.reduce((n, [, b]) => n + b, 0) / 1e6,
    'background: load meaning.bin, ms': load.ms,
    'background: expand one typed topic, ms (mean of 10 labels)': expand.ms / LABELS.length,
    'tab receives for 10 topics: terms / KB (bound 2 MB for everything a tab loads)': `${[...pack.avoid, ...pack.interests].reduce((n, t) => n + t.terms.length, 0)} / ${(JSON.stringify(pack).length / 1024).toFixed(0)}`,
    'tab: compile the profile with those 10 topics / without, ms': `${compile.ms.toFixed(1)} / ${plain.ms.toFixed(1)}`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) for (const [k, v] of Object.entries(await benchMeaning())) console.log(k.padEnd(80), v);
