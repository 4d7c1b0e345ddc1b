import { useCallback, useEffect, useRef, useState } from 'react';
import { send } from '@/lib/messaging';
import type { Profile } from '@/lib/schema/profile';
import { useBroadcast } from './useBroadcast';

export interface ProfileState {
  /** null until the first load answers. */
  profile: Profile | null;
  /** The last load or save failure, in words; cleared by the next success. */
  error: string | null;
  saving: boolean;
  /** Shows `next` at once, saves it, then shows what the background stored. On failure, returns null and
   * goes back to the last stored profile. `base` is the stored profile `next` was made from (the last one this
   * page heard of by default): the background keeps whatever changed elsewhere since. */
  save(next: Profile, base?: Profile): Promise<Profile | null>;
  /** `save(change(current))`; does nothing before the profile has loaded. */
  update(change: (current: Profile) => Profile): Promise<Profile | null>;
  reload(): Promise<void>;
}

/** The user's profile, kept current: loads once, follows `profile/changed` from any tab or page. */
export function useProfile(): ProfileState {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const current = useRef<Profile | null>(null);
  const stored = useRef<Profile | null>(null);
  // Only the newest save may write its answer back, so a quick second edit is never overwritten by the first's reply.
  const seq = useRef(0);
  const pending = useRef(0);

  const show = useCallback((p: Profile) => {
    current.current = p;
    setProfile(p);
  }, []);

  const reload = useCallback(async () => {
    try {
      const p = await send('profile/get', {});
      stored.current = p;
      show(p);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [show]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useBroadcast((message) => {
    if (message.type !== 'profile/changed' || pending.current > 0) return;
    const incoming = message.profile;
    if (current.current && incoming.revision < current.current.revision) return;
    stored.current = incoming;
    show(incoming);
  });

  const save = useCallback(
    async (next: Profile, base?: Profile) => {
      const mine = ++seq.current;
      const from = base ?? stored.current ?? undefined;
      pending.current++;
      setSaving(true);
      show(next);
      try {
        const saved = await send('profile/save', from ? { profile: next, base: from } : { profile: next });
        stored.current = saved;
        if (mine === seq.current) show(saved);
        setError(null);
        return saved;
      } catch (e) {
        setError(`Could not save: ${(e as Error).message}`);
        if (mine === seq.current && stored.current) show(stored.current);
        return null;
      } finally {
        pending.current--;
        if (pending.current === 0) setSaving(false);
      }
    },
    [show],
  );

  const update = useCallback(
    async (change: (p: Profile) => Profile) => (current.current ? save(change(current.current)) : null),
    [save],
  );

  return { profile, error, saving, save, update, reload };
}
