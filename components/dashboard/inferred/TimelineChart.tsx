import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimelineEvent } from '@/lib/core/inference/infer';
import { timelineSeries } from '@/lib/core/inference/series';
import { Section } from '../../ui/Section';
import { formatDay, formatShortDay } from './format';
import { TOOLTIP_STYLE } from './chart-style';

/** How the inferred model changed: a step chart of topics held, and the same as a list of events (its text form). */
export function TimelineChart({ events }: { events: TimelineEvent[] }) {
  const series = timelineSeries(events);
  const learned = events.filter((e) => e.change === 'learned').length;
  const dropped = events.length - learned;
  return (
    <Section title="How the model changed" description="Each day replayed: when a topic was learned, and when it faded because the evidence grew old or you pushed it away.">
      {events.length === 0 ? (
        <p className="empty-row">Nothing learned yet.</p>
      ) : (
        <>
          <div className="inf-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={150}>
              <AreaChart data={series} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: -18 }}>
                <CartesianGrid vertical={false} stroke="var(--border)" />
                <XAxis dataKey="ts" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatShortDay} tick={{ fill: 'var(--muted)', fontSize: 12 }} stroke="var(--border-strong)" />
                <YAxis allowDecimals={false} tick={{ fill: 'var(--muted)', fontSize: 12 }} stroke="var(--border-strong)" />
                <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(v) => formatDay(Number(v))} formatter={(v) => [String(v), 'Topics held']} />
                <Area type="stepAfter" dataKey="topics" stroke="var(--brand)" fill="var(--brand-soft)" strokeWidth={2} isAnimationActive={false} />
              </AreaChart>
            </ResponsiveContainer>
          </div>
          <p className="inf-chart-summary" data-testid="timeline-summary">
            {learned} {learned === 1 ? 'topic' : 'topics'} learned and {dropped} dropped between {formatDay(series[0].ts)} and {formatDay(series[series.length - 1].ts)};
            the model now holds {series[series.length - 1].topics}.
          </p>
          <ol className="inf-timeline" aria-label="Changes, newest first">
            {events.slice(0, 40).map((e, i) => (
              <li key={`${e.ts}-${e.topic}-${i}`} className={`is-${e.change}`}>
                <time dateTime={new Date(e.ts).toISOString()}>{formatDay(e.ts)}</time>
                <span className="inf-change">{e.change === 'learned' ? 'Learned' : 'Dropped'}</span>
                <span className="inf-tl-topic">{e.label}</span>
                <span className="muted">{Math.round(e.confidence * 100)}% sure</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}
