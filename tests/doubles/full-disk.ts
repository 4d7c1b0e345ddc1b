import { vi } from 'vitest';

/** The error IndexedDB raises when the origin's quota or the disk is exhausted. */
export const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * Makes `method` of `target` (a Dexie table: bulkAdd, put, clear...) fail as on a full disk: the first `times` calls
 * (every call when omitted) throw QuotaExceededError, or the given error; later calls go through.
 */
export function failAsFullDisk<T extends object>(target: T, method: keyof T & string, times = Infinity, error: () => Error = quotaError) {
  let left = times;
  const original = (target[method] as (...a: unknown[]) => unknown).bind(target);
  return vi.spyOn(target as Record<string, (...a: unknown[]) => unknown>, method).mockImplementation((...args: unknown[]) => {
    if (left-- > 0) throw error();
    return original(...args);
  });
}
