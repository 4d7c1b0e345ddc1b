import { toCsv } from '@/lib/core/csv';
import type { ActivityFilter } from '@/lib/core/activity-filter';
import type { LoggedDecision } from '@/lib/schema/log';
import { ACTION_LABELS, reasonWords, siteLabel } from './wording';

const HEADER = ['time', 'site', 'title', 'author', 'url', 'action', 'reasons', 'reason codes', 'score', 'judged by', 'reversed at'];

/** The filtered log as a spreadsheet: one row per decision, reasons in words and as codes. */
export function decisionsCsv(rows: readonly LoggedDecision[]): string {
  return toCsv(
    HEADER,
    rows.map((d) => [
      new Date(d.ts).toISOString(),
      siteLabel(d.platform),
      d.title,
      d.author,
      d.url,
      ACTION_LABELS[d.action] ?? d.action,
      d.reasons.map((r) => reasonWords(r, { full: true })).join('; '),
      d.reasons.map((r) => r.code).join(' '),
      Math.round(d.score * 1000) / 1000,
      d.judgedBy ?? '',
      d.reversedAt ? new Date(d.reversedAt).toISOString() : '',
    ]),
  );
}

export function decisionsJson(rows: readonly LoggedDecision[], filter: ActivityFilter, now: number): string {
  return JSON.stringify({ kind: 'parapet-activity', exportedAt: new Date(now).toISOString(), filter, count: rows.length, decisions: rows }, null, 2);
}

export const exportName = (ext: 'csv' | 'json', now: number) => `parapet-activity-${new Date(now).toISOString().slice(0, 10)}.${ext}`;
