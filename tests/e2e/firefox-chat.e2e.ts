import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { FIREFOX, launchFirefox, servePages, setFirefoxProfile } from './firefox-helpers';
import { SITE_URLS, instruction, type ChatSiteName } from '../fixtures/chat/e2e';
import { chatFixtureHtml, type ChatFixture } from '../fixtures/chat/pages';
import { formatBlock, type Placement } from '../../lib/core/chat-block';

// Firefox: the page cannot read the data of a paste a content script makes, and Gemini's Quill and Perplexity's
// Lexical both take such a paste as an empty one. The message went as typed, without the instructions. A person's
// Enter must add them there too, at the start or the end, and the message go once, with the person's text whole.

const BRIEF = 'Keep answers under 200 words.';
const BLOCK = formatBlock([BRIEF]);
const EDITORS: [ChatSiteName, ChatFixture][] = [
  ['gemini', 'quill'],
  ['perplexity', 'lexical'],
];

type Win = { __sent?: string[]; __read: () => string };
const sent = (page: Page) => page.evaluate(() => (window as unknown as Win).__sent ?? []);
const composer = (page: Page) => page.evaluate(() => (window as unknown as Win).__read());
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForSends(page: Page, n: number): Promise<string[]> {
  await page.waitForFunction((k: number) => ((window as unknown as Win).__sent ?? []).length >= k, { timeout: 6000 }, n).catch(() => {});
  // A second send, had there been one, would come within this.
  await pause(500);
  return sent(page);
}

/** Types as a person does (WebDriver BiDi input, which Firefox marks trusted): Shift+Enter between lines, a pause
 * for Parapet's answer, then Enter or a click on the send button. */
async function say(page: Page, text: string, send: 'enter' | 'click' = 'enter') {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Shift');
    }
    await page.keyboard.type(lines[i]);
  }
  await pause(900);
  if (send === 'click') await page.click('main button');
  else await page.keyboard.press('Enter');
}

const withBlock = (text: string, at: Placement) => (at === 'start' ? `${BLOCK}\n${text}` : `${text}\n${BLOCK}`);

describe.skipIf(!existsSync(FIREFOX))('chat in Firefox: Quill (Gemini) and Lexical (Perplexity)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchFirefox();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(['end', 'start'] as Placement[])('instructions at the %s', (at) => {
    beforeAll(async () => {
      await setFirefoxProfile(browser, (p) => ({
        ...p,
        paused: false,
        sites: { ...p.sites, gemini: true, perplexity: true },
        chat: { ...p.chat, placement: at },
        instructions: [instruction('brief', BRIEF)],
      }));
    });

    it.each(EDITORS)('%s: the person’s Enter or click adds the instruction; each message goes once, whole, and the composer empties', async (site, fixture) => {
      const page = await browser.newPage();
      await servePages(page, { [SITE_URLS[site]]: () => chatFixtureHtml(fixture) });
      await page.goto(SITE_URLS[site]);
      await page.click('[contenteditable="true"]');
      const first = 'How far is the Moon?\nIn kilometres, roughly.';
      await say(page, first);
      expect(await waitForSends(page, 1)).toEqual([withBlock(first, at)]);
      expect(await composer(page)).toBe('');
      // The next message carries its own block and nothing of the last.
      await say(page, 'And the Sun?');
      expect(await waitForSends(page, 2)).toEqual([withBlock(first, at), withBlock('And the Sun?', at)]);
      // Sent with the button: focus has left the composer when Parapet puts the block in.
      await page.click('[contenteditable="true"]');
      await say(page, 'And Mars?', 'click');
      const all = [withBlock(first, at), withBlock('And the Sun?', at), withBlock('And Mars?', at)];
      expect(await waitForSends(page, 3)).toEqual(all);
      await pause(1000);
      expect(await composer(page)).toBe('');
      expect(await sent(page)).toEqual(all);
      await page.close();
    });
  });
});
