/**
 * The newcomer's demo (run by scripts/demo.sh after the build): Chromium with Parapet loaded, the project's own
 * demo feeds served at the real addresses, a small demo profile, no account and no network needed.
 *   (no flag)    with a display: a window on the demo YouTube page and the dashboard; close it to stop.
 *                without one:   every demo page headless, a screenshot of each in demo-output/, figures printed.
 *   --headless   the second even with a display.
 *   --live       the real sites in a window, nothing routed (needs a display and a network).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_EXT, ROOT, launchChromium, launchWithExtension, type Launched } from '../tests/e2e/harness';
import { feed, serveFeeds, tabReport, waitForShield, withDemoProfile } from '../tests/e2e/feed-helpers';
import { seedProfile } from '../tests/e2e/ui-helpers';
import { instruction, routeChatSites } from '../tests/fixtures/chat/e2e';

const args = new Set(process.argv.slice(2));
const live = args.has('--live');
const headless = args.has('--headless') || !process.env.DISPLAY;
const OUT_DIR = join(ROOT, 'demo-output');

const DEMO_PAGES = [
  { site: 'youtube', url: 'https://www.youtube.com/', fixture: 'youtube-home.html' },
  { site: 'reddit', url: 'https://www.reddit.com/', fixture: 'reddit-home.html' },
  { site: 'old-reddit', url: 'https://old.reddit.com/', fixture: 'reddit-old.html' },
  { site: 'x', url: 'https://x.com/home', fixture: 'x-home.html' },
  { site: 'hackernews', url: 'https://news.ycombinator.com/', fixture: 'hackernews-front.html' },
] as const;

async function runLive(): Promise<void> {
  if (!process.env.DISPLAY) throw new Error('--live needs a display (DISPLAY is not set).');
  const dir = mkdtempSync(join(tmpdir(), 'parapet-live-'));
  const args = [`--disable-extensions-except=${CHROME_EXT}`, `--load-extension=${CHROME_EXT}`, '--no-first-run'];
  const context = await launchChromium(dir, args, false);
  const page = context.pages()[0] ?? (await context.newPage());
  // Without a network the page shows Chromium's own error; the window stays, as a browser would.
  await page.goto('https://www.youtube.com/').catch((e: Error) => console.log(`YouTube did not load: ${e.message.split('\n')[0]}`));
  console.log('Chromium is open on the real sites with Parapet loaded. Close the window to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
  rmSync(dir, { recursive: true, force: true });
}

async function seed(ext: Launched) {
  const dash = await ext.openPage('dashboard.html');
  await seedProfile(dash, (p) => ({
    ...withDemoProfile(p),
    instructions: [instruction('metric', 'Use metric units.', ['chatgpt'])],
  }));
  return dash;
}

async function serveDemo(ext: Launched) {
  await serveFeeds(
    ext.context,
    Object.fromEntries(DEMO_PAGES.map((p) => [p.site === 'x' ? 'https://x.com/' : p.url, () => feed(p.fixture)])),
  );
  await routeChatSites(ext);
}

async function runHeaded(): Promise<void> {
  const ext = await launchWithExtension({ headless: false });
  await serveDemo(ext);
  const dash = await seed(ext);
  // The window's first tab (blank until now) shows the feed: a newcomer should not land on an empty tab.
  const blank = ext.context.pages().find((p) => p !== dash && p.url() === 'about:blank');
  const page = blank ?? (await ext.context.newPage());
  await page.goto(DEMO_PAGES[0].url);
  await dash.bringToFront();
  await page.bringToFront();
  console.log('Chromium is open on the demo YouTube page, the dashboard in the next tab.');
  console.log('Also served: ' + DEMO_PAGES.slice(1).map((p) => p.url).join(' ') + ' https://chatgpt.com/');
  console.log('Close the window to stop.');
  await new Promise<void>((done) => ext.context.on('close', () => done()));
}

async function runHeadless(): Promise<void> {
  const started = Date.now();
  mkdirSync(OUT_DIR, { recursive: true });
  const ext = await launchWithExtension({ headless: true });
  try {
    await serveDemo(ext);
    const dash = await seed(ext);
    console.log('Parapet on the demo feeds (demo profile: interests Rust and Gardening, avoids crypto giveaways, blocks one author per site)');
    for (const demo of DEMO_PAGES) {
      const page = await ext.context.newPage();
      await page.goto(demo.url);
      await waitForShield(page, 5);
      const { stats, health } = await tabReport(ext, page);
      const file = join(OUT_DIR, `${demo.site}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const figures = stats ? `seen ${stats.seen}, hidden ${stats.hidden}, labelled ${stats.labelled}, reordered ${stats.reordered}` : 'no figures';
      const ok = health ? (health.ok ? 'working' : `needs an update (${health.detail})`) : 'no health report';
      console.log(`  ${demo.site.padEnd(11)} ${demo.url.padEnd(30)} ${figures}; ${ok}  -> demo-output/${demo.site}.png`);
      await page.close();
    }
    // A chat site: the instruction chip by the composer says what will be added to the message.
    const chat = await ext.context.newPage();
    await chat.goto('https://chatgpt.com/');
    await chat.click('[contenteditable="true"], textarea');
    await chat.keyboard.type('How far is it from Paris to Berlin?');
    await chat.waitForTimeout(800);
    await chat.screenshot({ path: join(OUT_DIR, 'chatgpt.png'), fullPage: true });
    console.log(`  ${'chatgpt'.padEnd(11)} ${'https://chatgpt.com/'.padEnd(30)} one standing instruction ("Use metric units.") offered  -> demo-output/chatgpt.png`);
    await dash.screenshot({ path: join(OUT_DIR, 'dashboard.png') });
    console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s. With a display, \`bash scripts/demo.sh\` opens a window instead.`);
  } finally {
    await ext.close();
  }
}

await (live ? runLive() : headless ? runHeadless() : runHeaded());
