import { useMemo, useState } from 'react';
import { POLICY_KINDS, type PolicyKind } from '@/lib/schema/profile';
import type { Flag, StoredFlag } from '@/lib/schema/log';
import { formatCount, plural } from '../../format';
import { Notice } from '../../ui/Notice';
import { Segmented } from '../../ui/Segmented';
import { Icon } from '../../ui/Icon';
import { FlagList } from '../flagged/FlagList';
import { KIND_NAMES } from '../flagged/kinds';
import { countsByKind, entries, shownFlags, type StatusFilter } from '../flagged/queue';
import { useFlags } from '../flagged/useFlags';
import '../flagged/flagged.css';

const STATUS_OPTIONS = [
  { value: 'open', label: 'To review' },
  { value: 'reviewed', label: 'Reviewed' },
  { value: 'all', label: 'All' },
] as const;

/** The last verdict given here: said where it was given (in the row, or in the bulk bar), with what Undo puts back. */
interface Done {
  where: number | 'bulk';
  text: string;
  /** Read by screen readers: what the verdict does. */
  spoken: string;
  undo: Array<{ id: number; status: Flag['status'] }>;
}

const ROW_WORDS: Record<Flag['status'], string> = { right: 'Marked right', wrong: 'Marked wrong', open: 'Verdict taken back' };

/** The review queue: flagged and hidden items grouped by kind, one row per item. "Wrong" becomes an exception that
 * stops the same and near-identical items being flagged again, and every verdict is kept as a labelled example for
 * the local model. */
export default function FlaggedView() {
  const { flags, loading, error, verdict } = useFlags();
  const [kind, setKind] = useState<PolicyKind | 'all'>('all');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [done, setDone] = useState<Done | null>(null);
  // Items given a verdict here stay in view until the filter changes, so nothing moves and Undo stays put.
  const [judged, setJudged] = useState<Set<number>>(new Set());

  const shown = useMemo(() => shownFlags(flags ?? [], kind, status, judged), [flags, kind, status, judged]);
  const items = useMemo(() => entries(shown), [shown]);
  const counts = useMemo(() => countsByKind(flags ?? [], status, judged), [flags, status, judged]);

  if (!flags) return error ? <Notice tone="error">Could not load flagged items: {error}</Notice> : <p className="muted">Loading flagged items…</p>;

  const chosen = shown.filter((f) => f.id !== undefined && selected.has(f.id)).map((f) => f.id!);
  const select = (ids: number[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const judge = (ids: number[]) => setJudged((t) => new Set([...t, ...ids]));
  const refilter = () => {
    setJudged(new Set());
    setDone(null);
  };

  const give = async (flag: StoredFlag, st: Flag['status']) => {
    if (flag.id === undefined) return;
    const before = flag.status;
    judge([flag.id]);
    const changed = await verdict([flag.id], st);
    if (!changed) return;
    const title = `“${flag.title}”`;
    setDone({
      where: flag.id,
      text: ROW_WORDS[st],
      spoken:
        st === 'wrong'
          ? `${title} marked wrong: Parapet will not flag it or near-identical items from the same author again.`
          : st === 'right'
            ? `${title} marked right: kept as an example for the detectors.`
            : `Verdict on ${title} taken back.`,
      undo: [{ id: flag.id, status: before }],
    });
  };

  const bulk = async (st: Flag['status']) => {
    const ids = chosen;
    judge(ids);
    // Rows that already have a verdict keep it: "Select all" then "Mark right" only judges what was left to judge.
    const changed = await verdict(ids, st, true);
    if (!changed) return;
    setSelected(new Set());
    const kept = ids.length - changed.length;
    const text = `${plural(changed.length, 'item')} marked ${st}${kept ? `; ${formatCount(kept)} already judged kept ${kept === 1 ? 'its' : 'their'} verdict` : ''}`;
    setDone({
      where: 'bulk',
      text,
      spoken: `${text}.${st === 'wrong' && changed.length ? ' Parapet will not flag them or near-identical items from the same authors again.' : ''}`,
      undo: changed.map((f) => ({ id: f.id!, status: 'open' as const })),
    });
  };

  const undo = async (d: Done) => {
    setDone(null);
    for (const st of ['open', 'right', 'wrong'] as const) {
      const ids = d.undo.filter((u) => u.status === st).map((u) => u.id);
      if (ids.length) await verdict(ids, st);
    }
  };
  const rowDone = (id: number) => (done && done.where === id ? { text: done.text, onUndo: () => void undo(done) } : undefined);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const bulkDone = done?.where === 'bulk' ? done : null;

  return (
    <div className="flag-view">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="card flag-toolbar">
        <div className="flag-filters">
          <label className="flag-filter">
            <span className="mini-label">Kind</span>
            <select
              className="select"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as PolicyKind | 'all');
                refilter();
              }}
            >
              <option value="all">Every kind ({formatCount(total)})</option>
              {POLICY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_NAMES[k].name} ({formatCount(counts.get(k) ?? 0)})
                </option>
              ))}
            </select>
          </label>
          <div className="flag-filter">
            <span className="mini-label" aria-hidden="true">
              Show
            </span>
            <Segmented
              label="Show"
              value={status}
              options={STATUS_OPTIONS}
              onChange={(v) => {
                setStatus(v);
                refilter();
              }}
            />
          </div>
        </div>
        <div className="flag-bulk" role="group" aria-label="Selected items">
          <span className="flag-bulk-count">
            {bulkDone ? (
              <span className="flag-bulk-done">
                <Icon name="check" size={14} /> {bulkDone.text}
              </span>
            ) : chosen.length ? (
              `${formatCount(chosen.length)} selected`
            ) : (
              'Select items for a bulk verdict'
            )}
          </span>
          {bulkDone ? (
            <button type="button" className="btn btn-sm" onClick={() => void undo(bulkDone)}>
              Undo
            </button>
          ) : null}
          <button type="button" className="btn btn-sm" disabled={!chosen.length} onClick={() => void bulk('right')}>
            <Icon name="check" size={13} /> Mark right
          </button>
          <button type="button" className="btn btn-sm" disabled={!chosen.length} onClick={() => void bulk('wrong')}>
            <Icon name="x" size={13} /> Mark wrong
          </button>
          <button type="button" className="btn btn-sm btn-ghost" disabled={!chosen.length} onClick={() => setSelected(new Set())}>
            Clear
          </button>
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {done?.spoken ?? ''}
      </p>
      {items.length === 0 ? (
        <p className="empty-row">
          {loading ? 'Loading flagged items…' : flags.length ? 'Nothing here with these filters.' : 'Nothing flagged yet. Items the detectors flag on your feeds wait here for your verdict.'}
        </p>
      ) : (
        <FlagList items={items} selected={selected} done={rowDone} onSelect={select} onVerdict={(f, st) => void give(f, st)} />
      )}
      {loading && flags.length ? (
        <p className="muted small" aria-live="polite">
          Read {formatCount(flags.length)} flagged items so far…
        </p>
      ) : null}
    </div>
  );
}
