import { useState } from 'react';
import { CHAT_SITES, SITE_LABELS } from '@/lib/schema/common';
import type { Instruction, Profile } from '@/lib/schema/profile';
import { addInstruction, setSite } from '../../profile-edit';
import { useProfile } from '../../hooks/useProfile';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { Segmented } from '../../ui/Segmented';
import { Toggle } from '../../ui/Toggle';
import { InstructionCard } from '../chat/InstructionCard';
import { TryMessage } from '../chat/TryMessage';
import { checkInstructionText, moveInstruction, removeInstruction, restoreInstruction, updateInstruction } from '../chat/edits';
import '../chat/chat.css';

/** Standing instructions for chat assistants. Every change is saved at once, like the popup's quick add. */
export default function ChatView() {
  const { profile, update, error } = useProfile();
  const [deleted, setDeleted] = useState<{ instruction: Instruction; index: number } | null>(null);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);

  if (!profile) return error ? <Notice tone="error">Could not load your profile: {error}</Notice> : <p className="muted">Loading your instructions…</p>;

  const save = (change: (p: Profile) => Profile) => void update(change);
  const add = () => {
    const checked = checkInstructionText(draft);
    if (!checked.ok) {
      setDraftError(checked.error);
      return;
    }
    save((p) => addInstruction(p, checked.value));
    setDraft('');
    setDraftError(null);
  };
  const remove = (instruction: Instruction, index: number) => {
    setDeleted({ instruction, index });
    save((p) => removeInstruction(p, instruction.id));
  };

  return (
    <div className="chat-view">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Section
        title="Instructions"
        description="Added to your messages in this order, visibly, as a short block you can see before it is sent."
        icon={<Icon name="chat" size={18} />}
      >
        {deleted ? (
          <Notice tone="info" className="chat-undo">
            <span>Deleted “{deleted.instruction.text.slice(0, 80)}”.</span>{' '}
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => {
                save((p) => restoreInstruction(p, deleted.instruction, deleted.index));
                setDeleted(null);
              }}
            >
              Undo
            </button>
          </Notice>
        ) : null}
        {profile.instructions.length === 0 ? <p className="empty-row">No instructions yet. Add one below, e.g. “Use metric units.”</p> : null}
        <ol className="rows chat-list">
          {profile.instructions.map((i, index) => (
            <InstructionCard
              key={i.id}
              instruction={i}
              index={index}
              count={profile.instructions.length}
              onChange={(patch) => save((p) => updateInstruction(p, i.id, patch))}
              onMove={(by) => save((p) => moveInstruction(p, i.id, by))}
              onDelete={() => remove(i, index)}
            />
          ))}
        </ol>
        <form
          className="chat-add"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <label htmlFor="chat-new" className="visually-hidden">
            New instruction
          </label>
          <input
            id="chat-new"
            className="input"
            placeholder="Add an instruction, e.g. For recipes, I am vegetarian."
            value={draft}
            maxLength={2000}
            aria-invalid={draftError ? true : undefined}
            aria-describedby={draftError ? 'chat-new-err' : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              setDraftError(null);
            }}
          />
          <button type="submit" className="btn btn-primary" disabled={!draft.trim()}>
            <Icon name="plus" size={14} /> Add instruction
          </button>
        </form>
        {draftError ? (
          <p id="chat-new-err" className="field-error" role="alert">
            {draftError}
          </p>
        ) : null}
      </Section>

      <Section title="Where and how" description="Which chat sites Parapet works on, and where the block goes in your message." icon={<Icon name="globe" size={18} />}>
        <div className="chat-settings">
          <div className="chat-sites" role="group" aria-label="Chat sites">
            {CHAT_SITES.map((s) => (
              <Toggle key={s} label={SITE_LABELS[s]} checked={profile.sites[s]} onChange={(on) => save((p) => setSite(p, s, on))} />
            ))}
          </div>
          <div className="chat-placement">
            <span className="mini-label">Put the block</span>
            <Segmented
              label="Put the block"
              value={profile.chat.placement}
              options={[
                { value: 'start', label: 'Before my message' },
                { value: 'end', label: 'After my message' },
              ]}
              onChange={(placement) => save((p) => ({ ...p, chat: { ...p.chat, placement } }))}
            />
          </div>
        </div>
      </Section>

      <Section title="Try a message" description="See which instructions a message would get, and why, before you send one." icon={<Icon name="sparkle" size={18} />}>
        <TryMessage profile={profile} />
      </Section>
    </div>
  );
}
