/**
 * How long the first feed page after a profile save waits for its start (document_start to ready), on a fresh
 * browser: opened at once after the save ("at once": the page asks the background, which may still be reading the
 * meaning model to expand the new topics) and once the copies tabs start from are made ("kept": the page reads
 * its copy), and opened at once after a change that expands no topic made while a Hacker News tab is open (the
 * copies are made again; that feed's first). The hold keeps items unseen for at most a second of that wait
 * (runner.ts, HOLD_CAP_MS); past it, items show before the rules that hide some of them are in.
 *   PARAPET_OUT=.output/x npx tsx scripts/probe-first-page.ts [rounds]
 */
import { launchWithExtension } from '../tests/e2e/harness';
import { feed, serveFeeds, waitForShield, withDemoProfile } from '../tests/e2e/feed-helpers';
import { keptForTabs, seedProfile } from '../tests/e2e/ui-helpers';
import { readyMs } from './ready-time';
import { median } from './stats';

const HOME = 'https://news.ycombinator.com/';
const ROUNDS = Number(process.argv[2] ?? 3);

const results: Record<string, Array<number | null>> = { 'at once': [], kept: [], 'at once, an HN tab open': [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of Object.keys(results)) {
    const ext = await launchWithExtension();
    const ctl = await ext.openPage('dashboard.html');
    let saved = await seedProfile(ctl, withDemoProfile);
    await serveFeeds(ext.context, { [HOME]: () => feed('hackernews-front.html') });
    if (mode !== 'at once') await keptForTabs(ctl, saved);
    if (mode === 'at once, an HN tab open') {
      // A person on Hacker News blocks an author (no topic changes: the meaning model is not needed), then opens
      // the next page at once.
      const open = await ext.context.newPage();
      await open.goto(HOME);
      await waitForShield(open, 8);
      saved = await seedProfile(ctl, (p) => ({ ...p, blockedAuthors: [...p.blockedAuthors, { platform: 'hackernews', name: 'someone' }] }));
    }
    const page = await ext.context.newPage();
    await page.goto(HOME);
    await waitForShield(page, 8);
    results[mode].push(await readyMs(await ext.context.newCDPSession(page)));
    await ext.close();
  }
}
for (const [mode, xs] of Object.entries(results)) {
  const got = xs.filter((x): x is number => x !== null).map(Math.round);
  console.log(`first HN page, ${mode} after the save: document_start -> ready median ${median(got)} ms (${got.join(', ')}), ${xs.length - got.length} never ready`);
}
