import { z } from 'zod';
import { FeedPlatform } from './common';

/** Page text is untrusted and arbitrary: lengths are clamped on the way in, never rejected, so a
 * 10,000-character title still becomes an item (and still renders as text). */
const clamped = (max: number) =>
  z
    .string()
    .catch('')
    .transform((s) => (s.length > max ? s.slice(0, max) : s));

/** 'playlist' (a YouTube playlist or mix, keyed by its list id) came later than the rest: nothing stored before
 * holds it, and a reader that does not know it yet takes it as 'other' (the catch below), so no migration. */
export const ItemKind = z.enum(['video', 'short', 'playlist', 'post', 'story', 'tweet', 'ad', 'other']);
export type ItemKind = z.infer<typeof ItemKind>;

export const FeedItem = z.object({
  platform: FeedPlatform,
  /** Stable per platform: a video id, a `t3_` post id, a status id, an HN item id. */
  id: z.string().min(1).max(200),
  url: clamped(2000).default(''),
  title: clamped(2000).default(''),
  author: clamped(300).default(''),
  kind: ItemKind.catch('other').default('other'),
  /** Set when the platform itself marks the item as an ad / promoted / sponsored. */
  promoted: z.boolean().catch(false).default(false),
  /** The markers seen (e.g. "ytd-ad-slot-renderer", "shreddit-ad-post"), kept for the reasons shown. */
  promotedMarkers: z.array(z.string().max(100)).max(10).catch([]).default([]),
  text: clamped(5000).default(''),
  /** Where on the site the item was found: home, watch, search, subreddit, timeline, front... */
  surface: z.string().max(40).catch('other').default('other'),
  /** Outbound link domain where the platform shows one (Reddit, HN). */
  domain: clamped(200).default(''),
});
export type FeedItem = z.infer<typeof FeedItem>;
export type FeedItemInput = z.input<typeof FeedItem>;
