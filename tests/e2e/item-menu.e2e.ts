// Issue 23, what the page shows: an item's menu a person can use (a real menu in the extension's frame), "Less like
// this" that does what it says and says what changed, exceptions that state their scope before they are made, stubs
// that fit a grid cell on one line, and rules named in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, type Launched } from './harness';
import { centreOf, clickIn, painted, decorations, explain, feed, labelled, marks, menuEntries, openItemMenu, startFeedBrowser, stubs, turnTo, turnToMark, useItemMenu, waitForShield, whyFramesSince, withDemoProfile, type Decoration } from './feed-helpers';
import { getProfile, seedProfile } from './ui-helpers';
import type { Profile } from '../../lib/schema/profile';

let ext: Launched;
let ctl: Page;
const YT = 'https://www.youtube.com/';
const HN = 'https://news.ycombinator.com/';
const X = 'https://x.com/home';
const REDDIT = 'https://www.reddit.com/';
const OLD_REDDIT = 'https://old.reddit.com/';
const GRID = 'ytd-browse[page-subtype="home"] ytd-rich-grid-renderer > #contents';

const profile = (p: Profile): Profile => ({
  ...withDemoProfile(p),
  exceptions: [],
  lessLike: [],
  hiddenItems: [],
  rules: [{ id: 'wontbelieve', kind: 'regex', pattern: "you won('|’)?t believe how", action: 'hide', platforms: ['youtube'], enabled: true }],
});

beforeAll(async () => {
  ({ ext, ctl } = await startFeedBrowser({ pages: {
      [YT]: () => feed('youtube-home.html'),
      [HN]: () => feed('hackernews-front.html'),
      'https://x.com/': () => feed('x-home.html'),
      [REDDIT]: () => feed('reddit-home.html'),
      [OLD_REDDIT]: () => feed('reddit-old.html'),
    },
    profile }));
});
afterAll(async () => {
  await ext?.close();
});

async function open(url: string, min: number): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await waitForShield(page, min);
  return page;
}

/** The data-parapet value of the YouTube cell whose text holds `text` ('' when it carries none). */
const modeOf = (page: Page, text: string) =>
  page.$$eval(`${GRID} > ytd-rich-item-renderer`, (cells, t) => cells.find((c) => c.textContent!.includes(t))?.getAttribute('data-parapet') ?? '', text);

/** Enter on the focused ⋯ opens one menu frame of Parapet's, with its items. */
async function enterOpensOneMenu(page: Page): Promise<void> {
  const before = new Set(page.frames());
  await page.keyboard.press('Enter');
  await expect.poll(() => whyFramesSince(page, before).length).toBe(1);
  await expect.poll(() => whyFramesSince(page, before)[0].locator('[role=menuitem]').count()).toBeGreaterThan(0);
}

/** A button's box on screen, read through the DevTools protocol (it sits in a closed shadow root). */
async function boxOf(page: Page, d: Decoration, label: string): Promise<{ width: number; height: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: 0 });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: d.buttonIds[label] })) as { model: { width: number; height: number } };
    return model;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** A key that closes the menu: not awaited, as the frame that took it is gone by the time Chromium would confirm
 * the key to Playwright (which then waits forever); what it did is polled for instead. */
const pressGone = (page: Page, key: string) => void page.keyboard.press(key).catch(() => {});

const panelOpen = (page: Page) => page.evaluate(() => document.querySelectorAll('parapet-panel').length);

