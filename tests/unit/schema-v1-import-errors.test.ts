import { describe, expect, it } from 'vitest';
import { parseImport } from '@/lib/schema/export';
import { migrateProfile } from '@/lib/schema/migrate';

// Issue 25, reliability: a version 1 file with null or wrongly typed fields failed with a raw TypeError. Each is
// refused with a sentence naming the field; null where a list may be is an empty list.

const v1 = (fields: Record<string, unknown>) => JSON.stringify({ version: 1, ...fields });

describe('importing a version 1 profile', () => {
  it.each([
    [{ interests: 'Chess' }, /^profile\.interests: .*array/],
    [{ interests: ['Chess', null] }, /^profile\.interests\[1\]: .*string/],
    [{ avoid: [42] }, /^profile\.avoid\[0\]: .*string/],
    [{ blockedChannels: {} }, /^profile\.blockedChannels: .*array/],
    [{ keywords: [true] }, /^profile\.keywords\[0\]: .*string/],
    [{ instructions: [null] }, /^profile\.instructions\[0\]: .*object/],
    [{ instructions: [{ text: 7 }] }, /^profile\.instructions\[0\]\.text: .*string/],
    [{ manipulation: 'off' }, /^profile\.manipulation: .*object/],
    [{ sites: { youtube: 'yes' } }, /^profile\.sites\.youtube: .*boolean/],
    [{ revision: 'two' }, /^profile\.revision: .*number/],
  ])('refuses %j with a sentence naming the field', (fields, message) => {
    const text = v1(fields);
    const result = parseImport(text, text.length, 1);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatch(message);
      expect(result.errors.join(' ')).not.toMatch(/TypeError|Cannot read|is not a function/);
    }
  });

  it('reads a null list as an empty one and migrates the rest', () => {
    const result = migrateProfile({ version: 1, interests: null, avoid: ['Crypto'], blockedChannels: null, paused: null }, 1);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.interests).toEqual([]);
      expect(result.value.avoidTopics.map((t) => t.label)).toEqual(['Crypto']);
    }
  });
});
