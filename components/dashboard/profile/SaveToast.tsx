import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../ui/Icon';
import type { LastSave } from './useProfileDraft';

/** How long "Saved · Undo" stays after a save; while focus or the pointer is on it, it stays. */
const SHOW_MS = 8000;

/**
 * "Saved · Undo" after each save, "Change undone" after an undo, and what keeps an edit from being saved. Nothing
 * is shown while there is nothing to say, so no bar sits over the form or the focused field.
 */
export function SaveToast({ last, problems, onUndo }: { last: LastSave | null; problems: string[]; onUndo(): void }) {
  const [visible, setVisible] = useState(false);
  const held = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!last) return;
    setVisible(true);
    const hide = () => {
      if (held.current) timer.current = setTimeout(hide, 1000);
      else setVisible(false);
    };
    clearTimeout(timer.current);
    timer.current = setTimeout(hide, SHOW_MS);
    return () => clearTimeout(timer.current);
  }, [last]);

  const hold = (on: boolean) => () => {
    held.current = on;
  };
  return (
    <div className="save-toast-region" role="status" aria-live="polite">
      {problems.length ? (
        <div className="save-toast is-problem" data-testid="save-problem">
          <Icon name="alert" size={14} /> Not saved yet. {problems.slice(0, 2).join('; ')}
        </div>
      ) : visible && last ? (
        <div className="save-toast" onFocus={hold(true)} onBlur={hold(false)} onMouseEnter={hold(true)} onMouseLeave={hold(false)}>
          <Icon name="check" size={14} /> {last.undone ? 'Change undone' : 'Saved'}
          {last.undone ? null : (
            <>
              <span aria-hidden="true"> · </span>
              <button type="button" className="btn btn-sm btn-ghost" onClick={onUndo}>
                Undo
              </button>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