describe('the item menu', () => {
  it('is a real menu: a 24 px button, arrow keys, Escape and a click elsewhere close it, focus goes back', async () => {
    const page = await open(YT, 10);
    const drama = await labelled(page, 'What Happened Next');
    // A badge's ⋯ comes when the person turns to the item (pointer, keyboard or touch), beside the badge: none
    // where the pointer never went.
    const untouched = (await decorations(page)).filter((d) => d.tag === 'parapet-mark' && d.backendNodeId !== drama.backendNodeId);
    expect(untouched.length).toBeGreaterThan(0);
    for (const d of untouched) expect(d.buttons).toEqual(['Parapet']);
    await turnToMark(page, untouched[0]);
    expect(untouched[0].buttons).toEqual(['Parapet', '⋯']);
    await turnToMark(page, drama);
    const box = await boxOf(page, drama, '⋯');
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);

    const menu = await openItemMenu(page, drama);
    expect(await menuEntries(menu)).toEqual([
      'Hide this item',
      'Less like this',
      'Block Drama Central',
      'Always show from Drama Central…',
      'Stop marking clickbait on YouTube…',
    ]);
    const focused = () => menu.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused).toBe('Hide this item');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Less like this');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Stop marking clickbait on YouTube…');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Hide this item');
    await screenshot(page, 'item-menu-open');
    pressGone(page, 'Escape');
    await expect.poll(() => panelOpen(page)).toBe(0);
    // Focus is back on the button that opened it, in the item's mark.
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('parapet-mark');

    await openItemMenu(page, drama);
    await page.mouse.click(5, 300);
    await expect.poll(() => panelOpen(page)).toBe(0);
    // Nothing was done by opening and closing it.
    expect((await getProfile(ctl)).lessLike).toEqual([]);
    await page.close();
  });

  it("reaches a badge's ⋯ by keyboard: tabbing into the item brings it, the next Tab after the badge lands on it", async () => {
    const page = await open(YT, 10);
    await page.mouse.move(2, 2);
    const badged = page.locator(`${GRID} > ytd-rich-item-renderer`, { has: page.locator('parapet-mark:not([data-quiet])') });
    await expect.poll(() => badged.count()).toBeGreaterThan(0);
    const cell = badged.first();
    const mark = (await decorations(page)).find((d) => d.tag === 'parapet-mark')!;
    expect(mark.buttons).toEqual(['Parapet']);
    await cell.locator('a[href]').first().focus();
    const stops: string[] = [];
    for (let i = 0; i < 12 && !stops.includes('parapet-mark|2'); i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => document.activeElement?.localName ?? '');
      const k = stops.filter((x) => x.startsWith(`${at}|`)).length;
      stops.push(`${at}|${k + 1}`);
    }
    // Two stops on the mark: the badge, then its ⋯, which opens the menu.
    expect(stops).toContain('parapet-mark|2');
    await enterOpensOneMenu(page);
    await page.close();
  });

  it("brings a badge's ⋯ on a touch screen: a tap on the badge, then a tap on ⋯ opens the menu", async () => {
    const page = await open(YT, 10);
    await page.mouse.move(2, 2);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const tap = async (at: { x: number; y: number }) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const mark = (await decorations(page)).find((d) => d.tag === 'parapet-mark')!;
    expect(mark.buttons).toEqual(['Parapet']);
    await tap(await centreOf(page, mark.buttonIds.Parapet));
    await expect.poll(async () => (await decorations(page)).find((d) => d.backendNodeId === mark.backendNodeId)?.buttons).toEqual(['Parapet', '⋯']);
    await expect.poll(() => panelOpen(page)).toBe(1);
    const again = (await decorations(page)).find((d) => d.backendNodeId === mark.backendNodeId)!;
    const before = new Set(page.frames());
    await tap(await centreOf(page, again.buttonIds['⋯']));
    await expect.poll(() => whyFramesSince(page, before).length > 0).toBe(true);
    const menu = whyFramesSince(page, before)[0];
    await expect.poll(() => menu.locator('[role=menuitem]').count()).toBeGreaterThan(0);
    await cdp.detach();
    await page.close();
  });

  it('shows the button of a plain item only when the person turns to the item', async () => {
    const page = await open(YT, 10);
    const cell = page.locator(`${GRID} > ytd-rich-item-renderer`, { hasText: 'RTL mixed' });
    const opacity = () => cell.evaluate((c) => (c.querySelector('parapet-mark') ? getComputedStyle(c.querySelector('parapet-mark')!).opacity : 'none'));
    // Nothing is drawn on a plain item until the person turns to it (issue 24: no mark on every item).
    await page.mouse.move(2, 2);
    expect(await opacity()).toBe('none');
    await cell.hover();
    await expect.poll(opacity).toBe('1');
    await page.mouse.move(2, 2);
    expect(await opacity()).toBe('0');
    await cell.hover();
    expect(await opacity()).toBe('1');
    await page.close();
  });

  it('moves nothing on the page when the person turns to a plain item', async () => {
    const page = await open(YT, 10);
    // Where every cell and shelf of the feed sits, shorts in their shelf too.
    const layout = () =>
      page.$$eval('ytd-rich-item-renderer, ytd-rich-section-renderer', (els) => els.map((e) => `${Math.round(e.getBoundingClientRect().top + scrollY)}:${Math.round(e.getBoundingClientRect().height)}`).join(' '));
    // Every badge drawn first: on a fresh browser's first page the fast rules decide at once, and the badges of the
    // learned detectors and of the interests come once their models are read (a second or two here).
    const badged = ['How the Rust borrow checker', 'Japanese moss garden', "You WON'T BELIEVE", 'channel line is missing'];
    const allBadged = () => page.$$eval(`${GRID} > ytd-rich-item-renderer`, (cells, want) => want.every((t) => cells.some((c) => c.textContent!.includes(t) && c.querySelector('parapet-mark'))), badged);
    await expect.poll(allBadged, { timeout: 10_000 }).toBe(true);
    await page.mouse.move(2, 2);
    const before = await layout();
    // The grid's plain cells, and the Shorts shelf between its rows (one item: the shelf is its root).
    const plain = await page.$$('ytd-rich-item-renderer[data-parapet="show"]:not(:has(parapet-mark)), ytd-rich-section-renderer[data-parapet="show"]:not(:has(parapet-mark))');
    expect(plain.length).toBeGreaterThan(3);
    expect(await Promise.all(plain.map((e) => e.evaluate((x) => x.localName)))).toContain('ytd-rich-section-renderer');
    for (const cell of plain) {
      await cell.hover();
      await expect.poll(() => cell.evaluate((c) => (c.querySelector('parapet-mark') ? getComputedStyle(c.querySelector('parapet-mark')!).opacity : 'none'))).toBe('1');
      expect(await layout()).toBe(before);
    }
    await screenshot(page, 'item-menu-plain-turned-to');
    await page.close();
  });

  it('opens the why frame of a badge under the Shorts shelf with one press, the pointer having crossed the shelf', async () => {
    const page = await open(YT, 10);
    const below = () => page.$$eval(`${GRID} > ytd-rich-item-renderer`, (cells) => cells.some((c) => c.textContent!.includes('channel line is missing') && c.querySelector('parapet-mark:not([data-quiet])')));
    await expect.poll(below, { timeout: 10_000 }).toBe(true);
    await page.mouse.move(2, 2);
    const badge = (await decorations(page)).find((d) => d.tag === 'parapet-mark' && d.itemText.includes('channel line is missing'))!;
    // Where the person sees the badge, and a way to it from inside the shelf above it.
    const seen = await centreOf(page, badge.buttonIds.Parapet);
    const shelf = (await page.locator('ytd-rich-section-renderer').boundingBox())!;
    await page.mouse.move(seen.x, Math.max(shelf.y, 0) + 10);
    await page.mouse.move(seen.x, seen.y, { steps: 5 });
    // The shelf was turned to on the way (it has its ⋯), and the badge is where the person saw it.
    expect(await page.locator('ytd-rich-section-renderer > parapet-mark').count()).toBe(1);
    expect(await centreOf(page, badge.buttonIds.Parapet)).toEqual(seen);
    const before = new Set(page.frames());
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => whyFramesSince(page, before).length, { timeout: 5_000 }).toBe(1);
    await page.close();
  });

  /**
   * Points at each plain item of a feed in turn (`plain`: their roots) and checks that no element of `boxes` (the
   * items, and lines of the items) moved or changed its size. Each failure names the item pointed at and what it
   * moved: "element: top:left:height:width before -> after". On X a cell that grows moves every cell below it, as
   * X's virtualised list measures its cells.
   */
  async function movesNothing(page: Page, shot: string, plain: string, boxes: string, min = 2): Promise<void> {
    const layout = () =>
      page.$$eval(boxes, (els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          const name = `${e.localName}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}`;
          return r.width + r.height === 0 ? `${name} none` : `${name} ${Math.round(r.top + scrollY)}:${Math.round(r.left)}:${Math.round(r.height)}:${Math.round(r.width)}`;
        }),
      );
    await page.mouse.move(2, 2);
    await painted(page);
    let before = await layout();
    const roots = await page.$$(plain);
    expect(roots.length).toBeGreaterThanOrEqual(min);
    const moved: string[] = [];
    for (const root of roots) {
      await root.hover({ position: { x: 40, y: 10 } });
      // A Hacker News story's button is in the row under it.
      const opacity = () => root.evaluate((r) => { const m = r.querySelector('parapet-mark') ?? r.nextElementSibling?.querySelector('parapet-mark'); return m ? getComputedStyle(m).opacity : 'none'; });
      await expect.poll(opacity).toBe('1');
      const now = await layout();
      const what = now.flatMap((x, k) => (x === before[k] ? [] : [`${before[k]} -> ${x.split(' ')[1]}`]));
      if (what.length) moved.push(`${(await root.textContent())!.trim().slice(0, 24)}: ${what.length} moved, ${what.slice(0, 3).join(', ')}`);
      before = now;
    }
    await screenshot(page, shot);
    expect(moved).toEqual([]);
  }

  it('on X, moves nothing when the person turns to a plain post', async () => {
    const page = await open(X, 5);
    await movesNothing(page, 'item-menu-x-plain-turned-to', '[data-testid="cellInnerDiv"] > [data-parapet="show"]:not(:has(parapet-mark))', '[data-testid="cellInnerDiv"], article[data-testid="tweet"], [data-testid="tweet"] > *, [data-testid="User-Name"], [data-testid="caret"]', 3);
    await page.close();
  });

  it("on X, reaches a plain post's ⋯ by keyboard: after the post's time, before X's Grok button and menu", async () => {
    const page = await open(X, 5);
    await page.mouse.move(2, 2);
    const post = page.locator('[data-testid="cellInnerDiv"] > [data-parapet="show"]:not(:has(parapet-mark))').first();
    await post.locator('[data-testid="User-Name"] a').first().focus();
    const stops: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => { const a = document.activeElement!; return a.localName === 'parapet-mark' ? a.localName : (a.getAttribute('aria-label') ?? a.localName); }));
    }
    expect(stops).toEqual(['2 hours ago', 'parapet-mark', 'Grok actions']);
    await page.keyboard.press('Shift+Tab');
    await enterOpensOneMenu(page);
    await page.close();
  });

  it('on Reddit, moves nothing when the person turns to a plain post', async () => {
    const page = await open(REDDIT, 5);
    await movesNothing(page, 'item-menu-reddit-plain-turned-to', 'shreddit-feed > [data-parapet="show"]:not(:has(parapet-mark))', 'shreddit-feed > *, [slot="credit-bar"] > :first-child, shreddit-post-overflow-menu');
    await page.close();
  });

  it('on Reddit, moves nothing when the person turns to an ad they chose to see, which has no credit bar', async () => {
    const page = await open(REDDIT, 5);
    const ad = (await decorations(page)).find((d) => d.tag === 'parapet-stub' && d.itemText.includes('Deploy your app'))!;
    await clickIn(page, ad, 'Show this item');
    await expect.poll(() => page.locator('shreddit-ad-post').getAttribute('data-parapet')).toBe('show');
    await movesNothing(page, 'item-menu-reddit-ad-shown-turned-to', 'shreddit-feed > shreddit-ad-post[data-parapet="show"]', 'shreddit-feed > *', 1);
    await page.close();
  });

  it('on Reddit, moves nothing when the person turns to an ad shown as a plain post (ads and every kind left alone)', async () => {
    const before = await getProfile(ctl);
    const off = (p: Profile) => Object.fromEntries(Object.entries(p.policies).map(([k, v]) => [k, { ...v, action: 'off' }])) as Profile['policies'];
    await seedProfile(ctl, (p) => ({ ...p, policies: off(p) }));
    try {
      const page = await open(REDDIT, 5);
      await expect.poll(() => page.locator('shreddit-ad-post').getAttribute('data-parapet')).toBe('show');
      await movesNothing(page, 'item-menu-reddit-ad-plain-turned-to', 'shreddit-feed > shreddit-ad-post[data-parapet="show"]', 'shreddit-feed > *', 1);
      await page.close();
    } finally {
      await seedProfile(ctl, () => before);
    }
  });

  it('on old Reddit, moves nothing when the person turns to a plain post', async () => {
    const page = await open(OLD_REDDIT, 4);
    await movesNothing(page, 'item-menu-old-reddit-plain-turned-to', '#siteTable > .thing[data-parapet="show"]:not(:has(parapet-mark))', '#siteTable > *, .entry > *');
    await page.close();
  });

  it('on Hacker News, moves nothing when the person turns to a plain story', async () => {
    const page = await open(HN, 5);
    await movesNothing(page, 'item-menu-hn-plain-turned-to', 'tr.athing[data-parapet="show"]:not(:has(+ tr parapet-mark))', 'tr.athing, tr.athing + tr', 3);
    await page.close();
  });

  it('on Hacker News, shows a plain story’s button, in the row under it, while either of its rows is pointed at', async () => {
    const page = await open(HN, 5);
    // A plain story (no badge): its button goes in the subtext row under it once the person turns to it.
    const id = await page.evaluate(() => [...document.querySelectorAll('tr.athing[data-parapet="show"]')].find((r) => !r.nextElementSibling?.querySelector('parapet-mark'))?.id);
    expect(id).toBeTruthy();
    const story = page.locator(`tr[id="${id}"]`);
    const subtext = page.locator(`tr[id="${id}"] + tr`);
    const opacity = () => subtext.evaluate((r) => (r.querySelector('parapet-mark') ? getComputedStyle(r.querySelector('parapet-mark')!).opacity : 'none'));
    await page.mouse.move(2, 2);
    expect(await opacity()).toBe('none');
    await story.hover();
    await expect.poll(opacity).toBe('1');
    await page.mouse.move(2, 2);
    expect(await opacity()).toBe('0');
    await subtext.hover({ position: { x: 300, y: 4 } });
    expect(await opacity()).toBe('1');
    // Pointing at another story hides it again.
    await page.locator('tr.athing').filter({ hasNot: page.locator(`[id="${id}"]`) }).last().hover();
    expect(await opacity()).toBe('0');
    await page.close();
  });
});

