import type { Exception, Profile } from '../schema/profile';
import type { Feedback, Flag } from '../schema/log';
import type { FeedItem } from '../schema/item';
import { sharedSubject, subjectWords } from './less-like';
import { foldAuthor } from './shield/text';

/** Normalised title kept with an exception, so near-duplicates of the item can be matched later. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
}

const exceptionId = (f: Feedback, now: number) => `${f.type}-${f.platform}-${now.toString(36)}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);

/** Turns what the user did on a page into a bounded profile change. Returns the same object when the feedback
 * only needs recording (show anyway once, a "right" verdict), so callers can skip a save. */
export function applyFeedback(profile: Profile, feedback: Feedback, item: FeedItem | undefined, now: number): Profile {
  const author = (item?.author ?? feedback.author).trim();
  const platform = feedback.platform;
  const add = (e: Omit<Exception, 'id' | 'createdAt' | 'platform'>): Profile => ({
    ...profile,
    exceptions: [...profile.exceptions, { id: exceptionId(feedback, now), createdAt: now, platform, ...e }].slice(-10_000),
  });
  switch (feedback.type) {
    case 'exception-author':
      if (!author) return profile;
      return add({ type: 'author', author });
    case 'exception-rule':
      if (!feedback.ruleCode) return profile;
      return add({ type: 'rule', ruleCode: feedback.ruleCode });
    case 'verdict-wrong':
      if (!feedback.kind) return profile;
      return add({ type: 'item', author, kind: feedback.kind, title: normaliseTitle(item?.title ?? feedback.title) });
    case 'hide-this': {
      if (profile.hiddenItems.some((h) => h.platform === platform && h.itemId === feedback.itemId)) return profile;
      return { ...profile, hiddenItems: [...profile.hiddenItems, { platform, itemId: feedback.itemId, at: now }].slice(-10_000) };
    }
    case 'undo': {
      // Undo of a hand hide: the item comes back.
      const kept = profile.hiddenItems.filter((h) => !(h.platform === platform && h.itemId === feedback.itemId));
      return kept.length === profile.hiddenItems.length ? profile : { ...profile, hiddenItems: kept };
    }
    case 'reverse': {
      // Reversed from the Activity view: the item is never held back again, by hand or by any reason.
      const kept = profile.hiddenItems.filter((h) => !(h.platform === platform && h.itemId === feedback.itemId));
      const title = normaliseTitle(item?.title ?? feedback.title);
      const known = profile.exceptions.some((e) => e.type === 'item' && e.platform === platform && !e.kind && e.title === title);
      const next = kept.length === profile.hiddenItems.length ? profile : { ...profile, hiddenItems: kept };
      if (!title || known) return next;
      return {
        ...next,
        exceptions: [...next.exceptions, { id: exceptionId(feedback, now), createdAt: now, platform, type: 'item' as const, title }].slice(-10_000),
      };
    }
    case 'less-like-this': {
      // Items like this one: the same author on the same subject, shown less (not the whole author, not hidden).
      if (!author || profile.lessLike.some((l) => l.platform === platform && l.itemId === feedback.itemId)) return profile;
      const title = item?.title ?? feedback.title;
      const subject = subjectWords(title);
      if (subject.length === 0) return profile;
      const entry = { id: exceptionId(feedback, now), platform, author: plainAuthor(author), subject, itemId: feedback.itemId, title: plainAuthor(title).slice(0, 500), createdAt: now };
      return { ...profile, lessLike: [...profile.lessLike, entry].slice(-5_000) };
    }
    case 'undo-less-like': {
      // Said on this item, or on another that this one is like (its menu offers the way back too).
      const title = item?.title ?? feedback.title;
      const like = (l: Profile['lessLike'][number]) =>
        l.itemId === feedback.itemId || (foldAuthor(l.author) === foldAuthor(author) && sharedSubject(l.subject, title) !== null);
      const kept = profile.lessLike.filter((l) => !(l.platform === platform && like(l)));
      return kept.length === profile.lessLike.length ? profile : { ...profile, lessLike: kept };
    }
    case 'block-author': {
      if (!author) return profile;
      const exists = profile.blockedAuthors.some((b) => b.platform === platform && b.name.toLowerCase() === author.toLowerCase());
      return exists ? profile : { ...profile, blockedAuthors: [...profile.blockedAuthors, { platform, name: author }] };
    }
    default:
      return profile;
  }
}

type VerdictFlag = Pick<Flag, 'platform' | 'author' | 'title' | 'kind'>;

/** Page text: the profile refuses markup, so an author name carrying some must not make the whole save fail. */
const plainAuthor = (author: string) => author.replace(/[<>]|&#|javascript:/gi, '').trim().slice(0, 200);

const sameItemException = (e: Exception, f: VerdictFlag, title: string) =>
  e.type === 'item' && e.platform === f.platform && e.kind === f.kind && (e.author ?? '') === plainAuthor(f.author) && e.title === title;

/** Verdicts from the review queue. "Wrong" keeps an item exception (author, kind, normalised title) so the same and
 * near-identical items stop being flagged for that kind; changing the verdict back takes the exception away.
 * Returns the same object when nothing changes. */
export function applyVerdicts(profile: Profile, flags: readonly VerdictFlag[], status: Flag['status'], now: number): Profile {
  let exceptions = profile.exceptions;
  let n = 0;
  for (const f of flags) {
    const title = normaliseTitle(f.title);
    if (!title) continue;
    const has = exceptions.some((e) => sameItemException(e, f, title));
    if (status === 'wrong' && !has) {
      const id = `verdict-${f.platform}-${now.toString(36)}-${(n++).toString(36)}`.slice(0, 64);
      exceptions = [...exceptions, { id, type: 'item' as const, platform: f.platform, author: plainAuthor(f.author), kind: f.kind, title, createdAt: now }];
    } else if (status !== 'wrong' && has) {
      exceptions = exceptions.filter((e) => !sameItemException(e, f, title));
    }
  }
  return exceptions === profile.exceptions ? profile : { ...profile, exceptions: exceptions.slice(-10_000) };
}
