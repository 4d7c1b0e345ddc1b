import type { FeedPlatform } from '../schema/common';
import type { Profile } from '../schema/profile';
import { withPreparedLookups } from '../core/shield/prepared';

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

/**
 * The profile as a feed tab is sent it (page/start, profile/changed): its rules, blocked authors and topics built
 * into look-ups here, once per profile and site (lib/core/shield/prepared.ts), rather than in every tab at every
 * page load. Other pages get `profile` as it is. The last few are kept: a site's pages reload with the same profile.
 */
export function createPagePreparer(max = 8) {
  const kept = new Map<string, { pack: unknown; sent: Profile }>();
  return function forPage(profile: Profile, url: string | undefined): Profile {
    const feed = feedOfUrl(url);
    if (!feed) return profile;
    const pack = (profile as { topicPack?: unknown }).topicPack;
    const key = `${feed} ${profile.revision} ${profile.updatedAt}`;
    const hit = kept.get(key);
    if (hit && hit.pack === pack) return hit.sent;
    // Never throws (compileLookups skips what it cannot build): the tab builds nothing of its own.
    const sent = withPreparedLookups(profile, feed);
    kept.delete(key);
    kept.set(key, { pack, sent });
    if (kept.size > max) kept.delete(kept.keys().next().value as string);
    return sent;
  };
}
