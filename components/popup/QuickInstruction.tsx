import { useId, useState } from 'react';
import { z } from 'zod';
import { plainText } from '@/lib/schema/common';
import type { Profile } from '@/lib/schema/profile';
import { addInstruction } from '../profile-edit';
import { Icon } from '../ui/Icon';

export interface QuickInstructionProps {
  profile: Profile;
  /** Saves `change(current profile)`; resolves to the stored profile, or null when saving failed. */
  update: (change: (current: Profile) => Profile) => Promise<Profile | null>;
}

const instructionText = plainText(2000).transform((s) => s.trim()).pipe(z.string().min(1, { message: 'must not be empty' }));

/** Adds a standing instruction for every chat site, chosen automatically per message. */
export default function QuickInstruction({ profile, update }: QuickInstructionProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);

  const add = async () => {
    const parsed = instructionText.safeParse(text);
    if (!parsed.success) {
      setError(`This ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
      return;
    }
    const saved = await update((p) => addInstruction(p, parsed.data));
    if (saved) {
      setText('');
      setError(null);
      setAdded(true);
    }
  };

  const count = profile.instructions.filter((i) => i.enabled).length;
  return (
    <section className="pp-section" aria-labelledby={`${id}-title`}>
      <div className="pp-section-head">
        <h2 id={`${id}-title`} className="pp-h2">
          Chat instruction
        </h2>
        <span className="pp-section-meta">{count} active</span>
      </div>
      <div className="chip-input-row">
        <label htmlFor={id} className="visually-hidden">
          New standing instruction
        </label>
        <input
          id={id}
          className="input"
          placeholder="Add an instruction for chats…"
          value={text}
          maxLength={2000}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
            setAdded(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
        />
        <button type="button" className="btn" disabled={!text.trim()} onClick={() => void add()} aria-label="Add instruction">
          <Icon name="plus" size={14} />
          Add
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : added ? (
        <p className="pp-hint" role="status">
          Added. It is sent with chat messages it fits.
        </p>
      ) : null}
    </section>
  );
}
