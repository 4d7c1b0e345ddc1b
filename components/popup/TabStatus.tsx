import { SITE_LABELS } from '@/lib/schema/common';
import type { Profile } from '@/lib/schema/profile';
import { UNREADABLE } from '@/lib/shield-runtime/health';
import { formatCount } from '../format';
import { Icon } from '../ui/Icon';
import type { TabStatsState } from '../hooks/useTabStats';
import { ChatStatus } from './ChatStatus';
import { activityQuery, COUNTS } from './count-links';
import { siteOfTab } from './site-of-tab';

/** What Parapet did on the tab the popup was opened over. Renders exactly what the background reports. Each count
 * opens Activity on this page's decisions of that kind. */
export function TabStatus({
  state,
  profile,
  onOpen,
}: {
  state: TabStatsState;
  profile: Profile;
  onOpen: (view: 'activity' | 'chat', query?: string) => void;
}) {
  const { report, tabId } = state;
  const stats = report?.stats ?? null;
  const health = report?.health ?? null;
  const site = siteOfTab(state.tabUrl);

  if (!stats && site?.kind === 'chat' && report !== undefined) {
    return <ChatStatus site={site.site} chat={report.chat} profile={profile} onOpen={() => onOpen('chat')} />;
  }

  return (
    <section className="pp-tab card" aria-labelledby="pp-tab-title" aria-busy={report === undefined}>
      <div className="pp-tab-head">
        <h2 id="pp-tab-title" className="pp-h2">
          {stats ? <>On {SITE_LABELS[stats.platform]}</> : site ? <>On {SITE_LABELS[site.site]}</> : 'This page'}
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
          <ul className="pp-counts" aria-label="On this page (each opens Activity)">
            {COUNTS.map((c) => (
              <li key={c.key} className="pp-count-cell">
                <button
                  type="button"
                  className="pp-count"
                  title={`${c.what} Opens Activity on them.`}
                  disabled={tabId === undefined}
                  onClick={() => tabId !== undefined && onOpen('activity', activityQuery(stats, tabId, c.filter))}
                >
                  <span className="pp-count-n">{formatCount(stats[c.key])}</span>
                  <span className="pp-count-label">{c.label}</span>
                </button>
              </li>
            ))}
          </ul>
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
      ) : site?.kind === 'feed' ? (
        <p className="muted pp-tab-empty">
          {profile.paused || !profile.sites[site.site]
            ? `Parapet is ${profile.paused ? 'paused' : `switched off for ${SITE_LABELS[site.site]}`}: this page shows as the site made it.`
            : `Parapet works on ${SITE_LABELS[site.site]}; it has found no feed items on this page yet.`}
        </p>
      ) : (
        <p className="muted pp-tab-empty">
          Parapet is not active on this page. It works on YouTube, Reddit, X and Hacker News, and in ChatGPT, Claude, Gemini and Perplexity.
        </p>
      )}
    </section>
  );
}
