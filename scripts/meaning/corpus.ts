// The Reddit titles (../shared/data/reddit/titles.tsv.gz) as the meaning model's trainer and the topic eval read
// them. One title in ten, chosen by a hash of its text, is kept out of training for evaluation (isDevTitle).
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TITLES = resolve(ROOT, '../shared/data/reddit/titles.tsv.gz');

export interface TitleRow {
  subreddit: string;
  title: string;
}

export function readTitles(): TitleRow[] {
  const text = gunzipSync(readFileSync(TITLES)).toString('utf8');
  const rows: TitleRow[] = [];
  let start = text.indexOf('\n') + 1; // header
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const t1 = text.indexOf('\t', start);
    const t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
    if (t2 > 0 && t2 < end) rows.push({ subreddit: text.slice(start, t1), title: text.slice(t2 + 1, end) });
    start = end + 1;
  }
  return rows;
}

/** FNV-1a of the title: stable across runs and machines. */
export function titleHash(title: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) {
    h ^= title.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const isDevTitle = (title: string) => titleHash(title) % 10 === 0;
