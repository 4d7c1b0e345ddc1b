import { checkModel } from '../core/clickbait/format';
import { checkDetectors } from '../core/detectors/data-file-check';
import { checkLearned, learnedFor, packLearned } from '../core/detectors/learned-format';
import type { FeedPlatform } from '../schema/common';
import { bytesToBase64 } from '../core/shield/packed';
import type { PageModels } from '../schema/messages';
import { shippedFile } from './shipped-file';

// Each file is checked here, once, as it is read: a tab trusts what it is sent and carries no code to check it.
const base64 = (check: (bytes: Uint8Array) => void) => async (res: Response) => {
  const bytes = new Uint8Array(await res.arrayBuffer());
  check(bytes);
  return bytesToBase64(bytes);
};
const clickbait = shippedFile('/models/clickbait.bin', base64(checkModel), 'tabs judge no headlines');
const detectorTables = shippedFile('/models/detectors.json', async (res) => checkDetectors(await res.json()), 'tabs look for no rage, engagement, urgency or promotion');
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
