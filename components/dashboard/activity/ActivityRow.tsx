import { useState } from 'react';
import type { LoggedDecision } from '@/lib/schema/log';
import { canReverse, canUndoReversal } from '@/lib/core/reverse';
import { Icon } from '../../ui/Icon';
import { ACTION_LABELS, formatFullTime, formatTime, reasonWords, safeHref, siteLabel } from './wording';
import { WhyDialog } from './WhyDialog';

/** One decision. Title, author and reasons are page text: React renders them as text, never as markup. */
export function ActivityRow({
  row,
  busy,
  onReverse,
  onUndo,
}: {
  row: LoggedDecision;
  busy: boolean;
  onReverse: (row: LoggedDecision) => void;
  onUndo: (row: LoggedDecision) => void;
}) {
  const href = safeHref(row.url);
  const title = row.title || '(no title)';
  const reasons = row.reasons.map((r) => reasonWords(r)).join(' · ');
  const reversed = row.reversedAt !== undefined;
  const [why, setWhy] = useState(false);
  return (
    <div className={`act-row ${reversed ? 'is-reversed' : ''}`} data-action={row.action}>
      <div className="act-when">
        <span className="act-site">{siteLabel(row.platform)}</span>
        <time dateTime={new Date(row.ts).toISOString()} title={formatFullTime(row.ts)}>
          {formatTime(row.ts)}
        </time>
      </div>
      <div className="act-what">
        <p className="act-title" title={title}>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {title}
            </a>
          ) : (
            title
          )}
        </p>
        <p className="act-meta" title={reasons}>
          {row.author ? <span className="act-author">{row.author}</span> : null}
          {reasons ? (
            // The line is cut to fit the row; the reasons in full and the words that triggered them open from it.
            <button type="button" className="act-reasons act-why" aria-haspopup="dialog" aria-label={`Why, in full: ${reasons}`} onClick={() => setWhy(true)}>
              {reasons}
            </button>
          ) : (
            <span className="act-reasons muted">No reason recorded</span>
          )}
        </p>
      </div>
      {why ? <WhyDialog row={row} open onClose={() => setWhy(false)} /> : null}
      <span className={`act-badge act-${row.action}`}>{ACTION_LABELS[row.action] ?? row.action}</span>
      <div className="act-undo">
        {reversed ? (
          <span className="act-reversed">
            <Icon name="check" size={13} /> Reversed
            {canUndoReversal(row) ? (
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                disabled={busy}
                aria-label={`Undo the reversal: hold “${title.slice(0, 80)}” back again`}
                onClick={() => onUndo(row)}
              >
                {busy ? <span className="spinner" aria-hidden="true" /> : null}
                Undo
              </button>
            ) : null}
          </span>
        ) : canReverse(row) ? (
          <button
            type="button"
            className="btn btn-sm"
            disabled={busy}
            aria-label={`Reverse: show “${title.slice(0, 80)}” from now on`}
            onClick={() => onReverse(row)}
          >
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            Reverse
          </button>
        ) : null}
      </div>
    </div>
  );
}
