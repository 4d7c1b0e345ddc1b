// The Firefox probes' browser (probe-firefox-start.ts, probe-firefox-feed.ts): a fresh firefox-esr per sample.
import puppeteer, { type Browser } from 'puppeteer-core';
import { resolve } from 'node:path';
import { FIREFOX, FIREFOX_ID } from '../tests/e2e/firefox-helpers';
import { threadCpu } from './thread-cpu';

/** The CPU ms of every process under this one. */
const browserCpu = () => [...threadCpu().values()].reduce((a, b) => a + b, 0);

/**
 * Until a second passes in which the browser used under 5% of a core (at most `maxMs`): an extension just installed
 * sets itself up in its first seconds (uBlock Origin compiles its filter lists, Parapet keeps its models for tabs),
 * which a page loaded meanwhile would be charged for.
 */
async function settled(maxMs = 60_000): Promise<void> {
  const until = Date.now() + maxMs;
  let last = browserCpu();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = browserCpu();
    if (now - last < 50) return;
    last = now;
  }
}

/**
 * firefox-esr, headless, with `build` installed once it has settled: `none` (no extension), a Parapet build folder
 * (built with `-b firefox`), or `peer:<folder>`, another author's extension unpacked there (issue 24's peer:
 * firefox-page-cost.ts, UBO_FIREFOX). The first-run tab an extension opens is left behind, as after an install.
 */
export async function launchFirefoxWith(build: string): Promise<Browser> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  const peer = build.startsWith('peer:') ? resolve(build.slice('peer:'.length)) : null;
  if (build !== 'none') {
    const id = await browser.installExtension(peer ?? resolve(build, 'firefox-mv3')).catch(async (e) => {
      await browser.close();
      throw e;
    });
    if (!peer && id !== FIREFOX_ID) {
      await browser.close();
      throw new Error(`installed as ${id}`);
    }
  }
  await new Promise((r) => setTimeout(r, 1500));
  await settled();
  return browser;
}
