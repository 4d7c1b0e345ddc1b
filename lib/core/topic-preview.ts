import { keywordStems } from './shield/text';
import { TopicScorer } from './meaning/score';
import type { TopicExpansion } from './meaning/types';
import type { TopicExample, TopicPreview } from '../schema/topic-preview';

export type { TopicExample, TopicPreview };

/**
 * "See before you trust": what a topic the user is typing would catch in their own recent feed, before they add
 * it. The same two ways a tab acts on a topic: its literal words (the label and the user's keywords, folded as
 * the shield's matcher folds them) and, when the meaning model is there, the topic's weighted terms at the
 * topic's threshold. Pure: the background hands in the expansion and the recent items from the log.
 */

/** One item from the decision log, newest first. */
export interface RecentItem {
  platform: string;
  itemId: string;
  title: string;
}

export interface PreviewInput {
  label: string;
  keywords?: readonly string[];
  /** The expansion of the label with the user's exclusions applied, or null when the model is unavailable. */
  expansion: TopicExpansion | null;
  recent: readonly RecentItem[];
  /** True for text in another language than English: the tabs act on it by the topic's literal words only (the
   * model's terms are English), and so does the preview. */
  isForeign?: (text: string) => boolean;
  maxExamples?: number;
}

export const PREVIEW_EXAMPLES = 4;

export function previewTopic({ label, keywords = [], expansion, recent, isForeign, maxExamples = PREVIEW_EXAMPLES }: PreviewInput): TopicPreview {
  const phrases = [label, ...keywords].map((p) => ({ shown: p.trim(), stems: keywordStems(p) })).filter((p) => p.stems.length > 0);
  const known = expansion?.known === true;
  const scorer = known ? new TopicScorer(expansion.terms) : null;
  const threshold = expansion?.threshold ?? 1;

  const hits: Array<{ example: TopicExample; score: number; order: number }> = [];
  const seen = new Set<string>();
  let scanned = 0;
  for (const item of recent) {
    const title = item.title.trim();
    // The log keeps a row per decision: the same item (or the same story on two sites) is one example.
    const key = title.toLowerCase();
    if (!title || seen.has(key) || seen.has(`${item.platform}\u0000${item.itemId}`)) continue;
    seen.add(key);
    seen.add(`${item.platform}\u0000${item.itemId}`);
    scanned++;

    const words = keywordStems(title);
    const literal = phrases.filter((p) => containsRun(words, p.stems)).map((p) => p.shown);
    if (literal.length > 0) {
      // The user's own words are the surest evidence, as they are in the tab.
      hits.push({ example: { title, platform: item.platform, matched: literal }, score: 2, order: scanned });
      continue;
    }
    if (!scorer || isForeign?.(title)) continue;
    const { score, evidence } = scorer.score(title);
    if (score >= threshold && evidence.length > 0) hits.push({ example: { title, platform: item.platform, matched: evidence }, score, order: scanned });
  }
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return {
    related: known ? expansion.related : [],
    known,
    examples: hits.slice(0, maxExamples).map((h) => h.example),
    matches: hits.length,
    scanned,
  };
}

/** True when `run` occurs in `words` as consecutive words. */
function containsRun(words: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}
