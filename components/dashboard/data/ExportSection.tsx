import { useId, useState } from 'react';
import { formatBytes, formatCount } from '../../format';
import { downloadBlob } from '../../download';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { exportBlob } from './transfer';

type Result = { ok: true; filename: string; size: number; rows: number | null } | { ok: false; error: string };

/** Export: the profile, and with it, if asked, the whole activity log (read a page at a time, written as parts). */
export function ExportSection() {
  const [includeLog, setIncludeLog] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const id = useId();

  const onExport = async () => {
    setBusy(true);
    setResult(null);
    setProgress(includeLog ? 0 : null);
    try {
      const { blob, filename, rows } = await exportBlob(includeLog, setProgress);
      downloadBlob(blob, filename);
      setResult({ ok: true, filename, size: blob.size, rows: includeLog ? rows : null });
    } catch (e) {
      setResult({ ok: false, error: (e as Error).message });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <Section title="Export" description="Download your profile as a JSON file, to keep a copy or move it to another browser." icon={<Icon name="download" size={18} />}>
      <div className="data-actions">
        <label className="check" htmlFor={id}>
          <input id={id} type="checkbox" checked={includeLog} onChange={(e) => setIncludeLog(e.target.checked)} />
          <span>
            Include the activity log
            <span className="check-desc">Every decision Parapet made, with titles of the items. The file gets larger; importing it brings the log back.</span>
          </span>
        </label>
        <button type="button" className="btn btn-primary" onClick={() => void onExport()} disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={15} />}
          Export
        </button>
      </div>
      {progress !== null ? (
        <p className="muted small" aria-live="polite">
          Reading the activity log: {formatCount(progress)} rows…
        </p>
      ) : null}
      {result ? (
        result.ok ? (
          <Notice tone="ok" className="data-result">
            Saved <span className="file-name">{result.filename}</span> ({formatBytes(result.size)}
            {result.rows !== null ? `, ${formatCount(result.rows)} activity log ${result.rows === 1 ? 'row' : 'rows'}` : ''}).
          </Notice>
        ) : (
          <Notice tone="error" className="data-result">
            Export failed: {result.error}
          </Notice>
        )
      ) : null}
    </Section>
  );
}
