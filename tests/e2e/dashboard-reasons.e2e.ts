import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LoggedDecision } from '../../lib/schema/log';
import { launchWithExtension, type Launched } from './harness';
import { call } from './ui-helpers';
import { a11yLightAndDark, shot800 } from './dashboard-checks';

// Issue 23, E: the Activity log keeps a reason whole and opens it in full with the words that triggered it; a rule
// is named in a readable form, never its raw regular expression.

const LONG_RULE = `No videos that only react to other people's videos, ${'and nothing that is just a reaction compilation, '.repeat(6)}please`;
const REGEX = String.raw`\b(you won('|’)?t believe|doctors hate)\b`;
let ext: Launched;

const row = (r: Partial<LoggedDecision>): LoggedDecision => ({
  ts: Date.now() - 60_000, platform: 'youtube', itemId: `v-${Math.random().toString(36).slice(2)}`, title: '', author: 'ReactChannel', url: 'https://www.youtube.com/watch?v=x',
  surface: 'home', action: 'hide', reasons: [], score: 0, reordered: false, ...r,
});

beforeAll(async () => {
  ext = await launchWithExtension();
  const page = await ext.openPage('dashboard.html#/activity');
  await call(page, 'tab/report', {
    decisions: [
      row({ title: 'Streamer reacts to the reaction of a reaction', judgedBy: 'Qwen2.5 0.5B', reasons: [{ code: 'natural-rule', detail: `judged by Qwen2.5 0.5B: ${LONG_RULE}`, source: 'model', evidence: [] }] }),
      row({ title: "You won't believe this gadget", platform: 'reddit', author: 'u/deals', reasons: [{ code: 'regex-rule', detail: REGEX, source: 'rule', evidence: ["won't believe"] }] }),
      row({ title: 'Senate passes bill to avert shutdown', platform: 'x', author: '@news', reasons: [{ code: 'avoid-topic', detail: 'politics', source: 'rule', evidence: ['senate', 'shutdown', 'bill'] }] }),
      row({ title: 'Doctors hate this one stretch', action: 'show', reasons: [{ code: 'user-exception', detail: `shown anyway despite regex-rule: ${REGEX}`, source: 'user', evidence: [] }] }),
    ],
  });
  await page.close();
});
afterAll(async () => {
  await ext?.close();
});

async function openRow(page: Page, title: string) {
  const r = page.locator('.act-row', { hasText: title });
  await r.waitFor();
  return r;
}

describe('reasons in the Activity log', () => {
  it('stores a long reason whole and opens it in full, with the words that triggered each', async () => {
    const page = await ext.openPage('dashboard.html#/activity');
    const stored = (await call(page, 'activity/query', { search: 'Streamer reacts' }))[0];
    expect(stored.reasons[0].detail).toBe(`judged by Qwen2.5 0.5B: ${LONG_RULE}`);

    const r = await openRow(page, 'Streamer reacts');
    expect((await r.locator('.act-reasons').innerText())).toBe('Your rule in words');
    await r.getByRole('button', { name: /^Why, in full: / }).click();
    const dialog = page.getByRole('dialog', { name: 'Why Parapet did this' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`Your rule in words: “${LONG_RULE}” (judged by Qwen2.5 0.5B)`);
    expect(await dialog.innerText()).toContain('Hidden, judged by Qwen2.5 0.5B.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const topic = await openRow(page, 'Senate passes');
    await topic.getByRole('button', { name: /^Why, in full: / }).click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Topic you avoid: politics (senate, shutdown, bill)');
    expect(await dialog.innerText()).toContain('Words that triggered it: “senate”, “shutdown”, “bill”');
    await shot800(page, 'activity-why-dialog');
    expect(await a11yLightAndDark(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('names a rule in a readable form, never its raw regular expression, in the row, in full and in an exception', async () => {
    const page = await ext.openPage('dashboard.html#/activity');
    const r = await openRow(page, "You won't believe this gadget");
    const line = (await r.locator('.act-reasons').innerText());
    expect(line).toBe("Your rule: “you won't believe”");
    await r.getByRole('button', { name: /^Why, in full: / }).click();
    const dialog = page.getByRole('dialog', { name: 'Why Parapet did this' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain("Words that triggered it: “won't believe”");
    expect(text).not.toContain('\\b');
    await page.keyboard.press('Escape');

    const shown = await openRow(page, 'Doctors hate this one stretch');
    await shown.getByRole('button', { name: /^Why, in full: / }).click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("Shown anyway, despite Your rule: “you won't believe”");
    expect(await dialog.innerText()).not.toContain('regex-rule');
    await page.keyboard.press('Escape');
    expect(await page.locator('.act-list').innerText()).not.toMatch(/\\b|\(\?/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot800(page, 'activity-readable-rules');
    expect(await a11yLightAndDark(page)).toEqual([]);
    await page.close();
  });
});
