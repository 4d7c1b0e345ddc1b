import { useState } from 'react';
import type { ActivityFilter, ActivityQuery } from '@/lib/core/activity-filter';
import { formatCount } from '../../format';
import { downloadText } from '../../download';
import { Icon } from '../../ui/Icon';
import { decisionsCsv, decisionsJson, exportName } from './export-file';
import { fetchAll } from './useActivityLog';

/** Downloads exactly the rows the filters match, read page by page so a 100,000-row log never travels at once. */
export function ActivityExport({ filter, query, disabled, onDone }: { filter: ActivityFilter; query: ActivityQuery; disabled: boolean; onDone: (message: string, ok: boolean) => void }) {
  const [busy, setBusy] = useState<'csv' | 'json' | null>(null);
  const [progress, setProgress] = useState(0);

  const run = async (kind: 'csv' | 'json') => {
    setBusy(kind);
    setProgress(0);
    try {
      const rows = await fetchAll(query, setProgress);
      const now = Date.now();
      const name = exportName(kind, now);
      if (kind === 'csv') downloadText(decisionsCsv(rows), name, 'text/csv;charset=utf-8');
      else downloadText(decisionsJson(rows, filter, now), name, 'application/json');
      onDone(`Saved ${name} with ${formatCount(rows.length)} ${rows.length === 1 ? 'decision' : 'decisions'}.`, true);
    } catch (e) {
      onDone(`Export failed: ${(e as Error).message}`, false);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="act-export" role="group" aria-label="Export the decisions shown">
      {busy ? (
        <span className="muted small" aria-live="polite">
          Reading {formatCount(progress)}…
        </span>
      ) : null}
      {(['csv', 'json'] as const).map((kind) => (
        <button key={kind} type="button" className="btn" disabled={disabled || busy !== null} onClick={() => void run(kind)}>
          {busy === kind ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={14} />}
          Export {kind.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
