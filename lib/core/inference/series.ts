import type { TimelineEvent } from './infer';
import type { ManipulationPoint } from './platforms';

export interface TimelinePoint {
  ts: number;
  /** Topics inferred at that moment. */
  topics: number;
  learned: number;
  dropped: number;
}

/** The timeline's events as a step series: how many topics the model held after each change. */
export function timelineSeries(events: readonly TimelineEvent[]): TimelinePoint[] {
  const byTs = new Map<number, TimelinePoint>();
  for (const e of events) {
    const p = byTs.get(e.ts) ?? { ts: e.ts, topics: 0, learned: 0, dropped: 0 };
    if (e.change === 'learned') p.learned++;
    else p.dropped++;
    byTs.set(e.ts, p);
  }
  let held = 0;
  return [...byTs.values()]
    .sort((a, b) => a.ts - b.ts)
    .map((p) => {
      held += p.learned - p.dropped;
      return { ...p, topics: held };
    });
}

export type ShareRow = { day: number } & Record<string, number>;

/** Manipulation points pivoted to one row per day with a share per platform (absent = no items that day). */
export function manipulationRows(points: readonly ManipulationPoint[]): { rows: ShareRow[]; platforms: string[] } {
  const platforms = [...new Set(points.map((p) => p.platform))].sort();
  const rows = new Map<number, ShareRow>();
  for (const p of points) {
    const row = rows.get(p.day) ?? ({ day: p.day } as ShareRow);
    row[p.platform] = +(p.share * 100).toFixed(1);
    rows.set(p.day, row);
  }
  return { rows: [...rows.values()].sort((a, b) => a.day - b.day), platforms };
}
