import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, screenshot, type Launched } from './harness';
import {
  EDITOR_SELECTOR,
  composerText,
  instruction,
  openChat,
  routeChatSites,
  sent,
  setProfile,
  typeMessage,
  waitForSends,
  type ChatSiteName,
} from '../fixtures/chat/e2e';
import { formatBlock } from '../../lib/core/chat-block';

/** The chip's text as a person reads it: its shadow root is closed to the page, so read through the DevTools
 * protocol, which sees closed roots too. */
async function chipText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const texts: string[] = [];
    const walk = (n: DomNode, inChip: boolean) => {
      const here = inChip || n.localName === 'parapet-chat-chip';
      if (here && n.nodeType === 3 && n.nodeValue && n.parentName !== 'style') texts.push(n.nodeValue);
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk({ ...c, parentName: n.localName }, here);
    };
    walk(root, false);
    return texts.join(' ');
  } finally {
    await cdp.detach();
  }
}
interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  parentName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const METRIC = 'Use metric units.';
const BRIEF = 'Keep answers under 200 words.';
const BLOCK = formatBlock([METRIC, BRIEF]);
const SITES: ChatSiteName[] = ['chatgpt', 'claude', 'gemini', 'perplexity'];

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

beforeEach(async () => {
  await setProfile(settings, (p) => ({
    ...p,
    paused: false,
    sites: { ...p.sites, chatgpt: true, claude: true, gemini: true, perplexity: true },
    chat: { ...p.chat, placement: 'end' },
    instructions: [instruction('metric', METRIC), instruction('brief', BRIEF)],
  }));
});

describe.each(SITES)('chat on %s', (site) => {
  it('adds the block to a normal message sent with Enter, exactly once', async () => {
    const page = await openChat(app, site);
    await typeMessage(page, 'How far is the Moon?');
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual([`How far is the Moon?\n${BLOCK}`]);
    await page.waitForTimeout(300);
    expect(await sent(page)).toHaveLength(1);
    await page.close();
  });

  it('adds the block at the start when the user chose start, sending with the button', async () => {
    await setProfile(settings, (p) => ({ ...p, chat: { ...p.chat, placement: 'start' } }));
    const page = await openChat(app, site);
    await typeMessage(page, 'First line\nsecond line');
    await page.click('button');
    expect(await waitForSends(page, 1)).toEqual([`${BLOCK}\nFirst line\nsecond line`]);
    await page.close();
  });

  it('sends nothing extra for an empty message', async () => {
    const page = await openChat(app, site);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(600);
    expect(await sent(page)).toEqual([]);
    expect(await composerText(page)).toBe('');
    await page.close();
  });

  it('does not add the block twice to a message that already holds it', async () => {
    const page = await openChat(app, site);
    const pasted = `${BLOCK}\nSame question again`;
    await page.keyboard.insertText(pasted.split('\n')[0]);
    for (const line of pasted.split('\n').slice(1)) {
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.insertText(line);
    }
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual([pasted]);
    await page.close();
  });

  it('waits while an IME composition is in progress', async () => {
    const page = await openChat(app, site);
    await typeMessage(page, 'nihongo ');
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
    // The Enter that confirms a candidate: browsers mark it isComposing (and keyCode 229).
    await page.evaluate((sel) => {
      document.querySelector(sel)!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true }),
      );
    }, EDITOR_SELECTOR);
    await page.waitForTimeout(500);
    expect(await sent(page)).toEqual([]);
    expect(await composerText(page)).not.toContain('[Parapet');
    await cdp.send('Input.insertText', { text: '日本' });
    await page.waitForTimeout(100);
    expect(await composerText(page)).toBe('nihongo 日本');
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual([`nihongo 日本\n${BLOCK}`]);
    await page.close();
  });

  it('sends a 20,000-character message exactly, plus the block', async () => {
    const page = await openChat(app, site);
    const long = Array.from({ length: 2000 }, (_, i) => `word${String(i).padStart(4, '0')} `).join('').slice(0, 20_000);
    await page.keyboard.insertText(long);
    await page.keyboard.press('Enter');
    const got = await waitForSends(page, 1, 8000);
    expect(got).toHaveLength(1);
    expect(got[0].length).toBe(long.length + 1 + BLOCK.length);
    expect(got[0]).toBe(`${long}\n${BLOCK}`);
    await page.close();
  });

  it('lets the user undo the insertion in the editor', async () => {
    const page = await openChat(app, site, '?hold');
    await typeMessage(page, 'Undo me later');
    // Editors merge edits made within about a second into one undo step; a person pauses before sending.
    await page.waitForTimeout(1200);
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual([`Undo me later\n${BLOCK}`]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => composerText(page)).toBe('Undo me later');
    await page.close();
  });
});

