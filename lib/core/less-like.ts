import type { FeedPlatform } from '../schema/common';
import type { LessLike } from '../schema/profile';
import { normaliseTitle } from './feedback';
import { foldAuthor } from './shield/text';

/** Words that say nothing about what an item is about. Built on first use: only the background remembers subjects,
 * and a content script (which only matches them) must not carry the list. */
let filler: Set<string> | null = null;
const MAX_WORDS = 12;

/** The words of a title that say what it is about, in order, each once: what "less like this" remembers. */
export function subjectWords(title: string): string[] {
  filler ??= new Set(
    'the and for with this that you your are was were from how what why who whom into about after before over under new all our its his her they them their will can just not but has have had out one more most than then when where which while vs via get got make made here there these those been being does did doing very really ever never still some any each every part episode video'.split(' '),
  );
  const out: string[] = [];
  for (const w of normaliseTitle(title).split(' ')) {
    if (w.length < 3 || filler.has(w) || /^\d+$/.test(w) || out.includes(w)) continue;
    out.push(w);
    if (out.length === MAX_WORDS) break;
  }
  return out;
}

/** How many of an entry's subject words an item must share to be "like this": two, or all of a shorter subject. */
const needed = (subject: readonly string[]) => Math.min(2, subject.length);

/** "Less like this" entries by platform and folded author. */
export type LessLikeIndex = ReadonlyMap<FeedPlatform, ReadonlyMap<string, ReadonlyArray<readonly string[]>>>;

export function compileLessLike(entries: readonly LessLike[] | undefined, only?: FeedPlatform): LessLikeIndex {
  // Most profiles have none: indexLessLike is then never compiled in a tab (issue 24).
  return entries?.length ? indexLessLike(entries, only) : new Map();
}

function indexLessLike(entries: readonly LessLike[], only?: FeedPlatform): LessLikeIndex {
  const out = new Map<FeedPlatform, Map<string, string[][]>>();
  for (const e of entries) {
    if (!e || (only && e.platform !== only) || !Array.isArray(e.subject) || e.subject.length === 0) continue;
    const author = foldAuthor(e.author);
    if (!author) continue;
    let byAuthor = out.get(e.platform);
    if (!byAuthor) out.set(e.platform, (byAuthor = new Map()));
    const list = byAuthor.get(author);
    const subject = e.subject.map((w) => String(w).toLowerCase());
    if (list) list.push(subject);
    else byAuthor.set(author, [subject]);
  }
  return out;
}

/** The subject words a title shares with one "less like this" subject, when enough to count as like it; else null. */
export function sharedSubject(subject: readonly string[], title: string | Set<string>): string[] | null {
  const words = typeof title === 'string' ? new Set(normaliseTitle(title).split(' ')) : title;
  const shared = subject.filter((w) => words.has(w));
  return shared.length > 0 && shared.length >= needed(subject) ? shared : null;
}

/** The subject words an item by this (folded) author shares with one of its "less like this" entries, or null. */
export function lessLikeMatch(index: LessLikeIndex, platform: FeedPlatform, author: string, title: string): string[] | null {
  const subjects = index.get(platform)?.get(author);
  if (!subjects) return null;
  const words = new Set(normaliseTitle(title).split(' '));
  for (const subject of subjects) {
    const shared = sharedSubject(subject, words);
    if (shared) return shared;
  }
  return null;
}
