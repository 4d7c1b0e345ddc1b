import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Instruction } from '../../lib/schema/profile';
import { launchWithExtension, type Launched } from './harness';
import { getProfile, screenshotWhole, seedProfile } from './ui-helpers';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ALL = ['chatgpt', 'claude', 'gemini', 'perplexity'] as Instruction['sites'];

let ext: Launched;

const seed = (page: Page) =>
  seedProfile(page, (p) => ({
    ...p,
    paused: false,
    sites: { ...p.sites, chatgpt: true, claude: true, gemini: true, perplexity: true },
    chat: { placement: 'end' },
    instructions: [
      { id: 'metric', text: 'Use metric units.', enabled: true, sites: ALL, scope: { type: 'always' } },
      { id: 'veg', text: 'I am vegetarian: no meat or fish in recipes.', enabled: true, sites: ALL, scope: { type: 'topics', topics: ['recipes', 'cooking'] } },
      { id: 'french', text: 'Answer in French.', enabled: true, sites: ['claude'], scope: { type: 'always' } },
      { id: 'brief', text: 'Keep answers short.', enabled: false, sites: ALL, scope: { type: 'always' } },
    ],
  }));

beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

async function openChatView(): Promise<Page> {
  const page = await ext.openPage('dashboard.html');
  await seed(page);
  await page.goto(page.url().replace(/#.*$/, '') + '#/chat');
  await page.getByRole('heading', { name: 'Instructions', exact: true }).waitFor();
  await page.locator('.chat-ins').first().waitFor();
  return page;
}

const card = (page: Page, n: number) => page.getByRole('listitem', { name: `Instruction ${n}`, exact: true });
const texts = async (page: Page) => (await getProfile(page)).instructions.map((i) => i.id);

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
    const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`);
  });
}

async function waitForProfile(page: Page, test: (ids: string[], p: Awaited<ReturnType<typeof getProfile>>) => boolean) {
  for (let i = 0; i < 50; i++) {
    const p = await getProfile(page);
    if (test(p.instructions.map((x) => x.id), p)) return p;
    await page.waitForTimeout(100);
  }
  throw new Error('profile never reached the expected state');
}

describe('dashboard chat instructions view', () => {
  it('lists instructions with their sites, switch and scope, and passes axe in light and dark', async () => {
    const page = await openChatView();
    expect(await page.locator('.chat-ins-words').allInnerTexts()).toEqual([
      'Use metric units.',
      'I am vegetarian: no meat or fish in recipes.',
      'Answer in French.',
      'Keep answers short.',
    ]);
    expect(await card(page, 3).getByRole('checkbox', { name: 'Claude' }).isChecked()).toBe(true);
    expect(await card(page, 3).getByRole('checkbox', { name: 'ChatGPT' }).isChecked()).toBe(false);
    expect(await card(page, 4).getByRole('switch', { name: 'Instruction 4 on' }).getAttribute('aria-checked')).toBe('false');
    expect(await card(page, 2).getByRole('radio', { name: 'Only about topics' }).isChecked()).toBe(true);
    expect(await card(page, 2).getByRole('list', { name: 'Topics of instruction 2' }).innerText()).toContain('recipes');
    await screenshotWhole(page, 'dashboard-chat');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshotWhole(page, 'dashboard-chat-dark');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('adds, edits with validation, reorders by keyboard, and deletes with undo', async () => {
    const page = await openChatView();
    await page.getByLabel('New instruction').fill('Cite sources with links.');
    await page.keyboard.press('Enter');
    await card(page, 5).getByText('Cite sources with links.').waitFor();
    const added = await waitForProfile(page, (ids) => ids.length === 5);
    expect(added.instructions[4]).toMatchObject({ text: 'Cite sources with links.', enabled: true, scope: { type: 'auto' } });

    // Edit in place: markup is refused with a message, a good text is saved.
    await card(page, 5).getByRole('button', { name: 'Edit instruction 5' }).click();
    const box = card(page, 5).getByLabel('Text of instruction 5');
    await box.fill('<b>Cite</b> sources');
    await page.keyboard.press('Enter');
    expect(await card(page, 5).getByRole('alert').innerText()).toBe('The instruction must be plain text, not markup');
    await box.fill('Cite your sources.');
    await card(page, 5).getByRole('button', { name: 'Save text' }).click();
    await waitForProfile(page, (_, p) => p.instructions[4].text === 'Cite your sources.');

    // Sites, the switch and the scope.
    await card(page, 5).getByRole('checkbox', { name: 'Gemini' }).uncheck();
    await card(page, 5).getByRole('switch', { name: 'Instruction 5 on' }).click();
    await card(page, 5).getByRole('radio', { name: 'Only about topics' }).check();
    const topic = card(page, 5).getByRole('textbox', { name: 'New topic' });
    await topic.fill('science');
    await topic.press('Enter');
    const edited = await waitForProfile(page, (_, p) => p.instructions[4].scope.type === 'topics');
    expect(edited.instructions[4]).toMatchObject({ sites: ['chatgpt', 'claude', 'perplexity'], enabled: false, scope: { type: 'topics', topics: ['science'] } });

    // Reorder by keyboard: focus "move up" on the last card and press Enter twice.
    await card(page, 5).getByRole('button', { name: 'Move instruction 5 up' }).focus();
    await page.keyboard.press('Enter');
    await waitForProfile(page, (ids) => ids[3] === ins5(edited));
    await card(page, 4).getByRole('button', { name: 'Move instruction 4 up' }).focus();
    await page.keyboard.press('Enter');
    expect(await waitForProfile(page, (ids) => ids[2] === ins5(edited)).then((p) => p.instructions.map((i) => i.text))).toEqual([
      'Use metric units.',
      'I am vegetarian: no meat or fish in recipes.',
      'Cite your sources.',
      'Answer in French.',
      'Keep answers short.',
    ]);
    expect(await card(page, 1).getByRole('button', { name: 'Move instruction 1 up' }).isDisabled()).toBe(true);

    // Delete, then undo puts it back in its place.
    await card(page, 2).getByRole('button', { name: 'Delete instruction 2' }).click();
    await page.getByText('Deleted “I am vegetarian').waitFor();
    await waitForProfile(page, (ids) => !ids.includes('veg'));
    await page.getByRole('button', { name: 'Undo' }).click();
    expect((await waitForProfile(page, (ids) => ids.includes('veg'))).instructions[1].id).toBe('veg');
    await screenshotWhole(page, 'dashboard-chat-edited');
    await page.close();
  });

  it('shows which instructions a sample message would get, and why, per site and placement', async () => {
    const page = await openChatView();
    const result = page.getByRole('list', { name: 'Instructions for this message' });
    await page.getByLabel('Sample message').fill('Any good recipes for a quick dinner tonight?');
    await page.getByText('2 instructions would be added').waitFor();
    const rows = await result.getByRole('listitem').allInnerTexts();
    expect(rows[0]).toMatch(/Use metric units\.\s*always added/);
    expect(rows[1]).toMatch(/vegetarian[\s\S]*recipes/);
    expect(rows[2]).toMatch(/Answer in French\.\s*not sent to ChatGPT/);
    expect(rows[3]).toMatch(/Keep answers short\.\s*switched off/);
    expect(await page.locator('.chat-try-sent').innerText()).toBe(
      'Any good recipes for a quick dinner tonight?\n[Parapet: standing instructions]\n- Use metric units.\n- I am vegetarian: no meat or fish in recipes.\n[/Parapet]',
    );

    await page.getByLabel('Site', { exact: true }).selectOption('claude');
    await page.getByLabel('Sample message').fill('How far is the Moon from the Earth?');
    await result.getByText('this message is not about recipes, cooking').waitFor();
    await page.getByText('2 instructions would be added').waitFor();
    expect(await result.getByRole('listitem').nth(2).innerText()).toMatch(/Answer in French\.\s*always added/);
    await page.getByRole('radio', { name: 'Before my message' }).check();
    await page.waitForFunction(() => document.querySelector('.chat-try-sent')?.textContent?.startsWith('[Parapet'));
    expect((await getProfile(page)).chat.placement).toBe('start');

    await page.getByRole('switch', { name: 'Claude' }).click();
    await page.getByText('Parapet is switched off on Claude').waitFor();
    expect((await getProfile(page)).sites.claude).toBe(false);
    await screenshotWhole(page, 'dashboard-chat-try');
    await page.close();
  });
});

const ins5 = (p: Awaited<ReturnType<typeof getProfile>>) => p.instructions[4].id;
