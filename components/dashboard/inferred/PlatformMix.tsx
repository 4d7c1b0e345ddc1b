import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { SITE_LABELS } from '@/lib/schema/common';
import type { PlatformPicture } from '@/lib/core/inference/summary';
import { formatPercent } from '../../format';
import { Section } from '../../ui/Section';
import { AXIS_TICK, PLATFORM_COLORS } from './chart-style';

function summary(p: PlatformPicture): string {
  const name = SITE_LABELS[p.platform];
  const top = p.topics.slice(0, 3).map((t) => `${t.label} (${formatPercent(t.share)})`);
  const matched = p.stated.filter((s) => s.count > 0);
  const mix = top.length ? `${name} recommended mostly ${top.join(', ')}` : `${name} recommended no recurring topic`;
  if (!p.stated.length) return `${mix}. You have stated no interests to compare with.`;
  if (!matched.length) return `${mix}; none of it matched your stated interests.`;
  return `${mix}; ${matched.map((s) => `${formatPercent(s.share)} matched ${s.label}`).join(', ')}.`;
}

const shortLabel = (label: string) => (label.length > 24 ? `${label.slice(0, 23)}…` : label);

/** A topic on one line: recharts' own tick breaks a three-word phrase over two lines that run into the next bar. */
function TopicTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fill={AXIS_TICK.fill} fontSize={AXIS_TICK.fontSize}>
      {shortLabel(payload?.value ?? '')}
    </text>
  );
}

/** One platform's picture of the user (its topic mix) beside the user's own (stated interests). */
function PlatformCard({ p }: { p: PlatformPicture }) {
  const name = SITE_LABELS[p.platform];
  const data = p.topics.slice(0, 6).map((t) => ({ label: t.label, share: Math.round(t.share * 100) }));
  return (
    <article className="inf-platform" aria-labelledby={`mix-${p.platform}`}>
      <h3 id={`mix-${p.platform}`} className="inf-platform-name">
        <span className="inf-dot" style={{ background: PLATFORM_COLORS[p.platform] }} aria-hidden="true" />
        {name} <span className="muted small">{p.items} items</span>
      </h3>
      <div className="inf-platform-grid">
        <div>
          <p className="mini-label">What {name} pushed</p>
          {data.length ? (
            <div className="inf-chart" aria-hidden="true">
              <ResponsiveContainer width="100%" height={Math.max(60, data.length * 28)}>
                <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 0, right: 28, bottom: 0, left: 0 }}>
                  <XAxis type="number" hide domain={[0, 100]} />
                  <YAxis type="category" dataKey="label" width={184} tick={<TopicTick />} axisLine={false} tickLine={false} />
                  <Bar dataKey="share" fill={PLATFORM_COLORS[p.platform]} radius={[0, 4, 4, 0]} barSize={14} isAnimationActive={false} label={{ position: 'right', fill: 'var(--muted)', fontSize: 11, formatter: (v: unknown) => `${v}%` }} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          ) : (
            <p className="chip-empty">No topic came up twice.</p>
          )}
        </div>
        <div>
          <p className="mini-label">Your stated interests there</p>
          {p.stated.length ? (
            <ul className="inf-stated">
              {p.stated.map((s) => (
                <li key={s.label}>
                  <span className="inf-stated-label">{s.label}</span>
                  <span className="inf-bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, s.share * 100)}%` }} />
                  </span>
                  <span className="inf-pct">{formatPercent(s.share)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="chip-empty">Add interests in your profile to compare.</p>
          )}
        </div>
      </div>
      <p className="inf-chart-summary" data-testid={`mix-summary-${p.platform}`}>
        {summary(p)}
      </p>
      {data.length ? (
        <details className="inf-table-toggle">
          <summary>{name}’s topic mix as a table</summary>
          <table className="inf-table">
            <caption className="visually-hidden">Topics {name} recommended, by share of its items</caption>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col">Items</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {p.topics.map((t) => (
                <tr key={t.topic}>
                  <th scope="row">{t.label}</th>
                  <td>{t.count}</td>
                  <td>{formatPercent(t.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </article>
  );
}

export function PlatformMix({ platforms, considered }: { platforms: PlatformPicture[]; considered: number }) {
  return (
    <Section
      title="What each platform pushes"
      description={`The topics each platform recommended (its picture of you), beside the interests you stated. From your last ${considered.toLocaleString()} logged items.`}
    >
      {platforms.length ? (
        <div className="inf-platforms">
          {platforms.map((p) => (
            <PlatformCard key={p.platform} p={p} />
          ))}
        </div>
      ) : (
        <p className="empty-row">Nothing logged yet: visit a supported site with Parapet on.</p>
      )}
    </Section>
  );
}
