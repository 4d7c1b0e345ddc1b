import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Launched } from './harness';
import { clickIn, decorations, feed, marks, startFeedBrowser, stubs, waitForShield } from './feed-helpers';

// Issue 25, finding 1 and the models' address: what a feed site's own script can read of Parapet's reasons. A
// closed shadow root hides nodes, not text, so the page searches (window.find), selects (Selection.modify) and
// measures (badge widths) what Parapet drew; and a static extension address lets it probe for Parapet and fetch
// its tables. Each attack runs as the page's own script, in the page's world.

let ext: Launched;
const FEEDS = {
  'https://news.ycombinator.com/': 'hackernews-front.html',
  'https://www.reddit.com/': 'reddit-home.html',
  'https://x.com/': 'x-home.html',
  'https://www.youtube.com/': 'youtube-home.html',
} as const;

/** Words only Parapet's reasons for this profile would put on the page (withDemoProfile). */
const PRIVATE = ['Blocked author', 'Topic you avoid', 'Your rule', 'Your interest', 'Crypto giveaways', 'Gardening', 'Hidden by Parapet:'];

beforeAll(async () => {
  ({ ext } = await startFeedBrowser({ pages: Object.fromEntries(Object.entries(FEEDS).map(([u, f]) => [u, () => feed(f)])) }));
});
afterAll(async () => {
  await ext?.close();
});

async function open(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await waitForShield(page, 4);
  // Items the fast tier labels late (the clickbait model) are given their moment.
  await page.waitForTimeout(1500);
  return page;
}

/** The page's script: searches for each private phrase, then selects from each stub and badge to the end of its line. */
const attack = (page: Page) =>
  page.evaluate((words) => {
    const w = window as unknown as { find(s: string, cs?: boolean, back?: boolean, wrap?: boolean): boolean };
    const found = words.filter((s) => {
      getSelection()!.removeAllRanges();
      return w.find(s, false, false, true);
    });
    const sel = getSelection()!;
    const selected: string[] = [];
    for (const host of document.querySelectorAll('parapet-stub, parapet-mark')) {
      sel.removeAllRanges();
      const r = document.createRange();
      r.setStartBefore(host);
      r.collapse(true);
      sel.addRange(r);
      (sel as unknown as { modify(a: string, d: string, g: string): void }).modify('extend', 'forward', 'lineboundary');
      selected.push(sel.toString());
    }
    sel.removeAllRanges();
    const widths = [...document.querySelectorAll('parapet-mark')].map((m) => Math.round(m.getBoundingClientRect().width));
    return { found, selected: selected.join('\n'), markWidths: [...new Set(widths)] };
  }, PRIVATE);

describe('a feed page reading what Parapet drew', () => {
  for (const [url, fixture] of Object.entries(FEEDS)) {
    it(`${fixture}: finds, selects and measures nothing of the profile, while the person still sees why`, async () => {
      const page = await open(url);
      const got = await attack(page);
      // The selection trick works (it reads the generic stub words), and reads nothing private.
      expect(got.selected).toContain('Hidden by Parapet');
      expect(got.found).toEqual([]);
      for (const word of PRIVATE) expect(got.selected).not.toContain(word);
      // Badges are one size whatever they say (a badge and a bare menu: two widths at most).
      expect(got.markWidths.length).toBeLessThanOrEqual(2);

      // The person opens "Why?" and reads the reason in Parapet's own frame.
      const s = await stubs(page);
      expect(s.length).toBeGreaterThan(0);
      expect(s.every((d) => /^Hidden by Parapet: \S/.test(d.text))).toBe(true);
      // With a why frame open, its words are out of the page's reach too.
      await clickIn(page, s[0], 'Why?');
      await expect.poll(() => page.frames().some((f) => f.url().includes('/why.html#')), { timeout: 10_000 }).toBe(true);
      await page.waitForTimeout(300);
      const withFrame = await attack(page);
      expect(withFrame.found).toEqual([]);
      for (const word of PRIVATE) expect(withFrame.selected).not.toContain(word);
      await clickIn(page, s[0], 'Why?');
      const badged = (await marks(page)).filter((d) => d.why);
      const titles = new Set(badged.map((d) => d.text.split(' ⋯')[0]));
      expect(titles.size).toBeGreaterThanOrEqual(2);
      // Two badges saying different things, measured by the test the way the page would: the same width.
      const cdp = await page.context().newCDPSession(page);
      const widthOf = async (id: number) => {
        const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: id })) as { model: { width: number } };
        return model.width;
      };
      await cdp.send('DOM.getDocument', { depth: 0 });
      const widths = new Set(await Promise.all(badged.map((d) => widthOf(d.backendNodeId))));
      expect(widths.size).toBe(1);
      await cdp.detach();
      await page.close();
    });
  }

  it('a page cannot fetch or probe Parapet at its fixed address, and the content scripts still load their models', async () => {
    const page = await open('https://news.ycombinator.com/');
    const reached = await page.evaluate(async (id) => {
      const tryFetch = (path: string) =>
        fetch(`chrome-extension://${id}/${path}`).then(
          (r) => r.ok,
          () => false,
        );
      return { detectors: await tryFetch('models/detectors.json'), clickbait: await tryFetch('models/clickbait.bin'), why: await tryFetch('why.html') };
    }, ext.extensionId);
    expect(reached).toEqual({ detectors: false, clickbait: false, why: false });
    // The clickbait model (models/clickbait.bin) loaded in the content script: the headline is labelled.
    const m = (await marks(page)).find((d) => d.itemText.includes('one weird compiler trick'));
    expect(m?.text).toMatch(/^Clickbait/);
    expect((await decorations(page)).length).toBeGreaterThan(0);
    await page.close();
  });
});
