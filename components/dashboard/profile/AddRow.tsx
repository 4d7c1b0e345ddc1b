import { useId, useState, type ReactNode } from 'react';
import type { Checked } from '../../profile-edit';
import { Icon } from '../../ui/Icon';

/** A text box and Add button under a list; refuses what `check` refuses, with the reason. `onTextChange` and
 * `children` let a preview follow what is being typed, shown under the box. */
export function AddRow({
  noun,
  placeholder,
  check,
  onAdd,
  onTextChange,
  children,
  maxLength = 200,
}: {
  noun: string;
  placeholder: string;
  check: (t: string) => Checked;
  onAdd: (v: string) => void;
  onTextChange?: (t: string) => void;
  children?: ReactNode;
  maxLength?: number;
}) {
  const id = useId();
  const [text, setTextState] = useState('');
  const setText = (t: string) => {
    setTextState(t);
    onTextChange?.(t);
  };
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    if (!text.trim()) return;
    const r = check(text);
    if (!r.ok) return setError(r.error);
    onAdd(r.value);
    setText('');
    setError(null);
  };
  return (
    <div className="add-row">
      <div className="chip-input-row">
        <label htmlFor={id} className="visually-hidden">
          New {noun}
        </label>
        <input
          id={id}
          className="input"
          placeholder={placeholder}
          value={text}
          maxLength={maxLength}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="btn" onClick={add} disabled={!text.trim()}>
          <Icon name="plus" size={14} /> Add {noun}
        </button>
      </div>
      {error ? (
        <p id={`${id}-err`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}
