import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { mergeProfile } from '@/lib/core/profile-merge';
import type { Profile } from '@/lib/schema/profile';
import { validateProfile, type FieldErrors } from '../../form-errors';
import { useProfile } from '../../hooks/useProfile';

/** Typing pauses this long before a save, so a word is one save (and one undo step), not one per letter. */
const SAVE_AFTER_MS = 450;

export interface LastSave {
  before: Profile;
  after: Profile;
  undone: boolean;
}

export interface ProfileDraft {
  draft: Profile | null;
  loadError: string | null;
  /** The last save or undo failure, in words. */
  error: string | null;
  /** Every field error of the draft (what the schema refuses); the view shows only those the user has touched. */
  errors: FieldErrors;
  saving: boolean;
  last: LastSave | null;
  change(edit: (p: Profile) => Profile): void;
  /** Saves now what is waiting for a pause in typing (leaving the page, Ctrl+S). */
  flush(): void;
  undo(): void;
}

/**
 * The Profile view's edits, saved as they are made: each edit is shown at once and saved after a short pause in
 * typing, merged with whatever the stored profile gained meanwhile (an interest added in the popup, an exception
 * made on a page), never overwriting it. A draft the schema refuses (a rule with no pattern yet) waits, unsaved,
 * until it is fixed; changes saved elsewhere are merged into it meanwhile.
 */
export function useProfileDraft(): ProfileDraft {
  const { profile, save, saving, error: loadError } = useProfile();
  const [draft, setDraftState] = useState<Profile | null>(null);
  const [last, setLast] = useState<LastSave | null>(null);
  const [error, setError] = useState<string | null>(null);
  const draftRef = useRef<Profile | null>(null);
  /** The stored profile the draft was made from. */
  const base = useRef<Profile | null>(null);
  /** The draft holds edits not yet sent. */
  const edited = useRef(false);
  const inFlight = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const setDraft = useCallback((p: Profile) => {
    draftRef.current = p;
    setDraftState(p);
  }, []);

  // A profile saved elsewhere: followed at once, or merged under the edits still waiting here.
  useEffect(() => {
    if (!profile || inFlight.current > 0) return;
    if (!base.current || !draftRef.current || !edited.current) {
      base.current = profile;
      setDraft(profile);
    } else if (profile.revision !== base.current.revision) {
      setDraft(mergeProfile(base.current, draftRef.current, profile));
      base.current = profile;
    }
  }, [profile, setDraft]);

  const commit = useCallback(
    async (next: Profile, from: Profile, record: (saved: Profile) => LastSave) => {
      inFlight.current++;
      const saved = await save(next, from);
      inFlight.current--;
      if (!saved) {
        setError('Not saved: the change could not be stored. It is still shown here; edit again to retry.');
        edited.current = true;
        return;
      }
      setError(null);
      setLast(record(saved));
      // Typed on while the save was under way: those edits stay, on top of what was stored.
      if (edited.current && draftRef.current) setDraft(mergeProfile(next, draftRef.current, saved));
      else setDraft(saved);
      base.current = saved;
    },
    [save, setDraft],
  );

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const d = draftRef.current;
    const from = base.current;
    if (!d || !from || !edited.current) return;
    const check = validateProfile(d);
    if (!check.ok) return;
    edited.current = false;
    void commit(check.profile, from, (after) => ({ before: from, after, undone: false }));
  }, [commit]);

  const change = useCallback(
    (edit: (p: Profile) => Profile) => {
      if (!draftRef.current) return;
      setDraft(edit(draftRef.current));
      edited.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush, setDraft],
  );

  const undo = useCallback(() => {
    const latest = base.current;
    if (!last || last.undone || !latest) return;
    clearTimeout(timer.current);
    edited.current = false;
    // What the last save changed is taken back from the latest profile; anything saved since elsewhere stays.
    const reverted = mergeProfile(last.after, last.before, latest);
    void commit(reverted, latest, (after) => ({ before: latest, after, undone: true }));
  }, [last, commit]);

  // Leaving the view or the page saves what is waiting.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const errors = useMemo(() => {
    const check = draft ? validateProfile(draft) : null;
    return check && !check.ok ? check.errors : {};
  }, [draft]);
  return {
    draft,
    loadError,
    error,
    errors,
    saving,
    last,
    change,
    flush,
    undo,
  };
}
