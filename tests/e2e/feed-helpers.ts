import type { BrowserContext, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchWithExtension, type Launched } from './harness';
import { call, keptForTabs, seedProfile } from './ui-helpers';
import type { Profile } from '../../lib/schema/profile';
import type { Responses } from '../../lib/schema/messages';

type TabReport = Responses['tab/stats/get'];

export const FEEDS = join(ROOT, 'tests/fixtures/feeds');
export const feed = (name: string) => readFileSync(join(FEEDS, name), 'utf8');

/** The attribute the runner sets and the content the stylesheet hides (lib/shield-runtime/shield.css). */
export const HIDDEN_CONTENT =
  '[data-parapet="hide"], [data-parapet="stub"] > :not(parapet-stub):not([data-parapet-cell])';

/** Routes each URL prefix (and everything under it) to a fixture page, the way the demo does. The last route
 * registered wins in Playwright, so these sit on top of the harness's "abort everything". */
export async function serveFeeds(context: BrowserContext, pages: Record<string, string | (() => string)>) {
  for (const [url, html] of Object.entries(pages)) {
    const prefix = url.replace(/\/$/, '');
    await context.route(
      (u) => u.href === url || u.href.startsWith(`${prefix}/`) || u.href.startsWith(`${prefix}?`),
      (route) => {
        if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: typeof html === 'function' ? html() : html });
      },
    );
  }
}

/**
 * Installed before any page script: every animation frame, each element that is hidden by Parapet now, or that
 * matches `watch` (what a user must never see flash, e.g. ads), is checked for a non-zero box. At the end,
 * `paintedHidden()` lists every element that is hidden now but had a box in some frame: a flash of content.
 */
export async function installPaintSampler(context: BrowserContext, watch: string) {
  await context.addInitScript(
    ([watchSel, hiddenSel]) => {
      const painted = new WeakSet<Element>();
      const seen = new Set<Element>();
      // Drawn: it has a box and is not visibility-hidden (items waiting for the profile keep their box, unseen).
      const boxed = (e: Element) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && e.checkVisibility({ visibilityProperty: true });
      };
      const sample = () => {
        if (document.documentElement) {
          for (const e of document.querySelectorAll(`${watchSel}, ${hiddenSel}`)) {
            seen.add(e);
            if (!painted.has(e) && boxed(e)) painted.add(e);
          }
        }
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
      (window as unknown as { __paintedHidden: () => string[] }).__paintedHidden = () => {
        const bad: string[] = [];
        for (const e of seen) {
          if (!e.isConnected) continue;
          const hiddenNow = e.matches(hiddenSel) || e.closest('[data-parapet="hide"]') !== null || !!e.parentElement?.closest(hiddenSel);
          if (hiddenNow && painted.has(e)) bad.push(`${e.localName}: ${(e.textContent ?? '').trim().slice(0, 60)}`);
        }
        return bad;
      };
      (window as unknown as { __samplerFrames: () => number }).__samplerFrames = () => seen.size;
    },
    [watch, HIDDEN_CONTENT] as const,
  );
}

export const paintedHidden = (page: Page) => page.evaluate(() => (window as unknown as { __paintedHidden: () => string[] }).__paintedHidden());

export interface Decoration {
  /** parapet-stub or parapet-mark */
  tag: string;
  /** Text rendered in its (closed) shadow root, as a user reads it (stubs() and marks(): with the why frame's title). */
  text: string;
  /** The why frame's lines (stubs() and marks() only). */
  why?: string[];
  buttons: string[];
  /** Light DOM text of the item it belongs to (the nearest element carrying the runner's attribute). */
  itemText: string;
  /** That element's data-parapet value. */
  mode: string;
  backendNodeId: number;
  buttonIds: Record<string, number>;
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

const attrOf = (n: CdpNode, name: string) => {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
};

function lightTextOf(n: CdpNode): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  if (n.localName === 'script' || n.localName === 'style') return '';
  return (n.children ?? []).map(lightTextOf).join('');
}

function shadowTextOf(n: CdpNode): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  if (n.localName === 'style') return '';
  return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(shadowTextOf).join(' ');
}

/**
 * Every stub and badge Parapet drew, read through the DevTools protocol: their shadow roots are closed, so
 * neither the page nor a plain selector can read them, which is the point. Returned in document order.
 */
