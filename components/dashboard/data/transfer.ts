import { send } from '@/lib/messaging';
import { exportParts } from '@/lib/schema/export';
import type { LoggedDecision } from '@/lib/schema/log';
import type { Profile } from '@/lib/schema/profile';

/** Rows per message each way: a page of the longest rows the schema allows stays well under Chrome's 64 MiB (the
 * background also cuts a page to its budget). */
const LOG_PAGE = 2_000;

/** Every row of the decision log, newest first, a page at a time. */
export async function readLog(onProgress?: (rows: number) => void): Promise<LoggedDecision[][]> {
  const pages: LoggedDecision[][] = [];
  let below: number | undefined;
  let n = 0;
  for (;;) {
    const page = await send('log/page', { below, limit: LOG_PAGE });
    pages.push(page.rows);
    n += page.rows.length;
    onProgress?.(n);
    if (page.next === null) return pages;
    below = page.next;
  }
}

/** The export file as a Blob, never as one string: a full log is about 100 MB. */
export async function exportBlob(includeLog: boolean, onProgress?: (rows: number) => void, now = Date.now()): Promise<{ blob: Blob; filename: string; rows: number }> {
  const profile: Profile = await send('profile/get', {});
  const pages = includeLog ? await readLog(onProgress) : null;
  const blob = new Blob(exportParts(profile, pages, now), { type: 'application/json' });
  const stamp = new Date(now).toISOString().slice(0, 10);
  return { blob, filename: `parapet-${includeLog ? 'export' : 'profile'}-${stamp}.json`, rows: pages?.reduce((n, p) => n + p.length, 0) ?? 0 };
}

const token = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => (b % 36).toString(36)).join('');

/** Sends an imported log to the background in parts; it is kept aside until `data/import` confirms the whole. */
export async function stageLog(rows: readonly LoggedDecision[], onProgress?: (rows: number) => void): Promise<{ token: string; rows: number }> {
  const t = token();
  if (rows.length === 0) await send('data/import-log', { token: t, first: true, rows: [] });
  for (let i = 0; i < rows.length; i += LOG_PAGE) {
    await send('data/import-log', { token: t, first: i === 0, rows: rows.slice(i, i + LOG_PAGE) });
    onProgress?.(Math.min(rows.length, i + LOG_PAGE));
  }
  return { token: t, rows: rows.length };
}
