import { useId, useState } from 'react';
import { CHAT_SITES, SITE_LABELS } from '@/lib/schema/common';
import type { Instruction } from '@/lib/schema/profile';
import { checkLabel } from '../../profile-edit';
import { ChipInput } from '../../ui/Chip';
import { Icon } from '../../ui/Icon';
import { Segmented } from '../../ui/Segmented';
import { Toggle } from '../../ui/Toggle';
import { checkInstructionText, scopeWithTopics, toggleSite } from './edits';

type ScopeChoice = 'always' | 'auto' | 'topics';
const SCOPES: { value: ScopeChoice; label: string }[] = [
  { value: 'always', label: 'Always' },
  { value: 'auto', label: 'When it fits' },
  { value: 'topics', label: 'Only about topics' },
];

/** One standing instruction: its words, where it may go, when it applies, and its place in the order. */
export function InstructionCard({
  instruction,
  index,
  count,
  onChange,
  onMove,
  onDelete,
}: {
  instruction: Instruction;
  index: number;
  count: number;
  onChange: (patch: Partial<Omit<Instruction, 'id'>>) => void;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
}) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(instruction.text);
  const [error, setError] = useState<string | null>(null);
  // "Only about topics" with no topic yet cannot be saved (the profile needs one): it waits here until one is added.
  const [pendingTopics, setPendingTopics] = useState(false);
  const scope: ScopeChoice = pendingTopics ? 'topics' : instruction.scope.type;
  const topics = instruction.scope.type === 'topics' ? instruction.scope.topics : [];
  const name = `Instruction ${index + 1}`;

  const saveText = () => {
    const checked = checkInstructionText(text);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    onChange({ text: checked.value });
    setEditing(false);
    setError(null);
  };
  const setScope = (next: ScopeChoice) => {
    if (next === 'topics') {
      if (topics.length === 0) setPendingTopics(true);
      return;
    }
    setPendingTopics(false);
    onChange({ scope: { type: next } });
  };

  return (
    <li className={`row-card chat-ins ${instruction.enabled ? '' : 'is-off'}`} aria-label={name}>
      <div className="chat-ins-head">
        <span className="chat-ins-num" aria-hidden="true">
          {index + 1}
        </span>
        <div className="chat-ins-text">
          {editing ? (
            <div className="chat-edit">
              <label htmlFor={`${id}-text`} className="visually-hidden">
                Text of {name.toLowerCase()}
              </label>
              <textarea
                id={`${id}-text`}
                className="input chat-textarea"
                value={text}
                maxLength={2000}
                rows={2}
                autoFocus
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-err` : undefined}
                onChange={(e) => {
                  setText(e.target.value);
                  setError(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey) {
                    e.preventDefault();
                    saveText();
                  }
                  if (e.key === 'Escape') {
                    setEditing(false);
                    setText(instruction.text);
                    setError(null);
                  }
                }}
              />
              {error ? (
                <p id={`${id}-err`} className="field-error" role="alert">
                  {error}
                </p>
              ) : null}
              <div className="chat-edit-actions">
                <button type="button" className="btn btn-primary btn-sm" onClick={saveText}>
                  Save text
                </button>
                <button
                  type="button"
                  className="btn btn-sm"
                  onClick={() => {
                    setEditing(false);
                    setText(instruction.text);
                    setError(null);
                  }}
                >
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <p className="chat-ins-words">{instruction.text}</p>
          )}
        </div>
        <div className="chat-ins-tools">
          <Toggle label={`${name} on`} hideLabel checked={instruction.enabled} onChange={(enabled) => onChange({ enabled })} />
          <button type="button" className="btn btn-ghost btn-icon" aria-label={`Move ${name.toLowerCase()} up`} title="Move up" disabled={index === 0} onClick={() => onMove(-1)}>
            <Icon name="upload" size={15} />
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label={`Move ${name.toLowerCase()} down`}
            title="Move down"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            <Icon name="download" size={15} />
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label={`Edit ${name.toLowerCase()}`}
            title="Edit"
            disabled={editing}
            onClick={() => {
              setText(instruction.text);
              setEditing(true);
            }}
          >
            <Icon name="file" size={15} />
          </button>
          <button type="button" className="btn btn-ghost btn-icon" aria-label={`Delete ${name.toLowerCase()}`} title="Delete" onClick={onDelete}>
            <Icon name="trash" size={15} />
          </button>
        </div>
      </div>
      <div className="chat-ins-body">
        <fieldset className="platform-picks">
          <legend className="mini-label">Sent to</legend>
          {CHAT_SITES.map((site) => {
            const on = instruction.sites.includes(site);
            return (
              <label key={site} className={`pick ${on ? 'is-on' : ''}`}>
                <input type="checkbox" checked={on} onChange={() => onChange({ sites: toggleSite(instruction, site) })} />
                {SITE_LABELS[site]}
              </label>
            );
          })}
        </fieldset>
        <div className="chat-scope">
          <span className="mini-label" id={`${id}-scope`}>
            Added
          </span>
          <Segmented label={`When ${name.toLowerCase()} is added`} value={scope} options={SCOPES} onChange={setScope} />
        </div>
        {instruction.sites.length === 0 ? <p className="field-error">Not sent anywhere: choose at least one site.</p> : null}
        {scope === 'topics' ? (
          <div className="chat-topics">
            <ChipInput
              items={topics.map((t) => ({ key: t, text: t }))}
              label={`Topics of ${name.toLowerCase()}`}
              noun="topic"
              placeholder="e.g. recipes"
              empty="Add at least one topic: the instruction is added only to messages about it."
              check={(t) => checkLabel(t, topics, 'topics')}
              onAdd={(t) => {
                setPendingTopics(false);
                onChange({ scope: scopeWithTopics([...topics, t]) });
              }}
              onRemove={(t) => onChange({ scope: scopeWithTopics(topics.filter((x) => x !== t)) })}
            />
          </div>
        ) : null}
      </div>
    </li>
  );
}
