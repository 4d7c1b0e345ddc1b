import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Launched } from './harness';
import { call, getProfile, screenshotWhole, seedProfile } from './ui-helpers';
import { a11yLightAndDark, shot800 } from './dashboard-checks';

let ext: Launched;
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  ext = await launchWithExtension();
  const page = await ext.openPage('dashboard.html');
  await seedProfile(page, (p) => ({
    ...p,
    interests: [
      { id: 'woodworking', label: 'Woodworking', weight: 0.85, keywords: ['joinery', 'hand tools', 'dovetail'], exclude: [] },
      { id: 'jazz', label: 'Jazz piano', weight: 0.6, keywords: [], exclude: [] },
      { id: 'astro', label: 'Astronomy', weight: 0.4, keywords: ['telescope'], exclude: [] },
    ],
    avoidTopics: [
      { id: 'gossip', label: 'Celebrity gossip', keywords: ['red carpet'], exclude: [] },
      { id: 'crypto', label: 'Crypto giveaways', keywords: [], exclude: [] },
    ],
    blockedAuthors: [
      { platform: 'youtube', name: 'LoudReactions' },
      { platform: 'youtube', name: 'DramaDaily' },
      { platform: 'reddit', name: 'r/outrage' },
    ],
    rules: [
      { id: 'spoilers', kind: 'keyword', pattern: 'spoilers', action: 'hide', platforms: [], enabled: true },
      { id: 'ranked', kind: 'regex', pattern: String.raw`\b(top|best) \d+\b`, action: 'demote', platforms: ['youtube', 'reddit'], enabled: true },
    ],
  }));
  await page.close();
});
afterAll(async () => {
  await ext?.close();
});

async function openProfile(): Promise<Page> {
  const page = await ext.openPage('dashboard.html#/profile');
  await page.getByRole('heading', { name: 'Interests' }).waitFor();
  return page;
}