export async function decorations(page: Page): Promise<Decoration[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const out: Decoration[] = [];
    const walk = (n: CdpNode, marked: CdpNode | null) => {
      const here = attrOf(n, 'data-parapet') !== undefined ? n : marked;
      if (n.localName === 'parapet-stub' || n.localName === 'parapet-mark') {
        const buttons: string[] = [];
        const buttonIds: Record<string, number> = {};
        const findButtons = (m: CdpNode) => {
          if (m.localName === 'button') {
            const label = shadowTextOf(m).replace(/\s+/g, ' ').trim();
            buttons.push(label);
            buttonIds[label] = m.backendNodeId;
          }
          for (const c of [...(m.shadowRoots ?? []), ...(m.children ?? [])]) findButtons(c);
        };
        findButtons(n);
        out.push({
          tag: n.localName,
          text: shadowTextOf(n).replace(/\s+/g, ' ').trim(),
          buttons,
          itemText: here ? lightTextOf(here).replace(/\s+/g, ' ').trim() : '',
          mode: here ? (attrOf(here, 'data-parapet') ?? '') : '',
          backendNodeId: n.backendNodeId,
          buttonIds,
        });
      }
      let prev: CdpNode | null = null;
      for (const c of n.children ?? []) {
        // A Hacker News story is two rows: its badge sits in the subtext row under the marked title row.
        const owner = c.localName === 'tr' && prev && attrOf(prev, 'data-parapet') !== undefined && attrOf(c, 'data-parapet') === undefined ? prev : here;
        walk(c, owner);
        if (c.nodeType === 1) prev = c;
      }
      for (const c of n.shadowRoots ?? []) walk(c, here);
      if (n.contentDocument) walk(n.contentDocument, null);
    };
    walk(root, null);
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The button on a stub ("Why?") or badge ("Parapet") that opens its why frame. */
const WHY_BUTTONS = ['Why?', 'Parapet'];

/** Parapet's frames (a why frame or an item's menu) that opened on `page` since `before` was taken of its frames. */
export const whyFramesSince = (page: Page, before: ReadonlySet<Frame>): Frame[] =>
  page.frames().filter((f) => !before.has(f) && f.url().includes('/why.html#'));

/**
 * What the why frame of a stub or badge says, read the way a person gets it: pressing "Why?" (or the badge), then
 * reading the extension's frame that opens under it, then pressing again to close it. The page cannot read that
 * frame; the test reads it as its own extension-origin frame.
 */
export async function explain(page: Page, deco: Decoration): Promise<{ title: string; lines: string[] } | null> {
  const label = WHY_BUTTONS.find((b) => deco.buttonIds[b] !== undefined);
  if (!label) return null;
  const before = new Set(page.frames());
  // A stub inside something the site itself hides (a kept page) cannot be pressed, by a person either.
  if (!(await clickIn(page, deco, label).then(() => true, () => false))) return null;
  try {
    const until = Date.now() + 10_000;
    for (;;) {
      const frame = whyFramesSince(page, before)[0];
      const read = frame
        ? await frame
            .evaluate(() => {
              const h = document.querySelector('main h1');
              return h ? { title: h.textContent ?? '', lines: [...document.querySelectorAll('main li')].map((l) => l.textContent ?? '') } : null;
            })
            .catch(() => null)
        : null;
      if (read) return read;
      if (Date.now() > until) throw new Error(`no why frame opened from "${label}" (${deco.text}) item=${deco.itemText.slice(0, 60)} mode=${deco.mode} frames=${page.frames().map((f) => f.url().slice(-40)).join(",")}`);
      await page.waitForTimeout(50);
    }
  } finally {
    await clickIn(page, deco, label).catch(() => {});
  }
}

/** Stubs and badges with the reason their why frame gives in `text`, where the page once showed it (the stub's
 * "Hidden by Parapet: Ad ·…", the badge's "Clickbait ⋯"). */
async function explained(page: Page, list: Decoration[]): Promise<Decoration[]> {
  for (const d of list) {
    const why = await explain(page, d);
    if (!why) continue;
    d.text = d.tag === 'parapet-stub' ? d.text.replace(/^Hidden by Parapet Why\?/, why.title) : d.text.replace(/^Parapet/, why.title);
    d.why = why.lines;
  }
  return list;
}

export const stubs = async (page: Page) => explained(page, (await decorations(page)).filter((d) => d.tag === 'parapet-stub'));
export const marks = async (page: Page) => explained(page, (await decorations(page)).filter((d) => d.tag === 'parapet-mark'));

/**
 * The mark of the item whose text includes `itemText`, once its badge matches `badge`. The clickbait model can
 * arrive after the page's hold has run out on a loaded machine; the label then comes a moment later, as a user
 * would see it.
 */
export async function labelled(page: Page, itemText: string, badge = /^Clickbait/, timeoutMs = 10_000): Promise<Decoration> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await decorations(page)).find((d) => d.tag === 'parapet-mark' && d.itemText.includes(itemText));
    const mark = found && (await explained(page, [found]))[0];
    if (mark && badge.test(mark.text)) return mark;
    if (Date.now() > until) throw new Error(`"${itemText}": its badge is ${mark ? `"${mark.text}"` : 'missing'}, not ${badge}`);
    await page.waitForTimeout(100);
  }
}

