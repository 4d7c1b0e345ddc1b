import { FEED_PLATFORMS, POLICY_KINDS, REASON_DETAIL_MAX } from './constants';
import { Action, ReasonSource, type Reason } from './decision';
import { Flag, FlagStatus, type LoggedDecision } from './log';

/**
 * The log's rows in a feed tab's report (tab/report), accepted with plain checks. The service worker took zod's
 * parse of every row of every batch at about 5 ms per 100 rows: its code runs a few times a second, cold, and an
 * extension's CSP keeps zod from compiling its checks (issue 24). These accept only rows the schema accepts as they
 * are (every field present, of its type, within its bounds), and return what the schema would (unknown keys
 * dropped); anything else, null, is left to the schema, which says what is wrong or fills in its defaults. tests/unit/log-batch-accept.test.ts holds them to the schema.
 */

const platforms = new Set<unknown>(FEED_PLATFORMS);
const kinds = new Set<unknown>(POLICY_KINDS);
const actions = new Set<unknown>(Action.options);
const reasonSources = new Set<unknown>(ReasonSource.options);
const flagSources = new Set<unknown>(Flag.shape.source.options);
const statuses = new Set<unknown>(FlagStatus.options);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const int = (v: unknown): v is number => Number.isSafeInteger(v);
const unit = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;
const strings = (v: unknown, n: number, max: number): v is string[] => {
  if (!Array.isArray(v) || v.length > n) return false;
  for (let i = 0; i < v.length; i++) if (!str(v[i], max)) return false;
  return true;
};
/** An optional key is either absent or set: a key present as undefined is left to the schema. */
const absent = (o: Obj, k: string) => o[k] === undefined && !(k in o);

function reason(r: unknown): Reason | null {
  if (!isObj(r) || !str(r.code, 60) || !str(r.detail, REASON_DETAIL_MAX) || !reasonSources.has(r.source) || !strings(r.evidence, 10, 120)) return null;
  const out: Reason = { code: r.code, detail: r.detail, source: r.source as Reason['source'], evidence: r.evidence.slice() };
  if (kinds.has(r.kind)) out.kind = r.kind as Reason['kind'];
  else if (!absent(r, 'kind')) return null;
  if (unit(r.confidence)) out.confidence = r.confidence;
  else if (!absent(r, 'confidence')) return null;
  return out;
}

/** The fields decisions and flags share: when, where, and which item. */
function itemFields(r: Obj): Pick<LoggedDecision, 'ts' | 'platform' | 'itemId' | 'title' | 'author' | 'url'> | null {
  if (!int(r.ts) || r.ts < 0 || !platforms.has(r.platform) || !str(r.itemId, 200) || !str(r.title, 500) || !str(r.author, 200) || !str(r.url, 1000)) return null;
  return { ts: r.ts, platform: r.platform as LoggedDecision['platform'], itemId: r.itemId, title: r.title, author: r.author, url: r.url };
}

/** Copies the optional integer `k` when set; false when it is there and not one. */
function optionalInt(r: Obj, out: Obj, k: string, min = -Infinity): boolean {
  const v = r[k];
  if (int(v) && v >= min) out[k] = v;
  else if (!absent(r, k)) return false;
  return true;
}

export function acceptDecision(r: unknown): LoggedDecision | null {
  if (!isObj(r)) return null;
  const base = itemFields(r);
  if (!base || !str(r.surface, 40) || !actions.has(r.action) || !unit(r.score) || typeof r.reordered !== 'boolean') return null;
  const list = r.reasons;
  if (!Array.isArray(list) || list.length > 20) return null;
  const reasons: Reason[] = [];
  for (let i = 0; i < list.length; i++) {
    const x = reason(list[i]);
    if (!x) return null;
    reasons.push(x);
  }
  const out: LoggedDecision = { ...base, surface: r.surface, action: r.action as LoggedDecision['action'], reasons, score: r.score, reordered: r.reordered };
  if (!optionalInt(r, out, 'id') || !optionalInt(r, out, 'tab', 0) || !optionalInt(r, out, 'reversedAt')) return null;
  if (str(r.judgedBy, 120)) out.judgedBy = r.judgedBy;
  else if (!absent(r, 'judgedBy')) return null;
  return out;
}

export function acceptFlag(r: unknown): Flag | null {
  if (!isObj(r)) return null;
  const base = itemFields(r);
  if (!base || !kinds.has(r.kind) || !unit(r.confidence) || !flagSources.has(r.source) || !actions.has(r.action) || !strings(r.evidence, 10, 120) || !statuses.has(r.status)) return null;
  const out: Flag = { ...base, kind: r.kind as Flag['kind'], confidence: r.confidence, source: r.source as Flag['source'], action: r.action as Flag['action'], evidence: r.evidence.slice(), status: r.status as Flag['status'] };
  if (!optionalInt(r, out, 'id') || !optionalInt(r, out, 'verdictAt')) return null;
  return out;
}

/** At most 500 rows, each accepted by `accept`; null when any is not (the schema decides). */
function acceptList<T>(list: unknown, accept: (r: unknown) => T | null): T[] | null {
  if (!Array.isArray(list) || list.length > 500) return null;
  const rows: T[] = [];
  for (let i = 0; i < list.length; i++) {
    const row = accept(list[i]);
    if (row === null) return null;
    rows.push(row);
  }
  return rows;
}

/**
 * A feed tab's report (tab/report): its decisions and flags taken by the plain checks above, the rest (its signals
 * and counts: few, and small) by `rest`, the schema's parse of those parts alone. A list left out is empty, as the
 * schema's default. Null when any part is not accepted: the schema then parses the whole and says what is wrong.
 */
export function acceptReport<R extends { signals: unknown[] }>(
  rest: (parts: { signals: unknown; stats: unknown }) => R | null,
): (payload: unknown) => (R & { decisions: LoggedDecision[]; flags: Flag[] }) | null {
  return (payload) => {
    if (!isObj(payload)) return null;
    // Only a list left out is empty: null is refused, as by the schema.
    const decisions = acceptList(payload.decisions === undefined ? [] : payload.decisions, acceptDecision);
    const flags = acceptList(payload.flags === undefined ? [] : payload.flags, acceptFlag);
    const others = decisions && flags && rest({ signals: payload.signals, stats: payload.stats });
    return others ? { ...others, decisions: decisions!, flags: flags! } : null;
  };
}
