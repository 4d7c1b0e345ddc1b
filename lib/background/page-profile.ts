import type { FeedPlatform } from '../schema/common';
import type { Profile } from '../schema/profile';
import { PREPARED_VERSION, withPreparedLookups } from '../core/shield/prepared';
import { withRunnableRules } from '../schema/rule-risk';
import { readyKey } from '../schema/stored-models';

const FEED_HOSTS: ReadonlyArray<[RegExp, FeedPlatform]> = [
  [/^(www\.|old\.)?reddit\.com$/, 'reddit'],
  [/^(www\.|m\.)?youtube\.com$/, 'youtube'],
  [/^(x|twitter)\.com$/, 'x'],
  [/^news\.ycombinator\.com$/, 'hackernews'],
];

/** The feed a page belongs to, from its address; null for a chat site or anything else. */
export function feedOfUrl(url: string | undefined): FeedPlatform | null {
  let host: string;
  try {
    host = new URL(url ?? '').hostname;
  } catch {
    return null;
  }
  for (const [re, platform] of FEED_HOSTS) if (re.test(host)) return platform;
  return null;
}

/**
 * The profile as a page's content script receives it: only what that site's feed needs (issue 25). A feed tab gets
 * its own platform's blocked authors, exceptions, hidden items and rules, and the topics; no tab gets the chat
 * instructions or the inferred model's controls; a chat tab (which only needs to hear that the profile changed)
 * gets nothing the user wrote.
 */
export function profileForPage(profile: Profile, url: string | undefined): Profile {
  const feed = feedOfUrl(url);
  const mine = <T extends { platform: FeedPlatform }>(list: readonly T[] | undefined): T[] =>
    feed ? (list ?? []).filter((x) => x?.platform === feed) : [];
  return {
    ...profile,
    instructions: [],
    inferred: { rejected: [], pinned: [], forgotten: [] },
    blockedAuthors: mine(profile.blockedAuthors),
    exceptions: mine(profile.exceptions),
    hiddenItems: mine(profile.hiddenItems),
    lessLike: mine(profile.lessLike),
    rules: feed ? (profile.rules ?? []).filter((r) => !r.platforms?.length || r.platforms.includes(feed)) : [],
    avoidTopics: feed ? profile.avoidTopics : [],
    interests: feed ? profile.interests : [],
    naturalRules: feed ? profile.naturalRules : [],
  };
}

/** Where prepared look-ups are kept across the worker's sleeps (storage.session in the extension). */
export interface PreparedStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * The profile as a feed tab is sent it (page/start, profile/changed): its rules, blocked authors and topics built
 * into look-ups here, once per profile and site (lib/core/shield/prepared.ts), rather than in every tab at every
 * page load. Other pages get `profile` as it is. The last few are kept, and each site's last in `store`, so a woken
 * worker answers a page's start without building them again while the tab waits.
 */
export function createPagePreparer(store?: PreparedStore, max = 8) {
  /** By key, what is sent or being made: a page's start and a broadcast at the same moment build once. */
  const kept = new Map<string, Promise<Profile>>();
  async function make(profile: Profile, feed: FeedPlatform, key: string): Promise<Profile> {
    // storage.session is emptied when Parapet is updated or reloaded; a form of another version is not read either.
    const storeKey = `page-lookups-${feed}`;
    const stored = (await store?.get(storeKey).catch(() => undefined))?.[storeKey] as { v?: number; key?: string; sent?: Profile } | undefined;
    if (stored?.v === PREPARED_VERSION && stored.key === key && stored.sent) return stored.sent;
    // Never throws (compileLookups skips what it cannot build): the tab builds nothing of its own.
    const sent = withPreparedLookups(profile, feed);
    void store?.set({ [storeKey]: { v: PREPARED_VERSION, key, sent } }).catch(() => {});
    return sent;
  }
  return function forPage(profile: Profile, url: string | undefined): Promise<Profile> {
    const feed = feedOfUrl(url);
    if (!feed) return Promise.resolve(profile);
    // A revision's topics expand the same way whenever they are expanded: what differs is whether they were yet.
    const key = `${feed} ${profile.revision} ${profile.updatedAt} ${(profile as { topicPack?: unknown }).topicPack ? 'topics' : 'words'}`;
    let sent = kept.get(key);
    if (!sent) {
      sent = make(profile, feed, key);
      kept.set(key, sent);
      if (kept.size > max) kept.delete(kept.keys().next().value as string);
    }
    return sent;
  };
}

/**
 * What a feed tab at `url` is sent of `profile`, wherever it is sent (page/start, profile/changed, the copy kept for
 * its tabs in storage.local): its site's cut, the rules it may run, its topics by meaning (`pack`) and its look-ups
 * built (`forPage`); with the readyKey it is current by.
 */
export async function readyForTab(
  profile: Profile,
  url: string | undefined,
  pack: (p: Profile) => Promise<Profile>,
  forPage: (p: Profile, url: string | undefined) => Promise<Profile>,
): Promise<{ key: string; profile: Profile }> {
  const packed = await pack(withRunnableRules(profileForPage(profile, url)));
  return { key: readyKey(packed), profile: await forPage(packed, url) };
}
