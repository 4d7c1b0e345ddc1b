import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SITE_LABELS, type FeedPlatform } from '@/lib/schema/common';
import type { ManipulationPoint } from '@/lib/core/inference/platforms';
import type { PlatformPicture } from '@/lib/core/inference/summary';
import { manipulationRows } from '@/lib/core/inference/series';
import { formatPercent } from '../../format';
import { Section } from '../../ui/Section';
import { AXIS_TICK, PLATFORM_COLORS, TOOLTIP_STYLE } from './chart-style';
import { formatDay, formatShortDay } from './format';

/** Share of each platform's items that were clickbait, rage or engagement bait, false urgency, hidden promotion or
 * ads, per day; the table under it is the same data as text. */
export function ManipulationChart({ points, platforms }: { points: ManipulationPoint[]; platforms: PlatformPicture[] }) {
  const { rows, platforms: keys } = manipulationRows(points);
  const name = (k: string) => SITE_LABELS[k as FeedPlatform] ?? k;
  const overall = platforms
    .filter((p) => p.items > 0)
    .map((p) => `${formatPercent(p.manipulative / p.items)} of ${SITE_LABELS[p.platform]}’s`)
    .join(', ');
  return (
    <Section title="Manipulative items per platform" description="Share of recommended items flagged as bait, false urgency, undisclosed promotion or ads, day by day.">
      {rows.length === 0 ? (
        <p className="empty-row">Nothing logged yet.</p>
      ) : (
        <>
          <div className="inf-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={200}>
              <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
                <CartesianGrid vertical={false} stroke="var(--border)" />
                <XAxis dataKey="day" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatShortDay} tick={AXIS_TICK} stroke="var(--border-strong)" />
                <YAxis domain={[0, 100]} unit="%" tick={AXIS_TICK} stroke="var(--border-strong)" />
                <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(v) => formatDay(Number(v))} formatter={(v, k) => [`${v}%`, name(String(k))]} />
                <Legend formatter={(k) => <span style={{ color: 'var(--text)' }}>{name(String(k))}</span>} />
                {keys.map((k) => (
                  <Line key={k} dataKey={k} stroke={PLATFORM_COLORS[k as FeedPlatform]} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <p className="inf-chart-summary" data-testid="manipulation-summary">
            Overall, {overall} items were manipulative.
          </p>
          <details className="inf-table-toggle">
            <summary>Manipulative share by day as a table</summary>
            <table className="inf-table">
              <caption className="visually-hidden">Share of manipulative items per platform per day</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  {keys.map((k) => (
                    <th scope="col" key={k}>
                      {name(k)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...rows].reverse().map((r) => (
                  <tr key={r.day}>
                    <th scope="row">{formatDay(r.day)}</th>
                    {keys.map((k) => (
                      <td key={k}>{r[k] === undefined ? '–' : `${r[k]}%`}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </Section>
  );
}
