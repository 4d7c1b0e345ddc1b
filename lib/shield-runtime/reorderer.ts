import type { Adapter } from '../adapters/types';
import type { Profile } from '../schema/profile';
import type { Engine } from './engine';
import { documentOrder, permute } from './reorder';
import type { Tracked } from './tracked';

export interface Reorderer {
  /** Puts newly arrived, decided items in order among themselves, each group of siblings in the places it holds. */
  reorder(fresh: readonly Tracked[]): void;
  /** Puts every item Parapet moved back in the site's own order, with the site's own numbers (pause, fail open). */
  restore(): void;
  /** Whether Parapet moved the item on this page. */
  moved(itemId: string): boolean;
  /** Items moved on this page. */
  count(): number;
  /** These items left the page: they stay counted, but nothing of them is kept (issue 25). */
  gone(ids: Iterable<string>): void;
}

/**
 * The reorderer: newly arrived items, in the places they arrived in, sorted by relevance among themselves only
 * (older items never move under the person's eyes). The order is the engine's (rerank); the moving is permute's.
 * A site's rank numbers stay with the places, so a moved list still reads 1, 2, 3; each batch's own order and
 * numbers are kept to be put back.
 */
export function createReorderer(
  adapter: Adapter,
  engine: Pick<Engine, 'rerank'>,
  display: () => Profile['display'] | undefined,
  seed = (Math.random() * 2 ** 31) | 0,
): Reorderer {
  const movedIds = new Set<string>();
  let movedAndGone = 0;
  /** Each moved batch in the site's order. */
  const batches: Tracked[][] = [];
  /** The site's own text of every rank label Parapet rewrote. */
  const ranks = new Map<Element, string | null>();

  /** Gives each place of a moved batch the site's number for it: place k now holds the item whose rank label is
   * els[order[k]], and keeps the site's label for place k, labels[k]. */
  function renumber(els: ReadonlyArray<Element | null>, labels: ReadonlyArray<string | null>, order: readonly number[]): void {
    order.forEach((i, k) => {
      const el = els[i];
      if (!el || labels[k] === null || el.textContent === labels[k]) return;
      if (!ranks.has(el)) ranks.set(el, el.textContent);
      el.textContent = labels[k];
    });
  }

  function reorder(fresh: readonly Tracked[]): void {
    const shown = display();
    if (shown?.reorder === false) return;
    const groups = new Map<Element, Tracked[]>();
    for (const t of fresh) {
      const parent = t.root.parentElement;
      const surface = t.item!.surface;
      if (!parent || !adapter.canReorder(surface) || adapter.movable?.(t.root) === false) continue;
      if (adapter.partsComplete && !adapter.partsComplete(t.root)) continue;
      const g = groups.get(parent);
      if (g) g.push(t);
      else groups.set(parent, [t]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      // The site's order: the order of arrival, nearly always, which costs one look per neighbouring pair.
      const before = documentOrder(group.map((t) => ({ t, root: t.root, parts: t.paint.parts })));
      const batch = before.map((m, i) => ({ id: String(i), score: m.t.decision!.score }));
      const order = engine.rerank(batch, { exploreShare: shown?.exploreShare ?? 0, seed: seed++ }).map(Number);
      if (order.length !== before.length || order.some((i) => !(i >= 0 && i < before.length))) continue;
      // Most batches keep their order (nothing scored above or below the rest): nothing to read or move.
      if (order.every((i, k) => i === k)) continue;
      // Each label found once: they stay in their rows as the rows move.
      const els = adapter.rankLabel ? before.map((m) => adapter.rankLabel!(m.root)) : [];
      const labels = els.map((el) => el?.textContent ?? null);
      const moved = permute(before, order);
      if (moved.length === 0) continue;
      for (const m of moved) movedIds.add(m.t.item!.id);
      batches.push(before.map((m) => m.t));
      if (adapter.rankLabel) renumber(els, labels, order);
    }
  }

  function restore(): void {
    for (const batch of batches.splice(0).reverse()) {
      const parent = batch[0].root.parentElement;
      const still = batch.filter((t) => t.root.isConnected && t.root.parentElement === parent);
      permute(
        still.map((t) => ({ root: t.root, parts: t.paint.parts })),
        still.map((_, i) => i),
      );
    }
    for (const [el, text] of ranks) if (el.isConnected) el.textContent = text;
    ranks.clear();
    movedIds.clear();
    movedAndGone = 0;
  }

  function gone(ids: Iterable<string>): void {
    for (const id of ids) if (movedIds.delete(id)) movedAndGone++;
    // What left the page has no place to go back to.
    for (let i = batches.length; i--; ) {
      const still = batches[i].filter((t) => t.root.isConnected);
      if (still.length > 1) batches[i] = still;
      else batches.splice(i, 1);
    }
    for (const [el] of ranks) if (!el.isConnected) ranks.delete(el);
  }

  return { reorder, restore, gone, moved: (id) => movedIds.has(id), count: () => movedIds.size + movedAndGone };
}
