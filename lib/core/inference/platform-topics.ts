import type { LoggedDecision } from '../../schema/log';
import { topicKey } from './controls';
import { assign, GROUPING, groupByMeaning } from './meaning-groups';
import type { TopicShare } from './platforms';
import { nameGroup } from './topic-names';
import { embedOnce, type TopicSpace } from './topic-space';

/** At most this many items per platform are read for its mix: a share from 1,500 items is within a few points of
 * the share from 20,000, and reading every title would cost the Inferred view's opening. */
const SAMPLE_PER_PLATFORM = 1_500;
/** Groups named, largest first: the charts show 8 topics a platform and most platforms share their subjects. */
const NAMED_GROUPS = 30;
/** A topic needs this many of the sampled items to be shown. */
const MIN_ITEMS = 3;

/**
 * What each platform recommended, as the same named topics the inferred model shows ("Woodworking", "Politics"):
 * the platforms' items are grouped by meaning together, so one subject has one name on every platform, and each
 * platform's share of each topic is counted. Items about no named subject are not counted in any topic.
 */
export function platformNamedMix(decisions: readonly LoggedDecision[], space: TopicSpace, top = 8): Record<string, TopicShare[]> {
  const byPlatform = new Map<string, number[]>();
  decisions.forEach((d, i) => {
    let rows = byPlatform.get(d.platform);
    if (!rows) byPlatform.set(d.platform, (rows = []));
    rows.push(i);
  });
  const rows: number[] = [];
  const platformOf: string[] = [];
  for (const [platform, all] of byPlatform) {
    // Evenly spread over the log, so every period of it is read.
    const take = Math.min(all.length, SAMPLE_PER_PLATFORM);
    for (let k = 0; k < take; k++) {
      rows.push(all[Math.floor((k * all.length) / take)]);
      platformOf.push(platform);
    }
  }
  const placed: number[] = [];
  const vecs: Float32Array[] = [];
  rows.forEach((r, n) => {
    const v = embedOnce(space, decisions[r].title);
    if (v) {
      placed.push(n);
      vecs.push(v);
    }
  });
  const groups = groupByMeaning(vecs, vecs.map(() => 1));
  const centres = groups.map((g) => g.centre);
  const named: Array<{ key: string; label: string; centre: Float32Array }> = [];
  // Naming costs passes over the model's vocabulary: the largest groups only, enough for every platform's chart.
  const largest = groups.map((g, k) => ({ g, k })).filter(({ g }) => g.members.length >= MIN_ITEMS).sort((a, b) => b.g.members.length - a.g.members.length || a.k - b.k);
  largest.slice(0, NAMED_GROUPS).forEach(({ g, k }) => {
    const name = nameGroup(space, g.centre, g.members.map((m) => decisions[rows[placed[m]]].title), centres.filter((_, j) => j !== k));
    if (name) named.push({ key: topicKey(name.label), label: name.label, centre: g.centre });
  });
  const topicOf = assign(vecs, named.map((t) => t.centre), GROUPING.join);

  const counts = new Map<string, Map<string, number>>();
  const sampled = new Map<string, number>();
  rows.forEach((_, n) => sampled.set(platformOf[n], (sampled.get(platformOf[n]) ?? 0) + 1));
  placed.forEach((n, v) => {
    if (topicOf[v] < 0) return;
    const p = platformOf[n];
    let c = counts.get(p);
    if (!c) counts.set(p, (c = new Map()));
    const key = named[topicOf[v]].key;
    c.set(key, (c.get(key) ?? 0) + 1);
  });
  const labels = new Map(named.map((t) => [t.key, t.label]));
  const out: Record<string, TopicShare[]> = {};
  for (const [platform, all] of byPlatform) {
    const n = sampled.get(platform) ?? 1;
    out[platform] = [...(counts.get(platform) ?? [])]
      .filter(([, c]) => c >= 2)
      .map(([key, c]) => ({ topic: key, label: labels.get(key)!, share: c / n, count: Math.round((c / n) * all.length) }))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
      .slice(0, top);
  }
  return out;
}
