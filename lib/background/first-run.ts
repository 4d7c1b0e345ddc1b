import { browser } from 'wxt/browser';

const OPENED = 'first-run-opened';

/**
 * Opens the first-run page once, when Parapet is installed; never on an update or a browser update. The mark in
 * storage.local keeps it to once even where the browser reports an install again for the same installation (an
 * unpacked build loaded from the command line is "installed" at every start); uninstalling clears it.
 */
export function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason !== 'install') return;
    try {
      if ((await browser.storage.local.get(OPENED))[OPENED]) return;
      await browser.storage.local.set({ [OPENED]: Date.now() });
      await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    } catch {
      // Without its page Parapet still works: the popup offers the same first steps.
    }
  });
}
