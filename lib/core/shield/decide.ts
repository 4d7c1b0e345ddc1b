import { FEED_PLATFORMS, type FeedPlatform } from '../../schema/constants';
import { REASON_DETAIL_MAX } from '../../schema/constants';
import type { Action, Decision, Reason } from '../../schema/decision';
import type { FeedItem } from '../../schema/item';
import type { PolicyAction, PolicyKind } from '../../schema/profile';
import { sortSmall } from '../sort-small';
import { lessLikeMatch } from '../less-like';
import { ItemExceptions } from './exceptions';
import { foldAuthor } from './text';
import type { CompiledProfile } from './types';
import { toUnit } from '../unit';

/**
 * Precedence, strongest first:
 *  1. the user's exceptions ("show anyway" for an author, a rule, a kind on this item) excuse whatever they name;
 *  2. blocked authors, avoid-topics and hide rules hide;
 *  3. detector policies and the platform's own markers (promoted, Shorts) hide > demote > label;
 *     keyword/regex rules with demote/label take part at the same level;
 *  4. interests and boost rules boost only an item nothing else acted on.
 * The final action is the most severe reason left after exceptions; the score (0..1, 0.5 neutral) orders
 * newly arrived items and is pushed down for demoted ones so reordering moves them after the rest.
 */
const SEVERITY: Record<Action, number> = { show: 0, boost: 1, label: 2, demote: 3, hide: 4 };

/** An item whose interest score reaches this is boosted. One keyword of a 0.7-weight interest gives 0.675. */
export const BOOST_THRESHOLD = 0.6;
/** What one matching boost rule adds, on the same scale as an interest's weight. */
const BOOST_RULE_WEIGHT = 0.5;

const MAX_REASONS = 20;
/** An item about an interest by meaning counts as its label named: enough to boost it. */
const TOPIC_HITS = 2;
const JUDGED_BY = 'fast';

interface Candidate {
  reason: Reason;
  action: Action;
  /** The rule or topic id, so an exception can name it. */
  ref?: string;
}

/** Decides one item synchronously. Never throws: on any failure the item is shown (fail open). */
export function decide(compiled: CompiledProfile, item: FeedItem): Decision {
  try {
    return decideItem(compiled, item);
  } catch {
    return decision(compiled ?? ({} as CompiledProfile), validPlatform(item?.platform), str(item?.id, 200), 'show', [], 0.5, false);
  }
}

function decision(
  c: CompiledProfile,
  platform: FeedPlatform | null,
  itemId: string,
  action: Action,
  reasons: Reason[],
  score: number,
  uncertain: boolean,
): Decision {
  return {
    platform: platform ?? c.platform ?? 'youtube',
    itemId,
    action,
    reasons: reasons.length > MAX_REASONS ? reasons.slice(0, MAX_REASONS) : reasons,
    score: toUnit(score),
    uncertain,
    judgedBy: JUDGED_BY,
  };
}

/** What the reasons found so far do to one item, after the user's exceptions. */
class Verdict {
  readonly excused: Reason[] = [];
  readonly kept: Candidate[] = [];
  worst = 0;
  /** `exceptions`: null when the profile has none for the site. */
  constructor(readonly exceptions: ItemExceptions | null) {}

  consider(cand: Candidate): void {
    if (this.exceptions?.excuses(cand.reason, cand.ref)) {
      this.excused.push(cand.reason);
      return;
    }
    this.kept.push(cand);
    this.worst = Math.max(this.worst, SEVERITY[cand.action]);
  }
}

/** The matcher's hits for the item being decided. decide() is synchronous and the matcher calls back before
 * it returns, so one module-level record (and one callback, made once) serves every item. */
const hits = {
  c: null as unknown as CompiledProfile,
  platformBit: 0,
  avoidWords: null as Map<number, string[]> | null,
  interests: null as Map<number, { hits: number; words: string[] }> | null,
  rules: null as Candidate[] | null,
  /** Topics by meaning with at least one term found: topic -> summed weight and the words, strongest first. */
  termTopics: null as Map<number, { sum: number; words: Array<[string, number]> }> | null,
};

