import { mkdtempSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExportFile } from '../../lib/schema/export';
import { PROFILE_VERSION, type Profile } from '../../lib/schema/profile';
import type { LoggedDecision } from '../../lib/schema/log';
import { SHOTS, launchWithExtension, type Launched } from './harness';
import { call, getProfile, screenshotWhole, seedProfile } from './ui-helpers';

let ext: Launched;
let page: Page;
let seeded: Profile;

const MARKUP = '<img src=x onerror=alert(1)>';

beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
});

beforeEach(async () => {
  page = await ext.openPage('dashboard.html#/data');
  seeded = await seedProfile(page, (p) => ({
    ...p,
    interests: [
      { id: 'woodworking', label: 'Woodworking', weight: 0.8, keywords: ['joinery'], exclude: [] },
      { id: 'jazz', label: 'Jazz piano', weight: 0.6, keywords: [], exclude: [] },
    ],
    avoidTopics: [{ id: 'gossip', label: 'Celebrity gossip', keywords: [], exclude: [] }],
    rules: [{ id: 'giveaway', kind: 'keyword', pattern: 'giveaway', action: 'hide', platforms: [], enabled: true }],
    paused: false,
  }));
  await page.reload();
  await page.getByRole('heading', { name: 'Import' }).waitFor();
  return async () => {
    await page.close();
  };
});

