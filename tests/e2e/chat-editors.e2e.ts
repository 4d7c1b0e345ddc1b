import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Launched } from './harness';
import { composerText, instruction, openChat, routeChatSites, sent, setProfile, typeMessage, waitForSends } from '../fixtures/chat/e2e';
import { formatBlock } from '../../lib/core/chat-block';

// Issue 25: editors that do not behave like the four Parapet was written against. One applies its state late
// (tests/fixtures/chat/editors/late.ts): the sent text and the block came back into the composer and the next send
// repeated them. One replaces its composer element when the message grows past a line, as the block makes it
// (remount.ts): Parapet went on reading and restoring the old, detached element. Whatever the editor, the person's
// text is sent once, never lost, never repeated.

const BRIEF = 'Keep answers under 200 words.';
const BLOCK = formatBlock([BRIEF]);

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
    sites: { ...p.sites, chatgpt: true },
    chat: { ...p.chat, placement: 'end' },
    instructions: [instruction('brief', BRIEF)],
  }));
});

/** Types and sends one message as a person does: a pause after typing, then Enter. */
async function say(page: Page, text: string) {
  await typeMessage(page, text);
  await page.waitForTimeout(900);
  await page.keyboard.press('Enter');
}

/** Each of the person's messages went once, in its own send, and nothing of an earlier one went again. */
function eachOnce(got: string[], mine: string[]) {
  expect(got).toHaveLength(mine.length);
  got.forEach((s, i) => {
    for (const [j, m] of mine.entries()) expect(s.split(m).length - 1, `send ${i} holds "${m}"`).toBe(i === j ? 1 : 0);
  });
}

describe('an editor that applies its state late', () => {
  it('gets nothing back in the composer, and the next send does not repeat the last', async () => {
    const page = await openChat(app, 'chatgpt', '?fixture=late');
    const mine = ['How far is the Moon?', 'And the Sun?', 'And Mars?'];
    await say(page, mine[0]);
    await waitForSends(page, 1);
    // Longer than the editor takes to apply what was put in before the send.
    await page.waitForTimeout(1500);
    expect(await composerText(page)).toBe('');
    await say(page, mine[1]);
    await waitForSends(page, 2);
    await page.waitForTimeout(1500);
    expect(await composerText(page)).toBe('');
    await say(page, mine[2]);
    const got = await waitForSends(page, 3);
    await page.waitForTimeout(1500);
    eachOnce(got, mine);
    expect(await composerText(page)).toBe('');
    // Once Parapet has seen the editor is late, it waits for it: the instructions go with the message.
    expect(got[2]).toBe(`${mine[2]}\n${BLOCK}`);
    await page.close();
  });
});

describe('an editor that replaces its composer when the block appears', () => {
  it('sends the message with the block, once, and the composer is empty after', async () => {
    const page = await openChat(app, 'chatgpt', '?fixture=remount');
    await say(page, 'How far is the Moon?');
    expect(await waitForSends(page, 1)).toEqual([`How far is the Moon?\n${BLOCK}`]);
    await page.waitForTimeout(800);
    expect(await sent(page)).toHaveLength(1);
    expect(await composerText(page)).toBe('');
    await say(page, 'And the Sun?');
    expect(await waitForSends(page, 2)).toEqual([`How far is the Moon?\n${BLOCK}`, `And the Sun?\n${BLOCK}`]);
    await page.close();
  });
});
