import { useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { Flag } from '@/lib/schema/log';
import type { PolicyKind } from '@/lib/schema/profile';
import { FlagRow, type RowDone } from './FlagRow';
import { KIND_NAMES } from './kinds';
import type { Entry } from './queue';

/** The queue as one virtual list over the page's own scroll: only the rows in view (and a few either side) are in
 * the DOM, so 50,000 flags scroll like 50. Each kind's heading and rows keep the look of one card. */
export function FlagList({
  items,
  selected,
  done,
  onSelect,
  onVerdict,
}: {
  items: Entry[];
  selected: ReadonlySet<number>;
  done: (id: number) => RowDone | undefined;
  onSelect: (ids: number[], on: boolean) => void;
  onVerdict: (flag: Flag, status: Flag['status']) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  // Where the list starts on the page; a notice appearing above it moves it.
  useLayoutEffect(() => {
    const top = box.current ? Math.round(box.current.getBoundingClientRect().top + window.scrollY) : 0;
    if (top !== margin) setMargin(top);
  });
  const virtual = useWindowVirtualizer({
    count: items.length,
    estimateSize: (i) => (items[i].type === 'head' ? 92 : 78),
    overscan: 10,
    scrollMargin: margin,
    getItemKey: (i) => {
      const e = items[i];
      return e.type === 'head' ? `head-${e.kind}` : `flag-${e.flag.id}`;
    },
  });

  return (
    <div ref={box} className="flag-vlist" style={{ height: virtual.getTotalSize() }}>
      {virtual.getVirtualItems().map((v) => {
        const e = items[v.index];
        return (
          <div
            key={v.key}
            data-index={v.index}
            ref={virtual.measureElement}
            className={`flag-entry ${e.type === 'head' ? 'is-head' : ''} ${e.type === 'row' && e.last ? 'is-last' : ''}`}
            style={{ transform: `translateY(${v.start - margin}px)` }}
          >
            <div className="flag-piece">
              {e.type === 'head' ? (
                <GroupHead kind={e.kind} ids={e.ids} selected={selected} onSelect={onSelect} />
              ) : (
                <FlagRow
                  flag={e.flag}
                  selected={e.flag.id !== undefined && selected.has(e.flag.id)}
                  done={e.flag.id === undefined ? undefined : done(e.flag.id)}
                  onSelect={(on) => e.flag.id !== undefined && onSelect([e.flag.id], on)}
                  onVerdict={(st) => onVerdict(e.flag, st)}
                />
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function GroupHead({ kind, ids, selected, onSelect }: { kind: PolicyKind; ids: number[]; selected: ReadonlySet<number>; onSelect: (ids: number[], on: boolean) => void }) {
  const allOn = ids.length > 0 && ids.every((id) => selected.has(id));
  const headingId = `flag-group-${kind}`;
  return (
    <div className="flag-group section-head" role="group" aria-labelledby={headingId}>
      <div>
        <h2 id={headingId} className="section-title">
          {KIND_NAMES[kind].name} <span className="count-badge">{ids.length.toLocaleString()}</span>
        </h2>
        <p className="section-desc">{KIND_NAMES[kind].what}</p>
      </div>
      <label className="flag-all">
        <input type="checkbox" checked={allOn} onChange={(ev) => onSelect(ids, ev.target.checked)} />
        Select all
        <span className="visually-hidden"> {KIND_NAMES[kind].name}</span>
      </label>
    </div>
  );
}
