import { describe, expect, it } from 'vitest';
import { NOT_PLURAL_WORDS } from '@/lib/core/shield/text';
import { hashString } from '@/lib/core/shield/word-hash';

// The words never cut as plurals ("news", "series") are found by their hash alone before their letters are
// compared: two sharing a hash would hide one of them. The shipped table is built without checking (it is built at
// every page start), so the list is held to it here.
describe('the words never cut as plurals', () => {
  it('each has a hash of its own', () => {
    const hashes = NOT_PLURAL_WORDS.map(hashString);
    expect(new Set(hashes).size).toBe(NOT_PLURAL_WORDS.length);
    expect(hashes).not.toContain(0);
  });
});
