import type { LoggedDecision } from '../../schema/log';
import type { Interest } from '../../schema/profile';
import type { DecisionSummary, PlatformPicture, StatedShare, TopicShare } from '../../schema/summary';
import { diversityReport, manipulationOverTime, platformTopicMix, tokeniseLog } from './platforms';
import { platformNamedMix } from './platform-topics';
import { foldWord, isDigits } from './terms';
import type { TopicSpace } from './topic-space';

export type { DecisionSummary, PlatformPicture, StatedShare } from '../../schema/summary';

// Folding each distinct word once: a 20,000-row summary sees far fewer distinct words than rows.
const foldedWords = new Map<string, string>();
function foldOnce(w: string): string {
  if (isDigits(w)) return w;
  let f = foldedWords.get(w);
  if (f === undefined) {
    if (foldedWords.size >= 200_000) foldedWords.clear();
    foldedWords.set(w, (f = foldWord(w)));
  }
  return f;
}
const PHRASE_WORD = /[\p{L}\p{N}][\p{L}\p{N}+#'-]*/gu;
const fold = (text: string) => ` ${(text.normalize('NFKC').toLowerCase().match(PHRASE_WORD) ?? []).map(foldOnce).join(' ')} `;

/** An interest's phrases (label and keywords), folded like titles so "Board games" finds "board game night". */
function interestPhrases(i: Interest): string[] {
  return [i.label, ...i.keywords].map(fold).filter((p) => p.trim().length > 0);
}

const ASCII = /^[\x00-\x7f]*$/;
const APOSTROPHES = /['’]/g;

/** What every ASCII title that folds to contain `phrase` must contain as it is written (lower-cased, apostrophes
 * dropped): its first word less the last letter, which folding may have changed ("stories" -> "story"). */
function phraseStem(phrase: string): string {
  const first = phrase.trim().split(' ')[0];
  return first.slice(0, -1);
}

/** False only when no phrase can match: most titles match no interest, and this skips folding them. */
function mayMatch(title: string, stems: readonly string[]): boolean {
  if (!ASCII.test(title)) return true;
  let plain = title.toLowerCase();
  if (plain.includes("'")) plain = plain.replace(APOSTROPHES, '');
  return stems.some((s) => plain.includes(s));
}

/** Share of each platform's items that match each stated interest. */
export function statedInterestShares(decisions: readonly LoggedDecision[], interests: readonly Interest[]): Map<string, StatedShare[]> {
  const phrases = interests.map((i) => ({ label: i.label, phrases: interestPhrases(i) }));
  const stems = phrases.flatMap((p) => p.phrases.map(phraseStem));
  const counts = new Map<string, { total: number; hits: number[] }>();
  for (const d of decisions) {
    let c = counts.get(d.platform);
    if (!c) counts.set(d.platform, (c = { total: 0, hits: phrases.map(() => 0) }));
    c.total++;
    if (!phrases.length || !mayMatch(d.title, stems)) continue;
    const title = fold(d.title);
    for (let n = 0; n < phrases.length; n++) if (phrases[n].phrases.some((ph) => title.includes(ph))) c.hits[n]++;
  }
  const out = new Map<string, StatedShare[]>();
  for (const [platform, c] of counts) {
    out.set(
      platform,
      phrases.map((p, n) => ({ label: p.label, count: c.hits[n], share: c.total ? c.hits[n] / c.total : 0 })),
    );
  }
  return out;
}

/** `space` (the meaning model) names each platform's topics as the inferred model does; without it, the mix counts
 * title words. */
export function summariseDecisions(decisions: readonly LoggedDecision[], interests: readonly Interest[], space?: TopicSpace | null): DecisionSummary {
  const rows = decisions as LoggedDecision[];
  const log = tokeniseLog(rows);
  const mix = space ? platformNamedMix(rows, space) : platformTopicMix(rows, undefined, log);
  const stated = statedInterestShares(rows, interests);
  const manipulation = manipulationOverTime(rows);
  const byPlatform = new Map<string, { items: number; manipulative: number }>();
  for (const p of manipulation) {
    const b = byPlatform.get(p.platform) ?? { items: 0, manipulative: 0 };
    b.items += p.total;
    b.manipulative += p.manipulative;
    byPlatform.set(p.platform, b);
  }
  let from: number | null = null;
  let to: number | null = null;
  for (const d of rows) {
    if (from === null || d.ts < from) from = d.ts;
    if (to === null || d.ts > to) to = d.ts;
  }
  const platforms = [...byPlatform.entries()]
    .map(([platform, b]) => ({
      platform: platform as LoggedDecision['platform'],
      items: b.items,
      manipulative: b.manipulative,
      topics: mix[platform] ?? [],
      stated: stated.get(platform) ?? [],
    }))
    .sort((a, b) => b.items - a.items);
  return { considered: rows.length, from, to, platforms, manipulation, diversity: diversityReport(rows, undefined, log) };
}
