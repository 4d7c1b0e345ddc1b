import { browser } from 'wxt/browser';

/** Storage that outlives the MV3 worker's sleeps but not the browser session; local where a browser lacks it. */
export const sessionArea = () => browser.storage.session ?? browser.storage.local;