/** Where a button inside a Parapet shadow root is drawn on screen (scrolled into view first). */
export async function centreOf(page: Page, id: number): Promise<{ x: number; y: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: 0 });
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: id });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: id })) as { model: { border: number[] } };
    const q = model.border;
    return { x: (q[0] + q[2] + q[4] + q[6]) / 4, y: (q[1] + q[3] + q[5] + q[7]) / 4 };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * A badge gets its ⋯ once the person turns to the item: the mouse on the badge first, as a person's would be on
 * the way to the button, and the mark read again (the same mark, one button more).
 */
export async function turnToMark(page: Page, deco: Decoration): Promise<void> {
  if (deco.buttonIds['⋯'] !== undefined || deco.buttons.length === 0) return;
  const { x, y } = await centreOf(page, deco.buttonIds[deco.buttons[0]]);
  await page.mouse.move(x, y);
  await painted(page);
  const again = (await decorations(page)).find((d) => d.backendNodeId === deco.backendNodeId);
  if (again) Object.assign(deco, { buttons: again.buttons, buttonIds: again.buttonIds });
}

/** Clicks a button inside a Parapet shadow root with the real mouse, where it is drawn on screen. */
export async function clickIn(page: Page, deco: Decoration, label: string): Promise<void> {
  if (label === '⋯') await turnToMark(page, deco);
  const id = deco.buttonIds[label];
  if (id === undefined) throw new Error(`no "${label}" in ${deco.tag} (${deco.buttons.join(', ')})`);
  const { x, y } = await centreOf(page, id);
  await page.mouse.click(x, y);
}

/** Points the mouse at each item holding one of `texts`, as a person turning to it: a plain item gets its ⋯ then. */
export async function turnTo(page: Page, texts: readonly string[]): Promise<void> {
  for (const t of texts) await page.getByText(t).first().hover();
  await painted(page);
}

/** Opens the item's menu (⋯ on its stub or mark) with the real mouse; resolves with the extension's menu frame. */
export async function openItemMenu(page: Page, deco: Decoration): Promise<Frame> {
  const before = new Set(page.frames());
  await clickIn(page, deco, '⋯');
  const until = Date.now() + 10_000;
  for (;;) {
    const frame = whyFramesSince(page, before)[0];
    if (frame && (await frame.locator('[role=menuitem]').count().catch(() => 0)) > 0) return frame;
    if (Date.now() > until) throw new Error(`no menu opened from ⋯ (${deco.text})`);
    await page.waitForTimeout(50);
  }
}

/** The entries of an item's menu, as a person reads them. */
export const menuEntries = (menu: Frame) => menu.locator('[role=menuitem]').allTextContents();

/**
 * Opens the item's menu and chooses `entry` with the real mouse; `answer` the question an exception asks first
 * ("Show all ads on Hacker News?"). Resolves with the menu frame, which may still be open (it says what changed).
 */
export async function useItemMenu(page: Page, deco: Decoration, entry: string | RegExp, answer?: 'yes' | 'cancel'): Promise<Frame> {
  const menu = await openItemMenu(page, deco);
  await menu.getByRole('menuitem', { name: entry }).click();
  if (answer) await menu.locator('.buttons button').nth(answer === 'yes' ? 0 : 1).click();
  return menu;
}

/** The light DOM text of the page's feed (what the page's own scripts could read). */
export const lightText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');

/** Per-tab counts and health as the popup gets them. `until`: keep asking (up to 10 s) until it holds, since counts
 * arrive in batches after the page's last change, later still on a loaded machine. */
