import type { Profile } from '../schema/profile';

/**
 * Three-way merge of profile edits: what `mine` changed from `base` is applied to `theirs` (the stored profile's
 * latest revision), so an edit made in one place (the Profile view) never erases one made meanwhile in another (an
 * interest added in the popup, an exception made on a page). Lists of things with an id or a natural key merge by
 * entry; objects merge by key; anything else `mine` changed wins. Undo is the same merge with base and mine swapped.
 */
export function mergeProfile(base: Profile, mine: Profile, theirs: Profile): Profile {
  if (mine === base) return theirs;
  const out: Record<string, unknown> = { ...theirs };
  for (const key of Object.keys(mine) as (keyof Profile)[]) {
    if (key === 'revision' || key === 'updatedAt' || key === 'schemaVersion') continue;
    out[key] = mergeValue(key, base[key], mine[key], theirs[key]);
  }
  return out as Profile;
}

/** How the entries of each list are told apart; a list not named here is replaced whole when changed. */
const LIST_KEYS: Record<string, (entry: Record<string, unknown>) => string> = {
  interests: (e) => String(e.id),
  avoidTopics: (e) => String(e.id),
  rules: (e) => String(e.id),
  naturalRules: (e) => String(e.id),
  instructions: (e) => String(e.id),
  exceptions: (e) => String(e.id),
  blockedAuthors: (e) => `${String(e.platform)}\u0000${String(e.name)}`,
  hiddenItems: (e) => `${String(e.platform)}\u0000${String(e.itemId)}`,
  lessLike: (e) => String(e.id),
};

function mergeValue(key: string, base: unknown, mine: unknown, theirs: unknown): unknown {
  if (same(base, mine)) return theirs;
  if (same(base, theirs)) return mine;
  const keyOf = LIST_KEYS[key];
  if (keyOf && Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs)) return mergeList(keyOf, base, mine, theirs);
  if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
    const out: Record<string, unknown> = { ...theirs };
    for (const k of new Set([...Object.keys(mine), ...Object.keys(base)])) {
      if (!(k in mine)) delete out[k];
      else out[k] = mergeValue('', base[k], mine[k], theirs[k]);
    }
    return out;
  }
  return mine;
}

type Entry = Record<string, unknown>;

/** Entries mine added or changed are kept (in mine's order), those mine removed go, and those only theirs added
 * or changed stay, after mine's. */
function mergeList(keyOf: (e: Entry) => string, base: Entry[], mine: Entry[], theirs: Entry[]): Entry[] {
  const baseBy = new Map(base.map((e) => [keyOf(e), e]));
  const mineBy = new Map(mine.map((e) => [keyOf(e), e]));
  const theirsBy = new Map(theirs.map((e) => [keyOf(e), e]));
  const out: Entry[] = [];
  for (const e of mine) {
    const k = keyOf(e);
    const b = baseBy.get(k);
    const t = theirsBy.get(k);
    if (!b) out.push(e); // added here
    else if (!t) {
      if (!same(b, e)) out.push(e); // changed here, removed there: the change is kept
    } else out.push(same(b, e) ? t : (mergeValue('', b, e, t) as Entry));
  }
  for (const e of theirs) {
    const k = keyOf(e);
    if (mineBy.has(k)) continue;
    const b = baseBy.get(k);
    if (!b || !same(b, e)) out.push(e); // added there, or changed there after mine removed it
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => same(x, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => same((a as Entry)[k], (b as Entry)[k]));
}
