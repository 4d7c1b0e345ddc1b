// The runtime's parts on the Hacker News fixture page: items read the way the runner reads them.
import { toFeedItem } from '@/lib/adapters/feed-item';
import { hackernewsAdapter } from '@/lib/adapters/hackernews';
import type { Decision, Reason } from '@/lib/schema/decision';
import { unpainted } from '@/lib/shield-runtime/painter';
import type { Tracked } from '@/lib/shield-runtime/tracked';
import { loadFixture } from './adapters-fixture';

export const adapter = hackernewsAdapter;

export function hackerNews(name = 'hackernews-front.html') {
  const page = loadFixture(name, 'https://news.ycombinator.com/');
  const rows = () => [...page.doc.querySelectorAll('tr.athing')];
  /** The story row and everything Parapet tracks about it, as the runner would hold it after reading. */
  const track = (id: string, decision?: Partial<Decision>): Tracked => {
    const root = page.doc.getElementById(id)!;
    const item = toFeedItem(adapter.readItem(root, 'front')!)!;
    const d: Decision = { platform: 'hackernews', itemId: item.id, action: 'show', reasons: [], score: 0.5, uncertain: false, ...decision };
    return { root, identity: adapter.identity(root), item, decision: d, decidedOnce: true, paint: unpainted() };
  };
  return { ...page, rows, track, order: () => rows().map((r) => r.id) };
}

export const hidingReason: Reason = { code: 'blocked-author', detail: 'pgdev', source: 'rule', evidence: ['pgdev'] };
