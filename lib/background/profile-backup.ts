import { browser } from 'wxt/browser';
import type { ProfileBackup, StorageProblem } from '../db';
import type { Profile } from '../schema/profile';

const BACKUP_KEY = 'profile-backup';
const PROBLEM_KEY = 'storage-problem';

/**
 * The last good profile, kept in storage.local: outside IndexedDB, so a database the browser reset (as Chrome does
 * under sustained QuotaExceededError) leaves this copy to restore from.
 */
export const localProfileBackup: ProfileBackup = {
  async read() {
    return (await browser.storage.local.get(BACKUP_KEY))[BACKUP_KEY];
  },
  async write(profile: Profile) {
    await browser.storage.local.set({ [BACKUP_KEY]: profile });
  },
  async clear() {
    await browser.storage.local.remove([BACKUP_KEY, PROBLEM_KEY]);
  },
};

/** The worker sleeps and forgets; the problem the person has not yet seen is kept with the backup when it fits. */
export const storedProblem = {
  async read(): Promise<StorageProblem | null> {
    return ((await browser.storage.local.get(PROBLEM_KEY))[PROBLEM_KEY] as StorageProblem | undefined) ?? null;
  },
  write(problem: StorageProblem | null): void {
    (problem ? browser.storage.local.set({ [PROBLEM_KEY]: problem }) : browser.storage.local.remove(PROBLEM_KEY)).catch(() => {});
  },
};