describe('"Less like this"', () => {
  it('shows fewer items like this one from the channel, says so, and Undo puts them back; blocking is its own action', async () => {
    const page = await open(YT, 10);
    // Two more videos from the same channel: one on the same subject, one not.
    await page.evaluate(() =>
      (window as any).fixture.appendBatch(2, {
        titles: ['What happened next at the reunion: the SHOCKING truth', 'My favourite sourdough recipe, step by step'],
        channel: 'Drama Central',
        sync: true,
      }),
    );
    await page.waitForFunction(() => document.querySelectorAll('ytd-rich-item-renderer[data-parapet]').length >= 12);
    const drama = await labelled(page, 'What Happened Next!!!');
    const menu = await useItemMenu(page, drama, 'Less like this');
    await expect.poll(() => menu.locator('.done').textContent()).toBe('Fewer like this from Drama Central.');
    expect(await menu.locator('.buttons button').allTextContents()).toEqual(['Undo', 'Close']);

    // The item and the one on the same subject are shown less; the channel's other video and the channel stay.
    await expect.poll(() => modeOf(page, 'What Happened Next!!!')).toBe('demote');
    await expect.poll(() => modeOf(page, 'at the reunion')).toBe('demote');
    expect(await modeOf(page, 'sourdough recipe')).toBe('show');
    const p = await getProfile(ctl);
    expect(p.blockedAuthors.map((b) => b.name)).not.toContain('Drama Central');
    expect(p.lessLike).toEqual([expect.objectContaining({ platform: 'youtube', author: 'Drama Central', itemId: 'clickBait01' })]);
    await screenshot(page, 'item-menu-less-like-this');
    await menu.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panelOpen(page)).toBe(0);
    await expect.poll(() => modeOf(page, 'at the reunion')).toBe('show');
    expect((await getProfile(ctl)).lessLike).toEqual([]);

    // Said again, the demoted item's badge says why in words, and its menu offers the way back.
    await useItemMenu(page, (await marks(page)).find((d) => d.itemText.includes('What Happened Next!!!'))!, 'Less like this');
    await expect.poll(() => modeOf(page, 'at the reunion')).toBe('demote');
    const demoted = (await marks(page)).find((d) => d.itemText.includes('at the reunion'))!;
    expect((await explain(page, demoted))?.title).toBe('Fewer like this: Drama Central');
    const back = await openItemMenu(page, demoted);
    expect(await menuEntries(back)).toContain('Show as before (undo “fewer like this”)');
    // By keyboard this time: the second entry, then Enter.
    await expect.poll(() => back.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Hide this item');
    await page.keyboard.press('ArrowDown');
    pressGone(page, 'Enter');
    await expect.poll(() => modeOf(page, 'at the reunion')).toBe('show');

    // "Block Drama Central" is a separate, explicit choice: the whole channel goes.
    await turnTo(page, ['sourdough recipe']);
    const sourdough = (await marks(page)).find((d) => d.itemText.includes('sourdough recipe'))!;
    const blocking = await useItemMenu(page, sourdough, 'Block Drama Central');
    await expect.poll(() => blocking.locator('.done').textContent()).toBe('Drama Central is blocked on YouTube.');
    await expect.poll(() => modeOf(page, 'sourdough recipe')).toBe('stub');
    await expect.poll(() => modeOf(page, 'What Happened Next!!!')).toBe('stub');
    expect((await getProfile(ctl)).blockedAuthors).toContainEqual({ platform: 'youtube', name: 'Drama Central' });
    await page.close();
    await seedProfile(ctl, profile);
  });
});

