import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { send } from '@/lib/messaging';
import { MAX_IMPORT_BYTES } from '@/lib/schema/export';
import type { Profile } from '@/lib/schema/profile';
import type { Responses } from '@/lib/schema/messages';
import { formatBytes, formatCount, plural } from '../../format';
import { useBroadcast } from '../../hooks/useBroadcast';
import { useProfile } from '../../hooks/useProfile';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { downloadText } from '../../download';

type Counts = Responses['data/counts'];
type ImportOutcome = { file: string; ok: true; profile: Profile } | { file: string; ok: false; errors: string[] };

const WIPE_WORD = 'wipe';

const summary = (p: Profile) =>
  [
    plural(p.interests.length, 'interest'),
    plural(p.avoidTopics.length, 'avoid-topic'),
    plural(p.rules.length, 'rule'),
    plural(p.blockedAuthors.length, 'blocked author'),
    plural(p.instructions.length, 'instruction'),
  ].join(', ');

export default function DataView() {
  const { profile } = useProfile();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [countsError, setCountsError] = useState<string | null>(null);

  const loadCounts = useCallback(async () => {
    try {
      setCounts(await send('data/counts', {}));
      setCountsError(null);
    } catch (e) {
      setCountsError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void loadCounts();
  }, [loadCounts]);
  useBroadcast(() => void loadCounts());

  return (
    <div className="data-view">
      <Section title="What Parapet keeps" description="All of it is stored in this browser only. Nothing is sent anywhere." icon={<Icon name="database" size={18} />}>
        {countsError ? <Notice tone="error">Could not count what is stored: {countsError}</Notice> : null}
        {counts?.problem ? <Notice tone="error">{counts.problem.detail}</Notice> : null}
        <dl className="stat-grid" aria-busy={!counts || !profile}>
          <Stat label="Interests" value={profile?.interests.length} />
          <Stat label="Avoid-topics" value={profile?.avoidTopics.length} />
          <Stat label="Rules" value={profile ? profile.rules.length : undefined} />
          <Stat label="Blocked authors" value={profile?.blockedAuthors.length} />
          <Stat label="Decisions logged" value={counts?.decisions} />
          <Stat label="Signals" value={counts?.signals} />
          <Stat label="Feedback" value={counts?.feedback} />
          <Stat label="Flagged items" value={counts?.flags} />
        </dl>
        {counts && refusedTotal(counts) > 0 ? (
          <p className="muted">
            Refused and not kept: {plural(refusedTotal(counts), 'row')} that pages sent faster than a person could act (since the browser started).
          </p>
        ) : null}
      </Section>
      <ExportSection />
      <ImportSection current={profile} onImported={loadCounts} />
      <WipeSection onWiped={loadCounts} />
    </div>
  );
}

const refusedTotal = (c: Counts) => Object.values(c.refused).reduce((a, b) => a + b, 0);

function Stat({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value === undefined ? '–' : formatCount(value)}</dd>
    </div>
  );
}

