import { useMemo, useState, type SyntheticEvent } from 'react';
import { describeField, type FieldErrors } from '../../form-errors';
import { Notice } from '../../ui/Notice';
import { AvoidEditor } from '../profile/AvoidEditor';
import { BlockedAuthorsEditor } from '../profile/BlockedAuthorsEditor';
import { DisplayEditor } from '../profile/DisplayEditor';
import { InterestsEditor } from '../profile/InterestsEditor';
import { NaturalRulesEditor } from '../profile/NaturalRulesEditor';
import { PoliciesEditor } from '../profile/PoliciesEditor';
import { RulesEditor } from '../profile/RulesEditor';
import { SaveToast } from '../profile/SaveToast';
import { SitesEditor } from '../profile/SitesEditor';
import { useProfileDraft } from '../profile/useProfileDraft';

/** The whole profile as a form that saves as you go, like the rest of Parapet: each change is stored after a
 * pause in typing, with Undo. A field's error shows once the user has typed in it or left it, never on a new,
 * still empty entry. */
export default function ProfileView() {
  const { draft, loadError, error, errors, last, change, flush, undo } = useProfileDraft();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());

  // Inputs that can be wrong name their field (data-field); typing in one or leaving it shows its error.
  const touch = (e: SyntheticEvent) => {
    const key = (e.target as HTMLElement).closest('[data-field]')?.getAttribute('data-field');
    if (key && !touched.has(key)) setTouched(new Set([...touched, key]));
  };
  const shown = useMemo(() => Object.fromEntries(Object.entries(errors).filter(([k]) => touched.has(k))) as FieldErrors, [errors, touched]);

  if (!draft) {
    return loadError ? <Notice tone="error">Could not load your profile: {loadError}</Notice> : <p className="muted">Loading your profile…</p>;
  }

  const props = { draft, change, errors: shown };
  return (
    <form
      className="profile-form"
      aria-label="Profile"
      onSubmit={(e) => {
        e.preventDefault();
        flush();
      }}
      onInput={touch}
      onBlur={touch}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 's') {
          e.preventDefault();
          flush();
        }
      }}
    >
      <p className="muted small profile-saves">Changes are saved as you make them.</p>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {loadError && !error ? <Notice tone="error">{loadError}</Notice> : null}
      <SitesEditor {...props} />
      <InterestsEditor {...props} />
      <AvoidEditor {...props} />
      <PoliciesEditor {...props} />
      <RulesEditor {...props} />
      <NaturalRulesEditor {...props} />
      <BlockedAuthorsEditor {...props} />
      <DisplayEditor {...props} />
      <SaveToast last={last} problems={Object.entries(shown).map(([k, m]) => `${describeField(k)}: ${m}`)} onUndo={undo} />
    </form>
  );
}
