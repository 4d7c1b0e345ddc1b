/**
 * Calls `changed` after the page's address changes without a new document (pushState, replaceState), for sites that
 * announce client-side navigations with no event of their own. It compares the address itself, so an event a page
 * dispatches to look like a navigation changes nothing.
 */
export function watchAddress(signal: AbortSignal, changed: () => void): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    changed();
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  // `navigate` fires before the address changes: look a task later. Without the Navigation API, poll.
  if (navigation?.addEventListener) navigation.addEventListener('navigate', () => setTimeout(check), { signal });
  else {
    const poll = setInterval(check, 1000);
    signal.addEventListener('abort', () => clearInterval(poll));
  }
}
