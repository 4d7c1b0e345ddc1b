import type { Reason } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import type { Exception, KindPolicy, PolicyAction, PolicyKind, Profile } from '../schema/profile';
import type { Detection } from './detectors';
import { sortSmall } from './sort-small';
import { toUnit } from './unit';

/**
 * From detections to what happens to the item, under the user's policy per kind and the verdicts they gave.
 *
 * Strictness -> threshold: a detection acts when confidence >= 0.9 - 0.6 * strictness.
 *   strictness 0   -> 0.9  (only the surest cases)
 *   strictness 0.5 -> 0.6  (the default)
 *   strictness 1   -> 0.3  (anything the detector leans towards)
 * The detectors' weights are set so that one clear signal (a "tag a friend", an affiliate link) is >= 0.75,
 * a lone ambiguous one (a bare "last chance", a tracking tag) is 0.3-0.55, and counter-signals (news framing,
 * "not sponsored") scale a score down, which the default threshold then leaves alone.
 */
export const thresholdFor = (strictness: number): number =>
  Math.round((0.9 - 0.6 * toUnit(strictness)) * 1000) / 1000;

/** Confidence within this of the threshold, either side, marks the decision uncertain: worth a second look
 * by the local model when it is on. */
export const UNCERTAIN_MARGIN = 0.08;

/** Token-set Jaccard at or above which two titles by the same author count as the same item. */
export const NEAR_DUPLICATE_JACCARD = 0.75;

export type ShieldAction = 'show' | 'label' | 'demote' | 'hide';
export type PolicyOutcome = { action: ShieldAction; reasons: Reason[]; uncertain: boolean };

const STRENGTH: Record<ShieldAction, number> = { show: 0, label: 1, demote: 2, hide: 3 };

const SOURCE: Partial<Record<PolicyKind, Reason['source']>> = { clickbait: 'classifier', promoted: 'platform' };

// ---- titles and authors, normalised for matching ----

/** Words that mark an instalment or a re-upload rather than a different item: "(Part 2)", "Ep. 3", "[4K]". */
const SERIES_NOISE = new Set(['part', 'pt', 'ep', 'episode', 'vol', 'volume', 'chapter', 'ch', 'season', 'official', 'video', 'hd', '4k', 'remastered', 'update', 'updated', 'full', 'reupload']);
const SERIES_NUMBER = new Set(['part', 'pt', 'ep', 'episode', 'vol', 'volume', 'chapter', 'ch', 'season']);

export function titleTokens(title: string): string[] {
  const raw = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    if (SERIES_NUMBER.has(t) && i + 1 < raw.length && /^(\d+|[ivx]+|one|two|three|four|five)$/.test(raw[i + 1])) {
      i++;
      continue;
    }
    if (SERIES_NOISE.has(t)) continue;
    out.push(t);
  }
  return out;
}

export const normaliseTitle = (title: string): string => titleTokens(title).join(' ');

export const normaliseAuthor = (author: string | undefined): string =>
  (author ?? '').trim().toLowerCase().replace(/^(@|u\/|\/u\/)/, '');

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Same item for the user's purposes: the same words, give or take an instalment marker or a word or two.
 * Very short titles must match exactly, since one word changes their meaning. */
export function nearDuplicate(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (Math.min(a.size, b.size) <= 2) return a.size === b.size && jaccard(a, b) === 1;
  return jaccard(a, b) >= NEAR_DUPLICATE_JACCARD;
}

// ---- exceptions ----

type CompiledItemException = { kind?: PolicyKind; tokens: Set<string> };
type CompiledScoped = { kind?: PolicyKind; author?: string };

/** Per platform, then per normalised author or reason code: looked up with the item's own strings, since a key
 * joined for the look-up would be a new string to build and hash for every detection. */
type ByPlatform<T> = Map<string, Map<string, T[]>>;

export type ExceptionIndex = {
  /** platform -> author -> item exceptions for near-duplicate titles by that author. */
  items: ByPlatform<CompiledItemException>;
  /** platform -> author -> kinds (undefined = every kind) the author is exempt from. */
  authors: ByPlatform<PolicyKind | undefined>;
  /** platform -> reason code -> where a reason code is switched off. */
  rules: ByPlatform<CompiledScoped>;
  size: number;
};

function listFor<T>(index: ByPlatform<T>, platform: string, key: string): T[] {
  let byKey = index.get(platform);
  if (!byKey) index.set(platform, (byKey = new Map()));
  let list = byKey.get(key);
  if (!list) byKey.set(key, (list = []));
  return list;
}

/** Built once per profile revision so that each item costs a map lookup, not a scan of every exception. */
export function compileExceptions(exceptions: readonly Exception[]): ExceptionIndex {
  const index: ExceptionIndex = { items: new Map(), authors: new Map(), rules: new Map(), size: exceptions.length };
  for (const e of exceptions) {
    const author = normaliseAuthor(e.author);
    if (e.type === 'item') {
      if (!e.title) continue;
      listFor(index.items, e.platform, author).push({ kind: e.kind, tokens: new Set(titleTokens(e.title)) });
    } else if (e.type === 'author') {
      if (!author) continue;
      listFor(index.authors, e.platform, author).push(e.kind);
    } else if (e.ruleCode) {
      listFor(index.rules, e.platform, e.ruleCode).push({ kind: e.kind, author: author || undefined });
    }
  }
  return index;
}

const kindMatches = (exceptionKind: PolicyKind | undefined, kind: PolicyKind) => exceptionKind === undefined || exceptionKind === kind;

