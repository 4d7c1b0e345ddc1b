import { SITE_LABELS } from '../schema/common';
import type { LoggedDecision } from '../schema/log';
import type { Exception, LessLike, PolicyKind } from '../schema/profile';
import { normaliseTitle } from './feedback';
import { describeReason, readableRule } from './reason-words';
import { foldAuthor } from './shield/text';

/**
 * The user's exceptions in words, and what each changed: the dashboard lists every one ("All ads on Hacker News
 * are shown"), as uBlock Origin lists its trusted sites, so none acts unseen. Pure: tested in Node.
 */

/** Where an exception came from, as the person did it. */
export type ExceptionOrigin = 'always-show' | 'allow-rule' | 'not-this-kind' | 'reversed';

export interface ExceptionWords {
  origin: ExceptionOrigin;
  /** What the origin is called where the person made it ("Always show from", "Switched off from an item’s menu"...). */
  originName: string;
  /** One sentence saying what it does and where. */
  sentence: string;
}

const KIND_NAME: Record<PolicyKind, string> = {
  promoted: 'ads',
  shorts: 'Shorts',
  clickbait: 'clickbait',
  rage: 'rage bait',
  engagement: 'engagement bait',
  urgency: 'false urgency',
  promotion: 'hidden promotion',
};

const site = (p: string) => SITE_LABELS[p as keyof typeof SITE_LABELS] ?? p;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const isKind = (s: string): s is PolicyKind => s in KIND_NAME;

/** A whole kind on a site: "All ads on Hacker News are shown", "Clickbait on Reddit is shown as it is". */
export function kindSentence(kind: PolicyKind, platform: string): string {
  if (kind === 'promoted' || kind === 'shorts') return `All ${KIND_NAME[kind]} on ${site(platform)} are shown`;
  return `${cap(KIND_NAME[kind])} on ${site(platform)} is shown as it is: not labelled, pushed down or hidden`;
}

/** A rule code as an exception names it ("keyword-rule:spoilers", "avoid-topic:politics") in words. */
function ruleSentence(ruleCode: string, platform: string, author: string): string {
  const at = ruleCode.indexOf(':');
  const code = at < 0 ? ruleCode : ruleCode.slice(0, at);
  const detail = at < 0 ? '' : ruleCode.slice(at + 1);
  const where = author ? `for ${author} on ${site(platform)}` : `on ${site(platform)}`;
  if (code === 'keyword-rule' || code === 'regex-rule') {
    return detail ? `Your rule ${readableRule(detail, code === 'regex-rule' ? 'regex' : 'keyword')} no longer acts ${where}` : `Your rules no longer act ${where}`;
  }
  if (code === 'avoid-topic') return detail ? `The topic you avoid “${detail}” no longer hides items ${where}` : `Topics you avoid no longer hide items ${where}`;
  if (code === 'blocked-author') return `${detail || 'Blocked authors'} ${detail ? 'is' : 'are'} not hidden as blocked ${where}`;
  return `“${describeReason({ code, detail, source: 'rule', evidence: [] })}” no longer acts ${where}`;
}

/** `shownTitle`: the item's title as the person saw it (an item exception keeps it folded for matching). */
export function describeException(e: Exception, shownTitle?: string): ExceptionWords {
  const author = e.author?.trim() ?? '';
  const scope = e.kind ?? e.ruleCode?.trim() ?? '';
  if (e.type === 'author') {
    const sentence = !scope
      ? `Everything from ${author} on ${site(e.platform)} is shown`
      : isKind(scope)
        ? `${cap(KIND_NAME[scope])} from ${author} on ${site(e.platform)} is shown as it is`
        : ruleSentence(scope, e.platform, author);
    return { origin: 'always-show', originName: 'Always show from this author', sentence };
  }
  if (e.type === 'rule') {
    const sentence = isKind(scope) ? (author ? `${cap(KIND_NAME[scope])} from ${author} on ${site(e.platform)} is shown as it is` : kindSentence(scope, e.platform)) : ruleSentence(scope, e.platform, author);
    return { origin: 'allow-rule', originName: 'Switched off from an item’s menu', sentence };
  }
  const title = shownTitle ? `“${shownTitle}”` : e.title ? `“${e.title}”` : 'This item';
  const by = author ? ` by ${author}` : '';
  if (e.kind) {
    return {
      origin: 'not-this-kind',
      originName: `Not ${KIND_NAME[e.kind]}`,
      sentence: `${title}${by} on ${site(e.platform)}, and copies of it, ${e.kind === 'promoted' ? 'are not treated as ads' : `are not treated as ${KIND_NAME[e.kind]}`}`,
    };
  }
  return { origin: 'reversed', originName: 'Reversed decision', sentence: `${title}${by} on ${site(e.platform)} is always shown, whatever would hold it back` };
}

