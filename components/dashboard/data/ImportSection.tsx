import { useId, useRef, useState, type ChangeEvent } from 'react';
import { send } from '@/lib/messaging';
import { MAX_IMPORT_FILE_BYTES, readImportFile } from '@/lib/schema/export';
import { DECISION_LOG_CAP } from '@/lib/schema/constants';
import type { LoggedDecision } from '@/lib/schema/log';
import type { Profile } from '@/lib/schema/profile';
import { formatBytes, formatCount, plural } from '../../format';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { importErrorInWords } from './import-words';
import { stageLog } from './transfer';
import './data.css';

type State =
  | { step: 'idle' }
  | { step: 'reading'; file: string }
  | { step: 'preview'; file: string; profile: Profile; profileText: string; decisions: LoggedDecision[] | null }
  | { step: 'sending'; file: string; sent: number; of: number }
  | { step: 'done'; file: string; profile: Profile; logRows: number | null }
  | { step: 'refused'; file: string; errors: string[] };

/** What a profile holds, as the preview lists it: the same names as the Profile view. */
const PARTS: Array<[string, (p: Profile) => number]> = [
  ['Interests', (p) => p.interests.length],
  ['Avoid-topics', (p) => p.avoidTopics.length],
  ['Blocked authors', (p) => p.blockedAuthors.length],
  ['Rules', (p) => p.rules.length + p.naturalRules.length],
  ['Chat instructions', (p) => p.instructions.length],
  ['Exceptions', (p) => p.exceptions.length],
];

const summary = (p: Profile) =>
  [
    plural(p.interests.length, 'interest'),
    plural(p.avoidTopics.length, 'avoid-topic'),
    plural(p.rules.length, 'rule'),
    plural(p.blockedAuthors.length, 'blocked author'),
    plural(p.instructions.length, 'instruction'),
  ].join(', ');

/**
 * Import: the file is read and checked here first, and what would change is shown (before → after) for the person
 * to confirm; only then is anything replaced. A file exported with the activity log brings the log back: it is sent
 * in parts, kept aside, and replaces the log together with the profile, or not at all.
 */
