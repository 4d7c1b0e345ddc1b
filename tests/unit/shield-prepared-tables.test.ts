// A feed tab is sent its matcher's first-word index and its blocked names' tables ready-made (lib/core/shield/
// prepared.ts; issue 24: made in the tab, they cost a large profile's page start several ms). What it restores must
// answer exactly as what the profile builds: every headline of /work/shared/data's clickbait set, and every name
// blocked or not, on the bench's large profile with its topics by meaning, on each platform.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packProfileTopics } from '../../lib/core/meaning/pack';
import { AuthorSet } from '../../lib/core/shield/author-set';
import { compileLookups } from '../../lib/core/shield/compile';
import { NO_MATCHER, prepareLookups, restoreLookups, type PreparedForm } from '../../lib/core/shield/prepared';
import { foldAuthor } from '../../lib/core/shield/text';
import type { ItemMatcher } from '../../lib/core/shield/types';
import { FEED_PLATFORMS } from '../../lib/schema/constants';
import { defaultProfile, type Profile } from '../../lib/schema/profile';
import { buildLargeProfile, readHeadlines } from '../../scripts/bench-core';
import { shippedMeaning } from './meaning-model';

const DEV = resolve(__dirname, '../../../shared/data/clickbait/dev.tsv');

/** Every hit of `m` on each title, in the order reported. */
function answers(m: ItemMatcher, titles: string[]): string[] {
  return titles.map((t) => {
    const hits: string[] = [];
    m.match([t, ''], (target, evidence) => hits.push(`${target}:${evidence}`));
    return hits.join('|');
  });
}

describe('look-ups restored from their tables', () => {
  const headlines = readHeadlines();
  const large = buildLargeProfile(headlines);
  const profile = { ...large, topicPack: packProfileTopics(large, shippedMeaning()) } as Profile;
  const titles = existsSync(DEV)
    ? readFileSync(DEV, 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.slice(l.indexOf('\t') + 1))
        .filter(Boolean)
    : headlines;

  it.each(FEED_PLATFORMS)('match every headline as the profile’s own matcher (%s)', (platform) => {
    const own = compileLookups(profile, platform);
    const form = JSON.parse(JSON.stringify(prepareLookups(profile, platform))) as PreparedForm;
    const restored = restoreLookups(form);
    const want = answers(own.matcher, titles);
    expect(answers(restored.matcher, titles)).toEqual(want);
    // The comparison is of headlines the profile matches, not only of ones nobody touched.
    expect(want.filter((w) => w !== '').length).toBeGreaterThan(1000);
  });

  it.each(FEED_PLATFORMS)('answer for every name as the set of the profile’s blocked names (%s)', (platform) => {
    const own = compileLookups(profile, platform).blockedAuthors.get(platform);
    const form = JSON.parse(JSON.stringify(prepareLookups(profile, platform))) as PreparedForm;
    const restored = restoreLookups(form).blockedAuthors.get(platform);
    expect(own).toBeDefined();
    expect(restored?.size).toBe(own!.size);
    const blocked = own!.names();
    // Blocked names, names one letter off, and the words of real headlines as names.
    const asked = [...blocked, ...blocked.map((n) => `${n}x`), ...blocked.map((n) => n.slice(0, -1)), ...titles.flatMap((t) => t.split(' ').map(foldAuthor))];
    const answered = asked.map((n) => restored!.has(n));
    expect(answered).toEqual(asked.map((n) => own!.has(n)));
    expect(answered.filter(Boolean).length).toBeGreaterThanOrEqual(blocked.length);
  });

  it('are not sent for a profile with nothing to look for (the defaults): its tab has no matcher to restore', () => {
    const form = JSON.parse(JSON.stringify(prepareLookups(defaultProfile(0), 'youtube'))) as PreparedForm;
    expect(form.matcher.wordBits).toBe('');
    expect(JSON.stringify(form).length).toBeLessThan(1000);
    expect(restoreLookups(form).matcher).toBe(NO_MATCHER);
  });

  it('restore a set from its tables as fromList makes it, an empty one included', () => {
    for (const list of ['', 'one', Array.from({ length: 5000 }, (_, i) => `creator${i}`).join('\n')]) {
      const made = AuthorSet.fromList(list);
      const { table, sketch } = made.tables();
      const restored = AuthorSet.restore(list, table, sketch);
      expect(restored.size).toBe(made.size);
      expect(restored.names()).toEqual(made.names());
      for (const n of ['', 'one', 'creator0', 'creator4999', 'creator5000', 'creator12x']) expect(restored.has(n)).toBe(made.has(n));
    }
  });
});
