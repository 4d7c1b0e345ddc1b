import { browser } from 'wxt/browser';
import { checkModel } from '../core/clickbait/format';
import { detectorsForTabs } from '../core/detectors/data-file';
import { checkDetectors } from '../core/detectors/data-file-check';
import { checkLearned, learnedFor, packLearned } from '../core/detectors/learned-format';
import { FEED_PLATFORMS, type FeedPlatform } from '../schema/common';
import { bytesToBase64 } from '../core/shield/packed';
import type { PageModels } from '../schema/messages';
import { modelsKey, type StoredModels } from '../schema/stored-models';
import { shippedFile } from './shipped-file';

// Each file is checked here, once, as it is read: a tab trusts what it is sent and carries no code to check it.
const base64 = (check: (bytes: Uint8Array) => void) => async (res: Response) => {
  const bytes = new Uint8Array(await res.arrayBuffer());
  check(bytes);
  return bytesToBase64(bytes);
};
const clickbait = shippedFile('/models/clickbait.bin', base64(checkModel), 'tabs judge no headlines');
// Passed on as text: a tab parses it with JSON.parse, far quicker than the browser hands over the same data as an
// object (storage.local and messages carry it as a tree of values, a number at a time).
const detectorTables = shippedFile(
  '/models/detectors.json',
  async (res) => detectorsForTabs(checkDetectors(await res.json())),
  'tabs look for no rage, engagement, urgency or promotion',
);
const learned = shippedFile(
  '/models/detectors.bin',
  async (res) => {
    const bytes = new Uint8Array(await res.arrayBuffer());
    checkLearned(bytes);
    // In base64 once per form: the whole file, and the file without its post head (learnedFor); packed as the tab
    // reads it (packLearned), so that no tab packs it at its start.
    const forms = new Map<number, string>();
    return (feed: FeedPlatform | null) => {
      const cut = learnedFor(bytes, feed);
      let text = forms.get(cut.length);
      if (text === undefined) forms.set(cut.length, (text = bytesToBase64(packLearned(cut))));
      return text;
    };
  },
  'the detectors run on their rules alone',
);

/**
 * The shipped models a feed tab decides with, read once per background lifetime and handed to each tab with its
 * profile (page/start): a tab does not fetch them at every page load, and builds nothing from them but views
 * (the detector data carries its rule engine built ahead, lib/core/detectors/rule-index.ts). Messages between
 * the background and a tab carry text, so the binary files go in base64. `feed`: the tab's site, which is sent only
 * the learned heads it reads.
 */
export async function pageModels(feed: FeedPlatform | null = null): Promise<PageModels> {
  const [c, t, l] = await Promise.all([clickbait(), detectorTables(), learned()]);
  return { clickbait: c, detectorTables: t, learned: l && l(feed) };
}

/** The stamp of the copies kept, alone: a woken worker compares it without reading a copy. */
const STAMP_KEY = 'models-stamp';

/** The part of storage.local the models are kept in (browser.storage.local; a stand-in in unit tests). */
export interface ModelArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Keeps the models each feed's tabs read in storage.local (lib/schema/stored-models.ts), written only when they
 * differ from the copy stored (a worker wakes many times with the same files); resolves to the stamp of the copy,
 * or null when it was not stored (a file could not be read, or storage failed: page/start then carries the models
 * itself, as pageModels gives them). Once per background lifetime; tried again after a null.
 */
export function createModelStore(area: () => ModelArea = () => browser.storage.local, models: (feed: FeedPlatform | null) => Promise<PageModels> = pageModels) {
  let storing: Promise<string | null> | null = null;
  async function store(): Promise<string | null> {
    const forms = await Promise.all(FEED_PLATFORMS.map((feed) => models(feed)));
    if (forms.some((m) => m.clickbait === null || m.detectorTables === null || m.learned === null)) return null;
    // Of the whole files (every feed's form is cut from them): a worker's wake hashes about 1 MB, writes nothing.
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(await models(null))));
    const stamp = bytesToBase64(new Uint8Array(digest, 0, 12));
    if ((await area().get(STAMP_KEY))[STAMP_KEY] !== stamp) {
      const items: Record<string, StoredModels | string> = { [STAMP_KEY]: stamp };
      FEED_PLATFORMS.forEach((feed, i) => (items[modelsKey(feed)] = { ...forms[i], stamp }));
      await area().set(items);
    }
    return stamp;
  }
  return (): Promise<string | null> =>
    (storing ??= store().then(
      (stamp) => {
        if (stamp === null) storing = null;
        return stamp;
      },
      (e) => {
        console.warn('Parapet: the models could not be kept for the tabs; page/start carries them', e);
        storing = null;
        return null;
      },
    ));
}
