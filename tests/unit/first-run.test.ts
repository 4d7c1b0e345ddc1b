// The first-run page opens once, when Parapet is installed: never when it or the browser is updated.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openWelcomeOnInstall } from '../../lib/background/first-run';

const openTabs = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url).filter(Boolean);

describe('first-run page', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens on install', async () => {
    openWelcomeOnInstall();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(await openTabs()).toEqual([expect.stringMatching(/\/welcome\.html$/)]);
  });

  it('does not open on an update of Parapet or of the browser', async () => {
    openWelcomeOnInstall();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false });
    expect(await openTabs()).toEqual([]);
  });
});

describe('first-run page, reported installed again', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens only the first time the browser says Parapet was installed', async () => {
    openWelcomeOnInstall();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(await openTabs()).toHaveLength(1);
  });
});
