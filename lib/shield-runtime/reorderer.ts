import type { Adapter } from '../adapters/types';
import type { Profile } from '../schema/profile';
import type { Engine } from './engine';
import { permute } from './reorder';
import type { Tracked } from './tracked';

export interface Reorderer {
  /** Puts newly arrived, decided items in order among themselves, each group of siblings in the places it holds. */
  reorder(fresh: readonly Tracked[]): void;
  /** Whether Parapet moved the item on this page. */
  moved(itemId: string): boolean;
  /** Items moved on this page. */
  count(): number;
}

/**
 * The reorderer: newly arrived items, in the places they arrived in, sorted by relevance among themselves only
 * (older items never move under the person's eyes). The order is the engine's (rerank); the moving is permute's.
 */
export function createReorderer(
  adapter: Adapter,
  engine: Pick<Engine, 'rerank'>,
  display: () => Profile['display'] | undefined,
  seed = (Math.random() * 2 ** 31) | 0,
): Reorderer {
  const movedIds = new Set<string>();

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
      const batch = group.map((t, i) => ({ id: String(i), score: t.decision!.score }));
      const order = engine.rerank(batch, { exploreShare: shown?.exploreShare ?? 0, seed: seed++ }).map(Number);
      if (order.length !== group.length || order.some((i) => !(i >= 0 && i < group.length))) continue;
      const moved = permute(
        group.map((t) => ({ t, root: t.root, parts: t.paint.parts })),
        order,
      );
      for (const m of moved) movedIds.add(m.t.item!.id);
    }
  }

  return { reorder, moved: (id) => movedIds.has(id), count: () => movedIds.size };
}
