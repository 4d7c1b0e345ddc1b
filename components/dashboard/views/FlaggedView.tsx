import { useMemo, useState } from 'react';
import { POLICY_KINDS, type PolicyKind } from '@/lib/schema/profile';
import type { Flag } from '@/lib/schema/log';
import { Notice } from '../../ui/Notice';
import { Segmented } from '../../ui/Segmented';
import { Icon } from '../../ui/Icon';
import { FlagRow } from '../flagged/FlagRow';
import { KIND_NAMES } from '../flagged/kinds';
import { useFlags } from '../flagged/useFlags';
import '../flagged/flagged.css';

type StatusFilter = 'open' | 'reviewed' | 'all';
const STATUS_OPTIONS = [
  { value: 'open', label: 'To review' },
  { value: 'reviewed', label: 'Reviewed' },
  { value: 'all', label: 'All' },
] as const;
const PAGE = 100;

/** The review queue: flagged and hidden items grouped by kind. "Wrong" becomes an exception that stops the same
 * and near-identical items being flagged again, and every verdict is kept as a labelled example for the local model. */
export default function FlaggedView() {
  const { flags, error, verdict } = useFlags();
  const [kind, setKind] = useState<PolicyKind | 'all'>('all');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [shown, setShown] = useState<Record<string, number>>({});
  const [said, setSaid] = useState('');
  // Items given a verdict here stay in view until the filter changes, so focus and an immediate undo stay put.
  const [touched, setTouched] = useState<Set<number>>(new Set());

  const visible = useMemo(
    () =>
      (flags ?? []).filter(
        (f) => (kind === 'all' || f.kind === kind) && (status === 'all' || (status === 'open' ? f.status === 'open' || touched.has(f.id!) : f.status !== 'open')),
      ),
    [flags, kind, status, touched],
  );
  const groups = useMemo(() => {
    const by = new Map<PolicyKind, Flag[]>();
    for (const f of visible) by.set(f.kind, [...(by.get(f.kind) ?? []), f]);
    return POLICY_KINDS.filter((k) => by.has(k)).map((k) => ({ kind: k, flags: by.get(k)! }));
  }, [visible]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const f of flags ?? []) if (f.status === 'open') c.set(f.kind, (c.get(f.kind) ?? 0) + 1);
    return c;
  }, [flags]);

  if (!flags) return error ? <Notice tone="error">Could not load flagged items: {error}</Notice> : <p className="muted">Loading flagged items…</p>;

  const chosen = visible.filter((f) => f.id !== undefined && selected.has(f.id)).map((f) => f.id!);
  const select = (ids: number[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const give = async (ids: number[], st: Flag['status'], what: string) => {
    setTouched((t) => new Set([...t, ...ids]));
    if (await verdict(ids, st)) {
      setSaid(
        st === 'wrong'
          ? `${what} marked wrong: Parapet will not flag ${ids.length === 1 ? 'it or near-identical items' : 'them or near-identical items'} from the same author again.`
          : st === 'right'
            ? `${what} marked right: kept as ${ids.length === 1 ? 'an example' : 'examples'} for the detectors.`
            : `Verdict on ${what} taken back.`,
      );
    }
  };
  const bulk = async (st: Flag['status']) => {
    const n = chosen.length;
    await give(chosen, st, `${n} ${n === 1 ? 'item' : 'items'}`);
    select(chosen, false);
  };
  const openTotal = [...counts.values()].reduce((a, b) => a + b, 0);

  return (
    <div className="flag-view">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="card flag-toolbar">
        <div className="flag-filters">
          <label className="flag-filter">
            <span className="mini-label">Kind</span>
            <select className="select" value={kind} onChange={(e) => {
                setKind(e.target.value as PolicyKind | 'all');
                setTouched(new Set());
              }}>
              <option value="all">Every kind ({openTotal} to review)</option>
              {POLICY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_NAMES[k].name} ({counts.get(k) ?? 0})
                </option>
              ))}
            </select>
          </label>
          <div className="flag-filter">
            <span className="mini-label" aria-hidden="true">
              Show
            </span>
            <Segmented label="Show" value={status} options={STATUS_OPTIONS} onChange={(v) => {
              setStatus(v);
              setTouched(new Set());
            }} />
          </div>
        </div>
        <div className="flag-bulk" role="group" aria-label="Selected items">
          <span className="flag-bulk-count" aria-live="polite">
            {chosen.length ? `${chosen.length} selected` : 'Select items for a bulk verdict'}
          </span>
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
        {said}
      </p>
      {said ? (
        <p className="flag-said" aria-hidden="true">
          <Icon name="check" size={14} /> {said}
        </p>
      ) : null}
      {groups.length === 0 ? (
        <p className="empty-row">{flags.length ? 'Nothing here with these filters.' : 'Nothing flagged yet. Items the detectors flag on your feeds wait here for your verdict.'}</p>
      ) : (
        groups.map((g) => {
          const ids = g.flags.map((f) => f.id!).filter((id) => id !== undefined);
          const allOn = ids.length > 0 && ids.every((id) => selected.has(id));
          const limit = shown[g.kind] ?? PAGE;
          const headingId = `flag-group-${g.kind}`;
          return (
            <section key={g.kind} className="card section flag-group" aria-labelledby={headingId}>
              <div className="section-head">
                <div>
                  <h2 id={headingId} className="section-title">
                    {KIND_NAMES[g.kind].name} <span className="count-badge">{g.flags.length}</span>
                  </h2>
                  <p className="section-desc">{KIND_NAMES[g.kind].what}</p>
                </div>
                <label className="flag-all">
                  <input type="checkbox" checked={allOn} onChange={(e) => select(ids, e.target.checked)} />
                  Select all
                  <span className="visually-hidden"> {KIND_NAMES[g.kind].name}</span>
                </label>
              </div>
              <ul className="flag-list">
                {g.flags.slice(0, limit).map((f) => (
                  <FlagRow
                    key={f.id}
                    flag={f}
                    selected={f.id !== undefined && selected.has(f.id)}
                    onSelect={(on) => f.id !== undefined && select([f.id], on)}
                    onVerdict={(st) => f.id !== undefined && void give([f.id], st, `“${f.title}”`)}
                  />
                ))}
              </ul>
              {g.flags.length > limit ? (
                <button type="button" className="btn btn-sm flag-more" onClick={() => setShown((s) => ({ ...s, [g.kind]: limit + PAGE }))}>
                  Show {Math.min(PAGE, g.flags.length - limit)} more
                </button>
              ) : null}
            </section>
          );
        })
      )}
    </div>
  );
}
