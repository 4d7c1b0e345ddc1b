import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// __dirname exists under vitest only; the benchmarks run this file as an ES module through tsx.
const HERE = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
/** PARAPET_OUT (as in wxt.config.ts) points the tests at another build folder. */
export const OUT = resolve(ROOT, process.env.PARAPET_OUT ?? '.output');
export const CHROME_EXT = join(OUT, 'chrome-mv3');
export const FIREFOX_EXT = join(OUT, 'firefox-mv3');
export const SHOTS = join(ROOT, 'tests/e2e/.artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page such as `popup.html` or `dashboard.html#/data`. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium in a persistent profile. Chromium refuses to start as root with its sandbox (CI, containers);
 * a window on a person's own desktop keeps it, and with it no "unsupported command-line flag" bar, unless the
 * system cannot give it one (user namespaces off). A window follows its own size; headless pages get the size
 * the tests were written for.
 */
export async function launchChromium(dir: string, args: string[], headless: boolean): Promise<BrowserContext> {
  const launch = (sandbox: boolean) =>
    chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless,
      args,
      chromiumSandbox: sandbox,
      viewport: headless ? { width: 1280, height: 860 } : null,
    });
  return headless || process.getuid?.() === 0 ? launch(false) : launch(true).catch(() => launch(false));
}

/** Starts Debian's Chromium with the built extension loaded, in a fresh profile, headless. Network is cut to the
 * machine: every test serves its own pages with `context.route`. */
export async function launchWithExtension(opts: { webgpu?: boolean; headless?: boolean; keepWelcome?: boolean } = {}): Promise<Launched> {
  if (!existsSync(join(CHROME_EXT, 'manifest.json'))) throw new Error('Build first: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'parapet-e2e-'));
  const args = [
    `--disable-extensions-except=${CHROME_EXT}`,
    `--load-extension=${CHROME_EXT}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
  if (opts.webgpu) args.push('--enable-unsafe-webgpu');
  const context = await launchChromium(dir, args, opts.headless ?? true);
  // Anything not routed by a test must not leave the machine.
  await context.route(/^https?:\/\//, (route) => route.abort());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The first-run page opens on install, and would take the front as a test's pages load: it is closed unless
  // the test is about it.
  if (!opts.keepWelcome) await closeWelcome(context, extensionId);
  return {
    context,
    extensionId,
    async openPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function closeWelcome(context: BrowserContext, extensionId: string): Promise<void> {
  const isWelcome = (p: Page) => p.url() === `chrome-extension://${extensionId}/welcome.html`;
  for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    const page = context.pages().find(isWelcome);
    if (page) return page.close();
  }
}

/** Serves `html` at `url` (and anything under it) for this context, so content scripts match the real site. */
export async function serve(context: BrowserContext, urlPattern: string | RegExp, html: string | (() => string)) {
  await context.route(urlPattern, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: typeof html === 'function' ? html() : html }),
  );
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
