import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '@/lib/messaging';
import { createHandlers } from '@/lib/background/handlers';
import { openStore } from '@/lib/db';
import { addInterest, setPolicy } from '@/components/profile-edit';
import type { Profile } from '@/lib/schema/profile';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const fromDashboard = { id: 'ext-id', url: 'chrome-extension://ext-id/dashboard.html' };

// Two pages edit the profile from the same stored revision: the popup adds an interest, then the Profile view,
// which had not heard of it yet, saves a policy change. Both are kept.
describe('profile/save with the revision the edit started from', () => {
  it('keeps a change saved elsewhere since, instead of writing over it', async () => {
    const handlers = createHandlers({ store: openStore(`merge-${Math.random()}`), broadcastProfile: () => {}, tabStats: {} as never, selectInstructions: () => [], now: () => 1000 });
    const call = async (type: string, payload: unknown) => {
      const r = await dispatch(handlers, { type, payload }, fromDashboard, self);
      if (!r.ok) throw new Error(r.error);
      return r.value as Profile;
    };
    const base = await call('profile/get', {});
    await call('profile/save', { base, profile: addInterest(base, 'Birdwatching') });
    const saved = await call('profile/save', { base, profile: setPolicy(base, 'rage', { action: 'hide' }) });
    expect(saved.interests.map((i) => i.label)).toEqual(['Birdwatching']);
    expect(saved.policies.rage.action).toBe('hide');
    expect(saved.revision).toBe(base.revision + 2);
    // Without a base, a save replaces the profile as before (an import, a test seeding one).
    const replaced = await call('profile/save', { profile: base });
    expect(replaced.interests).toEqual([]);
  });
});
