import { useCallback, useEffect, useId, useState } from 'react';
import { send } from '@/lib/messaging';
import type { Responses } from '@/lib/schema/messages';
import { formatCount, plural } from '../../format';
import { useBroadcast } from '../../hooks/useBroadcast';
import { useProfile } from '../../hooks/useProfile';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { ExportSection } from '../data/ExportSection';
import { ImportSection } from '../data/ImportSection';

type Counts = Responses['data/counts'];

const WIPE_WORD = 'wipe';

export default function DataView() {
  const { profile, reload } = useProfile();
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
      <ImportSection current={profile} logRows={counts?.decisions} onImported={loadCounts} />
      <WipeSection
        onWiped={() => {
          // The wiped profile starts again at revision 0, which a page following newer revisions would ignore: read it.
          void reload();
          void loadCounts();
        }}
      />
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
