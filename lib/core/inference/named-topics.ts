import type { Signal } from '../../schema/log';
import { evidenceConfidence } from './confidence';
import { topicKey } from './controls';
import type { Evidence, InferOptions, InferredModel, InferredTopic, TimelineEvent } from './infer';
import { signalWeight } from './infer';
import { assign, GROUPING, groupByMeaning } from './meaning-groups';
import { nameGroup, type TopicName } from './topic-names';
import { cosine, embedOnce, type TopicSpace } from './topic-space';

/**
 * The inferred model as topics a person would name: the items the user opened, watched and searched are grouped
 * by what they are about (the meaning model's direction of each title), each group is named from the model's plain
 * names, and its confidence says how much evidence is behind it. The user's controls are matched by meaning, so a
 * rejected "Bread" also keeps out "Sourdough", and a pin holds when the group's name drifts.
 */
export const NAMED = {
  /** A topic needs this many distinct items behind it (pinned ones excepted). */
  minItems: 3,
  /** A control (rejected, pinned, forgotten, an interest) holds for a group whose name is this close to it... */
  nameNear: 0.6,
  /** ...or whose centre is this close to it. */
  centreNear: 0.75,
  /** Groups named beyond the number of cards shown, for those the user's controls take out. */
  spareNames: 10,
  /** How much the share of items saying a topic's name orders the cards (see rankOf). */
  clarityFloor: 0.4,
  clarityScale: 2,
};

interface Item {
  text: string;
  vec: Float32Array | null;
  /** Indexes into the time-ordered signals. */
  signals: number[];
}

interface Control {
  key: string;
  vec: Float32Array | null;
}

interface Topic {
  key: string;
  label: string;
  name: TopicName;
  nameVec: Float32Array | null;
  centre: Float32Array;
  /** Time-ordered indexes of the signals behind it (for and against). */
  signals: number[];
  pinned: boolean;
}

const itemKeyOf = (s: Signal) => `${s.platform}:${s.itemId || s.title || `search ${s.detail}`}`;
const textOf = (s: Signal) => (s.type === 'search' ? `${s.title} ${s.detail}` : s.title).trim();

export function inferNamedModel(input: readonly Signal[], opts: InferOptions, space: TopicSpace): InferredModel {
  const signals = input.filter((s) => !Number.isNaN(s.ts) && signalWeight(s) !== 0).sort((a, b) => a.ts - b.ts);
  const weights = signals.map(signalWeight);
  const halfLife = (opts.halfLifeDays ?? 30) * 86_400_000;
  const minItems = opts.minItems ?? NAMED.minItems;
  const minConfidence = opts.minConfidence ?? 0.3;
  const decay = (ts: number, at: number) => Math.exp((-Math.LN2 * Math.max(0, at - ts)) / halfLife);

  const items = itemsOf(signals, space);
  const net = items.map((it) => it.signals.reduce((sum, i) => sum + weights[i] * decay(signals[i].ts, opts.now), 0));
  const liked = items.map((_, n) => n).filter((n) => net[n] > 0 && items[n].vec);
  const groups = groupByMeaning(
    liked.map((n) => items[n].vec!),
    liked.map((n) => net[n]),
  );
  const centres = groups.map((g) => g.centre);

  const controls = controlsOf(opts, space);
  const topics: Topic[] = [];
  // Naming costs passes over the model's vocabulary: only the groups with the most evidence that could be shown
  // are named (a few more than are shown, for those the user's controls take out).
  const weightOf = (g: (typeof groups)[number]) => g.members.reduce((sum, m) => sum + net[liked[m]], 0);
  const byWeight = groups.map((g, k) => ({ g, k, w: weightOf(g) })).sort((a, b) => b.w - a.w || a.k - b.k);
  const naming = byWeight.filter(({ g }) => g.members.length >= Math.min(minItems, NAMED.minItems)).slice(0, (opts.limit ?? 30) + NAMED.spareNames);
  naming.forEach(({ g, k }) => {
    const name = nameGroup(space, g.centre, g.members.map((m) => items[liked[m]].text), centres.filter((_, j) => j !== k));
    if (!name) return;
    const memberSignals = g.members.flatMap((m) => items[liked[m]].signals);
    topics.push({ key: topicKey(name.label), label: name.label, name, nameVec: embedOnce(space, name.terms.join(' ')), centre: g.centre, signals: memberSignals, pinned: false });
  });
  const merged = mergeSameName(topics);

  // What the user pushed away counts against the topic it is about.
  const disliked = items.filter((it, n) => net[n] < 0 && it.vec);
  const against = assign(disliked.map((it) => it.vec!), merged.map((t) => t.centre), GROUPING.join);
  disliked.forEach((it, n) => {
    if (against[n] >= 0) merged[against[n]].signals.push(...it.signals);
  });

  const kept: Topic[] = [];
  for (const t of merged) {
    t.signals.sort((a, b) => a - b);
    const pin = controls.pinned.find((c) => near(c, t));
    if (pin) {
      t.pinned = true;
      t.key = pin.key;
    } else if (controls.rejected.some((c) => near(c, t)) || controls.confirmed.some((c) => near(c, t))) continue;
    for (const [key, at] of controls.forgotten) if (near(key, t)) t.signals = t.signals.filter((i) => signals[i].ts > at);
    if (t.signals.length) kept.push(t);
  }
  for (const pin of controls.pinned) if (!kept.some((t) => t.key === pin.key)) {
    const t = pinnedFromItems(pin, items);
    if (t) kept.push(t);
  }

  const believed = (t: Topic, at: number) => standing(t, at, signals, weights, decay, minItems, minConfidence);
  const ranked = kept
    .map((t) => ({ t, now: believed(t, opts.now) }))
    .filter(({ t, now }) => t.pinned || now.believed)
    .sort((a, b) => Number(b.t.pinned) - Number(a.t.pinned) || rankOf(b.t, b.now) - rankOf(a.t, a.now) || a.t.label.localeCompare(b.t.label))
    .slice(0, opts.limit ?? 30);

  const shown: InferredTopic[] = ranked.map(({ t, now }) => ({
    topic: t.key,
    label: t.pinned ? displayKey(t.key, t.label) : t.label,
    confidence: +now.confidence.toFixed(3),
    score: +now.score.toFixed(3),
    items: now.items,
    evidence: evidenceOf(t, signals, weights),
    firstSeen: signals[t.signals[0]].ts,
    learnedAt: learnedAt(t, signals, believed) ?? signals[t.signals[0]].ts,
    pinned: t.pinned,
  }));
  return { topics: shown, timeline: timelineOf(kept, signals, opts.now, believed) };
}

