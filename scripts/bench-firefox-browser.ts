// The Firefox probes' browser (probe-firefox-start.ts, probe-firefox-feed.ts): a fresh firefox-esr per sample.
import puppeteer, { type Browser } from 'puppeteer-core';
import { resolve } from 'node:path';
import { FIREFOX, FIREFOX_ID } from '../tests/e2e/firefox-helpers';

/** firefox-esr, headless, with the Firefox build in `build` installed (`none`: without Parapet), once its background
 * has started; the first-run tab it opens is left behind, as after an install. */
export async function launchFirefoxWith(build: string): Promise<Browser> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  if (build !== 'none') {
    const id = await browser.installExtension(resolve(build, 'firefox-mv3')).catch(async (e) => {
      await browser.close();
      throw e;
    });
    if (id !== FIREFOX_ID) {
      await browser.close();
      throw new Error(`installed as ${id}`);
    }
  }
  await new Promise((r) => setTimeout(r, 1500));
  return browser;
}
