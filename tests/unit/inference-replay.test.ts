import { describe, expect, it } from 'vitest';
import { inferModel, inferTopics, inferenceTimeline, signalWeight, type InferOptions, type InferredTopic, type TimelineEvent } from '@/lib/core/inference/infer';
import { displayTopic, foldWord, termsWithForms, topicTerms } from '@/lib/core/inference/terms';
import { evidenceConfidence } from '@/lib/core/inference/confidence';
import { statedInterestShares } from '@/lib/core/inference/summary';
import type { LoggedDecision, Signal } from '@/lib/schema/log';
import type { Interest } from '@/lib/schema/profile';
import { seededRandom } from '@/lib/core/random';

/** The fast paths (one replay for the whole timeline, words folded once) must compute what the plain definitions
 * below compute: these are the definitions the view used before, written for clarity, not speed. */

const STOP_SAMPLE = ['the', 'and', 'video', 'official'];
const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#.'-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu;

function plainTopicTerms(text: string, stop: (w: string) => boolean): string[] {
  const words = (text.normalize('NFKC').match(WORD) ?? []).map(foldWord).filter((w) => w.length >= 3 && !stop(w) && !/^\d+$/.test(w));
  const out = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return [...out];
}

const norm = (t: string) => t.trim().toLowerCase();

function plainInferTopics(signals: Signal[], opts: InferOptions): InferredTopic[] {
  const halfLife = (opts.halfLifeDays ?? 30) * 86_400_000;
  const minItems = opts.minItems ?? 2;
  const minConfidence = opts.minConfidence ?? 0.3;
  const rejected = new Set((opts.controls?.rejected ?? []).map(norm));
  const pinned = new Set((opts.controls?.pinned ?? []).map(norm));
  const confirmed = new Set((opts.controls?.confirmed ?? []).map(norm));
  const forgotten = opts.controls?.forgotten ?? {};
  type Acc = { score: number; items: Set<string>; evidence: InferredTopic['evidence']; first: number; crossed: number; forms: Map<string, number>; best: string; bestCount: number };
  const acc = new Map<string, Acc>();
  const ordered = [...signals].filter((s) => s.ts <= opts.now).sort((a, b) => a.ts - b.ts);
  for (const s of ordered) {
    const base = signalWeight(s);
    if (base === 0) continue;
    const decay = Math.pow(0.5, Math.max(0, opts.now - s.ts) / halfLife);
    const text = `${s.title} ${s.type === 'search' ? s.detail : ''}`;
    const own = termsWithForms(text);
    const forms = new Map(own.terms.map((t, n) => [t, own.forms[n]]));
    for (const t of opts.extract?.(text) ?? []) if (!forms.has(norm(t))) forms.set(norm(t), norm(t));
    for (const [term, form] of forms) {
      if (rejected.has(term) || (forgotten[term] !== undefined && s.ts <= forgotten[term])) continue;
      let a = acc.get(term);
      if (!a) acc.set(term, (a = { score: 0, items: new Set(), evidence: [], first: s.ts, crossed: 0, forms: new Map(), best: form, bestCount: 0 }));
      a.score += base * decay;
      a.items.add(`${s.platform}:${s.itemId || s.title}`);
      a.evidence.push({ signalId: s.id, type: s.type, platform: s.platform, itemId: s.itemId, title: s.title, url: s.url, ts: s.ts, weight: base });
      const n = (a.forms.get(form) ?? 0) + 1;
      a.forms.set(form, n);
      if (n > a.bestCount) [a.best, a.bestCount] = [form, n];
      if (!a.crossed && a.score > 0 && a.items.size >= minItems) a.crossed = s.ts;
    }
  }
  const confidence = (score: number) => evidenceConfidence(score, 0);
  let topics: InferredTopic[] = [];
  for (const [term, a] of acc) {
    const isPinned = pinned.has(term);
    const c = confidence(a.score);
    if (!isPinned && (a.items.size < minItems || c < minConfidence || confirmed.has(term))) continue;
    topics.push({
      topic: term, label: displayTopic(a.best), confidence: +c.toFixed(3), score: +a.score.toFixed(3),
      evidence: a.evidence.slice(-20).reverse(), firstSeen: a.first, learnedAt: a.crossed || a.first, pinned: isPinned,
    });
  }
  const pairs = topics.filter((t) => t.topic.includes(' '));
  topics = topics.filter(
    (t) => t.pinned || t.topic.includes(' ') || !pairs.some((p) => p.topic.split(' ').includes(t.topic) && p.evidence.length >= t.evidence.length),
  );
  topics.sort((x, y) => Number(y.pinned) - Number(x.pinned) || y.score - x.score || x.topic.localeCompare(y.topic));
  return topics.slice(0, opts.limit ?? 30);
}

