import { useEffect, useMemo, useRef, useState } from 'react';
import type { Profile } from '@/lib/schema/profile';
import { describeField, validateProfile } from '../../form-errors';
import { useProfile } from '../../hooks/useProfile';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { AvoidEditor } from '../profile/AvoidEditor';
import { BlockedAuthorsEditor } from '../profile/BlockedAuthorsEditor';
import { DisplayEditor } from '../profile/DisplayEditor';
import { InterestsEditor } from '../profile/InterestsEditor';
import { PoliciesEditor } from '../profile/PoliciesEditor';
import { RulesEditor } from '../profile/RulesEditor';
import { SitesEditor } from '../profile/SitesEditor';

/** The whole profile as a form. Edits collect in a draft, checked against the Profile schema as you type;
 * Save sends only a draft that passes, so the background never has to refuse it. */
export default function ProfileView() {
  const { profile, save, saving, error } = useProfile();
  const [draft, setDraft] = useState<Profile | null>(null);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const base = useRef<number | null>(null);

  // Follow the stored profile while nothing is being edited here; keep the user's edits otherwise.
  useEffect(() => {
    if (profile && !dirty) {
      setDraft(profile);
      base.current = profile.revision;
    }
  }, [profile, dirty]);

  const check = useMemo(() => (draft ? validateProfile(draft) : null), [draft]);
  const errors = check && !check.ok ? check.errors : {};
  const problems = Object.entries(errors);
  const changedElsewhere = dirty && profile !== null && base.current !== null && profile.revision > base.current;

  if (!draft || !profile) {
    return error ? <Notice tone="error">Could not load your profile: {error}</Notice> : <p className="muted">Loading your profile…</p>;
  }

  const change = (edit: (p: Profile) => Profile) => {
    setDraft((d) => (d ? edit(d) : d));
    setDirty(true);
    setSavedAt(null);
  };
  const onSave = async () => {
    if (!check?.ok) return;
    const stored = await save(check.profile);
    if (stored) {
      setDirty(false);
      setSavedAt(Date.now());
    }
  };
  const onDiscard = () => {
    setDraft(profile);
    base.current = profile.revision;
    setDirty(false);
  };

  const props = { draft, change, errors };
  return (
    <form
      className="profile-form"
      aria-label="Profile"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 's') {
          e.preventDefault();
          void onSave();
        }
      }}
    >
      {error ? <Notice tone="error">{error}</Notice> : null}
      <SitesEditor {...props} />
      <InterestsEditor {...props} />
      <AvoidEditor {...props} />
      <PoliciesEditor {...props} />
      <RulesEditor {...props} />
      <BlockedAuthorsEditor {...props} />
      <DisplayEditor {...props} />

      <div className={`save-bar ${dirty ? 'is-dirty' : ''}`} role="region" aria-label="Save changes">
        <div className="save-state" aria-live="polite">
          {problems.length ? (
            <div className="save-problems">
              <strong>
                <Icon name="alert" size={14} /> {problems.length === 1 ? '1 field needs fixing' : `${problems.length} fields need fixing`}
              </strong>
              <ul>
                {problems.slice(0, 3).map(([key, msg]) => (
                  <li key={key}>
                    {describeField(key)}: {msg}
                  </li>
                ))}
              </ul>
            </div>
          ) : changedElsewhere ? (
            <span className="save-warn">
              <Icon name="alert" size={14} /> Your profile was changed elsewhere; saving replaces that change.
            </span>
          ) : dirty ? (
            <span>Unsaved changes</span>
          ) : savedAt ? (
            <span className="save-ok">
              <Icon name="check" size={14} /> Saved
            </span>
          ) : (
            <span className="muted">All changes saved</span>
          )}
        </div>
        <div className="save-actions">
          <button type="button" className="btn" disabled={!dirty || saving} onClick={onDiscard}>
            Discard
          </button>
          <button type="submit" className="btn btn-primary" disabled={!dirty || saving || problems.length > 0}>
            {saving ? <span className="spinner" aria-hidden="true" /> : null}
            Save changes
          </button>
        </div>
      </div>
    </form>
  );
}
