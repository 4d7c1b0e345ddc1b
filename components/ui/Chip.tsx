import { useId, useState, type KeyboardEvent } from 'react';
import { Icon } from './Icon';
import type { Checked } from '../profile-edit';

export type ChipTone = 'interest' | 'avoid' | 'neutral';

export function Chip({ text, onRemove, tone = 'interest', removeLabel }: { text: string; onRemove?: () => void; tone?: ChipTone; removeLabel?: string }) {
  return (
    <span className={`chip ${tone === 'avoid' ? 'chip-avoid' : tone === 'neutral' ? 'chip-neutral' : ''}`} title={text}>
      <span className="chip-text">{text}</span>
      {onRemove ? (
        <button type="button" className="chip-remove" aria-label={removeLabel ?? `Remove ${text}`} onClick={onRemove}>
          <Icon name="x" size={12} />
        </button>
      ) : (
        <span style={{ width: 6 }} />
      )}
    </span>
  );
}

/** A list of chips with a text box that adds one on Enter or the Add button. `check` refuses a bad entry
 * with a message shown under the box; the text stays so it can be fixed. */
export function ChipInput({
  items,
  onAdd,
  onRemove,
  check,
  label,
  placeholder,
  tone = 'interest',
  empty,
  noun = 'item',
  hideLabel,
  onTextChange,
}: {
  items: { key: string; text: string }[];
  onAdd: (value: string) => void;
  onRemove: (key: string) => void;
  check: (text: string) => Checked;
  label: string;
  placeholder?: string;
  tone?: ChipTone;
  empty?: string;
  noun?: string;
  hideLabel?: boolean;
  /** Told of every change to the box's text (a preview follows what is being typed). */
  onTextChange?: (text: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const changeText = (t: string) => {
    setText(t);
    onTextChange?.(t);
  };

  const add = () => {
    if (!text.trim()) return;
    const result = check(text);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onAdd(result.value);
    changeText('');
    setError(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };

  return (
    <div className="chip-input">
      {items.length ? (
        <ul className="chips" aria-label={label}>
          {items.map((item) => (
            <li key={item.key}>
              <Chip text={item.text} tone={tone} removeLabel={`Remove ${noun} ${item.text}`} onRemove={() => onRemove(item.key)} />
            </li>
          ))}
        </ul>
      ) : empty ? (
        <p className="chip-empty">{empty}</p>
      ) : null}
      <div className="chip-input-row">
        <label htmlFor={id} className="visually-hidden">
          {hideLabel === false ? label : `New ${noun}`}
        </label>
        <input
          id={id}
          className="input"
          value={text}
          placeholder={placeholder}
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            changeText(e.target.value);
            if (error) setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="btn" onClick={add} disabled={!text.trim()} aria-label={`Add ${noun}`}>
          <Icon name="plus" size={14} />
          Add
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