function ExportSection() {
  const [includeLog, setIncludeLog] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; filename: string; size: number } | { ok: false; error: string } | null>(null);
  const id = useId();

  const onExport = async () => {
    setBusy(true);
    try {
      const { json, filename } = await send('data/export', { includeLog });
      downloadText(json, filename);
      setResult({ ok: true, filename, size: new Blob([json]).size });
    } catch (e) {
      setResult({ ok: false, error: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section
      title="Export"
      description="Download your profile as a JSON file, to keep a copy or move it to another browser."
      icon={<Icon name="download" size={18} />}
    >
      <div className="data-actions">
        <label className="check" htmlFor={id}>
          <input id={id} type="checkbox" checked={includeLog} onChange={(e) => setIncludeLog(e.target.checked)} />
          <span>
            Include the activity log
            <span className="check-desc">Every decision Parapet made, with titles of the items. The file gets larger.</span>
          </span>
        </label>
        <button type="button" className="btn btn-primary" onClick={() => void onExport()} disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={15} />}
          Export
        </button>
      </div>
      {result ? (
        result.ok ? (
          <Notice tone="ok" className="data-result">
            Saved <span className="file-name">{result.filename}</span> ({formatBytes(result.size)}).
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

function ImportSection({ current, onImported }: { current: Profile | null; onImported: () => void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again must fire again
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      // An oversized file is not read into memory at all: the background refuses it by its size alone.
      const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text();
      const result = await send('data/import', { text, byteLength: file.size });
      setOutcome(result.ok ? { file: file.name, ok: true, profile: result.profile } : { file: file.name, ok: false, errors: result.errors });
      if (result.ok) onImported();
    } catch (err) {
      setOutcome({ file: file.name, ok: false, errors: [(err as Error).message] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section
      title="Import"
      description={
        <>
          Replace your profile with one from a Parapet export. Files from older versions are upgraded. The file is checked as a
          whole: if anything in it is wrong, nothing changes. Up to {formatBytes(MAX_IMPORT_BYTES)}.
        </>
      }
      icon={<Icon name="upload" size={18} />}
    >
      <div className="data-actions">
        <p className="muted small">{current ? <>Your current profile: {summary(current)}.</> : null}</p>
        <input
          ref={input}
          id={id}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          aria-label="Parapet export file to import"
          tabIndex={-1}
          onChange={(e) => void onFile(e)}
          disabled={busy}
        />
        <button type="button" className="btn" onClick={() => input.current?.click()} disabled={busy} aria-describedby={`${id}-hint`}>
          {busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="file" size={15} />}
          Choose file…
        </button>
        <span id={`${id}-hint`} className="visually-hidden">
          Choose a Parapet export file to import
        </span>
      </div>
      {outcome ? (
        outcome.ok ? (
          <Notice tone="ok" className="data-result import-result">
            <strong>
              Imported <span className="file-name">{outcome.file}</span>.
            </strong>{' '}
            Your profile now has {summary(outcome.profile)}.
          </Notice>
        ) : (
          <Notice tone="error" className="data-result import-result">
            <strong>
              Nothing was imported from <span className="file-name">{outcome.file}</span>.
            </strong>
            <ul className="error-list">
              {outcome.errors.map((err, i) => (
                <li key={i}>{err}</li>
              ))}
            </ul>
            <p>Your current profile was not changed.</p>
          </Notice>
        )
      ) : null}
    </Section>
  );
}

function WipeSection({ onWiped }: { onWiped: () => void }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ ok: true } | { ok: false; error: string } | null>(null);
  const id = useId();
  const confirmed = typed.trim().toLowerCase() === WIPE_WORD;

  const close = () => {
    setOpen(false);
    setTyped('');
  };
  const wipe = async () => {
    if (!confirmed) return;
    setBusy(true);
    try {
      await send('data/wipe', { confirm: 'wipe' });
      setDone({ ok: true });
      onWiped();
    } catch (e) {
      setDone({ ok: false, error: (e as Error).message });
    } finally {
      setBusy(false);
      close();
    }
  };

  return (
    <Section
      title="Wipe everything"
      className="danger-zone"
      description="Delete your profile, the activity log, your feedback and every flag. Parapet starts again with default settings. This cannot be undone: export first if you may want it back."
      icon={<Icon name="trash" size={18} />}
      actions={
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          Wipe everything…
        </button>
      }
    >
      {done ? (
        done.ok ? (
          <Notice tone="ok">Everything was wiped. Parapet is back to its default settings.</Notice>
        ) : (
          <Notice tone="error">Wiping failed: {done.error}</Notice>
        )
      ) : null}
      <Dialog
        open={open}
        onClose={close}
        title="Wipe all of Parapet’s data?"
        actions={
          <>
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button type="button" className="btn btn-danger" disabled={!confirmed || busy} onClick={() => void wipe()}>
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              Wipe everything
            </button>
          </>
        }
      >
        <p className="dialog-text">Your profile, activity log, feedback and flags will be deleted from this browser for good.</p>
        <form
          className="confirm-field"
          onSubmit={(e) => {
            e.preventDefault();
            void wipe();
          }}
        >
          <label htmlFor={id}>
            Type <kbd>{WIPE_WORD}</kbd> to confirm
          </label>
          <input id={id} className="input" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
        </form>
      </Dialog>
    </Section>
  );
}
