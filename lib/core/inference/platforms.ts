import type { LoggedDecision } from '../../schema/log';
import { MANIPULATION_KINDS } from '../../schema/profile';
import type { DiversityReport, ManipulationPoint, TopicShare } from '../../schema/summary';
import { TermForms, titleWords, type TermsWithForms } from './terms';

export type { DiversityReport, ManipulationPoint, TopicShare } from '../../schema/summary';

/** Each decision's title tokenised once, and how its words were written (for labels). The mix counts single
 * words, not pairs: pairs split one subject across many rows, which hides what a platform leans towards. Words
 * that are one subject are joined afterwards (mergeCollocations). */
export interface TokenisedLog {
  titles: TermsWithForms[];
  forms: TermForms;
}

export function tokeniseLog(decisions: readonly LoggedDecision[]): TokenisedLog {
  const forms = new TermForms();
  const titles = decisions.map((d) => {
    const t = titleWords(d.title);
    for (let n = 0; n < t.words; n++) forms.add(t.terms[n], t.forms[n]);
    return t;
  });
  return { titles, forms };
}

/** Words that come together in at least this share of the items holding either, next to each other, are one
 * subject: "Elden" and "Ring" are shown as "Elden Ring", not as two topics of the same size. */
const TOGETHER = 0.8;
const MAX_PHRASE_WORDS = 3;
/** Candidates looked at for merging, per shown topic: a phrase's words are each among the commonest. */
const CANDIDATES_PER_TOPIC = 3;

/** The topic mix of what each platform recommended: the platform's picture of the user, made visible. */
export function platformTopicMix(decisions: LoggedDecision[], top = 8, log: TokenisedLog = tokeniseLog(decisions)): Record<string, TopicShare[]> {
  const byPlatform = new Map<string, { counts: Map<string, number>; rows: number[] }>();
  decisions.forEach((d, i) => {
    let p = byPlatform.get(d.platform);
    if (!p) byPlatform.set(d.platform, (p = { counts: new Map<string, number>(), rows: [] }));
    p.rows.push(i);
    const t = log.titles[i];
    for (let n = 0; n < t.words; n++) p.counts.set(t.terms[n], (p.counts.get(t.terms[n]) ?? 0) + 1);
  });
  const out: Record<string, TopicShare[]> = {};
  for (const [platform, { counts, rows }] of byPlatform) {
    const candidates = [...counts.entries()]
      .filter(([, c]) => c >= 2)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, top * CANDIDATES_PER_TOPIC)
      .map(([term, count]) => ({ term, count }));
    out[platform] = mergeCollocations(candidates, rows, log)
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
      .slice(0, top)
      .map((t) => ({ ...t, share: t.count / rows.length }));
  }
  return out;
}

/**
 * Joins candidate words that are one subject into a phrase: each pair of its words comes together in at least
 * TOGETHER of the items that hold either word, and each word is written next to another of them that often.
 * The phrase counts the items that hold all its words, and reads in the order the titles use.
 */
function mergeCollocations(
  candidates: ReadonlyArray<{ term: string; count: number }>,
  rows: readonly number[],
  log: TokenisedLog,
): Array<{ topic: string; label: string; count: number }> {
  const index = new Map(candidates.map((c, k) => [c.term, k]));
  const k = candidates.length;
  // For each pair of candidates (k is a few dozen): items holding both, and items where they are neighbours.
  const both = new Int32Array(k * k);
  const adjacent = new Int32Array(k * k);
  const present: number[] = [];
  const rowsOf: number[][] = candidates.map(() => []);
  for (const r of rows) {
    const t = log.titles[r];
    present.length = 0;
    for (let n = 0; n < t.words; n++) {
      const x = index.get(t.terms[n]) ?? -1;
      present.push(x);
      if (x >= 0) rowsOf[x].push(r);
    }
    for (let a = 0; a < present.length; a++) {
      const x = present[a];
      if (x < 0) continue;
      for (let b = a + 1; b < present.length; b++) {
        const y = present[b];
        if (y < 0) continue;
        both[x * k + y]++;
        both[y * k + x]++;
        if (b === a + 1) {
          adjacent[x * k + y]++;
          adjacent[y * k + x]++;
        }
      }
    }
  }
  const union = (x: number, y: number) => candidates[x].count + candidates[y].count - both[x * k + y];
  const cooccur = (x: number, y: number) => both[x * k + y] >= TOGETHER * union(x, y);
  const neighbours = (x: number, y: number) => adjacent[x * k + y] >= TOGETHER * union(x, y);

  const used = new Uint8Array(k);
  const out: Array<{ topic: string; label: string; count: number }> = [];
  for (let x = 0; x < k; x++) {
    if (used[x]) continue;
    used[x] = 1;
    const group = [x];
    for (let y = x + 1; y < k && group.length < MAX_PHRASE_WORDS; y++) {
      // A third word joins when it comes with both and stands next to one ("gaming setup tour").
      if (!used[y] && group.every((g) => cooccur(g, y)) && group.some((g) => neighbours(g, y))) {
        group.push(y);
        used[y] = 1;
      }
    }
    if (group.length === 1) {
      const { term, count } = candidates[x];
      out.push({ topic: term, label: log.forms.label(term), count });
      continue;
    }
    // Every item holding all the words is among those holding the rarest of them.
    out.push(phraseOf(group.map((g) => candidates[g].term), rowsOf[group[group.length - 1]], log));
  }
  return out;
}

