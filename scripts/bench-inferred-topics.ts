// The inferred model's measure in `npm run bench`: from simulated histories (a person opening items from a few
// subjects, using held-out Reddit titles, ../shared/data/reddit/titles.tsv.gz, never copied into the project), how
// many of the top inferred topics name those subjects, and how many are fragments of titles.
// Runs alone: npx tsx scripts/bench-inferred-topics.ts
//
// A topic NAMES a subject when every content word of its name is characteristic of that subject's community: at
// least LIFT times as common in its titles as in all 2.2M titles, and in at least MIN_TITLES of them ("sourdough",
// "loaf", "woodworking"). A topic is a FRAGMENT when some part of its name is not a noun or noun phrase in WordNet
// ("Crumb Finally", "Happened", "Walnut Side"): a piece of a title, not a name a person would give a subject.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inferModel, type InferredTopic } from '../lib/core/inference/infer';
import { inferNamedModel } from '../lib/core/inference/named-topics';
import { MeaningModel } from '../lib/core/meaning/model';
import { keywordStems } from '../lib/core/shield/text';
import type { Signal } from '../lib/schema/log';
import { isDevTitle, readTitles, ROOT, type TitleRow } from './meaning/corpus';
import { readNounNet } from './meaning/wordnet-nouns';

const DAY = 86_400_000;
const LIFT = 50;
const MIN_TITLES = 3;
/** Share of the history opened from outside its subjects: people open other things too. */
const NOISE = 0.1;
/** Communities with a subject a person would name, from which histories are drawn. */
const HOBBIES = [
  'Breadit', 'woodworking', 'gardening', 'Astronomy', 'chess', 'Guitar', 'Homebrewing', 'cycling', 'photography', 'knitting',
  'Aquariums', 'climbing', 'Coffee', 'Bonsai', 'boardgames', '3Dprinting', 'Fishing', 'running', 'tea', 'lego', 'sewing',
  'camping', 'Watches', 'MechanicalKeyboards',
];
const SCENARIOS = 8;

/** The words of a name or title as this measure compares them: folded as the shield folds keywords, numbers out. */
const nameWords = (text: string) => keywordStems(text).filter((w) => !/^\d+$/.test(w));

export type Infer = (signals: Signal[], now: number) => InferredTopic[];

interface Scenario {
  subjects: string[];
  signals: Signal[];
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0) >>> 8) / 16_777_216;
}

