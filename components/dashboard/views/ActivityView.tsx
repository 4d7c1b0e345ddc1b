import { useCallback, useEffect, useMemo, useState } from 'react';
import { send } from '@/lib/messaging';
import { formatFilter, isEmptyFilter, parseFilter, toQuery, type ActivityFilter } from '@/lib/core/activity-filter';
import type { LoggedDecision } from '@/lib/schema/log';
import { formatCount } from '../../format';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { ActivityExport } from '../activity/ActivityExport';
import { ActivityFilters } from '../activity/ActivityFilters';
import { ActivityList } from '../activity/ActivityList';
import { useActivityLog } from '../activity/useActivityLog';
import '../activity/activity.css';

const filterFromHash = () => parseFilter(location.hash.split('?')[1] ?? '');

/** Every decision Parapet logged, newest first: filter, search, reverse one, export what is shown. */
export default function ActivityView() {
  const [filter, setFilter] = useState<ActivityFilter>(filterFromHash);
  // Relative ranges ("last hour") are fixed when chosen, so paging through them stays consistent.
  const [now, setNow] = useState(() => Date.now());
  const query = useMemo(() => toQuery(filter, now), [filter, now]);
  const log = useActivityLog(query);
  const [busyId, setBusyId] = useState<number | null>(null);
  // The popup's counts reopen this tab on another filter by its address.
  useEffect(() => {
    const onHash = () => {
      if (!location.hash.startsWith('#/activity')) return;
      setFilter(filterFromHash());
      setNow(Date.now());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const [note, setNote] = useState<{ text: string; ok: boolean } | null>(null);

  const changeFilter = useCallback((next: ActivityFilter) => {
    setFilter(next);
    setNow(Date.now());
    const qs = formatFilter(next);
    // replaceState: the filter is part of the address without adding history or re-routing the shell.
    history.replaceState(null, '', `#/activity${qs ? `?${qs}` : ''}`);
  }, []);

  /** Sends one row's reversal (or its undo) to the background and puts the updated row in place. */
  const change = useCallback(
    async (row: LoggedDecision, type: 'activity/reverse' | 'activity/unreverse', done: (title: string) => string, failed: string) => {
      if (row.id === undefined) return;
      setBusyId(row.id);
      try {
        const updated = await send(type, { id: row.id });
        if (updated) log.replace(updated);
        setNote({ text: done(row.title.slice(0, 80) || 'This item'), ok: true });
      } catch (e) {
        setNote({ text: `${failed}: ${(e as Error).message}`, ok: false });
      } finally {
        setBusyId(null);
      }
    },
    [log],
  );
  const reverse = (row: LoggedDecision) =>
    change(row, 'activity/reverse', (title) => `Reversed. “${title}” will show from now on.`, 'Could not reverse');
  const undo = (row: LoggedDecision) =>
    change(row, 'activity/unreverse', (title) => `Reversal undone. “${title}” is held back again, as it was.`, 'Could not undo the reversal');

  const filtered = !isEmptyFilter(filter);
  const summary =
    log.total === null
      ? log.rows.length
        ? `${formatCount(log.rows.length)}+ decisions${filtered ? ' match' : ''}, counting…`
        : 'Loading…'
      : `${formatCount(log.total)} ${log.total === 1 ? 'decision' : 'decisions'}${filtered ? (log.total === 1 ? ' matches' : ' match') : ''}`;

  return (
    <div className="activity-view">
      <section className="card section act-card" aria-labelledby="act-title">
        <div className="section-head">
          <span className="section-icon">
            <Icon name="activity" size={18} />
          </span>
          <div>
            <h2 id="act-title" className="section-title">
              Decisions
            </h2>
            <p className="section-desc" aria-live="polite">
              {summary}
              {filter.page ? ` on one tab's page since ${new Date(filter.page.since).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })}` : ''}
              {filter.moved ? ', moved by Parapet from the place the site gave them' : ''}
            </p>
          </div>
          <ActivityExport filter={filter} query={query} disabled={log.rows.length === 0} onDone={(text, ok) => setNote({ text, ok })} />
        </div>
        <ActivityFilters filter={filter} onChange={changeFilter} />
        {note ? (
          <Notice tone={note.ok ? 'ok' : 'error'} className="act-note">
            {note.text}
          </Notice>
        ) : null}
        {log.error ? <Notice tone="error">Could not read the log: {log.error}</Notice> : null}
        {!log.loading && log.rows.length === 0 && !log.error ? (
          <p className="empty-row act-empty">
            {filtered
              ? 'No decisions match these filters.'
              : 'Nothing logged yet. Decisions appear here as you browse YouTube, Reddit, X and Hacker News.'}
          </p>
        ) : (
          <>
            <div className="act-head" aria-hidden="true">
              <span>Site · when</span>
              <span>Item and reasons</span>
              <span>Action</span>
              <span />
            </div>
            <ActivityList
              rows={log.rows}
              total={log.total}
              done={log.done}
              loading={log.loading}
              busyId={busyId}
              onMore={log.loadMore}
              onReverse={(row) => void reverse(row)}
              onUndo={(row) => void undo(row)}
            />
          </>
        )}
      </section>
    </div>
  );
}
