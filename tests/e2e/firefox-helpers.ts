import type { Browser, Frame, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { FIREFOX_EXT } from './harness';
import type { Profile } from '../../lib/schema/profile';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_ID = 'parapet@parapet.local';
/** The extension's address in the tests' Firefox: fixed by a preference, so a page can frame `why.html`. */
const UUID = '5a1f0c3e-7d2b-4e86-9f41-0b6c2d8e7a19';
const WHY = `moz-extension://${UUID}/why.html`;

/** firefox-esr with Parapet installed, headless. */
export async function launchFirefox(): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: UUID }) },
  });
  const id = await installParapet(browser);
  if (id !== FIREFOX_ID) throw new Error(`installed as ${id}`);
  return browser;
}

/** Installs the build and closes the first-run tab it opens, which would otherwise come to the front (and a page
 * in a background tab paints no frames). */
export async function installParapet(browser: Browser): Promise<string> {
  const before = new Set(await browser.pages());
  const id = await browser.installExtension(FIREFOX_EXT);
  for (let i = 0; i < 50; i++) {
    const added = (await browser.pages()).find((p) => !before.has(p));
    if (added) {
      await added.close();
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return id;
}

/** Serves `pages` (URL prefix to HTML) to the page; everything else on the network is refused. */
export async function servePages(page: Page, pages: Record<string, () => string | Promise<string>>): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const url = r.url();
    const prefix = Object.keys(pages).find((p) => url.startsWith(p));
    if (prefix) void Promise.resolve(pages[prefix]()).then((body) => r.respond({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    else if (/^https?:/.test(url)) void r.abort();
    else void r.continue();
  });
}

/**
 * Changes the profile in Firefox, where automation may not open an extension page: a feed page frames Parapet's
 * web-accessible why frame, an extension page, and the change is sent from inside it, as the dashboard would send it.
 */
export async function setFirefoxProfile(browser: Browser, change: (p: Profile) => Profile): Promise<void> {
  const page = await browser.newPage();
  const HN = 'https://news.ycombinator.com/parapet-test-setup';
  await servePages(page, { [HN]: () => `<!doctype html><title>setup</title><iframe src="${WHY}"></iframe>` });
  await page.goto(HN);
  let frame: Frame | undefined;
  for (let i = 0; i < 50 && !frame; i++) {
    await new Promise((r) => setTimeout(r, 100));
    frame = page.frames()[1];
  }
  if (!frame) throw new Error('the why frame did not load');
  type Reply = { ok: boolean; value?: Profile; error?: string };
  const send = (type: string, payload: unknown) =>
    frame!.evaluate(
      (t, p) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({ type: t, payload: p }),
      type,
      payload as object,
    ) as Promise<Reply>;
  let current: Reply = { ok: false };
  for (let i = 0; i < 50 && !current.ok; i++) {
    current = await send('profile/get', {}).catch(() => ({ ok: false }));
    if (!current.ok) await new Promise((r) => setTimeout(r, 100));
  }
  if (!current.ok) throw new Error('profile/get failed from the why frame');
  const saved = await send('profile/save', { profile: change(current.value!), base: current.value });
  if (!saved.ok) throw new Error(`profile/save failed: ${saved.error}`);
  await page.close();
}