/** What the person sees at 1280x800, scrolled to where they are. */
async function shot(name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Chooses a file in the Import section the way a user does, through the file chooser. */
async function importFile(name: string, content: string | Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

async function expectRefused(fileName: string, ...messages: RegExp[]) {
  const alert = page.locator('.import-result[role="alert"]');
  await alert.waitFor();
  const text = await alert.innerText();
  expect(text).toContain(`Nothing was imported from ${fileName}`);
  for (const m of messages) expect(text).toMatch(m);
  expect(text).toContain('Your current profile was not changed.');
  const now = await getProfile(page);
  expect(now.revision).toBe(seeded.revision);
  expect(now.interests).toEqual(seeded.interests);
  expect(now.rules).toEqual(seeded.rules);
}

const decision = (i: number): LoggedDecision => ({
  ts: 1_700_000_000_000 + i * 1_000, platform: 'youtube', itemId: `d${i}`, title: `Decision ${i}: a title of ordinary length for a video`, author: 'Some Channel',
  url: `https://www.youtube.com/watch?v=d${i}`, surface: 'home', action: i % 3 ? 'show' : 'label',
  reasons: i % 3 ? [] : [{ code: 'clickbait', detail: 'Clickbait', source: 'classifier', evidence: ['you won’t believe'] }], score: 0.6, reordered: false,
});

const v2Profile = (patch: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'parapet-export', exportedAt: 1, profile: { schemaVersion: PROFILE_VERSION, revision: 1, updatedAt: 1, ...patch } });

describe('dashboard data: import refuses a broken file and keeps the profile', () => {
  it('invalid JSON', async () => {
    await importFile('broken.json', '{"format": "parapet-export", "profile": {');
    await expectRefused('broken.json', /File: not valid JSON/);
  });

  it('a file of the wrong shape', async () => {
    await importFile('shape.json', v2Profile({ interests: 'woodworking', paused: 'yes' }));
    await expectRefused('shape.json', /Interests: must be a list, not text/, /Paused: must be true or false, not text/);
  });

  it('an unknown future version', async () => {
    await importFile('future.json', JSON.stringify({ format: 'parapet-export', exportedAt: 1, profile: { schemaVersion: 99, revision: 1, updatedAt: 1 } }));
    await expectRefused('future.json', /Schema version: 99 comes from a newer Parapet/);
  });

  it('a value out of range, named in words', async () => {
    await importFile('weight.json', v2Profile({ interests: [{ id: 'x', label: 'Chess', weight: 3, keywords: [] }] }));
    await expectRefused('weight.json', /Interest 1, weight: must be between 0 and 1/);
    expect(await page.locator('.import-result').innerText()).not.toMatch(/profile\.|\[0\]|Invalid input/);
    await page.locator('.import-result').scrollIntoViewIfNeeded();
    await shot('data-import-error-words');
  });

  it('a 401 MB file', async () => {
    // Playwright refuses buffers this big: a real file on disk (sparse), as a user would pick it.
    const dir = mkdtempSync(join(tmpdir(), 'parapet-big-'));
    const path = join(dir, 'huge.json');
    writeFileSync(path, v2Profile());
    truncateSync(path, 401 * 1024 * 1024);
    try {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose file…' }).click();
      await (await chooser).setFiles(path);
      await expectRefused('huge.json', /File: 401\.0 MB is too large/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a regular expression that does not compile', async () => {
    await importFile('regex.json', v2Profile({ rules: [{ id: 'bad', kind: 'regex', pattern: '(unclosed[', action: 'hide' }] }));
    await expectRefused('regex.json', /Rule 1, pattern: is not a valid regular expression/);
  });

  it('strings holding markup, shown as text and never run', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const name = `${MARKUP}.json`;
    await importFile(name, v2Profile({ interests: [{ id: 'x', label: MARKUP, weight: 0.5, keywords: [] }] }));
    await expectRefused(name, /Interest 1, label: must be plain text, not markup/);
    // The file name (untrusted) is on screen as literal text, and no element was made from it.
    expect(await page.locator('.import-result .file-name').innerText()).toBe(name);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await screenshotWhole(page, 'dashboard-data-import-error');
  });
});

describe('dashboard data', () => {
  it('imports a valid version 1 file and migrates it', async () => {
    const v1 = {
      version: 1,
      revision: 4,
      interests: ['Urban gardening', 'Chess'],
      avoid: ['Crypto'],
      blockedChannels: ['LoudChannel'],
      keywords: ['prank'],
      manipulation: { clickbait: false },
      instructions: [{ text: 'Answer in metric units' }],
      sites: { reddit: false },
      paused: false,
    };
    await importFile('parapet-v1.json', JSON.stringify(v1));
    // What would change, before anything is replaced.
    const preview = page.getByRole('region', { name: 'What importing parapet-v1.json would change' });
    await preview.waitFor();
    const cells = async (what: string) => (await preview.getByRole('row', { name: new RegExp(`^${what}`) }).locator('td').allInnerTexts()).map((t) => t.trim());
    expect(await cells('Interests')).toEqual(['2', '2']);
    expect(await cells('Avoid-topics')).toEqual(['1', '1']);
    expect(await cells('Blocked authors')).toEqual(['0', '1']);
    expect(await cells('Rules')).toEqual(['1', '1']);
    expect(await cells('Chat instructions')).toEqual(['0', '1']);
    expect(await cells('Exceptions')).toEqual(['0', '0']);
    expect((await cells('Activity log rows'))[1]).toMatch(/kept: the file has no log/);
    expect((await getProfile(page)).revision).toBe(seeded.revision);
    await preview.scrollIntoViewIfNeeded();
    await shot('data-import-preview');
    await preview.getByRole('button', { name: 'Replace my profile' }).click();
    const ok = page.locator('.import-result[role="status"]');
    await ok.waitFor();
    expect(await ok.innerText()).toMatch(/Imported parapet-v1\.json\.\s+Your profile now has 2 interests, 1 avoid-topic, 1 rule, 1 blocked author, 1 instruction/);
    const p = await getProfile(page);
    expect(p.schemaVersion).toBe(PROFILE_VERSION);
    expect(p.interests.map((i) => i.label)).toEqual(['Urban gardening', 'Chess']);
    expect(p.avoidTopics.map((t) => t.label)).toEqual(['Crypto']);
    expect(p.blockedAuthors).toEqual([{ platform: 'youtube', name: 'LoudChannel' }]);
    expect(p.rules[0]).toMatchObject({ kind: 'keyword', pattern: 'prank', action: 'hide' });
    expect(p.policies.clickbait.action).toBe('off');
    expect(p.sites.reddit).toBe(false);
    expect(p.instructions[0]?.text).toBe('Answer in metric units');
    // The counts on the page follow the new profile without a reload.
    await expect.poll(() => page.locator('.stat').first().innerText()).toMatch(/Interests\s+2/);
  });

  it('exports a file that parses with the export schema', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^parapet-profile-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = ExportFile.safeParse(JSON.parse(readFileSync(await file.path(), 'utf8')));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.profile.interests.map((i) => i.label)).toEqual(['Woodworking', 'Jazz piano']);
    expect(parsed.data?.decisions).toBeUndefined();
    await page.getByText(/Saved parapet-profile-/).waitFor();

    // With the log: the file carries the decisions array.
    await page.getByLabel(/Include the activity log/).check();
    const withLog = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const logFile = await withLog;
    expect(logFile.suggestedFilename()).toMatch(/^parapet-export-/);
    const full = ExportFile.parse(JSON.parse(readFileSync(await logFile.path(), 'utf8')));
    expect(Array.isArray(full.decisions)).toBe(true);
    await screenshotWhole(page, 'dashboard-data');
  });

  it('a file exported with the activity log brings the log back, after a preview, and Cancel changes nothing', async () => {
    // More than one page each way (2,000 rows a message).
    const rows = Array.from({ length: 4_321 }, (_, i) => decision(i));
    for (let i = 0; i < rows.length; i += 500) await call(page, 'tab/report', { decisions: rows.slice(i, i + 500) });
    await page.getByLabel(/Include the activity log/).check();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const file = readFileSync(await (await download).path(), 'utf8');
    await page.getByText(/Saved parapet-export-.*4,321 activity log rows/).waitFor();
    expect(ExportFile.parse(JSON.parse(file)).decisions).toHaveLength(4_321);

    // The log changes after the export: the import puts back what the file holds.
    await call(page, 'tab/report', { decisions: [decision(5_000), decision(5_001)] });
    await seedProfile(page, (p) => ({ ...p, interests: [] }));
    await page.reload();
    await page.getByRole('heading', { name: 'Import' }).waitFor();
    await importFile('with-log.json', file);
    const preview = page.getByRole('region', { name: 'What importing with-log.json would change' });
    await preview.waitFor();
    const cells = async (what: string) => (await preview.getByRole('row', { name: new RegExp(`^${what}`) }).locator('td').allInnerTexts()).map((t) => t.trim());
    expect(await cells('Interests')).toEqual(['0', '2']);
    expect(await cells('Activity log rows')).toEqual(['4,323', '4,321']);

    await preview.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    expect((await getProfile(page)).interests).toEqual([]);
    expect((await call(page, 'data/counts', {})).decisions).toBe(4_323);

    await importFile('with-log.json', file);
    await preview.getByRole('button', { name: 'Replace profile and activity log' }).click();
    await page.locator('.import-result[role="status"]').filter({ hasText: 'The activity log now holds 4,321 rows from the file' }).waitFor();
    expect((await getProfile(page)).interests.map((i) => i.label)).toEqual(['Woodworking', 'Jazz piano']);
    const log = await call(page, 'activity/query', {});
    expect(log).toHaveLength(4_321);
    expect(log[0].itemId).toBe('d4320');
    await expect.poll(() => page.locator('.stat').filter({ hasText: 'Decisions logged' }).locator('dd').innerText()).toBe('4,321');
    await page.locator('.import-result').scrollIntoViewIfNeeded();
    await shot('data-import-with-log');
  });

  it('wipes everything only after the user confirms', async () => {
    await call(page, 'tab/report', { decisions: [decision(1), decision(2), decision(3)] });
    await page.reload();
    await expect.poll(() => page.locator('.stat').filter({ hasText: 'Decisions logged' }).locator('dd').innerText()).toMatch(/^[1-9]/);
    await page.getByRole('button', { name: 'Wipe everything…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wipe all of Parapet’s data?' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Wipe everything' });
    expect(await confirm.isDisabled()).toBe(true);
    await screenshotWhole(page, 'dashboard-data-wipe');

    // Cancelling leaves everything as it was.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await getProfile(page)).interests).toHaveLength(2);

    await page.getByRole('button', { name: 'Wipe everything…' }).click();
    await dialog.getByLabel(/to confirm/).fill('wipe');
    expect(await confirm.isEnabled()).toBe(true);
    await confirm.click();
    await page.getByText('Everything was wiped.').waitFor();
    // The counts on the page follow at once, no reload.
    const stat = (label: string) => page.locator('.stat').filter({ hasText: label }).locator('dd');
    await expect.poll(() => stat('Interests').innerText()).toBe('0');
    expect(await stat('Rules').innerText()).toBe('0');
    expect(await stat('Decisions logged').innerText()).toBe('0');
    // The counts and the notice together, as the person sees them.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByText('Everything was wiped.').scrollIntoViewIfNeeded();
    await shot('data-wiped');
    const p = await getProfile(page);
    expect(p.interests).toEqual([]);
    expect(p.rules).toEqual([]);
    const counts = await call(page, 'data/counts', {});
    expect(counts).toMatchObject({ decisions: 0, signals: 0, feedback: 0, flags: 0, problem: null });
  });
});
