import { useId, useState } from 'react';
import { z } from 'zod';
import { plainText } from '@/lib/schema/common';
import type { Profile } from '@/lib/schema/profile';
import { addInstruction } from '../profile-edit';

const EXAMPLES = ['Use metric units', 'For recipes, I’m vegetarian', 'Answer briefly, then offer details'];
const instructionText = plainText(2000).transform((s) => s.trim()).pipe(z.string().min(1, { message: 'must not be empty' }));

/** A standing instruction for every chat site, chosen per message; an example fills the box with one click. */
export function FirstInstruction({ profile, update }: { profile: Profile; update: (change: (p: Profile) => Profile) => Promise<Profile | null> }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    const parsed = instructionText.safeParse(text);
    if (!parsed.success) {
      setError(`This instruction ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
      return;
    }
    if (profile.instructions.some((i) => i.text.toLowerCase() === parsed.data.toLowerCase())) {
      setError('You already have this instruction.');
      return;
    }
    if (await update((p) => addInstruction(p, parsed.data))) {
      setText('');
      setError(null);
    }
  };

  return (
    <div className="wl-instruction">
      <div className="wl-examples" role="group" aria-label="Examples">
        <span className="wl-try" aria-hidden="true">
          Try:
        </span>
        {EXAMPLES.map((e) => (
          <button key={e} type="button" className="btn btn-sm btn-ghost wl-example-btn" onClick={() => setText(e)}>
            {e}
          </button>
        ))}
      </div>
      <form
        className="wl-instruction-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-text`}>
          New standing instruction
        </label>
        <input
          id={`${id}-text`}
          className="input"
          value={text}
          maxLength={2000}
          placeholder="e.g. Use metric units"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn">
          Add instruction
        </button>
      </form>
      {error ? (
        <p id={`${id}-err`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {profile.instructions.length ? (
        <ul className="wl-instructions" aria-label="Your instructions">
          {profile.instructions.map((i) => (
            <li key={i.id}>{i.text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