function plainTimeline(signals: Signal[], opts: InferOptions, stepMs = 86_400_000): TimelineEvent[] {
  if (!signals.length) return [];
  const start = Math.min(...signals.map((s) => s.ts));
  const events: TimelineEvent[] = [];
  let previous = new Map<string, InferredTopic>();
  const steps = Math.min(120, Math.ceil((opts.now - start) / stepMs) + 1);
  const step = Math.max(stepMs, (opts.now - start) / Math.max(1, steps - 1));
  for (let i = 0; i < steps; i++) {
    const t = Math.min(opts.now, start + i * step);
    const current = new Map(plainInferTopics(signals, { ...opts, now: t, limit: 15 }).map((x) => [x.topic, x]));
    for (const [topic, x] of current) if (!previous.has(topic)) events.push({ ts: t, topic, label: x.label, change: 'learned', confidence: x.confidence });
    for (const [topic, x] of previous) if (!current.has(topic)) events.push({ ts: t, topic, label: x.label, change: 'dropped', confidence: x.confidence });
    previous = current;
  }
  return events.reverse();
}

const WORDS = ['Rust', 'rust', "Rust's", 'RUST', 'politics', 'Politics', 'sourdough', 'starters', 'starter', 'chisel', 'Chisels', 'stories', 'story',
  'telescope', 'formula', '1', 'F1', 'node.js', 'C++', 'jazz', 'piano', 'pianos', 'the', 'and', 'video', 'Ωmega', 'café', '2024'];
const TYPES: Signal['type'][] = ['open', 'open', 'open', 'dwell', 'search', 'show-anyway', 'hide-by-hand', 'less-like-this', 'verdict'];
const PLATFORMS: Signal['platform'][] = ['youtube', 'reddit', 'x', 'hackernews'];
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

function randomSignals(seed: number, count: number, days: number): Signal[] {
  const r = seededRandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const title = () => Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(WORDS)).join(r() < 0.2 ? ': ' : ' ');
  return Array.from({ length: count }, (_, i) => {
    const type = pick(TYPES);
    const item = Math.floor(r() * count * 0.6);
    return {
      id: i + 1,
      // Whole hours, so several signals share a moment and the order among equals is exercised.
      ts: T0 + Math.floor(r() * days * 24) * 3_600_000,
      type,
      platform: pick(PLATFORMS),
      itemId: type === 'search' || r() < 0.05 ? '' : `item-${item}`,
      title: type === 'search' ? '' : title(),
      author: 'someone',
      url: `https://example.test/${item}`,
      detail: type === 'search' ? title() : '',
      value: type === 'dwell' ? Math.floor(r() * 5 * 60_000) : undefined,
    };
  });
}

