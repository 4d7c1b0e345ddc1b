import { siteForHost } from '@/lib/chat/sites';
import { feedOfUrl } from '@/lib/background/page-profile';
import type { ChatSite, FeedPlatform } from '@/lib/schema/common';

export type TabSite = { kind: 'feed'; site: FeedPlatform } | { kind: 'chat'; site: ChatSite } | null;

/** Which supported site a tab shows, from its address (the same hosts the content scripts run on). */
export function siteOfTab(url: string | undefined): TabSite {
  const feed = feedOfUrl(url);
  if (feed) return { kind: 'feed', site: feed };
  let host = '';
  try {
    host = new URL(url ?? '').hostname;
  } catch {
    return null;
  }
  const chat = siteForHost(host);
  return chat ? { kind: 'chat', site: chat.site } : null;
}
