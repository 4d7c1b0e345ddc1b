import { FEED_PLATFORMS } from '../schema/common';
import { Action } from '../schema/decision';

/** The Activity view's filters as the user set them, and as they sit in the address (`#/activity?site=x`),
 * so a filtered view can be reloaded, bookmarked or shared between the user's own windows. */
export interface ActivityFilter {
  site: string;
  action: string;
  reason: string;
  search: string;
  range: TimeRange;
  /** `YYYY-MM-DD`, local time; used when range is `custom`. */
  from: string;
  to: string;
  /** One tab's page, from the time it started counting (the popup's counts open Activity this way). */
  page?: { tab: number; since: number } | null;
  /** Only items Parapet moved from the site's position. */
  moved?: boolean;
}

export const TIME_RANGES = ['any', 'hour', 'day', 'week', 'month', 'custom'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

const RANGE_MS: Record<Exclude<TimeRange, 'any' | 'custom'>, number> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
};

/** Reason codes the fast tier, the judge and the page controls give (lib/core/shield, lib/judge, the runner). */
export const REASON_CODES = [
  'promoted',
  'shorts',
  'clickbait',
  'rage',
  'engagement',
  'urgency',
  'promotion',
  'blocked-author',
  'avoid-topic',
  'keyword-rule',
  'regex-rule',
  'natural-rule',
  'user-hidden',
  'user-exception',
  'interest',
] as const;

export const EMPTY_FILTER: ActivityFilter = { site: '', action: '', reason: '', search: '', range: 'any', from: '', to: '' };

/** Actions the popup counts together: its "Labelled" is an item labelled or pushed down (both stay visible). */
export const LABELLED_ACTIONS = 'label,demote';
const ACTIONS: readonly string[] = [...Action.options, LABELLED_ACTIONS];

/** Whether a logged action is one the filter's `action` (one action, or a comma-separated group) asks for. */
export function actionMatches(wanted: string | undefined, action: string): boolean {
  return !wanted || wanted === action || wanted.split(',').includes(action);
}
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REASON = /^[a-z0-9][a-z0-9:_-]{0,59}$/;
const MAX_SEARCH = 200;

function oneOf(value: string | null, allowed: readonly string[]): string {
  return value !== null && allowed.includes(value) ? value : '';
}

/** Reads filters from a query string (`site=youtube&action=hide`). Anything unknown or malformed is dropped:
 * the address bar is typed by hand, and a bad value must never reach the query. */
export function parseFilter(query: string): ActivityFilter {
  const p = new URLSearchParams(query.replace(/^[?#]/, ''));
  const range = oneOf(p.get('range'), TIME_RANGES) as TimeRange | '';
  const reason = (p.get('reason') ?? '').trim().toLowerCase();
  const date = (v: string | null) => (v && isRealDay(v) ? v : '');
  return {
    site: oneOf(p.get('site'), FEED_PLATFORMS),
    action: oneOf(p.get('action'), ACTIONS),
    reason: REASON.test(reason) ? reason : '',
    search: (p.get('q') ?? '').slice(0, MAX_SEARCH),
    range: range || 'any',
    from: date(p.get('from')),
    to: date(p.get('to')),
    ...pageOf(p.get('tab'), p.get('since')),
    ...(p.get('moved') === '1' ? { moved: true } : {}),
  };
}

function pageOf(tab: string | null, since: string | null): Pick<ActivityFilter, 'page'> {
  if (!tab || !since || !/^\d{1,10}$/.test(tab) || !/^\d{1,15}$/.test(since)) return {};
  return { page: { tab: Number(tab), since: Number(since) } };
}

/** The query string for a filter: only what differs from no filter, in a fixed order. */
export function formatFilter(f: ActivityFilter): string {
  const p = new URLSearchParams();
  if (f.site) p.set('site', f.site);
  if (f.action) p.set('action', f.action);
  if (f.reason) p.set('reason', f.reason);
  if (f.search.trim()) p.set('q', f.search.trim());
  if (f.range !== 'any') p.set('range', f.range);
  if (f.range === 'custom' && f.from) p.set('from', f.from);
  if (f.range === 'custom' && f.to) p.set('to', f.to);
  if (f.page) {
    p.set('tab', String(f.page.tab));
    p.set('since', String(f.page.since));
  }
  if (f.moved) p.set('moved', '1');
  return p.toString();
}

export function isEmptyFilter(f: ActivityFilter): boolean {
  return formatFilter(f) === '';
}

export interface ActivityQuery {
  platform?: string;
  action?: string;
  reason?: string;
  search?: string;
  since?: number;
  until?: number;
  tab?: number;
  reordered?: boolean;
}

/** What the background's `activity/query` is asked for. Time ranges end now; a custom range covers whole
 * local days, both ends included. A range whose end comes before its start matches nothing. */
export function toQuery(f: ActivityFilter, now: number): ActivityQuery {
  const q: ActivityQuery = {};
  if (f.site) q.platform = f.site;
  if (f.action) q.action = f.action;
  if (f.reason) q.reason = f.reason;
  const search = f.search.trim().slice(0, MAX_SEARCH);
  if (search) q.search = search;
  if (f.range === 'custom') {
    if (f.from) q.since = localDay(f.from);
    if (f.to) q.until = localDay(f.to, 1) - 1;
  } else if (f.range !== 'any') {
    q.since = now - RANGE_MS[f.range];
    q.until = now;
  }
  if (f.page) {
    q.tab = f.page.tab;
    q.since = Math.max(q.since ?? 0, f.page.since);
  }
  if (f.moved) q.reordered = true;
  return q;
}

/** Midnight (local time) starting the given `YYYY-MM-DD`, moved by `addDays`. */
function localDay(ymd: string, addDays = 0): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(y, m - 1, d + addDays).getTime();
}

/** `2024-02-30` is well formed but no day: Date would roll it into March. */
function isRealDay(ymd: string): boolean {
  if (!DATE.test(ymd)) return false;
  const [y, m, d] = ymd.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}