function itemsOf(signals: readonly Signal[], space: TopicSpace): Item[] {
  const byKey = new Map<string, Item>();
  signals.forEach((s, i) => {
    const key = itemKeyOf(s);
    let it = byKey.get(key);
    if (!it) byKey.set(key, (it = { text: textOf(s), vec: null, signals: [] }));
    it.signals.push(i);
  });
  const items = [...byKey.values()];
  for (const it of items) it.vec = it.text ? embedOnce(space, it.text) : null;
  return items;
}

/**
 * The user's controls with the direction each stands for. A rejection, pin or forgetting made on a named topic
 * ("sourdough") holds by meaning; one made on a title fragment under the older, word-based model ("crumb finally",
 * not a term the model knows) holds for that exact name only, so it does not take a real subject away. Stated
 * interests are typed by the user and always hold by meaning.
 */
function controlsOf(opts: InferOptions, space: TopicSpace) {
  const c = opts.controls ?? {};
  const control = (k: string, always: boolean): Control => ({ key: topicKey(k), vec: always || isOneTerm(space, k) ? embedOnce(space, k) : null });
  const of = (keys: readonly string[] = [], always = false): Control[] => keys.map((k) => control(k, always));
  return {
    rejected: of(c.rejected),
    pinned: of(c.pinned),
    confirmed: of(c.confirmed, true),
    forgotten: Object.entries(c.forgotten ?? {}).map(([k, at]) => [control(k, false), at] as const),
  };
}

/** Whether a name is one word or phrase the model knows, as every name it gives a topic is. */
function isOneTerm(space: TopicSpace, key: string): boolean {
  const words = key.trim().split(/\s+/).length;
  return space.terms(key).some((t) => t.split(' ').length === words);
}

/** Whether a control the user set (by a name, perhaps an older one) is about this topic. */
function near(c: Control, t: Topic): boolean {
  if (c.key === t.key || t.name.terms.some((term) => topicKey(term) === c.key)) return true;
  if (!c.vec) return false;
  return (t.nameVec !== null && cosine(c.vec, t.nameVec) >= NAMED.nameNear) || cosine(c.vec, t.centre) >= NAMED.centreNear;
}

