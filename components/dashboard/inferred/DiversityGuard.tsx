import type { DiversityReport } from '@/lib/core/inference/platforms';
import { formatPercent } from '../../format';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { Slider } from '../../ui/Slider';

/** The echo-chamber guard: how varied the feed was before and after Parapet's filtering, a warning when
 * Parapet itself narrows it, and the exploration share (profile.display.exploreShare, used by the reranker). */
export function DiversityGuard({ report, exploreShare, onExploreShare }: { report: DiversityReport; exploreShare: number; onExploreShare: (v: number) => void }) {
  const drop = report.recommended > 0 ? Math.max(0, 1 - report.shown / report.recommended) : 0;
  return (
    <Section title="Echo-chamber guard" description="How varied the topics you are actually shown are, after Parapet’s filtering, compared with what the platforms recommended.">
      <dl className="stat-grid inf-diversity">
        <div className="stat">
          <dt>Variety recommended</dt>
          <dd>{formatPercent(report.recommended)}</dd>
        </div>
        <div className="stat">
          <dt>Variety you saw</dt>
          <dd>{formatPercent(report.shown)}</dd>
        </div>
        <div className="stat">
          <dt>Items recommended</dt>
          <dd>{report.recommendedItems.toLocaleString()}</dd>
        </div>
        <div className="stat">
          <dt>Items you saw</dt>
          <dd>{report.shownItems.toLocaleString()}</dd>
        </div>
      </dl>
      {report.narrowing ? (
        <Notice tone="warn" className="inf-narrowing">
          <strong>Parapet is narrowing your feed.</strong> What you saw is {formatPercent(drop)} less varied than what the platforms offered.
          {report.mostRemoved.length ? (
            <> Hidden most: {report.mostRemoved.map((t) => `${t.label} (${formatPercent(t.share)} of its items)`).join(', ')}.</>
          ) : null}{' '}
          Keep a share of items for exploration, or loosen a rule or a topic you avoid.
        </Notice>
      ) : report.recommendedItems >= 20 ? (
        <Notice tone="ok">Parapet is not narrowing what you see.</Notice>
      ) : (
        <Notice tone="info">Too few items logged to judge yet.</Notice>
      )}
      <div className="inf-explore">
        <div>
          <p className="setting-name">
            Exploration share
          </p>
          <p className="setting-desc">Items kept in the feed at random, even when they score low, so new interests can surface.</p>
        </div>
        <Slider label="Exploration share" hideLabel value={exploreShare} min={0} max={0.5} step={0.05} onChange={onExploreShare} />
      </div>
    </Section>
  );
}
