import type { FeedPlatform } from '../../schema/common';
import type { Reason } from '../../schema/decision';
import type { Exception } from '../../schema/profile';
import { normaliseTitle } from '../feedback';
import { foldAuthor } from './text';

/** What the user said "show anyway" to, per platform, as look-ups. */
interface PlatformExceptions {
  /** Authors shown whatever any rule or detector says. */
  authors: Set<string>;
  /** Author -> kinds ("not clickbait for this author") or rule codes that no longer apply to that author. */
  authorScoped: Map<string, Set<string>>;
  /** Rule codes (lower case) switched off on this platform. */
  rules: Set<string>;
  /** Normalised title (prefixed by the folded author when the verdict named one) -> kinds judged wrong on that
   * item ("*" = every kind). A verdict on one author's post does not excuse the same words from someone else. */
  titles: Map<string, Set<string>>;
}

export interface UserExceptions {
  byPlatform: Map<FeedPlatform, PlatformExceptions>;
}

function emptyPlatform(): PlatformExceptions {
  return { authors: new Set(), authorScoped: new Map(), rules: new Set(), titles: new Map() };
}

function addTo<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

export function compileUserExceptions(exceptions: readonly Exception[] | undefined, platform?: FeedPlatform): UserExceptions {
  // Most profiles have none: nothing to index, and indexUserExceptions is then never compiled in a tab (issue 24).
  return exceptions?.length ? indexUserExceptions(exceptions, platform) : { byPlatform: new Map() };
}

function indexUserExceptions(exceptions: readonly Exception[], platform?: FeedPlatform): UserExceptions {
  const byPlatform = new Map<FeedPlatform, PlatformExceptions>();
  for (const e of exceptions) {
    if (!e || typeof e !== 'object') continue;
    if (platform && e.platform !== platform) continue;
    let p = byPlatform.get(e.platform);
    if (!p) byPlatform.set(e.platform, (p = emptyPlatform()));
    const author = foldAuthor(e.author);
    const scope = e.kind ?? (e.ruleCode ? e.ruleCode.trim().toLowerCase() : '');
    if (e.type === 'author') {
      if (!author) continue;
      if (scope) addTo(p.authorScoped, author, scope);
      else p.authors.add(author);
    } else if (e.type === 'rule') {
      if (!scope) continue;
      if (author) addTo(p.authorScoped, author, scope);
      else p.rules.add(scope);
    } else if (e.type === 'item') {
      const title = e.title ? normaliseTitle(e.title) : '';
      if (title) addTo(p.titles, titleKey(author, title), e.kind ?? '*');
    }
  }
  return { byPlatform };
}

const titleKey = (author: string, normalisedTitle: string) => (author ? `${author}\u0000${normalisedTitle}` : normalisedTitle);

/**
 * The names a user exception can give a reason by: its kind ("clickbait"), its code ("keyword-rule"), or its
 * code with what it names ("avoid-topic:Politics", "keyword-rule:spoilers", or the rule/topic id). All lower case.
 */
export function reasonKeys(reason: Reason, ref?: string): string[] {
  const code = reason.code.toLowerCase();
  const keys = [code, `${code}:${reason.detail.toLowerCase()}`];
  if (reason.kind) keys.push(reason.kind);
  if (ref) keys.push(`${code}:${ref.toLowerCase()}`);
  return keys;
}

/** The user's exceptions that bear on one item, looked up once per item. */
export class ItemExceptions {
  static readonly NONE = new ItemExceptions(false, null, null, null);

  /** "Show anyway" for this item's author: nothing negative applies. */
  readonly showAnyway: boolean;
  readonly #rules: Set<string> | null;
  readonly #authorScoped: Set<string> | null;
  readonly #titleKinds: Set<string> | null;

  constructor(showAnyway: boolean, rules: Set<string> | null, authorScoped: Set<string> | null, titleKinds: Set<string> | null) {
    this.showAnyway = showAnyway;
    this.#rules = rules;
    this.#authorScoped = authorScoped;
    this.#titleKinds = titleKinds;
  }

  static lookup(index: UserExceptions, platform: FeedPlatform, author: string, title: string): ItemExceptions {
    const p = index.byPlatform.get(platform);
    if (!p) return ItemExceptions.NONE;
    const showAnyway = author !== '' && p.authors.has(author);
    const scoped = author !== '' ? (p.authorScoped.get(author) ?? null) : null;
    let titleKinds: Set<string> | null = null;
    if (p.titles.size > 0 && title) {
      const t = normaliseTitle(title);
      const own = author ? p.titles.get(titleKey(author, t)) : undefined;
      const any = p.titles.get(t);
      titleKinds = own && any ? new Set([...own, ...any]) : (own ?? any ?? null);
    }
    if (!showAnyway && scoped === null && titleKinds === null && p.rules.size === 0) return ItemExceptions.NONE;
    return new ItemExceptions(showAnyway, p.rules.size > 0 ? p.rules : null, scoped, titleKinds);
  }

  /** True when the user has said this reason should not act on this item. */
  excuses(reason: Reason, ref?: string): boolean {
    if (this.showAnyway) return true;
    if (this.#titleKinds !== null && (this.#titleKinds.has('*') || (reason.kind !== undefined && this.#titleKinds.has(reason.kind)))) {
      return true;
    }
    if (this.#rules === null && this.#authorScoped === null) return false;
    for (const key of reasonKeys(reason, ref)) {
      if (this.#rules?.has(key) || this.#authorScoped?.has(key)) return true;
    }
    return false;
  }
}
