import type { ProfileBackup } from '@/lib/db';
import type { Profile } from '@/lib/schema/profile';

/** storage.local's copy of the profile, in memory: what lib/background/profile-backup.ts keeps in the extension. */
export function memoryBackup(initial?: unknown): ProfileBackup & { value: unknown } {
  const b = {
    value: initial,
    async read() {
      return structuredClone(b.value);
    },
    async write(p: Profile) {
      b.value = structuredClone(p);
    },
    async clear() {
      b.value = undefined;
    },
  };
  return b;
}