describe('chat: where and when Parapet stays out', () => {
  it('never sends an instruction to a site it is not allowed for', async () => {
    await setProfile(settings, (p) => ({
      ...p,
      instructions: [instruction('metric', METRIC, ['claude']), instruction('brief', BRIEF, ['chatgpt', 'claude'])],
    }));
    const gpt = await openChat(app, 'chatgpt');
    await typeMessage(gpt, 'Hello');
    await gpt.keyboard.press('Enter');
    expect(await waitForSends(gpt, 1)).toEqual([`Hello\n${formatBlock([BRIEF])}`]);
    await gpt.close();
    const gemini = await openChat(app, 'gemini');
    await typeMessage(gemini, 'Hello');
    await gemini.keyboard.press('Enter');
    expect(await waitForSends(gemini, 1)).toEqual(['Hello']);
    await gemini.close();
  });

  it('adds nothing when the site is switched off or Parapet is paused', async () => {
    await setProfile(settings, (p) => ({ ...p, sites: { ...p.sites, perplexity: false } }));
    const off = await openChat(app, 'perplexity');
    await typeMessage(off, 'Site off');
    await off.keyboard.press('Enter');
    expect(await waitForSends(off, 1)).toEqual(['Site off']);
    await off.close();
    await setProfile(settings, (p) => ({ ...p, paused: true }));
    const paused = await openChat(app, 'chatgpt');
    await typeMessage(paused, 'Paused');
    await paused.click('button');
    expect(await waitForSends(paused, 1)).toEqual(['Paused']);
    await paused.close();
  });

  it('shows the count on the chip and lets the user skip all for this message', async () => {
    const page = await openChat(app, 'chatgpt');
    await typeMessage(page, 'Skip these please');
    const chip = page.locator('parapet-chat-chip');
    await chip.waitFor({ state: 'visible' });
    await screenshot(page, 'chat-chip');
    await chip.click();
    await page.waitForTimeout(100);
    await screenshot(page, 'chat-chip-open');
    // The panel opens with focus on "Skip all"; after it, focus returns to the composer.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual(['Skip these please']);
    // The choice was for that message only.
    await typeMessage(page, 'Next one');
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 2)).toEqual(['Skip these please', `Next one\n${BLOCK}`]);
    await page.close();
  });

  it('lists on the chip an instruction the message overrides beside the ones added, says why, and sends without it', async () => {
    await setProfile(settings, (p) => ({
      ...p,
      instructions: [
        { ...instruction('metric', 'Use metric units.'), scope: { type: 'auto' } },
        { ...instruction('shellfish', "I'm allergic to shellfish."), scope: { type: 'auto' } },
        instruction('brief', BRIEF),
      ],
    }));
    const page = await openChat(app, 'chatgpt');
    await typeMessage(page, 'How far is it from Paris to Berlin in miles, please?');
    const chip = page.locator('parapet-chat-chip');
    await chip.waitFor({ state: 'visible' });
    await expect.poll(() => chipText(page)).toContain('Parapet: 1 instruction · 1 skipped');
    await chip.click();
    await expect.poll(() => chipText(page)).toContain('Skipped: this message asks otherwise');
    const shown = await chipText(page);
    expect(shown).toContain('Use metric units.');
    expect(shown).toContain('you asked for miles');
    expect(shown).not.toContain('shellfish');
    await screenshot(page, 'chat-chip-skipped');
    await page.click(EDITOR_SELECTOR);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual([`How far is it from Paris to Berlin in miles, please?\n${formatBlock([BRIEF])}`]);
    await page.close();
  });

  it('lets the user drop one instruction from the chip', async () => {
    const page = await openChat(app, 'claude');
    await typeMessage(page, 'Only brevity');
    const chip = page.locator('parapet-chat-chip');
    await chip.waitFor({ state: 'visible' });
    await chip.click();
    await page.keyboard.press('Tab'); // from "Skip all" to the first instruction's "Drop"
    await page.keyboard.press('Enter');
    await page.click(EDITOR_SELECTOR);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual([`Only brevity\n${formatBlock([BRIEF])}`]);
    await page.close();
  });

  it('sends the message untouched in an editor it does not recognise, with a quiet warning', async () => {
    const page = await openChat(app, 'claude', '?fixture=unknown');
    await page.keyboard.type('Strange editor');
    const chip = page.locator('parapet-chat-chip');
    await chip.waitFor({ state: 'visible' });
    await screenshot(page, 'chat-chip-warning');
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual(['Strange editor']);
    await page.close();
  });

  it('sends the text as typed, with a warning, when the editor will not take the block', async () => {
    const page = await openChat(app, 'chatgpt', '?broken');
    await typeMessage(page, 'Refused insertion');
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual(['Refused insertion']);
    await page.close();
  });

  it('works in a plain textarea composer (ChatGPT before 2024), with undo', async () => {
    const page = await openChat(app, 'chatgpt', '?fixture=textarea&hold');
    await typeMessage(page, 'Plain\ntextarea');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    expect(await waitForSends(page, 1)).toEqual([`Plain\ntextarea\n${BLOCK}`]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => composerText(page)).toBe('Plain\ntextarea');
    await page.close();
  });
});