/** Whether the user's earlier verdicts say this detection should not act on this item. */
export function isExcepted(
  item: FeedItem,
  detection: Pick<Detection, 'kind' | 'code'>,
  index: ExceptionIndex,
  tokens?: () => Set<string>,
  author = normaliseAuthor(item.author),
): boolean {
  if (index.size === 0) return false;
  const authorKinds = index.authors.get(item.platform)?.get(author);
  if (authorKinds?.some((k) => kindMatches(k, detection.kind))) return true;
  const rules = index.rules.get(item.platform)?.get(detection.code);
  if (rules?.some((r) => kindMatches(r.kind, detection.kind) && (!r.author || r.author === author))) return true;
  const items = index.items.get(item.platform)?.get(author);
  if (items) {
    const mine = tokens ? tokens() : new Set(titleTokens(itemTitle(item)));
    for (const e of items) if (kindMatches(e.kind, detection.kind) && nearDuplicate(e.tokens, mine)) return true;
  }
  return false;
}

const itemTitle = (item: FeedItem) => item.title || item.text.slice(0, 300);

/** Characters the profile schema refuses in user-owned strings (it reads them as markup). */
const stripMarkup = (s: string) => s.replace(/</g, ' ').replace(/&#/g, '& #').replace(/javascript:/gi, 'javascript ');

function hash36(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * The exception stored when the user says a flag was wrong ("not clickbait", "not rage bait"): it stops this
 * item and near-identical ones by the same author from being flagged for that kind again, and it is kept as a
 * labelled negative example (see `exceptionExamples`) for the local model.
 */
export function exceptionFromVerdict(item: FeedItem, kind: PolicyKind, now: number): Exception {
  const title = normaliseTitle(itemTitle(item)).slice(0, 2000);
  const author = stripMarkup(item.author.trim()).slice(0, 200);
  const createdAt = Math.max(0, Math.floor(now));
  return {
    id: `v-${kind}-${createdAt.toString(36)}-${hash36(`${item.platform}|${author}|${title}`)}`.slice(0, 64),
    type: 'item',
    platform: item.platform,
    ...(author ? { author } : {}),
    kind,
    title,
    createdAt,
  };
}

/** The user's verdicts as labelled examples (label 0: "this is not <kind>") for training or prompting later. */
export function exceptionExamples(exceptions: readonly Exception[]): Array<{ kind: PolicyKind; label: 0; text: string; author?: string }> {
  const out: Array<{ kind: PolicyKind; label: 0; text: string; author?: string }> = [];
  for (const e of exceptions) {
    if (e.type !== 'item' || !e.kind || !e.title) continue;
    out.push({ kind: e.kind, label: 0, text: e.title, ...(e.author ? { author: e.author } : {}) });
  }
  return out;
}

// ---- policies ----

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 3)}...` : s);

/** The first `max` strings, each clipped to `length`, in one new array (one per acted detection, before paint). */
function clipEach(list: readonly string[], max: number, length: number): string[] {
  const out: string[] = new Array(Math.min(list.length, max));
  for (let i = 0; i < out.length; i++) out[i] = clip(list[i], length);
  return out;
}

export function reasonFor(d: Detection): Reason {
  return {
    code: clip(d.code, 60),
    detail: clip(d.explanation, 300),
    source: SOURCE[d.kind] ?? 'rule',
    kind: d.kind,
    confidence: toUnit(d.confidence),
    evidence: clipEach(d.evidence, 10, 120),
  };
}

/**
 * What the detections do to the item: each kind's policy action applies when its confidence reaches the
 * threshold for its strictness and no exception covers it; the strongest action wins. Reasons list every
 * detection that acted, strongest action first.
 */
export function applyPolicies(
  item: FeedItem,
  detections: readonly Detection[],
  policies: Profile['policies'],
  /** Null for a profile without exceptions (most: then nothing indexes them, issue 24). */
  exceptions: ExceptionIndex | null,
): PolicyOutcome {
  // Most feed items have nothing detected: nothing to build for them.
  if (detections.length === 0) return { action: 'show', reasons: [], uncertain: false };
  let action: ShieldAction = 'show';
  let uncertain = false;
  const acted: Array<{ d: Detection; action: ShieldAction }> = [];
  let tokens: Set<string> | undefined;
  const lazyTokens = exceptions?.items.size ? () => (tokens ??= new Set(titleTokens(itemTitle(item)))) : undefined;
  // Normalised once per item, not once per detection.
  let author: string | undefined;

  for (const d of detections) {
    const policy: KindPolicy | undefined = policies[d.kind];
    if (!policy || policy.action === 'off') continue;
    const threshold = thresholdFor(policy.strictness);
    const near = d.kind !== 'promoted' && Math.abs(d.confidence - threshold) < UNCERTAIN_MARGIN;
    if (d.confidence < threshold) {
      if (near) uncertain = true;
      continue;
    }
    if (exceptions && isExcepted(item, d, exceptions, lazyTokens, (author ??= normaliseAuthor(item.author)))) continue;
    if (near) uncertain = true;
    const a = policy.action as Exclude<PolicyAction, 'off'>;
    acted.push({ d, action: a });
    if (STRENGTH[a] > STRENGTH[action]) action = a;
  }

  // A teased reveal ("you won't believe what happened next") is read by the headline models as clickbait and by an
  // engagement rule as well: where both act, the badge names it as a reader would, clickbait.
  const teased = (x: { d: Detection }) => (x.d.code === 'engagement-curiosity' && acted.some((a) => a.d.kind === 'clickbait') ? 1 : 0);
  if (acted.length > 1) sortSmall(acted, (x, y) => STRENGTH[y.action] - STRENGTH[x.action] || teased(x) - teased(y) || y.d.confidence - x.d.confidence);
  const reasons: Reason[] = new Array(Math.min(acted.length, 20));
  for (let i = 0; i < reasons.length; i++) reasons[i] = reasonFor(acted[i].d);
  return { action, reasons, uncertain };
}