export async function tabReport(ext: Launched, feedPage: Page, until: (r: TabReport) => boolean = () => true) {
  const ctl = await ext.openPage('popup.html');
  const tabId = await ctl.evaluate(async (url) => {
    const chromeApi = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url: string }>> } } }).chrome;
    const tabs = await chromeApi.tabs.query({});
    return tabs.find((t) => t.url === url)?.id ?? -1;
  }, feedPage.url());
  // The content script sends its counts in a batch about a second after the last change.
  let report = await call(ctl, 'tab/stats/get', { tabId });
  for (let i = 0; i < 40 && (!report.stats || !until(report)); i++) {
    await ctl.waitForTimeout(250);
    report = await call(ctl, 'tab/stats/get', { tabId });
  }
  await ctl.close();
  return report;
}

/** The profile the feed tests and the demo run with: two interests, a topic to avoid, a blocked channel. */
export function withDemoProfile(p: Profile): Profile {
  return {
    ...p,
    interests: [
      { id: 'rust', label: 'Rust', weight: 0.9, keywords: ['rust', 'borrow checker', 'cargo'], exclude: [] },
      { id: 'gardening', label: 'Gardening', weight: 0.8, keywords: ['garden', 'moss', 'gardens'], exclude: [] },
    ],
    avoidTopics: [{ id: 'crypto', label: 'Crypto giveaways', keywords: ['crypto giveaway', 'airdrop'], exclude: [] }],
    blockedAuthors: [
      { platform: 'youtube', name: 'Listicle Land' },
      { platform: 'reddit', name: 'spam_bot_9000' },
      { platform: 'x', name: '@ragefarmer' },
      { platform: 'hackernews', name: 'spammer' },
    ],
  };
}

/** Waits for the content script to have decided the page's items under the person's profile (it marks every
 * item it read; "wait" marks items found before the profile arrived). */
export async function waitForShield(page: Page, minMarked = 1): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-parapet]').length >= n && !document.querySelector('[data-parapet="wait"]'),
    minMarked,
    { timeout: 10_000 },
  );
  await painted(page);
}

/** Resolves once the next frame has been painted. Decisions land in the page's own microtask; stubs, badges and
 * the new order are put in before that frame (an animation-frame callback), so this is what the user first sees. */
export const painted = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))));

/**
 * The popup over a given tab. The popup asks for the active tab of its window (components/hooks/useTabStats.ts),
 * so the feed's tab is brought to the front before popup.html loads in a background tab beside it.
 */
export async function openPopupFor(ext: Launched, feedPage: Page): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 360, height: 640 });
  await feedPage.bringToFront();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await popup.locator('.pp-tab').waitFor();
  return popup;
}

/**
 * One browser for a feed test file: the extension loaded, the demo profile (or `profile`) seeded from a dashboard
 * page kept open as `ctl`, the fixture pages served, and, when given, a sampler for what must never be painted.
 */
export async function startFeedBrowser(opts: {
  pages: Record<string, string | (() => string)>;
  neverPainted?: string;
  profile?: (p: Profile) => Profile;
}): Promise<{ ext: Launched; ctl: Page }> {
  const ext = await launchWithExtension();
  const ctl = await ext.openPage('dashboard.html');
  await keptForTabs(ctl, await seedProfile(ctl, opts.profile ?? withDemoProfile));
  if (opts.neverPainted) await installPaintSampler(ext.context, opts.neverPainted);
  await serveFeeds(ext.context, opts.pages);
  return { ext, ctl };
}

/** With pgdev blocked on Hacker News beside the demo profile (saved from `ctl`), a front page opened with `open` has
 * his Postgres story behind a stub from its first frame, never drawn. `before` runs between the save and the page
 * (given the profile saved). The demo profile is put back after, and the copies tabs start from made of it. */
export async function expectBlockedStoryNeverShown(ctl: Page, open: () => Promise<Page>, before?: (saved: Profile) => Promise<void>): Promise<void> {
  const saved = await seedProfile(ctl, (p) => {
    const demo = withDemoProfile(p);
    return { ...demo, blockedAuthors: [...demo.blockedAuthors, { platform: 'hackernews', name: 'pgdev' }] };
  });
  try {
    await before?.(saved);
    const page = await open();
    try {
      expect((await stubs(page)).some((d) => d.itemText.includes('Postgres 19'))).toBe(true);
      expect(await page.locator('text=Postgres 19 beta is out').isVisible()).toBe(false);
      expect(await paintedHidden(page)).toEqual([]);
    } finally {
      await page.close();
    }
  } finally {
    await keptForTabs(ctl, await seedProfile(ctl, withDemoProfile));
  }
}