function shuffle<T>(xs: T[], next: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The first history is the one the issue describes (sourdough and woodworking); the others are 2 to 4 hobbies
 * drawn with a fixed seed. Every held-out title of each subject is opened once over 60 days, with NOISE of the
 * history from anywhere else. */
function scenarios(dev: TitleRow[], now: number): Scenario[] {
  const bySub = new Map<string, string[]>();
  for (const r of dev) {
    let l = bySub.get(r.subreddit);
    if (!l) bySub.set(r.subreddit, (l = []));
    l.push(r.title);
  }
  const next = rng(20);
  const sets = [['Breadit', 'woodworking']];
  while (sets.length < SCENARIOS) sets.push(shuffle(HOBBIES, next).slice(0, 2 + Math.floor(next() * 3)));
  return sets.map((subjects, k) => {
    const titles = subjects.flatMap((s) => bySub.get(s) ?? []);
    const noise = Math.round((titles.length * NOISE) / (1 - NOISE));
    for (let i = 0; i < noise; i++) {
      const r = dev[Math.floor(next() * dev.length)];
      if (!subjects.includes(r.subreddit)) titles.push(r.title);
    }
    const signals = shuffle(titles, next).map((title, i, all): Signal => ({
      id: i + 1, ts: now - Math.round(((all.length - i) * 60 * DAY) / all.length), type: 'open', platform: 'reddit',
      itemId: `h${k}-${i}`, title, author: 'someone', url: '', detail: '',
    }));
    return { subjects, signals };
  });
}

/** Counts, over all titles and per subject, of the titles holding each word of the names being judged. */
class Lift {
  private all = new Map<string, number>();
  private per = new Map<string, Map<string, number>>();
  private size = new Map<string, number>();
  constructor(
    private rows: TitleRow[],
    private subjects: ReadonlySet<string>,
  ) {
    for (const r of rows) this.size.set(r.subreddit, (this.size.get(r.subreddit) ?? 0) + 1);
  }
  /** One pass over the corpus for every word not counted yet. */
  count(words: Iterable<string>): void {
    const want = new Set([...words].filter((w) => !this.all.has(w)));
    if (!want.size) return;
    for (const w of want) this.all.set(w, 0);
    // Folding 2.2M titles is the slow part: only titles holding the start of a wanted word are folded.
    const starts = [...new Set([...want].map((w) => w.slice(0, 3)))];
    for (const r of this.rows) {
      const lower = r.title.toLowerCase();
      if (!starts.some((p) => lower.includes(p))) continue;
      const ws = new Set(nameWords(r.title));
      for (const w of ws) {
        if (!want.has(w)) continue;
        this.all.set(w, this.all.get(w)! + 1);
        if (!this.subjects.has(r.subreddit)) continue;
        let m = this.per.get(r.subreddit);
        if (!m) this.per.set(r.subreddit, (m = new Map()));
        m.set(w, (m.get(w) ?? 0) + 1);
      }
    }
  }
  belongs(word: string, subject: string): boolean {
    const inSub = this.per.get(subject)?.get(word) ?? 0;
    const all = this.all.get(word) ?? 0;
    if (inSub < MIN_TITLES || all === 0) return false;
    return inSub / this.size.get(subject)! >= (LIFT * all) / this.rows.length;
  }
}

const parts = (label: string) => label.split('·').map((p) => p.trim().toLowerCase()).filter(Boolean);

function isNounPhrase(part: string, nouns: ReadonlySet<string>): boolean {
  const words = part.replace(/[’']/g, "'").split(/\s+/);
  const last = words.pop()!;
  const forms = [last, last.replace(/s$/, ''), last.replace(/es$/, ''), last.replace(/ies$/, 'y')];
  return forms.some((f) => nouns.has([...words, f].join(' ')));
}

export interface Measure {
  histories: number;
  top: number;
  named: number;
  fragments: number;
  subjects: number;
  covered: number;
  /** The highest confidence shown for a topic with at most 12 items behind it. */
  maxConfidenceFewItems: number;
  examples: string[];
}

let cache: { rows: TitleRow[]; lift: Lift; nouns: Set<string>; histories: Scenario[]; now: number } | null = null;

function setUp() {
  if (cache) return cache;
  const rows = readTitles();
  const now = Date.UTC(2026, 11, 1);
  const histories = scenarios(rows.filter((r) => isDevTitle(r.title)), now);
  const lift = new Lift(rows, new Set(histories.flatMap((h) => h.subjects)));
  const nouns = new Set(readNounNet().senses.keys());
  return (cache = { rows, lift, nouns, histories, now });
}

/** Runs `infer` on every history and judges its top 2 x subjects topics. */
export function measureInferred(infer: Infer): Measure {
  const { lift, nouns, histories, now } = setUp();
  const m: Measure = { histories: histories.length, top: 0, named: 0, fragments: 0, subjects: 0, covered: 0, maxConfidenceFewItems: 0, examples: [] };
  for (const h of histories) {
    const all = infer(h.signals, now);
    for (const t of all) {
      const items = new Set(t.evidence.map((e) => e.itemId)).size;
      if (items <= 12) m.maxConfidenceFewItems = Math.max(m.maxConfidenceFewItems, t.confidence);
    }
    const top = all.slice(0, 2 * h.subjects.length);
    lift.count(top.flatMap((t) => nameWords(t.label)));
    const covered = new Set<string>();
    for (const t of top) {
      const words = nameWords(t.label);
      const subject = h.subjects.find((s) => words.length > 0 && words.every((w) => lift.belongs(w, s)));
      if (subject) {
        m.named++;
        covered.add(subject);
      }
      if (!parts(t.label).every((p) => isNounPhrase(p, nouns))) m.fragments++;
    }
    m.top += top.length;
    m.subjects += h.subjects.length;
    m.covered += covered.size;
    m.examples.push(`${h.subjects.join('+')}: ${top.map((t) => `${t.label} ${Math.round(t.confidence * 100)}%`).join(', ')}`);
  }
  return m;
}

export function measureFigures(prefix: string, m: Measure): Record<string, number | string> {
  return {
    [`${prefix}: top topics naming a subject`]: `${m.named} of ${m.top} (${Math.round((100 * m.named) / Math.max(1, m.top))}%)`,
    [`${prefix}: top topics that are fragments`]: `${m.fragments} of ${m.top} (${Math.round((100 * m.fragments) / Math.max(1, m.top))}%)`,
    [`${prefix}: subjects named by a top topic`]: `${m.covered} of ${m.subjects}`,
    [`${prefix}: highest confidence from <= 12 items`]: m.maxConfidenceFewItems,
  };
}

const words: Infer = (signals, now) => inferModel(signals, { now }).topics;

export async function benchInferredTopics(): Promise<Record<string, number | string>> {
  if (!existsSync(resolve(ROOT, '../shared/data/reddit/titles.tsv.gz'))) throw new Error('../shared/data/reddit/titles.tsv.gz is missing');
  const { histories } = setUp();
  const before = measureInferred(words);
  const out: Record<string, number | string> = {
    'histories (held-out Reddit titles, 10% other)': `${histories.length}, ${histories.map((h) => h.signals.length).join('/')} items`,
    ...measureFigures('title words (no model)', before),
    'title words, first history': before.examples[0],
  };
  const file = resolve(ROOT, 'public/models/meaning.bin');
  if (!existsSync(file)) return { ...out, 'named topics': 'public/models/meaning.bin is missing' };
  const model = MeaningModel.fromBytes(new Uint8Array(readFileSync(file)));
  const after = measureInferred((signals, now) => inferNamedModel(signals, { now }, model).topics);
  Object.assign(out, measureFigures('named topics (meaning model)', after), { 'named topics, first history': after.examples[0] });
  if (process.env.VERBOSE) for (const e of after.examples) console.log(e);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchInferredTopics();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(56)} ${typeof v === 'number' ? +v.toFixed(3) : v}`);
}
