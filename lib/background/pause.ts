/**
 * A pause in the worker's own long work (the meaning model's load, the copies kept for tabs) in which a feed tab's
 * message, and the database answers its handler waits for, are taken. A wait with nothing to run, not a 0 ms timer:
 * Chromium ran each due 0 ms timer of the model's load before a tab's page/start that had come meanwhile, and before
 * the profile read its handler then made, so the tab was answered only once the whole load was done (measured with
 * timestamps in the worker and the page, scripts/probe-first-page.ts's first case).
 */
const PAUSE_MS = 15;

export const pauseForTabs = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