/** Two groups the model names alike are one topic to the user. */
function mergeSameName(topics: Topic[]): Topic[] {
  const byKey = new Map<string, Topic>();
  for (const t of topics) {
    const same = byKey.get(t.key);
    if (same) same.signals.push(...t.signals);
    else byKey.set(t.key, t);
  }
  return [...byKey.values()];
}

/** A pinned topic no group matches any more: the items still about it, however few. */
function pinnedFromItems(pin: Control, items: readonly Item[]): Topic | null {
  if (!pin.vec) return null;
  const members = items.filter((it) => it.vec && cosine(it.vec, pin.vec!) >= GROUPING.join);
  if (!members.length) return null;
  const label = displayKey(pin.key, pin.key);
  return {
    key: pin.key, label, name: { label, terms: [pin.key], coverage: 1 }, nameVec: pin.vec, centre: pin.vec, pinned: true,
    signals: members.flatMap((m) => m.signals).sort((a, b) => a - b),
  };
}

const displayKey = (key: string, fallback: string) => (key ? key.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase()) : fallback);

/** Order of the cards: the evidence, more for a topic whose items plainly say its name ("Bread" in a third of the
 * bread items) than for a looser group of everyday posts that only some of them name ("Present"). */
const rankOf = (t: Topic, s: Standing) => s.score * (NAMED.clarityFloor + Math.min(1 - NAMED.clarityFloor, t.name.coverage * NAMED.clarityScale));

interface Standing {
  believed: boolean;
  score: number;
  confidence: number;
  items: number;
}

/** A topic's evidence as of `at`: only signals up to then, each weighed by its age then. */
function standing(
  t: Topic, at: number, signals: readonly Signal[], weights: readonly number[], decay: (ts: number, at: number) => number, minItems: number, minConfidence: number,
): Standing {
  let pos = 0;
  let neg = 0;
  const seen = new Set<string>();
  for (const i of t.signals) {
    const s = signals[i];
    if (s.ts > at) break;
    const w = weights[i] * decay(s.ts, at);
    if (w > 0) {
      pos += w;
      seen.add(itemKeyOf(s));
    } else neg -= w;
  }
  const confidence = evidenceConfidence(pos, neg);
  return { believed: seen.size >= minItems && pos > neg && confidence >= minConfidence, score: pos - neg, confidence, items: seen.size };
}

/** When the topic first stood on its evidence. */
function learnedAt(t: Topic, signals: readonly Signal[], believed: (t: Topic, at: number) => Standing): number | null {
  for (const i of t.signals) if (believed(t, signals[i].ts).believed) return signals[i].ts;
  return null;
}

function evidenceOf(t: Topic, signals: readonly Signal[], weights: readonly number[], max = 20): Evidence[] {
  const out: Evidence[] = [];
  for (let p = t.signals.length - 1; p >= 0 && out.length < max; p--) {
    const s = signals[t.signals[p]];
    out.push({ signalId: s.id, type: s.type, platform: s.platform, itemId: s.itemId, title: s.title, url: s.url, ts: s.ts, weight: weights[t.signals[p]] });
  }
  return out;
}

/** The topics entering and leaving the top 15 at up to 120 moments between the first signal and now. */
function timelineOf(topics: readonly Topic[], signals: readonly Signal[], now: number, believed: (t: Topic, at: number) => Standing): TimelineEvent[] {
  if (!signals.length || !topics.length) return [];
  const start = signals[0].ts;
  const steps = Math.min(120, Math.ceil((now - start) / 86_400_000) + 1);
  const step = Math.max(86_400_000, (now - start) / Math.max(1, steps - 1));
  const events: TimelineEvent[] = [];
  let previous = new Map<string, { label: string; confidence: number }>();
  for (let i = 0; i < steps; i++) {
    const at = Math.min(now, start + i * step);
    const current = new Map(
      topics
        .map((t) => ({ t, s: believed(t, at) }))
        .filter(({ s }) => s.believed)
        .sort((a, b) => b.s.score - a.s.score || a.t.label.localeCompare(b.t.label))
        .slice(0, 15)
        .map(({ t, s }) => [t.key, { label: t.label, confidence: +s.confidence.toFixed(3) }]),
    );
    for (const [topic, x] of current) if (!previous.has(topic)) events.push({ ts: at, topic, label: x.label, change: 'learned', confidence: x.confidence });
    for (const [topic, x] of previous) if (!current.has(topic)) events.push({ ts: at, topic, label: x.label, change: 'dropped', confidence: x.confidence });
    previous = current;
  }
  return events.reverse();
}
