import { useEffect, useId, useState, type ReactNode } from 'react';
import { FEED_PLATFORMS } from '@/lib/schema/common';
import { Action } from '@/lib/schema/decision';
import { EMPTY_FILTER, LABELLED_ACTIONS, REASON_CODES, isEmptyFilter, type ActivityFilter, type TimeRange } from '@/lib/core/activity-filter';
import { Icon } from '../../ui/Icon';
import { ACTION_LABELS, reasonCodeLabel, siteLabel } from './wording';

const RANGES: { value: TimeRange; label: string }[] = [
  { value: 'any', label: 'Any time' },
  { value: 'hour', label: 'Last hour' },
  { value: 'day', label: 'Last 24 hours' },
  { value: 'week', label: 'Last 7 days' },
  { value: 'month', label: 'Last 30 days' },
  { value: 'custom', label: 'Between dates…' },
];

const SEARCH_DELAY_MS = 250;

/** Site, action, reason, time and a search box. Choices apply at once; typing applies after a short pause. */
export function ActivityFilters({ filter, onChange }: { filter: ActivityFilter; onChange: (f: ActivityFilter) => void }) {
  const id = useId();
  const [search, setSearch] = useState(filter.search);

  useEffect(() => setSearch(filter.search), [filter.search]);
  useEffect(() => {
    if (search === filter.search) return;
    const t = setTimeout(() => onChange({ ...filter, search }), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [search, filter, onChange]);

  const set = (patch: Partial<ActivityFilter>) => onChange({ ...filter, ...patch });
  const reasons = [...REASON_CODES].sort((a, b) => reasonCodeLabel(a).localeCompare(reasonCodeLabel(b)));

  return (
    <form className="act-filters" role="search" aria-label="Filter decisions" onSubmit={(e) => e.preventDefault()}>
      <div className="act-field act-search">
        <label className="mini-label" htmlFor={`${id}-q`}>
          Search titles and authors
        </label>
        <input
            id={`${id}-q`}
            className="input"
            type="search"
            value={search}
            maxLength={200}
            placeholder="e.g. giveaway"
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onChange({ ...filter, search });
            }}
          />
      </div>
      <Select id={`${id}-site`} label="Site" value={filter.site} onChange={(site) => set({ site })}>
        <option value="">All sites</option>
        {FEED_PLATFORMS.map((p) => (
          <option key={p} value={p}>
            {siteLabel(p)}
          </option>
        ))}
      </Select>
      <Select id={`${id}-action`} label="Action" value={filter.action} onChange={(action) => set({ action })}>
        <option value="">All actions</option>
        {Action.options.map((a) => (
          <option key={a} value={a}>
            {ACTION_LABELS[a]}
          </option>
        ))}
        <option value={LABELLED_ACTIONS}>Labelled or pushed down</option>
      </Select>
      <Select id={`${id}-reason`} label="Reason" value={filter.reason} onChange={(reason) => set({ reason })}>
        <option value="">All reasons</option>
        {reasons.map((code) => (
          <option key={code} value={code}>
            {reasonCodeLabel(code)}
          </option>
        ))}
      </Select>
      <Select id={`${id}-range`} label="Time" value={filter.range} onChange={(range) => set({ range: range as TimeRange })}>
        {RANGES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </Select>
      {filter.range === 'custom' ? (
        <div className="act-dates">
          <div className="act-field">
            <label className="mini-label" htmlFor={`${id}-from`}>
              From
            </label>
            <input id={`${id}-from`} className="input" type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="act-field">
            <label className="mini-label" htmlFor={`${id}-to`}>
              To
            </label>
            <input id={`${id}-to`} className="input" type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => set({ to: e.target.value })} />
          </div>
        </div>
      ) : null}
      <div className="act-field act-clear">
        <button type="button" className="btn btn-ghost" disabled={isEmptyFilter(filter)} onClick={() => onChange(EMPTY_FILTER)}>
          <Icon name="x" size={14} /> Clear filters
        </button>
      </div>
    </form>
  );
}

function Select({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <div className="act-field">
      <label className="mini-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}
