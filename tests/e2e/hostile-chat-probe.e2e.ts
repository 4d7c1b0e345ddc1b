import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Browser } from 'puppeteer-core';
import { launchWithExtension, type Launched } from './harness';
import { EDITOR_SELECTOR, SITE_URLS, composerText, instruction, openChat, routeChatSites, sent, setProfile, typeMessage, waitForSends, type ChatSiteName } from '../fixtures/chat/e2e';
import { chatFixtureHtml } from '../fixtures/chat/pages';
import { FIREFOX, launchFirefox, servePages, setFirefoxProfile } from './firefox-helpers';
import { chipAsThePageSeesIt, pageClicksSend, pagePressesEnter, pageTypes } from '../fixtures/hostile/chat-probe';
import { formatBlock } from '../../lib/core/chat-block';

// Issue 25, finding 3: a chat page typed a probe, dispatched Enter and read the block Parapet added. Only the
// person's own (trusted) Enter or click adds anything, and the chip a page can measure says nothing about the text.
// Chromium, and the Firefox build at the end.

const BRIEF = 'Keep answers under 200 words.';
const METRIC = 'Use metric units.';
const SITES: ChatSiteName[] = ['chatgpt', 'claude', 'gemini', 'perplexity'];
const PROBE = 'What are the side effects of my medication?';

let app: Launched;
let settings: Page;

beforeAll(async () => {
  app = await launchWithExtension();
  await routeChatSites(app);
  settings = await app.openPage('dashboard.html');
});
afterAll(async () => {
  await app?.close();
});

const allSites = (p: Parameters<Parameters<typeof setProfile>[1]>[0]) => ({
  ...p,
  paused: false,
  sites: { ...p.sites, chatgpt: true, claude: true, gemini: true, perplexity: true },
  chat: { ...p.chat, placement: 'end' as const },
});

describe.each(SITES)('a probing page on %s', (site) => {
  it('gets nothing added by a scripted Enter or click; the person’s own Enter still adds the instruction', async () => {
    await setProfile(settings, (p) => ({ ...allSites(p), instructions: [instruction('brief', BRIEF)] }));
    const page = await openChat(app, site);
    await page.evaluate(pageTypes, PROBE);
    // Time for the answer Parapet would have ready for a person typing.
    await page.waitForTimeout(800);
    await page.evaluate(pagePressesEnter);
    expect(await waitForSends(page, 1)).toEqual([PROBE]);
    await page.evaluate(pageTypes, `${PROBE} (sent by a click)`);
    await page.waitForTimeout(800);
    await page.evaluate(pageClicksSend);
    expect(await waitForSends(page, 2)).toEqual([PROBE, `${PROBE} (sent by a click)`]);
    await page.waitForTimeout(300);
    expect(await composerText(page)).not.toContain('[Parapet');

    await page.click(EDITOR_SELECTOR);
    await typeMessage(page, 'How far is the Moon?');
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 3)).toEqual([PROBE, `${PROBE} (sent by a click)`, `How far is the Moon?\n${formatBlock([BRIEF])}`]);
    await page.waitForTimeout(300);
    expect(await sent(page)).toHaveLength(3);
    await page.close();
  });
});

describe('a page pretending an IME is composing', () => {
  it('does not switch insertion off: the person’s Enter still adds the instruction', async () => {
    await setProfile(settings, (p) => ({ ...allSites(p), instructions: [instruction('brief', BRIEF)] }));
    const page = await openChat(app, 'chatgpt');
    // An Enter during a real composition is the IME's; a scripted compositionstart is not a composition.
    await page.evaluate(() => document.querySelector('[contenteditable="true"]')!.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true })));
    await typeMessage(page, 'How far is the Moon?');
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual([`How far is the Moon?\n${formatBlock([BRIEF])}`]);
    await page.close();
  });
});

