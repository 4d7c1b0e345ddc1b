// The labelled text the learned detectors are trained and checked on, read from ../shared/data (never copied into
// the project), the project's tests/data and scripts/detectors/written-train.tsv. Shared by
// scripts/train-detectors.ts and scripts/eval-detectors.ts, so both draw the same held-apart parts.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headlineHash } from '../../lib/core/clickbait/train';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = resolve(ROOT, '../shared/data');

import { LEARNED_KINDS } from '../../lib/core/detectors/learned-format';
export { LEARNED_KINDS };
export type LearnedKind = (typeof LEARNED_KINDS)[number];
/** `target`: a graded rating in [0, 1] to train on in place of the label, where the data has one. */
export type Example = { text: string; label: 0 | 1; target?: number };

/** Percent of darkpatterns/dev.tsv and clickbait-posts/train.jsonl kept apart, by a hash of the text: never trained
 * on, only measured. A different salt from the calibration split below keeps the two choices independent. */
export const APART_PERCENT = 20;
export const isApart = (text: string) => headlineHash(`apart:${text}`) % 100 < APART_PERCENT;
/** Percent of the training rows set aside to calibrate each head (Platt scaling and its default threshold). */
export const CALIBRATION_PERCENT = 15;
export const isCalibration = (text: string) => headlineHash(`calibrate:${text}`) % 100 < CALIBRATION_PERCENT;

function tsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
}

/**
 * Us vs. Them Reddit comments (CC BY-NC 4.0). Rage bait here is a comment that sets an in-group against an out-group
 * (usVSthem_scale at least 0.5) with anger, contempt or disgust; the rest, including calm us-versus-them remarks and
 * angry comments aimed at nobody's group, is not.
 */
export function usVsThem(part: 'train' | 'valid'): Example[] {
  const rows = tsv(resolve(DATA, `usvsthem/${part}.tsv`));
  return rows.map((c) => {
    const hostile = c[5] === 'True' || c[6] === 'True' || c[7] === 'True';
    return { text: c[0], label: Number(c[1]) >= 0.5 && hostile ? 1 : 0 };
  });
}

/** Shop-page segments: urgency and scarcity are 1, every other segment (other dark patterns too) 0. */
export function darkPatterns(part: 'train' | 'apart'): Example[] {
  const rows = tsv(resolve(DATA, 'darkpatterns/dev.tsv'));
  return rows
    .filter((c) => isApart(c[2]) === (part === 'apart'))
    .map((c) => ({ text: c[2], label: c[1] === 'Urgency' || c[1] === 'Scarcity' ? 1 : 0 }));
}

/** News accounts' tweets from the Webis Clickbait Corpus 2017, with its binary label and, as the target, the mean of
 * its five annotators' ratings. */
export function clickbaitPosts(part: 'train' | 'apart'): Example[] {
  return readFileSync(resolve(DATA, 'clickbait-posts/train.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; clickbait: number; truthMean: number })
    .filter((p) => isApart(p.text) === (part === 'apart'))
    .map((p) => ({ text: p.text, label: p.clickbait ? 1 : 0, target: p.truthMean }));
}

/** `kind<TAB>label<TAB>text` files: the project's tests/data/detectors.tsv and our own written examples. */
export function kindFile(path: string): { kind: string; example: Example }[] {
  return tsv(resolve(ROOT, path)).map((c) => ({ kind: c[0], example: { text: c.slice(2).join('\t'), label: c[1] === '1' ? 1 : 0 } }));
}

/** Headlines of dev.tsv (news and listicle bait alike), a fixed sample: ordinary feed text that is none of the
 * four kinds. Its own held-out part (the headline model's) is left out. */
export function headlines(percent: number): string[] {
  return tsv(resolve(DATA, 'clickbait/dev.tsv'))
    .map((c) => c[1])
    .filter((h) => h && headlineHash(h) % 100 >= 15 && headlineHash(`sample:${h}`) % 100 < percent);
}

/** Each line of the Reddit titles file, as [subreddit, title]. */
function* redditLines(): Generator<[string, string]> {
  const text = gunzipSync(readFileSync(resolve(DATA, 'reddit/titles.tsv.gz'))).toString('utf8');
  let at = text.indexOf('\n') + 1;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    at = end + 1;
    yield [line.slice(0, line.indexOf('\t')), line.slice(line.lastIndexOf('\t') + 1)];
  }
}

/** Reddit post titles of 2013, a fixed sample of about `perMille` in a thousand: everyday feed text. */
export function redditTitles(perMille: number): string[] {
  const out: string[] = [];
  for (const [, title] of redditLines()) if (title && headlineHash(`sample:${title}`) % 1000 < perMille) out.push(title);
  return out;
}

/**
 * Long everyday text: titles of one subreddit (a fixed sample of about `perMille` in a thousand) joined into a
 * paragraph of at least `minChars`. Reddit comments, the only long rows otherwise, are all about groups in the
 * news: without these a model learns that length itself is rage, and leans that way on any long post.
 */
export function redditParagraphs(perMille: number, minChars = 250): string[] {
  const out: string[] = [];
  let open = '';
  let community = '';
  for (const [subreddit, title] of redditLines()) {
    if (!title || headlineHash(`paragraph:${title}`) % 1000 >= perMille) continue;
    if (subreddit !== community) [open, community] = ['', subreddit];
    open = open ? `${open}${/[.!?]$/.test(open) ? '' : '.'} ${title}` : title;
    if (open.length >= minChars) [out[out.length], open] = [open, ''];
  }
  return out;
}