function onMatch(target: number, evidence: string): void {
  const c = hits.c;
  const t = c.target(target);
  if (t.type === 'rule') {
    const rule = c.rules[t.index];
    if (rule.platformMask !== 0 && (rule.platformMask & hits.platformBit) === 0) return;
    const code = rule.kind === 'regex' ? 'regex-rule' : 'keyword-rule';
    (hits.rules ??= []).push({ action: rule.action, ref: rule.id, reason: reason(code, rule.pattern, 'rule', [evidence]) });
  } else if (t.type === 'term') {
    const topics = (hits.termTopics ??= new Map());
    const h = topics.get(t.topic);
    if (h) {
      h.sum += t.weight;
      h.words.push([evidence, t.weight]);
    } else topics.set(t.topic, { sum: t.weight, words: [[evidence, t.weight]] });
  } else if (t.type === 'avoid') {
    const avoidWords = (hits.avoidWords ??= new Map());
    const words = avoidWords.get(t.index);
    if (words) words.push(evidence);
    else avoidWords.set(t.index, [evidence]);
  } else {
    const interests = (hits.interests ??= new Map());
    const h = interests.get(t.index);
    const add = t.isLabel ? 2 : 1;
    if (h) {
      h.hits += add;
      h.words.push(evidence);
    } else interests.set(t.index, { hits: add, words: [evidence] });
  }
}

/** The fields the matcher reads, one array for every item (decide() is synchronous; the matcher keeps none). */
const FIELDS = ['', '', ''];

const BY_SEVERITY = (Object.keys(SEVERITY) as Action[]).sort((a, b) => SEVERITY[a] - SEVERITY[b]);