describe('exceptions say their scope first', () => {
  it('"Show all ads on Hacker News?" asks before it is made; Cancel makes nothing; "Show this item" is for that item only', async () => {
    const page = await open(HN, 8);
    const ad = (await stubs(page)).find((d) => d.text.startsWith('Hidden by Parapet: Ad'))!;
    expect(ad.buttons).toContain('Show this item');
    const menu = await openItemMenu(page, ad);
    expect(await menuEntries(menu)).toEqual(['Show this item (only this one)', 'Show all ads on Hacker News…']);
    await menu.getByRole('menuitem', { name: 'Show all ads on Hacker News…' }).click();
    await expect.poll(() => menu.locator('h1').textContent()).toBe('Show all ads on Hacker News?');
    expect(await menu.locator('.buttons button').allTextContents()).toEqual(['Show all ads', 'Cancel']);
    await screenshot(page, 'item-menu-confirm-scope');
    await menu.getByRole('button', { name: 'Cancel' }).click();
    // Back to the menu, nothing made.
    await expect.poll(() => menuEntries(menu)).toContain('Show all ads on Hacker News…');
    expect((await getProfile(ctl)).exceptions).toEqual([]);
    pressGone(page, 'Escape');
    await expect.poll(() => panelOpen(page)).toBe(0);

    const again = await useItemMenu(page, ad, 'Show all ads on Hacker News…', 'yes');
    expect(again).toBeTruthy();
    await expect.poll(async () => (await getProfile(ctl)).exceptions).toEqual([expect.objectContaining({ type: 'rule', platform: 'hackernews', ruleCode: 'promoted' })]);
    await expect.poll(() => page.locator('text=CloudCo (YC S21) Is Hiring').isVisible()).toBe(true);
    await expect.poll(() => panelOpen(page)).toBe(0);
    await page.close();
    await seedProfile(ctl, profile);
  });

  it('"Always show from" a channel asks with the channel and the site named', async () => {
    const page = await open(YT, 10);
    const drama = await labelled(page, 'What Happened Next!!!');
    const menu = await useItemMenu(page, drama, 'Always show from Drama Central…');
    await expect.poll(() => menu.locator('h1').textContent()).toMatch(/^Always show everything from .+ on YouTube\?$/);
    await menu.getByRole('button', { name: 'Cancel' }).click();
    expect((await getProfile(ctl)).exceptions).toEqual([]);
    await page.close();
  });
});