describe('dashboard shell', () => {
  it('routes by hash, has a skip link and landmarks, and every view renders', async () => {
    const page = await ext.openPage('dashboard.html#/nowhere');
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Dashboard' }).count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);

    // Keyboard: the first Tab reaches the skip link, Enter moves focus into the main region.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    const views: [string, string][] = [
      ['profile', 'Profile'],
      ['exceptions', 'Exceptions'],
      ['inferred', 'Inferred model'],
      ['flagged', 'Flagged'],
      ['activity', 'Activity'],
      ['chat', 'Chat instructions'],
      ['model', 'Model'],
      ['data', 'Data'],
    ];
    for (const [id, label] of views) {
      await page.getByRole('link', { name: label, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: label }).waitFor();
      expect(new URL(page.url()).hash).toBe(`#/${id}`);
      expect(await page.getByRole('link', { name: label, exact: true }).getAttribute('aria-current')).toBe('page');
      await page.waitForLoadState('networkidle');
      await screenshotWhole(page, `dashboard-${id}`);
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('link', { name: 'Profile', exact: true }).click();
    await page.getByRole('heading', { name: 'Interests' }).waitFor();
    await screenshotWhole(page, 'dashboard-profile-dark');
    await page.close();
  });

  it('has no serious accessibility violations on the Profile and Data views (axe-core)', async () => {
    for (const view of ['profile', 'data']) {
      const page = await ext.openPage(`dashboard.html#/${view}`);
      await page.locator('.section').first().waitFor();
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
        const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
        return r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${(v.nodes as { target: string[]; failureSummary: string }[]).map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`);
      });
      expect(violations, view).toEqual([]);
      await page.close();
    }
  });
});

describe('dashboard profile view', () => {
  /** The "Saved · Undo" toast that follows each save. */
  const savedToast = (page: Page) => page.locator('.save-toast').filter({ hasText: 'Saved' });

  it('shows nothing over the form while there is nothing to say, and no error on a new rule before it is typed in', async () => {
    const page = await openProfile();
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    expect(await page.locator('.save-toast').count()).toBe(0);
    await page.getByRole('button', { name: 'Add rule', exact: true }).click();
    const row = page.locator('.rule').last();
    const pattern = row.getByLabel('Keyword or phrase');
    await pattern.focus();
    expect(await row.locator('.field-error').count()).toBe(0);
    expect(await pattern.getAttribute('aria-invalid')).toBeNull();
    await shot800(page, 'profile-new-rule-untouched');
    // Left empty: now it says so, and the rule is not saved.
    await pattern.press('Tab');
    await row.getByText('must not be empty').waitFor();
    await page.getByTestId('save-problem').waitFor();
    await pattern.fill('spoiler alert');
    await savedToast(page).waitFor();
    await expect.poll(async () => (await getProfile(page)).rules.map((r) => r.pattern)).toContain('spoiler alert');
    await page.close();
  });

  it('shows a regular expression compile error inline, saves nothing until it is fixed, then saves at once', async () => {
    const page = await openProfile();
    const before = await getProfile(page);
    await page.getByRole('button', { name: 'Add rule', exact: true }).click();
    const row = page.locator('.rule').last();
    await row.getByLabel('Type').selectOption('regex');
    await row.getByLabel('Pattern').fill('(unclosed[');
    const error = row.getByRole('alert');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/^Not a valid regular expression: /);
    await page.getByTestId('save-problem').waitFor();
    await screenshotWhole(page, 'dashboard-profile-regex-error');
    expect((await getProfile(page)).rules.length).toBe(before.rules.length);

    await row.getByLabel('Pattern').fill(String.raw`\bgiveaway\b`);
    await error.waitFor({ state: 'detached' });
    await row.getByLabel('Then').selectOption('label');
    await expect.poll(async () => (await getProfile(page)).rules.at(-1)).toMatchObject({ kind: 'regex', pattern: String.raw`\bgiveaway\b`, action: 'label' });
    expect((await getProfile(page)).revision).toBeGreaterThan(before.revision);
    // Its controls name it as it reads, not by its raw pattern.
    await page.getByRole('button', { name: 'Remove rule 2, “top #”' }).waitFor();
    expect(await page.getByRole('switch', { name: /\\b/ }).count()).toBe(0);
    await page.close();
  });

  it('shows a field error for markup in a label and keeps the stored profile until it is fixed', async () => {
    const page = await openProfile();
    const label = page.getByLabel('Interest', { exact: true }).first();
    await label.fill('<b>Woodworking</b>');
    await page.locator('.field-error', { hasText: 'must be plain text, not markup' }).first().waitFor();
    expect(await label.getAttribute('aria-invalid')).toBe('true');
    await page.getByText(/Interest 1 › label: must be plain text/).waitFor();
    await page.waitForTimeout(800);
    expect((await getProfile(page)).interests[0]?.label).toBe('Woodworking');
    await label.fill('Woodworking');
    await page.locator('.field-error').first().waitFor({ state: 'detached' });
    await page.close();
  });

  it('saves weights, keywords, policies, blocked authors and display settings as they are made', async () => {
    const page = await openProfile();
    await page.getByLabel('Weight of Jazz piano').fill('0.9');
    const kw = page.getByRole('textbox', { name: 'New keyword for Jazz piano' });
    await kw.fill('bebop');
    await kw.press('Enter');
    await page.getByRole('radiogroup', { name: 'Clickbait: action' }).getByRole('radio', { name: 'Hide' }).check();
    await page.getByLabel('Clickbait: strictness').fill('0.8');
    const x = page.getByRole('textbox', { name: 'New blocked X author' });
    await x.fill('@ragefarmer');
    await x.press('Enter');
    await page.getByRole('radiogroup', { name: 'Hidden items' }).getByRole('radio', { name: 'Remove completely' }).check();
    await page.getByRole('switch', { name: 'Reorder feeds' }).click();
    await page.getByRole('switch', { name: 'Gemini' }).click();
    await savedToast(page).waitFor();

    await expect.poll(async () => (await getProfile(page)).sites.gemini).toBe(false);
    const p = await getProfile(page);
    expect(p.interests.find((i) => i.id === 'jazz')).toMatchObject({ weight: 0.9, keywords: ['bebop'] });
    expect(p.policies.clickbait).toEqual({ action: 'hide', strictness: 0.8 });
    expect(p.blockedAuthors).toContainEqual({ platform: 'x', name: '@ragefarmer' });
    expect(p.display).toMatchObject({ hiddenStyle: 'remove', reorder: false });
    await page.close();
  });

  it('Undo in the "Saved" toast takes the last change back', async () => {
    const page = await openProfile();
    await page.setViewportSize({ width: 1280, height: 800 });
    const before = (await getProfile(page)).policies.rage;
    const rage = page.getByRole('radiogroup', { name: 'Rage bait: action' });
    await rage.getByRole('radio', { name: 'Push down' }).check();
    await savedToast(page).waitFor();
    await expect.poll(async () => (await getProfile(page)).policies.rage.action).toBe('demote');
    await shot800(page, 'profile-saved-undo');
    await savedToast(page).getByRole('button', { name: 'Undo' }).click();
    await page.locator('.save-toast', { hasText: 'Change undone' }).waitFor();
    await expect.poll(async () => (await getProfile(page)).policies.rage).toEqual(before);
    expect(await rage.getByRole('radio', { name: 'Push down' }).isChecked()).toBe(false);
    await page.close();
  });

  it('an interest added in the popup while a Profile edit is open survives that edit', async () => {
    const page = await openProfile();
    // An edit under way: a new rule, not saved until it has a keyword.
    await page.getByRole('button', { name: 'Add rule', exact: true }).click();
    const row = page.locator('.rule').last();
    // Meanwhile the popup adds an interest, as its chip input does (profile/save from the stored profile).
    const popup = await ext.openPage('popup.html');
    const stored = await getProfile(popup);
    await call(popup, 'profile/save', {
      base: stored,
      profile: { ...stored, interests: [...stored.interests, { id: 'birding', label: 'Birdwatching', weight: 0.7, keywords: [], exclude: [] }] },
    });
    await popup.close();
    await page.locator('input[value="Birdwatching"]').waitFor({ timeout: 5000 });
    await row.getByLabel('Keyword or phrase').fill('unboxing');
    await savedToast(page).waitFor();
    // And the other way: the view edits a policy while the popup's change is in flight.
    await page.getByRole('radiogroup', { name: 'Engagement bait: action' }).getByRole('radio', { name: 'Hide' }).check();
    await expect.poll(async () => (await getProfile(page)).policies.engagement.action).toBe('hide');
    const p = await getProfile(page);
    expect(p.interests.map((i) => i.label)).toContain('Birdwatching');
    expect(p.rules.map((r) => r.pattern)).toContain('unboxing');
    await page.close();
  });

  it('takes rules in your own words, and says plainly that the local model, which cannot run here, is what judges them', async () => {
    const page = await openProfile();
    const section = page.getByRole('region', { name: 'Rules in your own words' });
    const status = section.getByTestId('natural-rules-status');
    await expect.poll(() => status.innerText()).toMatch(/^These rules do nothing on this device: they need the local model, which cannot run here\. WebGPU is unavailable/);
    expect(await status.innerText()).toContain('Without it, Parapet still applies your keyword and pattern rules');
    const box = section.getByLabel('New rule in words');
    await box.fill('No videos that just react to other videos');
    await box.press('Enter');
    await expect.poll(async () => (await getProfile(page)).naturalRules.map((r) => [r.text, r.enabled])).toEqual([['No videos that just react to other videos', true]]);
    await section.getByLabel('Rule 1', { exact: true }).waitFor();
    await section.scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 1280, height: 800 });
    await section.evaluate((el) => el.scrollIntoView());
    await shot800(page, 'profile-rules-in-words');
    await page.close();
  });

  it('has no moderate or worse accessibility violations on the Profile view, light and dark', async () => {
    const page = await openProfile();
    await page.getByRole('region', { name: 'Rules in your own words' }).getByTestId('natural-rules-status').locator('.notice').waitFor();
    expect(await a11yLightAndDark(page)).toEqual([]);
    await page.close();
  });

  it('follows a change saved elsewhere while nothing is being edited', async () => {
    const page = await openProfile();
    const other = await ext.openPage('popup.html');
    await seedProfile(other, (p) => ({ ...p, avoidTopics: [...p.avoidTopics, { id: 'doom', label: 'Doomscrolling', keywords: [], exclude: [] }] }));
    await page.locator('input[value="Doomscrolling"]').waitFor({ timeout: 5000 });
    await other.close();
    await page.close();
  });
});
