// The browser the per-item benches start for one configuration ('<build folder or none>:<default|large>'): the
// build loaded, the profile saved through the background as the popup saves it, every bench page served from memory
// and nothing else from the network, one warm-up load per page, and with the large profile its topics expanded
// before any sample. Shared by bench-feed-ab.ts and probe-feed-trace.ts.
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, ROOT } from '../tests/e2e/harness';
import { keptForTabs, seedProfile } from '../tests/e2e/ui-helpers';
import { buildLargeProfile, readHeadlines } from './bench-core';

export interface FeedBrowser {
  context: BrowserContext;
  /** Its user data folder: the caller removes it, and finds the browser's processes by it. */
  dir: string;
}

/** `extraArgs`: more Chromium switches (probe-feed-opt.ts adds V8's tracing flags). */
export async function launchFeedBrowser(cfg: string, pages: ReadonlyArray<{ url: string; html: string }>, extraArgs: readonly string[] = []): Promise<FeedBrowser> {
  const [build, profile = 'default'] = cfg.split(':');
  const dir = mkdtempSync(join(tmpdir(), 'parapet-feed-'));
  const args = [...extraArgs, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const ext = build === 'none' ? '' : resolve(ROOT, build, 'chrome-mv3');
  if (ext) args.push(`--disable-extensions-except=${ext}`, `--load-extension=${ext}`);
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args, chromiumSandbox: false, viewport: { width: 1280, height: 860 } });
  await context.route(/^https?:\/\//, (route) => route.abort());
  for (const p of pages) await context.route(`${p.url}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: p.html }));
  if (!ext) return { context, dir };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extId = new URL(worker.url()).host;
  await new Promise((r) => setTimeout(r, 1500));
  for (const p of context.pages()) if (p.url().startsWith('chrome-extension')) await p.close();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  if (profile === 'large') {
    const { interests, avoidTopics, rules, blockedAuthors, exceptions } = buildLargeProfile(readHeadlines());
    await keptForTabs(popup, await seedProfile(popup, (current) => ({ ...current, interests, avoidTopics, rules, blockedAuthors, exceptions })));
  }
  // One warm-up load per page, as the page-cost bench.
  for (const p of pages) {
    const warm = await context.newPage();
    await warm.goto(p.url, { waitUntil: 'load' });
    await warm.waitForTimeout(300);
    await warm.close();
  }
  await popup.close();
  return { context, dir };
}
