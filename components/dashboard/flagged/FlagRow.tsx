import { SITE_LABELS } from '@/lib/schema/common';
import type { Flag, StoredFlag } from '@/lib/schema/log';
import { formatCount } from '../../format';
import { Icon } from '../../ui/Icon';
import { formatDay, isWebUrl } from '../inferred/format';
import { ACTION_NAMES, KIND_NAMES, SOURCE_NAMES } from './kinds';

/** What the person just did to this row, said in the row itself (in a box of fixed size, so nothing moves), with Undo. */
export interface RowDone {
  text: string;
  onUndo: () => void;
}

/** One flagged item: what it is, why it was flagged, how sure and by what, and the verdict buttons. Page text
 * (title, author, evidence) is rendered as text only. */
export function FlagRow({
  flag,
  selected,
  done,
  onSelect,
  onVerdict,
}: {
  flag: StoredFlag;
  selected: boolean;
  done?: RowDone;
  onSelect: (on: boolean) => void;
  onVerdict: (status: Flag['status']) => void;
}) {
  const kind = KIND_NAMES[flag.kind];
  const title = flag.title || '(untitled item)';
  const about = <span className="visually-hidden">: {title}</span>;
  return (
    <div className={`flag-row is-${flag.status}`} data-kind={flag.kind}>
      <input type="checkbox" className="flag-check" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Select ${title}`} />
      <div className="flag-main">
        {isWebUrl(flag.url) ? (
          <a className="flag-title" href={flag.url} target="_blank" rel="noopener noreferrer">
            {title}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        ) : (
          <span className="flag-title">{title}</span>
        )}
        <p className="flag-meta">
          {flag.author ? <span>{flag.author}</span> : null}
          <span>{SITE_LABELS[flag.platform]}</span>
          <span>{formatDay(flag.ts)}</span>
          <span>{ACTION_NAMES[flag.action]}</span>
          {flag.seen && flag.seen > 1 ? <span>Seen {formatCount(flag.seen)} times</span> : null}
        </p>
        <p className="flag-reason">
          <span className="flag-kind">{kind.name}</span>
          {flag.evidence.length ? (
            <>
              {' '}
              because of{' '}
              {flag.evidence.map((w, i) => (
                <q key={i} className="flag-quote">
                  {w}
                </q>
              ))}
            </>
          ) : null}
        </p>
      </div>
      <div className="flag-how">
        {done ? (
          <>
            <span className="flag-done">
              <Icon name="check" size={13} /> {done.text}
            </span>
            <button type="button" className="btn btn-sm btn-ghost flag-undo" onClick={done.onUndo}>
              Undo<span className="visually-hidden"> the verdict on {title}</span>
            </button>
          </>
        ) : (
          <>
            <span className="flag-confidence">{Math.round(flag.confidence * 100)}% sure</span>
            <span className={`flag-source src-${flag.source}`}>{SOURCE_NAMES[flag.source]}</span>
          </>
        )}
      </div>
      <div className="flag-verdict" role="group" aria-label={`Verdict on ${title}`}>
        <button type="button" className={`btn btn-sm ${flag.status === 'right' ? 'is-chosen-right' : ''}`} aria-pressed={flag.status === 'right'} onClick={() => onVerdict(flag.status === 'right' ? 'open' : 'right')}>
          <Icon name="check" size={13} /> Right{about}
        </button>
        <button type="button" className={`btn btn-sm ${flag.status === 'wrong' ? 'is-chosen-wrong' : ''}`} aria-pressed={flag.status === 'wrong'} onClick={() => onVerdict(flag.status === 'wrong' ? 'open' : 'wrong')}>
          <Icon name="x" size={13} /> Wrong{about}
        </button>
      </div>
    </div>
  );
}