/** The names a logged "shown anyway despite a: x; b" reason gives what it excused by, lower case: each code, and
 * each code with what it names (as reasonKeys in lib/core/shield/exceptions.ts names them). */
function excusedKeys(row: Pick<LoggedDecision, 'reasons'>): Set<string> | null {
  const r = row.reasons.find((x) => x.code === 'user-exception');
  if (!r) return null;
  const keys = new Set<string>();
  for (const name of r.detail.replace(/^shown anyway despite /, '').split('; ')) {
    const at = name.indexOf(': ');
    const code = (at < 0 ? name : name.slice(0, at)).trim().toLowerCase();
    keys.add(code);
    if (at >= 0) keys.add(`${code}:${name.slice(at + 2).trim().toLowerCase()}`);
  }
  return keys;
}

/** Whether a logged decision was one this exception changed: the item would have been held back, and was shown. */
export function exceptionChanged(e: Exception, row: LoggedDecision): boolean {
  if (row.platform !== e.platform || row.ts < e.createdAt) return false;
  const keys = excusedKeys(row);
  if (!keys) return false;
  if (e.author && foldAuthor(row.author) !== foldAuthor(e.author)) return false;
  const scope = (e.kind ?? e.ruleCode ?? '').trim().toLowerCase();
  if (e.type === 'item' && (!e.title || normaliseTitle(row.title) !== normaliseTitle(e.title))) return false;
  return !scope || keys.has(scope);
}

/** For each exception, how many logged decisions it changed since it was made. */
export function countChanged(exceptions: readonly Exception[], rows: readonly LoggedDecision[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of exceptions) out[e.id] = 0;
  for (const row of rows) {
    for (const e of exceptions) if (exceptionChanged(e, row)) out[e.id]++;
  }
  return out;
}

/** The exceptions that set a whole kind aside on some site: the Profile view shows them by the kind's setting. */
export function kindExceptions(exceptions: readonly Exception[], kind: PolicyKind): Exception[] {
  return exceptions.filter((e) => e.type === 'rule' && !e.author && e.ruleCode?.trim() === kind);
}

/** A logged "shown anyway despite keyword-rule: spoilers; promoted: job ad" in words: "Shown anyway, despite Your
 * rule: “spoilers”; Ad". Rules are read out, never shown as a raw pattern. */
export function excusedInWords(detail: string): string {
  const names = detail
    .replace(/^shown anyway despite /, '')
    .split('; ')
    .filter(Boolean)
    .map((name) => {
      const at = name.indexOf(': ');
      const code = (at < 0 ? name : name.slice(0, at)).trim();
      const kind = isKind(code) ? code : undefined;
      return describeReason({ code, detail: at < 0 ? '' : name.slice(at + 2), source: 'rule', evidence: [], ...(kind ? { kind } : {}) }, { short: true });
    });
  return names.length ? `Shown anyway, despite ${[...new Set(names)].join('; ')}` : 'Shown anyway';
}

/** A "less like this" in words: "Items from Drama Central on YouTube about “feud, apology” are pushed down". */
export function lessLikeSentence(l: LessLike): string {
  const about = l.subject.length ? ` about “${l.subject.slice(0, 4).join(', ')}”` : '';
  return `Items from ${l.author} on ${site(l.platform)}${about} are pushed down`;
}
