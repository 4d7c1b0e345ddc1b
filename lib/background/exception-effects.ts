import { countChanged } from '../core/exception-words';
import { normaliseTitle } from '../core/feedback';
import { loadProfile, queryDecisions, type Store } from '../db';
import type { Responses } from '../schema/messages';

/** Rows read at most for the counts: the newest, so a long log costs a bounded read. */
const MAX_ROWS = 50_000;
/** Recent rows searched for the title an item exception was made on (it keeps the title folded for matching). */
const TITLE_ROWS = 5_000;

/**
 * What the Exceptions view shows beside each exception: how many logged decisions it changed since it was made,
 * for items hidden by hand (kept by id only) the title and address the log last saw them with, and for item
 * exceptions the title as it was shown.
 */
export async function exceptionEffects(store: Store, now: number): Promise<Responses['exceptions/effects']> {
  const profile = await loadProfile(store, now);
  const since = Math.min(...profile.exceptions.map((e) => e.createdAt), now);
  const [excused, hiddenRows] = await Promise.all([
    profile.exceptions.length ? queryDecisions(store, { reason: 'user-exception', since, limit: MAX_ROWS }) : [],
    profile.hiddenItems.length ? queryDecisions(store, { reason: 'user-hidden', limit: MAX_ROWS }) : [],
  ]);
  const hidden: Record<string, { title: string; url: string }> = {};
  const wanted = new Set(profile.hiddenItems.map((h) => `${h.platform}:${h.itemId}`));
  for (const row of hiddenRows) {
    const key = `${row.platform}:${row.itemId}`;
    if (wanted.has(key) && !hidden[key]) hidden[key] = { title: row.title, url: row.url };
  }
  // An item exception keeps its title folded ("rust 1 95 released"); the log has it as the person saw it.
  const titles: Record<string, string> = {};
  const items = new Map(profile.exceptions.filter((e) => e.type === 'item' && e.title).map((e) => [e.title!, e.id]));
  const name = (rows: readonly { title: string }[]) => {
    for (const row of rows) {
      const id = items.get(normaliseTitle(row.title));
      if (id && !titles[id]) titles[id] = row.title;
    }
  };
  name(excused);
  if (items.size > Object.keys(titles).length) name(await queryDecisions(store, { limit: TITLE_ROWS }));
  return { changed: countChanged(profile.exceptions, excused), hidden, titles };
}