describe('fast inference computes what the plain definitions compute', () => {
  it('tokenises titles as the plain word rule does, with the written form beside each term', () => {
    const r = seededRandom(7);
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: Math.floor(r() * 9) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
      const expected = plainTopicTerms(text, (w) => STOP_SAMPLE.includes(w));
      expect(topicTerms(text)).toEqual(expected);
      expect(termsWithForms(text).forms.map((f) => f.split(' ').map(foldWord).join(' '))).toEqual(expected);
    }
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`random signals, seed ${seed}: same topics and the same timeline`, () => {
      const signals = randomSignals(seed, 400, 90);
      const r = seededRandom(seed * 101);
      const now = T0 + 95 * DAY;
      const controls =
        seed % 2
          ? { rejected: ['jazz'], pinned: ['telescope', 'Piano'], forgotten: { rust: T0 + Math.floor(r() * 60) * DAY }, confirmed: ['sourdough'] }
          : undefined;
      const opts: InferOptions = { now, controls, minConfidence: seed === 3 ? 0 : undefined, extract: seed === 4 ? (t) => (/piano/i.test(t) ? ['Music', 'jazz piano'] : []) : undefined };
      for (const at of [T0 + 10 * DAY, T0 + 45 * DAY, now]) expect(inferTopics(signals, { ...opts, now: at })).toEqual(plainInferTopics(signals, { ...opts, now: at }));
      const timeline = inferenceTimeline(signals, opts);
      expect(timeline.length).toBeGreaterThan(0);
      expect(timeline).toEqual(plainTimeline(signals, opts));
      expect(inferenceTimeline(signals, opts, 3 * 3_600_000)).toEqual(plainTimeline(signals, opts, 3 * 3_600_000));
      expect(inferModel(signals, opts)).toEqual({ topics: plainInferTopics(signals, opts), timeline });
    });
  }

  it('limits as slice does, and an empty or future-only log gives nothing', () => {
    const signals = randomSignals(9, 300, 30);
    const now = T0 + 31 * DAY;
    for (const limit of [0, 1, 3, 15, 1000, -2]) expect(inferTopics(signals, { now, limit })).toEqual(plainInferTopics(signals, { now, limit }));
    expect(inferTopics(signals, { now: T0 - DAY })).toEqual([]);
    expect(inferenceTimeline([], { now })).toEqual([]);
  });
});

describe('topic labels', () => {
  it('show the most common way a folded term was written ("politics", not "politic")', () => {
    const sig = (title: string, i: number): Signal => ({
      id: i, ts: T0 + i * DAY, type: 'open', platform: 'reddit', itemId: `p${i}`, title, author: 'a', url: '', detail: '',
    });
    const topics = inferTopics(
      ['Politics today', 'More politics news', 'Why politics matters', 'A politic answer', 'Stories from the lab', 'Two stories'].map(sig),
      { now: T0 + 7 * DAY, minConfidence: 0 },
    );
    expect(topics.find((t) => t.topic === 'politic')?.label).toBe('Politics');
    expect(topics.find((t) => t.topic === 'story')?.label).toBe('Stories');
  });
});

describe('stated interest shares', () => {
  const fold = (text: string) => ` ${(text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}+#'-]*/gu) ?? []).map(foldWord).join(' ')} `;
  function plainShares(decisions: LoggedDecision[], interests: Interest[]) {
    const phrases = interests.map((i) => [i.label, ...i.keywords].map(fold).filter((p) => p.trim().length > 0));
    const out = new Map<string, number[]>();
    for (const d of decisions) {
      const hits = out.get(d.platform) ?? interests.map(() => 0);
      out.set(d.platform, hits);
      phrases.forEach((ps, n) => {
        if (ps.some((ph) => fold(d.title).includes(ph))) hits[n]++;
      });
    }
    return out;
  }
  it('skipping titles that cannot match changes no count', () => {
    const r = seededRandom(11);
    const words = [...WORDS, "Rock'n'roll", 'rock’n’roll', 'ＲＵＳＴ', 'Stories', "story's", 'board-games', 'Board', 'games'];
    const decisions = Array.from({ length: 3000 }, (_, i): LoggedDecision => ({
      ts: T0 + i, platform: PLATFORMS[i % 4], itemId: `d${i}`, author: 'a', url: '', surface: 'home', action: 'show', reasons: [], score: 0.5, reordered: false,
      title: Array.from({ length: 1 + Math.floor(r() * 7) }, () => words[Math.floor(r() * words.length)]).join(' '),
    }));
    const interests: Interest[] = [
      { id: 'a', label: 'Stories', weight: 0.5, keywords: ['rock’n’roll'], exclude: [] },
      { id: 'b', label: 'Board games', weight: 0.5, keywords: ['rust', 'c++'], exclude: [] },
      { id: 'c', label: 'A', weight: 0.5, keywords: ['jazz piano'], exclude: [] },
    ];
    const fast = statedInterestShares(decisions, interests);
    const plain = plainShares(decisions, interests);
    expect([...fast.keys()].sort()).toEqual([...plain.keys()].sort());
    for (const [platform, hits] of plain) expect(fast.get(platform)!.map((s) => s.count)).toEqual(hits);
    expect([...plain.values()].flat().every((n) => n > 0)).toBe(true);
  });
});
