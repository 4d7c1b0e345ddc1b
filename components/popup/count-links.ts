import { formatFilter, EMPTY_FILTER, LABELLED_ACTIONS, type ActivityFilter } from '@/lib/core/activity-filter';
import type { TabStats } from '@/lib/schema/messages';

export type CountKey = 'seen' | 'hidden' | 'labelled' | 'reordered';

/** The popup's four counts: what each counts, in words a tooltip can say, and the Activity filter it opens. */
export const COUNTS: { key: CountKey; label: string; what: string; filter: Partial<ActivityFilter> }[] = [
  { key: 'seen', label: 'Seen', what: 'Items Parapet read and judged on this page.', filter: {} },
  { key: 'hidden', label: 'Hidden', what: 'Items hidden, or folded behind a “Hidden by Parapet” stub.', filter: { action: 'hide' } },
  { key: 'labelled', label: 'Labelled', what: 'Items left in place with a label, or pushed down.', filter: { action: LABELLED_ACTIONS } },
  {
    key: 'reordered',
    label: 'Moved',
    what: 'Items Parapet moved from the place the site gave them, for your interests. Items that only slid along to make room are not counted.',
    filter: { moved: true },
  },
];

/** The Activity view's address part (`activity?site=…`) for one count of one tab's page. */
export function activityQuery(stats: TabStats, tabId: number, filter: Partial<ActivityFilter>): string {
  const page = stats.since === undefined ? null : { tab: tabId, since: stats.since };
  return formatFilter({ ...EMPTY_FILTER, site: stats.platform, page, ...filter });
}
