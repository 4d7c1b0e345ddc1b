import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Launched } from './harness';
import { call, getProfile, seedProfile } from './ui-helpers';

// Issue 25, finding 6: under sustained QuotaExceededError Chrome reset Parapet's database and the profile came
// back as defaults, silently. The profile now lives apart from the logs, with its last good copy kept aside.

const deleteDatabase = (name: string) =>
  new Promise<string>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve('deleted');
    req.onerror = () => resolve(`error: ${req.error?.message}`);
    req.onblocked = () => resolve('blocked');
  });

describe('the profile when the browser resets a database (Chromium)', () => {
  let app: Launched;
  beforeAll(async () => {
    app = await launchWithExtension();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps the profile when the log database is reset, and restores it, telling the person, when its own is', async () => {
    const page = await app.openPage('dashboard.html#/data');
    await seedProfile(page, (p) => ({ ...p, interests: [{ id: 'woodworking', label: 'Woodworking', weight: 0.8, keywords: ['joinery'], exclude: [] }] }));
    await call(page, 'tab/report', { decisions: [{ ts: 1, platform: 'x', itemId: '1', title: 'a row', author: '', url: '', surface: 'home', action: 'show', reasons: [], score: 0.5, reordered: false }] });

    // The log database goes (the background's connection closes itself on the deletion).
    expect(await page.evaluate(deleteDatabase, 'parapet')).toBe('deleted');
    expect((await getProfile(page)).interests.map((i) => i.label)).toEqual(['Woodworking']);
    expect(await call(page, 'storage/problem', {})).toBeNull();

    // Then the profile's own database goes too: the copy kept aside brings it back, and the popup says so.
    expect(await page.evaluate(deleteDatabase, 'parapet-profile')).toBe('deleted');
    expect((await getProfile(page)).interests.map((i) => i.label)).toEqual(['Woodworking']);
    const popup = await app.openPage('popup.html');
    await popup.getByText(/restored from the copy kept aside/).waitFor({ timeout: 10_000 });
    // Once read, it is not told again.
    await popup.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => call(page, 'storage/problem', {})).toBeNull();
    await popup.close();

    // Wipe takes the copy too, so a wiped profile does not come back.
    await call(page, 'data/wipe', { confirm: 'wipe' });
    expect(await page.evaluate(deleteDatabase, 'parapet-profile')).toBe('deleted');
    expect((await getProfile(page)).interests).toEqual([]);
    await page.close();
  });
});