describe('stubs in a grid', () => {
  it('fit their YouTube grid cell on one line, at any width', async () => {
    const page = await open(YT, 10);
    for (const width of [1280, 760]) {
      await page.setViewportSize({ width, height: 900 });
      const lines = await page.$$eval(`${GRID} > ytd-rich-item-renderer[data-parapet="stub"]`, (cells) =>
        cells.map((c) => {
          const stub = c.querySelector('parapet-stub')!.getBoundingClientRect();
          const cell = c.getBoundingClientRect();
          return { height: Math.round(stub.height), inside: stub.left >= cell.left - 1 && stub.right <= cell.right + 1 };
        }),
      );
      expect(lines.length).toBeGreaterThanOrEqual(2);
      // One line: the 24 px menu button, the stub's padding and border, and its margins.
      for (const l of lines) expect(l).toEqual({ height: expect.any(Number), inside: true });
      for (const l of lines) expect(l.height).toBeLessThanOrEqual(40);
      await screenshot(page, `item-menu-grid-stubs-${width}`);
    }
    await page.close();
  });
});

describe('rules in words', () => {
  it('names a regex rule by what it matches, never its pattern', async () => {
    const page = await open(YT, 10);
    await page.evaluate(() => (window as any).fixture.appendBatch(1, { titles: ['You won’t believe how calm this moss garden is'], channel: 'Slow Walks', sync: true }));
    await expect.poll(async () => (await decorations(page)).some((d) => d.tag === 'parapet-stub' && d.itemText.includes('how calm this moss'))).toBe(true);
    const stub = (await decorations(page)).find((d) => d.tag === 'parapet-stub' && d.itemText.includes('how calm this moss'))!;
    const before = new Set(page.frames());
    const why = await explain(page, stub);
    expect(why?.title).toBe('Hidden by Parapet: Your rule: “you won\'t believe how”');
    expect(why?.lines.join(' ')).not.toMatch(/[(|)?]/);
    expect(before.size).toBeGreaterThan(0);
    // As a person sees it: the frame under the stub.
    await clickIn(page, stub, 'Why?');
    await expect.poll(() => page.frames().some((f) => f.url().includes('/why.html#'))).toBe(true);
    await page.waitForTimeout(300);
    await screenshot(page, 'item-menu-rule-in-words');
    await page.close();
  });
});
