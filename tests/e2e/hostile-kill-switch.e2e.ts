import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Browser } from 'puppeteer-core';
import { launchWithExtension, type Launched } from './harness';
import { FIREFOX, FIREFOX_ID, launchFirefox, servePages, setFirefoxProfile } from './firefox-helpers';
import { chatFixtureHtml } from '../fixtures/chat/pages';
import { serveFeeds } from './feed-helpers';
import { SITE_URLS, instruction, openChat, routeChatSites, setProfile, typeMessage, waitForSends } from '../fixtures/chat/e2e';
import { CONTENT_SCRIPT_NAMES, jobAd, killSwitchPage, sendKillSwitch, titleShown } from '../fixtures/hostile/kill-switch';
import { formatBlock } from '../../lib/core/chat-block';

// Issue 25, finding 2: one line of page script made every Parapet content script shut itself down. No page event
// may stop, pause or reconfigure Parapet.

const HN = 'https://news.ycombinator.com/';
const stubCount = () => document.querySelectorAll('parapet-stub').length;

describe('a page that claims a newer Parapet started (Chromium)', () => {
  let app: Launched;
  beforeAll(async () => {
    app = await launchWithExtension();
    await serveFeeds(app.context, { [HN]: killSwitchPage });
    await routeChatSites(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function openFeed(): Promise<Page> {
    const page = await app.context.newPage();
    await page.goto(HN);
    await page.waitForFunction(stubCount, undefined, { timeout: 10_000 });
    expect(await page.evaluate(titleShown, 'CloudCo 2 ')).toBe(false);
    return page;
  }

  it('keeps hiding: the existing stub stays and an ad inserted after the attack is hidden too', async () => {
    const page = await openFeed();
    const before = await page.evaluate(stubCount);
    const used = await page.evaluate(sendKillSwitch, { extensionId: app.extensionId, scripts: CONTENT_SCRIPT_NAMES });
    expect(used).toContain(`${app.extensionId}:hackernews:wxt:content-script-started`);
    expect(used).toContain('parapet:hackernews:content-script-started');
    await page.waitForTimeout(300);
    await page.evaluate((html) => (window as unknown as { addRows(h: string): void }).addRows(html), jobAd(4));
    await expect.poll(() => page.evaluate(titleShown, 'CloudCo 4 '), { timeout: 8000 }).toBe(false);
    expect(await page.evaluate(titleShown, 'CloudCo 2 ')).toBe(false);
    expect(await page.evaluate(stubCount)).toBeGreaterThanOrEqual(before + 1);
    // Ordinary stories are still shown: Parapet did not hide everything either.
    expect(await page.evaluate(titleShown, 'The design of the Go garbage collector')).toBe(true);
    await page.close();
  });

  it('does not announce itself to the page: no script hands the page its extension id', async () => {
    const page = await openFeed();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __announced: string[] }).__announced)).toEqual([]);
    await page.close();
  });

  it('still adds the standing instruction to a chat message sent after the attack', async () => {
    const settings = await app.openPage('dashboard.html');
    const METRIC = 'Use metric units.';
    await setProfile(settings, (p) => ({
      ...p,
      paused: false,
      sites: { ...p.sites, chatgpt: true },
      chat: { ...p.chat, placement: 'end' },
      instructions: [instruction('metric', METRIC)],
    }));
    await settings.close();
    const page = await openChat(app, 'chatgpt');
    // The chat fixture pages have no announcement listener; the page knows the id all the same.
    await page.evaluate(() => void ((window as unknown as { __announced: string[] }).__announced = []));
    await page.evaluate(sendKillSwitch, { extensionId: app.extensionId, scripts: CONTENT_SCRIPT_NAMES });
    await page.waitForTimeout(300);
    await typeMessage(page, 'How far is the Moon?');
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual([`How far is the Moon?\n${formatBlock([METRIC])}`]);
    await page.close();
  });
});

describe.skipIf(!existsSync(FIREFOX))('a page that claims a newer Parapet started (Firefox, fixed id)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchFirefox();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps hiding: the existing stub stays and an ad inserted after the attack is hidden too', async () => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      if (r.url().startsWith(HN)) void r.respond({ status: 200, contentType: 'text/html', body: killSwitchPage() });
      else void r.abort();
    });
    await page.goto(HN);
    await page.waitForFunction(stubCount, { timeout: 20_000 });
    expect(await page.evaluate(titleShown, 'CloudCo 2 ')).toBe(false);
    const before = await page.evaluate(stubCount);
    await page.evaluate(sendKillSwitch, { extensionId: FIREFOX_ID, scripts: CONTENT_SCRIPT_NAMES });
    await new Promise((r) => setTimeout(r, 300));
    await page.evaluate((html: string) => (window as unknown as { addRows(h: string): void }).addRows(html), jobAd(4));
    await expect.poll(() => page.evaluate(titleShown, 'CloudCo 4 '), { timeout: 8000 }).toBe(false);
    expect(await page.evaluate(titleShown, 'CloudCo 2 ')).toBe(false);
    // The stub is drawn a frame after the item is hidden.
    await expect.poll(() => page.evaluate(stubCount), { timeout: 5000 }).toBeGreaterThanOrEqual(before + 1);
    expect(await page.evaluate(titleShown, 'The design of the Go garbage collector')).toBe(true);
    await page.close();
  });

  it('still adds the standing instruction to a chat message sent after the attack', async () => {
    const METRIC = 'Use metric units.';
    await setFirefoxProfile(browser, (p) => ({
      ...p,
      paused: false,
      sites: { ...p.sites, chatgpt: true },
      chat: { ...p.chat, placement: 'end' },
      instructions: [instruction('metric', METRIC)],
    }));
    const page = await browser.newPage();
    await servePages(page, { [SITE_URLS.chatgpt]: () => chatFixtureHtml('prosemirror') });
    await page.goto(SITE_URLS.chatgpt);
    await page.evaluate(() => void ((window as unknown as { __announced: string[] }).__announced = []));
    await page.evaluate(sendKillSwitch, { extensionId: FIREFOX_ID, scripts: CONTENT_SCRIPT_NAMES });
    await new Promise((r) => setTimeout(r, 300));
    await page.click('[contenteditable="true"]');
    await page.keyboard.type('How far is the Moon?');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => ((window as unknown as { __sent?: string[] }).__sent ?? []).length >= 1, { timeout: 5000 });
    expect(await page.evaluate(() => (window as unknown as { __sent: string[] }).__sent)).toEqual([`How far is the Moon?\n${formatBlock([METRIC])}`]);
    await page.close();
  });
});
