// A feed tab decides with look-ups the background built (lib/core/shield/prepared.ts) exactly as with the ones it
// would have built itself: on the bench's large profile with its topics by meaning, every item of every platform.
import { describe, expect, it } from 'vitest';
import { createPagePreparer } from '../../lib/background/page-profile';
import { packProfileTopics } from '../../lib/core/meaning/pack';
import { SHIPPED_DETECTORS } from '../../lib/core/detectors/shipped';
import { compileProfile, decide } from '../../lib/core/shield';
import { compileLookups } from '../../lib/core/shield/compile';
import { AuthorSet } from '../../lib/core/shield/author-set';
import { base64ToFloat64, base64ToInt32, float64ToBase64, int32ToBase64 } from '../../lib/core/shield/packed';
import { prepareLookups, restoreLookups, type PreparedForm, type WithPrepared } from '../../lib/core/shield/prepared';
import { FEED_PLATFORMS } from '../../lib/schema/constants';
import type { Profile } from '../../lib/schema/profile';
import { profileForPage } from '../../lib/background/page-profile';
import { buildItems, buildLargeProfile, readHeadlines } from '../../scripts/bench-core';
import { shippedMeaning } from './meaning-model';

const URLS = { youtube: 'https://www.youtube.com/', reddit: 'https://www.reddit.com/', x: 'https://x.com/home', hackernews: 'https://news.ycombinator.com/' };

describe('look-ups prepared by the background', () => {
  const headlines = readHeadlines();
  const large = buildLargeProfile(headlines);
  const withPack = { ...large, topicPack: packProfileTopics(large, shippedMeaning()) } as Profile;
  const items = buildItems(headlines, large, 4000);

  it('decide every item as the look-ups the tab would build, on each platform', async () => {
    const forPage = createPagePreparer();
    let acted = 0;
    for (const platform of FEED_PLATFORMS) {
      const page = profileForPage(withPack, URLS[platform]);
      // As a message carries it: plain data, no shared objects.
      const sent = JSON.parse(JSON.stringify(await forPage(page, URLS[platform]))) as Profile & { prepared?: PreparedForm };
      expect(sent.prepared?.platform).toBe(platform);
      // What the tab reads of the rules, authors and topics is in the form alone.
      expect(sent.rules).toEqual([]);
      expect(sent.blockedAuthors).toEqual([]);
      expect('topicPack' in sent).toBe(false);
      const opts = { platform, detectors: SHIPPED_DETECTORS, policyStage: null };
      const own = compileProfile(page, opts);
      const restored = compileProfile(sent, { ...opts, lookups: restoreLookups(sent.prepared!) });
      expect(restored.problems).toEqual(own.problems);
      for (const it of items) {
        const want = decide(own, it);
        expect(decide(restored, it), it.title).toEqual(want);
        if (want.action !== 'show') acted++;
      }
    }
    // The profile acts on the feed: the comparison is not of items nobody touched.
    expect(acted).toBeGreaterThan(200);
  });

  it('keep blocked names as text, answering as the set they came from', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `name${i}tv`);
    const built = new AuthorSet();
    for (const n of names) built.add(n);
    const sent = AuthorSet.fromList(built.names().join('\n'));
    for (let i = 0; i < 6000; i++) {
      expect(sent.has(`name${i}tv`)).toBe(built.has(`name${i}tv`));
      expect(sent.has(`name${i}tvx`)).toBe(false);
    }
    expect(sent.size).toBe(3000);
    expect(AuthorSet.fromList('').has('x')).toBe(false);
  });

  it('carry their lists of numbers as base64, and refuse a list cut short', () => {
    const ints = Int32Array.from([0, -1, 2 ** 31 - 1, -(2 ** 31), 12345]);
    const floats = Float64Array.from([0.125, 1, 1 / 3, -2.5e-9]);
    expect(base64ToInt32(int32ToBase64(ints))).toEqual(ints);
    expect(base64ToFloat64(float64ToBase64(floats))).toEqual(floats);
    // Seven bytes: not a whole number of either.
    expect(() => base64ToInt32(btoa('abcdefg'))).toThrow();
    expect(() => base64ToFloat64(btoa('abcdefg'))).toThrow();
    const form = JSON.parse(JSON.stringify(prepareLookups(large, 'reddit'))) as PreparedForm;
    expect(() => restoreLookups({ ...form, targets: form.targets.slice(0, -4) })).toThrow();
  });

  it('give every target as the profile’s own look-ups give it, its weights sent as thousandths or, when they are not, as doubles', () => {
    const page = profileForPage(withPack, URLS.hackernews);
    const pack = (page as Profile & { topicPack: { avoid: Array<{ terms: unknown[][] }>; interests: Array<{ terms: unknown[][] }> } }).topicPack;
    // The packs' weights are thousandths; the same with one weight that is not.
    const odd = structuredClone(pack);
    odd.interests[0].terms[0][1] = 0.123456789;
    for (const [profile, scale] of [[page, 1000], [{ ...page, topicPack: odd } as Profile, 1]] as const) {
      const own = compileLookups(profile, 'hackernews');
      const form = JSON.parse(JSON.stringify(prepareLookups(profile, 'hackernews'))) as PreparedForm;
      expect(form.weightScale).toBe(scale);
      const restored = restoreLookups(form);
      const count = base64ToInt32(form.targets).length;
      expect(count).toBeGreaterThan(5000);
      for (let i = 0; i < count; i++) expect(restored.target(i)).toEqual(own.target(i));
    }
  });

  it('are built once per profile and site, and kept across the worker’s sleeps', async () => {
    const area: Record<string, unknown> = {};
    const store = { get: async (k: string) => ({ [k]: area[k] }), set: async (items: Record<string, unknown>) => void Object.assign(area, items) };
    const forPage = createPagePreparer(store);
    const page = profileForPage(withPack, URLS.hackernews);
    const first = (await forPage(page, URLS.hackernews)) as Profile & WithPrepared;
    expect(await forPage({ ...page }, URLS.hackernews)).toBe(first);
    expect(await forPage({ ...page, revision: page.revision + 1 }, URLS.hackernews)).not.toBe(first);
    // Without its topics yet (the model still loading), then with them: two forms.
    const { topicPack: _pack, ...words } = page as Profile & { topicPack?: unknown };
    expect(((await forPage(words as Profile, URLS.hackernews)) as Profile & WithPrepared).prepared).not.toEqual(first.prepared);
    // A woken worker (a new preparer) answers from the store: the site's last.
    const last = (area['page-lookups-hackernews'] as { sent: Profile }).sent;
    expect(await createPagePreparer(store)(words as Profile, URLS.hackernews)).toBe(last);
    // Not a feed: the profile goes as it is.
    expect(await forPage(page, 'https://chatgpt.com/')).toBe(page);
  });
});