export function ImportSection({ current, logRows, onImported }: { current: Profile | null; logRows: number | undefined; onImported: () => void }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const busy = state.step === 'reading' || state.step === 'sending';

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again must fire again
    if (!file) return;
    setState({ step: 'reading', file: file.name });
    try {
      // An oversized file is not read into memory at all: it is refused by its size alone.
      const read = readImportFile(file.size > MAX_IMPORT_FILE_BYTES ? '' : await file.text(), file.size);
      setState(read.ok ? { step: 'preview', file: file.name, profile: read.profile, profileText: read.profileText, decisions: read.decisions } : { step: 'refused', file: file.name, errors: read.errors });
    } catch (err) {
      setState({ step: 'refused', file: file.name, errors: [(err as Error).message] });
    }
  };

  const confirm = async () => {
    if (state.step !== 'preview') return;
    const { file, profileText, decisions } = state;
    try {
      let log: { token: string; rows: number } | undefined;
      if (decisions) {
        setState({ step: 'sending', file, sent: 0, of: decisions.length });
        log = await stageLog(decisions, (sent) => setState({ step: 'sending', file, sent, of: decisions.length }));
      } else setState({ step: 'sending', file, sent: 0, of: 0 });
      const byteLength = new TextEncoder().encode(profileText).length;
      const result = await send('data/import', { text: profileText, byteLength, ...(log ? { log } : {}) });
      setState(result.ok ? { step: 'done', file, profile: result.profile, logRows: result.logRows ?? null } : { step: 'refused', file, errors: result.errors });
      if (result.ok) onImported();
    } catch (err) {
      setState({ step: 'refused', file, errors: [(err as Error).message] });
    }
  };

  return (
    <Section
      title="Import"
      description={
        <>
          Replace your profile with one from a Parapet export; a file exported with the activity log brings the log back too. Files from
          older versions are upgraded. You see what would change before anything is replaced, and if anything in the file is wrong, nothing
          changes. Up to {formatBytes(MAX_IMPORT_FILE_BYTES)}.
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
          {state.step === 'reading' ? <span className="spinner" aria-hidden="true" /> : <Icon name="file" size={15} />}
          Choose file…
        </button>
        <span id={`${id}-hint`} className="visually-hidden">
          Choose a Parapet export file to import
        </span>
      </div>
      {state.step === 'reading' ? <p className="muted small">Reading {state.file}…</p> : null}
      {state.step === 'preview' && current ? (
        <ImportPreview state={state} current={current} logRows={logRows} onConfirm={() => void confirm()} onCancel={() => setState({ step: 'idle' })} />
      ) : null}
      {state.step === 'sending' ? (
        <p className="muted small" aria-live="polite">
          <span className="spinner" aria-hidden="true" />{' '}
          {state.of ? `Importing the activity log: ${formatCount(state.sent)} of ${formatCount(state.of)} rows…` : 'Importing…'}
        </p>
      ) : null}
      {state.step === 'done' ? (
        <Notice tone="ok" className="data-result import-result">
          <strong>
            Imported <span className="file-name">{state.file}</span>.
          </strong>{' '}
          Your profile now has {summary(state.profile)}.
          {state.logRows !== null ? ` The activity log now holds ${plural(state.logRows, 'row')} from the file.` : ''}
        </Notice>
      ) : null}
      {state.step === 'refused' ? (
        <Notice tone="error" className="data-result import-result">
          <strong>
            Nothing was imported from <span className="file-name">{state.file}</span>.
          </strong>
          <ul className="error-list">
            {state.errors.map((err, i) => (
              <li key={i}>{importErrorInWords(err)}</li>
            ))}
          </ul>
          <p>Your current profile was not changed.</p>
        </Notice>
      ) : null}
    </Section>
  );
}

function ImportPreview({
  state,
  current,
  logRows,
  onConfirm,
  onCancel,
}: {
  state: State & { step: 'preview' };
  current: Profile;
  logRows: number | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const fileRows = state.decisions?.length ?? null;
  const kept = fileRows === null ? null : Math.min(fileRows, DECISION_LOG_CAP);
  const cell = (n: number | undefined) => (n === undefined ? '–' : formatCount(n));
  return (
    <div className="import-preview" role="region" aria-label={`What importing ${state.file} would change`}>
      <p className="import-preview-title">
        <strong>
          <span className="file-name">{state.file}</span> would replace your profile{fileRows !== null ? ' and your activity log' : ''}:
        </strong>
      </p>
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Now</th>
            <th scope="col">After the import</th>
          </tr>
        </thead>
        <tbody>
          {PARTS.map(([name, count]) => {
            const [before, after] = [count(current), count(state.profile)];
            return (
              <tr key={name} className={before === after ? '' : 'is-changed'}>
                <th scope="row">{name}</th>
                <td>{cell(before)}</td>
                <td>{cell(after)}</td>
              </tr>
            );
          })}
          <tr className={kept === null || kept === logRows ? '' : 'is-changed'}>
            <th scope="row">Activity log rows</th>
            <td>{cell(logRows)}</td>
            <td>{kept === null ? `${cell(logRows)} (kept: the file has no log)` : cell(kept)}</td>
          </tr>
        </tbody>
      </table>
      {fileRows !== null && kept !== null && kept < fileRows ? (
        <p className="muted small">The file holds {formatCount(fileRows)} rows; the newest {formatCount(kept)} are kept, as Parapet keeps no more.</p>
      ) : null}
      <div className="import-confirm">
        <button type="button" className="btn btn-primary" onClick={onConfirm}>
          {fileRows !== null ? 'Replace profile and activity log' : 'Replace my profile'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
