import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { RequestPayload, RequestType, Responses } from '../../lib/schema/messages';
import type { Profile } from '../../lib/schema/profile';
import { FEED_PLATFORMS, type FeedPlatform } from '../../lib/schema/constants';
import { knownKey, type StoredKnown } from '../../lib/schema/known-decisions';
import { screenshot } from './harness';

/** Sends a request to the background from an extension page, exactly as the UI's `send` does. */
export async function call<K extends RequestType>(page: Page, type: K, payload: RequestPayload<K>): Promise<Responses[K]> {
  return page.evaluate(
    async ([t, p]) => {
      const chromeApi = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      const reply = (await chromeApi.runtime.sendMessage({ type: t, payload: p })) as { ok: boolean; value?: unknown; error?: string };
      if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
      return reply.value;
    },
    [type, payload] as const,
  ) as Promise<Responses[K]>;
}

export const getProfile = (page: Page) => call(page, 'profile/get', {});

/** storage.local as the extension's service worker reads and writes it: one key at a time (what the background keeps
 * for the tabs, which a test or bench reads, alters or clears). */
export function workerStorage(worker: Worker) {
  type Local = { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(key: string): Promise<void> };
  type WorkerGlobal = { chrome: { storage: { local: Local } } };
  return {
    get: <T>(key: string) => worker.evaluate(async (k) => (await (globalThis as unknown as WorkerGlobal).chrome.storage.local.get(k))[k], key) as Promise<T | undefined>,
    set: (key: string, value: unknown) => worker.evaluate(async ([k, v]) => (globalThis as unknown as WorkerGlobal).chrome.storage.local.set({ [k]: v }), [key, value] as const),
    remove: (key: string) => worker.evaluate(async (k) => (globalThis as unknown as WorkerGlobal).chrome.storage.local.remove(k), key),
  };
}

/** How many decisions the extension keeps for `feed`'s next pages (lib/schema/known-decisions.ts); `clear` drops them
 * first, for a first visit. None without an extension. */
export async function keptDecisions(context: BrowserContext, feed: FeedPlatform, clear = false): Promise<number> {
  const worker = context.serviceWorkers()[0];
  if (!worker) return 0;
  const storage = workerStorage(worker);
  if (clear) await storage.remove(knownKey(feed));
  return (await storage.get<StoredKnown>(knownKey(feed)))?.entries.length ?? 0;
}

/**
 * Waits until what each feed's next page reads at its start is made from `saved` (lib/background/tab-ready-store.ts),
 * its topics expanded. Pages then start as a person's do when their profile was saved a while before: a page that
 * starts in the second after a save waits for the background to make it, and on a slow machine that can outlast the
 * hold's cap (runner.ts), so a test that checks nothing is ever painted, or a bench, would read the machine's speed.
 * A loop here, not page.waitForFunction: that takes the promise an async predicate returns for a true answer.
 */
export async function keptForTabs(ctl: Page, saved: Profile, timeoutMs = 60_000): Promise<void> {
  // tabReadyKey's (lib/schema/stored-models.ts: a module Node scripts importing this one cannot load).
  const keys = FEED_PLATFORMS.map((f) => `${f}-ready`);
  const kept = () =>
    ctl.evaluate(async (keys) => {
      type Area = { get(keys: readonly string[]): Promise<Record<string, { key?: string } | undefined>> };
      const got = await (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local.get(keys);
      return keys.map((k) => got[k]?.key ?? '');
    }, keys);
  // As isCurrent (lib/schema/stored-models.ts): made from the profile saved, with its topics expanded if it has any.
  const topics = (saved.avoidTopics?.length ?? 0) + (saved.interests?.length ?? 0) > 0;
  const current = (key: string) => key.startsWith(`${saved.revision} ${saved.updatedAt} `) && (!topics || key.endsWith(' topics'));
  for (const until = Date.now() + timeoutMs; !(await kept()).every(current); ) {
    if (Date.now() > until) throw new Error(`the copies feed tabs start from were not made from the profile saved: ${await kept()}`);
    await ctl.waitForTimeout(100);
  }
}

/** Replaces the stored profile with `patch` applied to the current one. */
export async function seedProfile(page: Page, patch: (p: Profile) => Profile): Promise<Profile> {
  return call(page, 'profile/save', { profile: patch(await getProfile(page)) });
}

/** A screenshot of the whole page with the viewport stretched to fit it, so sticky bars sit where a user
 * scrolled to the end would see them (a plain full-page capture leaves them mid-page). */
export async function screenshotWhole(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 860 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await screenshot(page, name);
  await page.setViewportSize(viewport);
}

/** axe-core's serious and critical WCAG 2 A/AA violations on the page as it is now, one line each. `strict` adds
 * WCAG 2.1 and 2.2 AA (target size among them) and moderate violations. */
export async function seriousA11yViolations(page: Page, opts: { strict?: boolean } = {}): Promise<string[]> {
  const { createRequire } = await import('node:module');
  const path = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  const loaded = () => page.evaluate(() => 'axe' in globalThis);
  if (!(await loaded())) await page.addScriptTag({ path }).catch(() => undefined);
  // An extension page's CSP refuses the inline script addScriptTag makes; evaluate bypasses it.
  if (!(await loaded())) await page.evaluate((await import('node:fs')).readFileSync(path, 'utf8'));
  // Colours read mid-transition (just after a switch to dark mode) are neither theme's: let transitions end first.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  return page.evaluate(async (strict) => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[] };
    const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<Result> } }).axe;
    const tags = strict ? ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] : ['wcag2a', 'wcag2aa'];
    const impacts = strict ? ['moderate', 'serious', 'critical'] : ['serious', 'critical'];
    const r = await axe.run({ runOnly: { type: 'tag', values: tags } });
    return r.violations
      .filter((v) => impacts.includes(v.impact))
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`);
  }, opts.strict ?? false);
}
