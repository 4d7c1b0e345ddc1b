import type { LoggedDecision } from '../../schema/log';
import { MANIPULATION_KINDS, type ManipulationKind } from '../../schema/profile';
import { TermForms, titleWords, type TermsWithForms } from './terms';

export interface TopicShare {
  topic: string;
  label: string;
  share: number;
  count: number;
}

/** Each decision's title tokenised once, and how its words were written (for labels). Single words only are
 * used below: pairs split one subject across many rows, which hides what a platform leans towards. */
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

/** The topic mix of what each platform recommended: the platform's picture of the user, made visible. */
export function platformTopicMix(decisions: LoggedDecision[], top = 8, log: TokenisedLog = tokeniseLog(decisions)): Record<string, TopicShare[]> {
  const byPlatform = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  decisions.forEach((d, i) => {
    let counts = byPlatform.get(d.platform);
    if (!counts) byPlatform.set(d.platform, (counts = new Map<string, number>()));
    totals.set(d.platform, (totals.get(d.platform) ?? 0) + 1);
    const t = log.titles[i];
    for (let n = 0; n < t.words; n++) counts.set(t.terms[n], (counts.get(t.terms[n]) ?? 0) + 1);
  });
  const out: Record<string, TopicShare[]> = {};
  for (const [platform, counts] of byPlatform) {
    const total = totals.get(platform)!;
    out[platform] = [...counts.entries()]
      .filter(([, c]) => c >= 2)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, top)
      .map(([topic, count]) => ({ topic, label: log.forms.label(topic), count, share: count / total }));
  }
  return out;
}

export interface ManipulationPoint {
  day: number;
  platform: string;
  total: number;
  manipulative: number;
  share: number;
  byKind: Partial<Record<ManipulationKind | 'promoted', number>>;
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

export interface DiversityReport {
  /** Normalised topic entropy (0 = one topic, 1 = evenly spread) of everything the platforms recommended. */
  recommended: number;
  /** The same over what the user was actually shown after Parapet's filtering. */
  shown: number;
  recommendedItems: number;
  shownItems: number;
  /** True when Parapet's own filtering made the feed noticeably narrower. */
  narrowing: boolean;
  /** Topics Parapet removed most of, for the warning text. */
  mostRemoved: TopicShare[];
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