/** A merged subject: its words in title order, and how many of `rows` hold all of them. */
function phraseOf(terms: string[], rows: readonly number[], log: TokenisedLog): { topic: string; label: string; count: number } {
  const position = new Map(terms.map((t) => [t, 0]));
  let count = 0;
  for (const r of rows) {
    const t = log.titles[r];
    const at = terms.map((term) => t.terms.indexOf(term));
    if (at.some((p) => p < 0 || p >= t.words)) continue;
    count++;
    terms.forEach((term, n) => position.set(term, position.get(term)! + at[n]));
  }
  const ordered = [...terms].sort((a, b) => position.get(a)! - position.get(b)!);
  return { topic: ordered.join(' '), label: ordered.map((t) => log.forms.label(t)).join(' '), count };
}

const KINDS = new Set<string>([...MANIPULATION_KINDS, 'promoted']);

/** Share of recommended items flagged as manipulative (or promoted), per platform per day. */
export function manipulationOverTime(decisions: LoggedDecision[], bucketMs = 86_400_000): ManipulationPoint[] {
  const byPlatform = new Map<string, Map<number, ManipulationPoint>>();
  const kinds: string[] = [];
  for (const d of decisions) {
    const day = Math.floor(d.ts / bucketMs) * bucketMs;
    let days = byPlatform.get(d.platform);
    if (!days) byPlatform.set(d.platform, (days = new Map()));
    let p = days.get(day);
    if (!p) days.set(day, (p = { day, platform: d.platform, total: 0, manipulative: 0, share: 0, byKind: {} }));
    p.total++;
    kinds.length = 0;
    for (const r of d.reasons) if (r.kind && KINDS.has(r.kind) && !kinds.includes(r.kind)) kinds.push(r.kind);
    if (kinds.length) p.manipulative++;
    const byKind = p.byKind as Record<string, number>;
    for (const k of kinds) byKind[k] = (byKind[k] ?? 0) + 1;
  }
  return [...byPlatform.values()]
    .flatMap((days) => [...days.values()])
    .map((p) => ({ ...p, share: p.total ? p.manipulative / p.total : 0 }))
    .sort((a, b) => a.day - b.day || a.platform.localeCompare(b.platform));
}

function entropy(counts: Map<string, number>): number {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0 || counts.size < 2) return 0;
  let h = 0;
  for (const c of counts.values()) {
    const p = c / total;
    h -= p * Math.log(p);
  }
  return h / Math.log(counts.size);
}

/** The echo-chamber guard: compares the spread of topics before and after filtering. Narrowing is reported when
 * the shown mix loses more than `tolerance` of the recommended mix's spread. */
export function diversityReport(decisions: LoggedDecision[], tolerance = 0.1, log: TokenisedLog = tokeniseLog(decisions)): DiversityReport {
  const all = new Map<string, number>();
  const shown = new Map<string, number>();
  const removed = new Map<string, number>();
  let shownItems = 0;
  decisions.forEach((d, i) => {
    const title = log.titles[i];
    const visible = d.action !== 'hide' || d.reversedAt !== undefined;
    if (visible) shownItems++;
    for (let n = 0; n < Math.min(3, title.words); n++) {
      const t = title.terms[n];
      all.set(t, (all.get(t) ?? 0) + 1);
      if (visible) shown.set(t, (shown.get(t) ?? 0) + 1);
      else removed.set(t, (removed.get(t) ?? 0) + 1);
    }
  });
  // Entropy over the recommended vocabulary, so dropping topics entirely counts as narrowing.
  const shownOverAll = new Map([...all.keys()].map((k) => [k, shown.get(k) ?? 0]));
  const nonZero = new Map([...shownOverAll].filter(([, v]) => v > 0));
  const rec = entropy(all);
  const sh = all.size > 1 ? (entropy(nonZero) * Math.log(Math.max(2, nonZero.size))) / Math.log(all.size) : 0;
  const mostRemoved = [...removed.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([topic, count]) => ({ topic, label: log.forms.label(topic), count, share: count / Math.max(1, all.get(topic) ?? 1) }));
  return {
    recommended: +rec.toFixed(3),
    shown: +sh.toFixed(3),
    recommendedItems: decisions.length,
    shownItems,
    narrowing: decisions.length >= 20 && rec - sh > tolerance,
    mostRemoved,
  };
}