describe('the chip, as a page can measure it', () => {
  // Metric units go with a question about distances, not with a poem about tea.
  const APPLIES = 'How far is it from Paris to Berlin?';
  const NOTHING = 'Write a short poem about tea.';

  it('looks the same whether or not an instruction applies to the text in the box', async () => {
    await setProfile(settings, (p) => ({ ...allSites(p), instructions: [{ ...instruction('metric', METRIC), scope: { type: 'auto' } }] }));
    const page = await openChat(app, 'chatgpt');
    const seen: Record<string, string> = {};
    // Texts a page puts in the box itself.
    for (const text of [APPLIES, NOTHING]) {
      await page.evaluate(pageTypes, text);
      await page.waitForTimeout(1500);
      seen[`page: ${text}`] = await page.evaluate(chipAsThePageSeesIt);
    }
    await page.evaluate(pageTypes, '');
    // Texts the person types: the chip shows, the same for both.
    for (const text of [APPLIES, NOTHING]) {
      await page.click(EDITOR_SELECTOR);
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      await typeMessage(page, text);
      await page.waitForTimeout(1500);
      seen[`typed: ${text}`] = await page.evaluate(chipAsThePageSeesIt);
    }
    expect(seen[`page: ${NOTHING}`]).toBe(seen[`page: ${APPLIES}`]);
    expect(seen[`typed: ${NOTHING}`]).toBe(seen[`typed: ${APPLIES}`]);
    expect(seen[`typed: ${APPLIES}`]).toContain('block');
    // And the person still gets the instruction with the question it applies to.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await typeMessage(page, APPLIES);
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual([`${APPLIES}\n${formatBlock([METRIC])}`]);
    await page.close();
  });
});

describe.skipIf(!existsSync(FIREFOX))('a probing page in Firefox', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchFirefox();
    await setFirefoxProfile(browser, (p) => ({ ...allSites(p), instructions: [instruction('brief', BRIEF)] }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  // In Firefox the page cannot read the data of a paste Parapet makes. ChatGPT's ProseMirror takes the block as
  // paragraphs (before, the lines went in out of order and the text came back after the send); Gemini's Quill and
  // Perplexity's Lexical take it typed (before, the message went without it).
  it.each([
    ['chatgpt', 'prosemirror'],
    ['gemini', 'quill'],
    ['perplexity', 'lexical'],
  ] as const)('%s: gets nothing added by a scripted Enter or click; the person’s own Enter still adds the instruction', async (site, fixture) => {
    const page = await browser.newPage();
    await servePages(page, { [SITE_URLS[site]]: () => chatFixtureHtml(fixture) });
    await page.goto(SITE_URLS[site]);
    // The composer has the focus, as in Chromium (openChat): until the document has it, Firefox types no page's
    // execCommand into Lexical.
    await page.click(EDITOR_SELECTOR);
    const sentHere = () => page.evaluate(() => (window as unknown as { __sent?: string[] }).__sent ?? []);
    await page.evaluate(pageTypes, PROBE);
    await new Promise((r) => setTimeout(r, 800));
    await page.evaluate(pagePressesEnter);
    await page.waitForFunction(() => ((window as unknown as { __sent?: string[] }).__sent ?? []).length >= 1, { timeout: 5000 });
    await page.evaluate(pageTypes, `${PROBE} (sent by a click)`);
    await new Promise((r) => setTimeout(r, 800));
    await page.evaluate(pageClicksSend);
    await page.waitForFunction(() => ((window as unknown as { __sent?: string[] }).__sent ?? []).length >= 2, { timeout: 5000 });
    expect(await sentHere()).toEqual([PROBE, `${PROBE} (sent by a click)`]);
    // The person's own keys (WebDriver BiDi input actions, which Firefox marks trusted).
    await page.click(EDITOR_SELECTOR);
    await page.keyboard.type('How far is the Moon?');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => ((window as unknown as { __sent?: string[] }).__sent ?? []).length >= 3, { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await sentHere()).toEqual([PROBE, `${PROBE} (sent by a click)`, `How far is the Moon?\n${formatBlock([BRIEF])}`]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.evaluate(() => (window as unknown as { __read: () => string }).__read())).toBe('');
    await page.close();
  });
});
