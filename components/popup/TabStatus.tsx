import { SITE_LABELS } from '@/lib/schema/common';
import type { Profile } from '@/lib/schema/profile';
import { UNREADABLE } from '@/lib/shield-runtime/health';
import { formatCount } from '../format';
import { Icon } from '../ui/Icon';
import type { TabStatsState } from '../hooks/useTabStats';

const COUNTS: { key: 'seen' | 'hidden' | 'labelled' | 'reordered'; label: string }[] = [
  { key: 'seen', label: 'Seen' },
  { key: 'hidden', label: 'Hidden' },
  { key: 'labelled', label: 'Labelled' },
  { key: 'reordered', label: 'Reordered' },
];

/** What Parapet did on the tab the popup was opened over. Renders exactly what the background reports. */
export function TabStatus({ state, profile }: { state: TabStatsState; profile: Profile }) {
  const { report } = state;
  const stats = report?.stats ?? null;
  const health = report?.health ?? null;

  return (
    <section className="pp-tab card" aria-labelledby="pp-tab-title" aria-busy={report === undefined}>
      <div className="pp-tab-head">
        <h2 id="pp-tab-title" className="pp-h2">
          {stats ? <>On {SITE_LABELS[stats.platform]}</> : 'This page'}
        </h2>
        {stats && health ? (
          health.ok ? (
            <span className="pp-health pp-health-ok">
              <span className="dot" aria-hidden="true" /> Working
            </span>
          ) : (
            <span className="pp-health pp-health-bad" title={health.detail || undefined}>
              <Icon name="alert" size={13} /> Needs an update
            </span>
          )
        ) : null}
      </div>
      {report === undefined ? (
        <p className="muted pp-tab-empty">Checking this page…</p>
      ) : stats ? (
        <>
          <dl className="pp-counts">
            {COUNTS.map((c) => (
              <div key={c.key} className="pp-count">
                <dt>{c.label}</dt>
                <dd>{formatCount(stats[c.key])}</dd>
              </div>
            ))}
          </dl>
          {health && !health.ok ? (
            <p className="pp-health-detail" title={health.detail || undefined}>
              {health.detail.startsWith(UNREADABLE)
                ? // Items are still found and decided: only what names their author or title is lost.
                  `${SITE_LABELS[stats.platform]} changed its page: Parapet finds its items but cannot read who posted most of them or their titles, so rules on authors and titles may miss them.`
                : `${SITE_LABELS[stats.platform]} changed its page, so Parapet cannot read it yet. Items show as the site made them.`}
            </p>
          ) : null}
          {profile.paused ? (
            <p className="pp-tab-note">Paused: nothing is changed on this page.</p>
          ) : !profile.sites[stats.platform] ? (
            <p className="pp-tab-note">Switched off for {SITE_LABELS[stats.platform]}.</p>
          ) : null}
        </>
      ) : (
        <p className="muted pp-tab-empty">Parapet is not active on this page.</p>
      )}
    </section>
  );
}
