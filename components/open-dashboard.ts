import { browser } from 'wxt/browser';
import type { ViewId } from './dashboard/routes';

/** Opens the dashboard (on `view` if given, with `query` after it: `#/activity?site=x`), reusing a tab that
 * already shows it. */
export async function openDashboard(view?: ViewId, query?: string): Promise<void> {
  const base = browser.runtime.getURL('/dashboard.html');
  const url = view ? `${base}#/${view}${query ? `?${query}` : ''}` : base;
  const [existing] = await browser.tabs.query({ url: `${base}*` });
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true, ...(view ? { url } : {}) });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
  } else {
    await browser.tabs.create({ url });
  }
}
