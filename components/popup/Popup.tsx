import { CHAT_SITES, FEED_PLATFORMS, SITE_LABELS, type Site } from '@/lib/schema/common';
import type { Profile } from '@/lib/schema/profile';
import { useProfile } from '../hooks/useProfile';
import { useTabStats } from '../hooks/useTabStats';
import { useStorageProblem } from '../hooks/useStorageProblem';
import { openDashboard } from '../open-dashboard';
import type { ViewId } from '../dashboard/routes';
import { setPaused, setSite } from '../profile-edit';
import { Icon } from '../ui/Icon';
import { Logo } from '../ui/Logo';
import { Notice } from '../ui/Notice';
import { Toggle } from '../ui/Toggle';
import { TabStatus } from './TabStatus';
import { AvoidTopicChips, InterestChips } from './ProfileTopicChips';
import QuickInstruction from './QuickInstruction';

/** The toolbar popup: this tab's counts, quick profile edits, site switches. Every change saves at once. */
export function Popup() {
  const { profile, error, update } = useProfile();
  const tab = useTabStats();
  const storageProblem = useStorageProblem();

  const open = async (view?: ViewId, query?: string) => {
    await openDashboard(view, query);
    window.close();
  };

  if (!profile) {
    return (
      <div className="popup">
        <Header paused={false} onPause={undefined} />
        <main className="pp-main" aria-busy="true">
          {error ? <Notice tone="error">Parapet could not load your profile: {error}</Notice> : <p className="muted pp-loading">Loading…</p>}
        </main>
      </div>
    );
  }

  const edit = (change: (p: Profile) => Profile) => void update(change);

  return (
    <div className={`popup ${profile.paused ? 'is-paused' : ''}`}>
      <Header paused={profile.paused} onPause={() => edit((p) => setPaused(p, !p.paused))} />
      <main className="pp-main">
        {error ? <Notice tone="error">{error}</Notice> : null}
        {storageProblem.problem ? (
          <Notice tone="error">
            {storageProblem.problem.detail}{' '}
            <button type="button" className="btn btn-ghost" onClick={storageProblem.dismiss}>
              Got it
            </button>
          </Notice>
        ) : null}
        {profile.paused ? (
          <Notice tone="warn">
            <strong>Paused.</strong> Every page shows as the site made it, and chats get no instructions.
          </Notice>
        ) : null}

        <TabStatus state={tab} profile={profile} onOpen={(view, query) => void open(view, query)} />

        <section className="pp-section" aria-labelledby="pp-interests">
          <div className="pp-section-head">
            <h2 id="pp-interests" className="pp-h2">
              Interests
            </h2>
            <span className="pp-section-meta">shown first</span>
          </div>
          <InterestChips profile={profile} edit={edit} placeholder="Add an interest…" />
        </section>

        <section className="pp-section" aria-labelledby="pp-avoid">
          <div className="pp-section-head">
            <h2 id="pp-avoid" className="pp-h2">
              Avoid
            </h2>
            <span className="pp-section-meta">hidden or pushed down</span>
          </div>
          <AvoidTopicChips profile={profile} edit={edit} placeholder="Add a topic to avoid…" />
        </section>

        <section className="pp-section" aria-labelledby="pp-sites">
          <div className="pp-section-head">
            <h2 id="pp-sites" className="pp-h2">
              Sites
            </h2>
          </div>
          <div className="pp-sites">
            <SiteGroup title="Feeds" sites={FEED_PLATFORMS} profile={profile} onChange={(s, on) => edit((p) => setSite(p, s, on))} />
            <SiteGroup title="Chats" sites={CHAT_SITES} profile={profile} onChange={(s, on) => edit((p) => setSite(p, s, on))} />
          </div>
        </section>

        {/* ── Quick add instruction ─────────────────────────────────────────────────────────────
            Owned by the chat-instructions work: components/popup/QuickInstruction.tsx
            (default export, props: QuickInstructionProps { profile, update }). ── */}
        <QuickInstruction profile={profile} update={update} />
      </main>
      <footer className="pp-footer">
        <button type="button" className="btn btn-primary pp-open" onClick={() => void open()}>
          Open dashboard
          <Icon name="external" size={14} />
        </button>
      </footer>
    </div>
  );
}

function Header({ paused, onPause }: { paused: boolean; onPause: (() => void) | undefined }) {
  return (
    <header className="pp-header">
      <Logo size={26} />
      <div className="pp-brand">
        <h1 className="pp-title">Parapet</h1>
        <p className={`pp-state ${paused ? 'pp-state-paused' : ''}`} role="status">
          <span className="dot" aria-hidden="true" />
          {paused ? 'Paused' : 'Protecting your feeds'}
        </p>
      </div>
      {onPause ? (
        <button type="button" className={`btn btn-sm ${paused ? 'btn-primary' : ''}`} onClick={onPause}>
          <Icon name={paused ? 'play' : 'pause'} size={13} />
          {paused ? 'Resume' : 'Pause'}
        </button>
      ) : null}
    </header>
  );
}

function SiteGroup({
  title,
  sites,
  profile,
  onChange,
}: {
  title: string;
  sites: readonly Site[];
  profile: Profile;
  onChange: (site: Site, on: boolean) => void;
}) {
  return (
    <div className="pp-site-group" role="group" aria-label={title}>
      <h3 className="pp-h3">{title}</h3>
      {sites.map((s) => (
        <Toggle key={s} className="pp-site" label={SITE_LABELS[s]} checked={profile.sites[s]} onChange={(on) => onChange(s, on)} />
      ))}
    </div>
  );
}