function decideItem(c: CompiledProfile, item: FeedItem): Decision {
  const platform = validPlatform(item.platform);
  const itemId = str(item.id, 200);
  if (platform === null || c.paused || c.sitesOff.has(platform) || (c.platform !== undefined && platform !== c.platform)) {
    return decision(c, platform, itemId, 'show', [], 0.5, false);
  }

  const title = str(item.title, 2000);
  const text = str(item.text, 5000);
  const authorName = str(item.author, 300);
  // The folded name is looked up only in what is kept by author: a profile with none of it folds no name.
  const byAuthor = c.blockedAuthors.has(platform) || c.lessLike.size > 0 || c.exceptions.byPlatform.has(platform);
  const author = byAuthor ? foldAuthor(authorName) : '';
  // A profile without exceptions here (most) looks none up: nor is lookup or excuses compiled in a tab (issue 24).
  const exceptions = c.exceptions.byPlatform.has(platform) ? ItemExceptions.lookup(c.exceptions, platform, author, title) : null;
  const v = new Verdict(exceptions);
  const kept = v.kept;

  if (author !== '' && c.blockedAuthors.get(platform)?.has(author)) {
    v.consider({ action: 'hide', reason: reason('blocked-author', authorName, 'rule', [authorName]) });
    // Nothing can outrank it and the detectors are the costly part: stop here.
    if (v.worst === SEVERITY.hide) return decision(c, platform, itemId, 'hide', [kept[0].reason], 0, false);
  }
  if (author !== '' && c.lessLike.size > 0) {
    const shared = lessLikeMatch(c.lessLike, platform, author, title);
    if (shared) v.consider({ action: 'demote', reason: reason('less-like', authorName, 'user', shared.slice(0, 10)) });
  }

  // Every keyword, phrase and regex of rules, avoid-topics and interests (with their topics by meaning), in one pass
  // over the item; a profile without any (the defaults) has nothing to look for.
  hits.avoidWords = null;
  hits.interests = null;
  hits.rules = null;
  hits.termTopics = null;
  if (c.rules.length > 0 || c.avoidTopics.length > 0 || c.interests.length > 0) {
    hits.c = c;
    hits.platformBit = 1 << FEED_PLATFORMS.indexOf(platform);
    try {
      FIELDS[0] = title;
      FIELDS[1] = text;
      FIELDS[2] = authorName;
      c.matcher.match(FIELDS, onMatch);
    } finally {
      hits.c = null as unknown as CompiledProfile;
      FIELDS[0] = FIELDS[1] = FIELDS[2] = '';
    }
  }
  let avoidWords = hits.avoidWords as Map<number, string[]> | null;
  let interestHits = hits.interests as Map<number, { hits: number; words: string[] }> | null;
  if (hits.termTopics !== null) {
    const about = topicsReached(c, title, text, avoidWords, interestHits);
    for (const [topic, words] of about) {
      const t = c.topics[topic];
      if (t.avoid) {
        // A topic's own words (the literal hits) already said so; the meaning of the rest decides the others.
        if (!avoidWords?.has(t.index)) (avoidWords ??= new Map()).set(t.index, words);
      } else if (!interestHits?.has(t.index)) (interestHits ??= new Map()).set(t.index, { hits: TOPIC_HITS, words });
    }
  }
  const ruleCandidates = hits.rules as Candidate[] | null;
  let boostRules = 0;

  if (avoidWords !== null) {
    for (const [index, words] of avoidWords) {
      const topic = c.avoidTopics[index];
      v.consider({ action: 'hide', ref: topic.id, reason: reason('avoid-topic', topic.label, 'rule', words) });
    }
  }
  if (ruleCandidates !== null) {
    for (const cand of ruleCandidates) {
      if (cand.action === 'boost') {
        if (!exceptions?.excuses(cand.reason, cand.ref)) {
          boostRules++;
          kept.push(cand);
        }
      } else v.consider(cand);
    }
  }

  const kind = item.kind;
  if (item.promoted === true || kind === 'ad') {
    const markers = Array.isArray(item.promotedMarkers) ? item.promotedMarkers.filter((m) => typeof m === 'string') : [];
    policyReason(c, 'promoted', markers.join(', ') || 'marked as promoted by the platform', 'platform', markers, v);
  }
  if (kind === 'short') policyReason(c, 'shorts', 'Short', 'platform', [], v);

  let uncertain = false;
  if (v.worst < SEVERITY.hide && c.policyStage !== null) {
    const verdict = runPolicyStage(c, item);
    if (verdict) {
      uncertain = verdict.uncertain === true;
      const keptBefore = kept.length;
      for (const r of verdict.reasons) {
        if ((r.code === 'promoted' || r.code === 'shorts') && keptHasCode(kept, keptBefore, r.code)) continue;
        // A reason's own policy says what it does; a kind-less reason carries the verdict's action.
        const own: PolicyAction | undefined = r.kind ? c.policies[r.kind]?.action : undefined;
        const action: Action = own === undefined || own === 'off' ? verdict.action : own;
        v.consider({ action, reason: r });
      }
    }
  }

  // Interests: each adds weight x strength (1 keyword 0.5, 2 keywords or the label 0.75, ...), combined as
  // independent evidence, so many weak matches never exceed 1.
  let miss = 1;
  if (interestHits !== null) {
    for (const [index, h] of interestHits) miss *= 1 - c.interests[index].weight * (1 - 0.5 ** h.hits);
  }
  miss *= (1 - BOOST_RULE_WEIGHT) ** boostRules;
  let score = 0.5 + 0.5 * (1 - miss);

  let action: Action = BY_SEVERITY[v.worst] ?? 'show';
  if (action === 'hide') score = 0;
  else if (action === 'demote') score = Math.min(score, 0.5) * 0.5;
  else if (action === 'show' && (boostRules > 0 || score >= BOOST_THRESHOLD)) action = 'boost';

  if (kept.length > 1) sortSmall(kept, bySeverity);
  const reasons: Reason[] = new Array(kept.length);
  for (let i = 0; i < kept.length; i++) reasons[i] = kept[i].reason;
  const excused = v.excused;
  if (excused.length > 0) {
    const names = [...new Set(excused.map((r) => (r.detail ? `${r.code}: ${r.detail}` : r.code)))];
    reasons.unshift(reason('user-exception', `shown anyway despite ${names.join('; ')}`, 'user', []));
  }
  if (action !== 'hide' && interestHits !== null) {
    for (const [index, h] of interestHits) reasons.push(reason('interest', c.interests[index].label, 'rule', h.words));
  }
  if (c.hasNaturalRules && action !== 'hide') uncertain = true;
  return decision(c, platform, itemId, action, reasons, score, uncertain && action !== 'hide');
}

