import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExportFile } from '../../lib/schema/export';
import { PROFILE_VERSION, type Profile } from '../../lib/schema/profile';
import { launchWithExtension, type Launched } from './harness';
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

const v2Profile = (patch: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'parapet-export', exportedAt: 1, profile: { schemaVersion: PROFILE_VERSION, revision: 1, updatedAt: 1, ...patch } });

describe('dashboard data: import refuses a broken file and keeps the profile', () => {
  it('invalid JSON', async () => {
    await importFile('broken.json', '{"format": "parapet-export", "profile": {');
    await expectRefused('broken.json', /file: not valid JSON/);
  });

  it('a file of the wrong shape', async () => {
    await importFile('shape.json', v2Profile({ interests: 'woodworking', paused: 'yes' }));
    await expectRefused('shape.json', /profile\.interests: /, /profile\.paused: /);
  });

  it('an unknown future version', async () => {
    await importFile('future.json', JSON.stringify({ format: 'parapet-export', exportedAt: 1, profile: { schemaVersion: 99, revision: 1, updatedAt: 1 } }));
    await expectRefused('future.json', /schemaVersion: 99 comes from a newer Parapet/);
  });

  it('a 50 MB file', async () => {
    // Playwright refuses buffers this big: a real file on disk, as a user would pick it.
    const dir = mkdtempSync(join(tmpdir(), 'parapet-big-'));
    const path = join(dir, 'huge.json');
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    big.write(v2Profile(), 0);
    writeFileSync(path, big);
    try {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose file…' }).click();
      await (await chooser).setFiles(path);
      await expectRefused('huge.json', /file: 50\.0 MB is too large/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a regular expression that does not compile', async () => {
    await importFile('regex.json', v2Profile({ rules: [{ id: 'bad', kind: 'regex', pattern: '(unclosed[', action: 'hide' }] }));
    await expectRefused('regex.json', /profile\.rules\[0\]\.pattern: is not a valid regular expression/);
  });

  it('strings holding markup, shown as text and never run', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const name = `${MARKUP}.json`;
    await importFile(name, v2Profile({ interests: [{ id: 'x', label: MARKUP, weight: 0.5, keywords: [] }] }));
    await expectRefused(name, /profile\.interests\[0\]\.label: must be plain text, not markup/);
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

  it('wipes everything only after the user confirms', async () => {
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
    const p = await getProfile(page);
    expect(p.interests).toEqual([]);
    expect(p.rules).toEqual([]);
    const counts = await call(page, 'data/counts', {});
    expect(counts).toMatchObject({ decisions: 0, signals: 0, feedback: 0, flags: 0, problem: null });
  });
});
