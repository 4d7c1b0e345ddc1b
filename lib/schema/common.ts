import { z } from 'zod';
import { CHAT_SITES, FEED_PLATFORMS, SITES } from './constants';

export { CHAT_SITES, FEED_PLATFORMS, SITES };
export const FeedPlatform = z.enum(FEED_PLATFORMS);
export type FeedPlatform = z.infer<typeof FeedPlatform>;
export const ChatSite = z.enum(CHAT_SITES);
export type ChatSite = z.infer<typeof ChatSite>;
export const Site = z.enum(SITES);
export type Site = z.infer<typeof Site>;

export const SITE_LABELS: Record<Site, string> = {
  youtube: 'YouTube',
  reddit: 'Reddit',
  x: 'X',
  hackernews: 'Hacker News',
  chatgpt: 'ChatGPT',
  claude: 'Claude',
  gemini: 'Gemini',
  perplexity: 'Perplexity',
};

/** Markup in a user-owned string is refused: profile text is shown as text everywhere, and an imported
 * file that carries tags is more likely an attack or a wrong file than a real interest. */
const MARKUP = /<\s*[a-zA-Z!/?]|&#|javascript:/i;

export const plainText = (max: number) =>
  z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !MARKUP.test(s), { message: 'must be plain text, not markup' });

export const label = plainText(200).transform((s) => s.trim()).pipe(z.string().min(1, { message: 'must not be empty' }));

export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { message: 'must be a simple id' });