const bySeverity = (a: Candidate, b: Candidate) => SEVERITY[b.action] - SEVERITY[a.action];

const TOPIC_EVIDENCE = 3;

/** The topics by meaning whose found terms reach their threshold, with the words that count most; none for
 * text in another language (the terms are English, and another language must never be hidden by mistake). A topic
 * whose own words were found already gains nothing by meaning, and is left out before the language is asked
 * (issue 24: with a large profile, most items that reach a topic name it too). */
function topicsReached(
  c: CompiledProfile,
  title: string,
  text: string,
  avoidWords: Map<number, unknown> | null,
  interestHits: Map<number, unknown> | null,
): Array<[number, string[]]> {
  const out: Array<[number, string[]]> = [];
  for (const [topic, h] of hits.termTopics!) {
    const t = c.topics[topic];
    if (h.sum < t.threshold || (t.avoid ? avoidWords : interestHits)?.has(t.index)) continue;
    out.push([topic, h.words.sort((a, b) => b[1] - a[1]).slice(0, TOPIC_EVIDENCE).map((w) => w[0])]);
  }
  return out.length > 0 && c.isForeign(text === '' ? title : title + '\n' + text) ? [] : out;
}

function keptHasCode(kept: readonly Candidate[], upTo: number, code: string): boolean {
  for (let i = 0; i < upTo; i++) if (kept[i].reason.code === code) return true;
  return false;
}

function policyReason(
  c: CompiledProfile,
  kind: PolicyKind,
  detail: string,
  source: Reason['source'],
  evidence: string[],
  v: Verdict,
): void {
  const action = c.policies[kind]?.action ?? 'off';
  if (action === 'off') return;
  // The kind goes last, as a spread copy would put it, without the copy.
  const r: Reason = reason(kind, detail, source, evidence);
  r.kind = kind;
  v.consider({ action, reason: r });
}

function runPolicyStage(c: CompiledProfile, item: FeedItem) {
  try {
    const v = c.policyStage!(item);
    if (!v || !Array.isArray(v.reasons) || !(v.action in SEVERITY)) return null;
    return v;
  } catch {
    // A detector failing on odd text must not take the rule-based decision down with it.
    return null;
  }
}

function reason(code: string, detail: string, source: Reason['source'], evidence: string[]): Reason {
  const quoted: string[] = new Array(Math.min(evidence.length, 10));
  for (let i = 0; i < quoted.length; i++) quoted[i] = evidence[i].length > 120 ? evidence[i].slice(0, 120) : evidence[i];
  return { code, detail: detail.length > REASON_DETAIL_MAX ? detail.slice(0, REASON_DETAIL_MAX) : detail, source, evidence: quoted };
}

function str(v: unknown, max: number): string {
  if (typeof v !== 'string') return '';
  return v.length > max ? v.slice(0, max) : v;
}

function validPlatform(p: unknown): FeedPlatform | null {
  return typeof p === 'string' && (FEED_PLATFORMS as readonly string[]).includes(p) ? (p as FeedPlatform) : null;
}
