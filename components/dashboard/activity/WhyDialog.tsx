import type { LoggedDecision } from '@/lib/schema/log';
import { Dialog } from '../../ui/Dialog';
import { ACTION_LABELS, formatFullTime, reasonWords, siteLabel, triggerWords } from './wording';

/** One decision's reasons in full, each with the words in the item that triggered it: what the row's one line
 * cannot hold. Page text (title, words) is rendered as text only. */
export function WhyDialog({ row, open, onClose }: { row: LoggedDecision; open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Why Parapet did this"
      actions={
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      }
    >
      <p className="why-item">
        <strong>{row.title || '(no title)'}</strong>
        <br />
        <span className="muted small">
          {siteLabel(row.platform)}
          {row.author ? ` · ${row.author}` : ''} · {formatFullTime(row.ts)}
        </span>
      </p>
      <p className="small">
        {ACTION_LABELS[row.action] ?? row.action}
        {row.judgedBy ? `, judged by ${row.judgedBy}` : ''}
        {row.reversedAt !== undefined ? `; you reversed it on ${formatFullTime(row.reversedAt)}` : ''}.
      </p>
      {row.reasons.length ? (
        <ul className="why-reasons" aria-label="Reasons">
          {row.reasons.map((r, i) => {
            const words = triggerWords(r);
            return (
              <li key={i}>
                <span className="why-reason">{reasonWords(r, { full: true })}</span>
                {words.length ? (
                  <span className="why-words small">
                    Words that triggered it: {words.map((w) => `“${w}”`).join(', ')}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted small">No reason was recorded.</p>
      )}
    </Dialog>
  );
}
