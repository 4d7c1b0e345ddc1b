import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LoggedDecision } from '@/lib/schema/log';
import { ActivityRow } from './ActivityRow';

export const ROW_HEIGHT = 62;
/** Start the next page this many rows before the end, so a steady scroll never meets the bottom. */
const PREFETCH_ROWS = 40;

/** The log as a virtual list: only the rows in view (and a few either side) are in the DOM, however long it is. */
export function ActivityList({
  rows,
  total,
  done,
  loading,
  busyId,
  onMore,
  onReverse,
  onUndo,
}: {
  rows: LoggedDecision[];
  total: number | null;
  done: boolean;
  loading: boolean;
  busyId: number | null;
  onMore: () => void;
  onReverse: (row: LoggedDecision) => void;
  onUndo: (row: LoggedDecision) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = rows.length + (done ? 0 : 1);
  const virtual = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 880, height: 600 },
  });
  const items = virtual.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (!done && !loading && lastIndex >= rows.length - PREFETCH_ROWS) onMore();
  }, [lastIndex, rows.length, done, loading, onMore]);

  return (
    <div ref={scroller} className="act-scroll" tabIndex={0} role="region" aria-label="Decisions, newest first" aria-busy={loading}>
      <ul className="act-list" style={{ height: virtual.getTotalSize() }} aria-label="Decisions">
        {items.map((item) => {
          const row = rows[item.index];
          return (
            <li
              key={row?.id ?? `more-${item.index}`}
              className="act-item"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              aria-setsize={total ?? -1}
              aria-posinset={item.index + 1}
            >
              {row ? (
                <ActivityRow row={row} busy={busyId === row.id} onReverse={onReverse} onUndo={onUndo} />
              ) : (
                <div className="act-loading">
                  <span className="spinner" aria-hidden="true" /> Loading more…
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
