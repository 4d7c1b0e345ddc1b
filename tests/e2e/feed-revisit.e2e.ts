import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched } from './harness';
import { expectBlockedStoryNeverShown, feed, labelled, paintedHidden, startFeedBrowser, stubs, waitForShield } from './feed-helpers';
import { keptForTabs, workerStorage } from './ui-helpers';
import { knownKey, type StoredKnown } from '../../lib/schema/known-decisions';

// A feed page opened again decides the items it saw last time as they were then (lib/schema/known-decisions.ts),
// without decoding the models: what the person sees is the same, nothing hidden is ever drawn, the why frame still
// quotes the headline's words, and a change the person made since is never undone by what was kept.
let ext: Launched;
let ctl: Page;
let storage: ReturnType<typeof workerStorage>;
const HOME = 'https://news.ycombinator.com/';

beforeAll(async () => {
  ({ ext, ctl } = await startFeedBrowser({
    pages: { [HOME]: () => feed('hackernews-front.html') },
    neverPainted: 'tr.athing:has(a[href*="/jobs/"]) > td, tr.athing:has(a[href*="/jobs/"]) + tr > td',
  }));
  storage = workerStorage(ext.context.serviceWorkers()[0]);
});
afterAll(async () => {
  await ext?.close();
});

const kept = () => storage.get<StoredKnown>(knownKey('hackernews'));
const keep = (value: StoredKnown) => storage.set(knownKey('hackernews'), value);

/** Opens the front page and waits for its decisions. */
async function visit(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(HOME);
  await waitForShield(page, 8);
  return page;
}
/** A visit, left as a person leaves it: the page reports what it decided as it goes; resolves with what is kept. */
async function visitAndLeave(): Promise<StoredKnown> {
  const page = await visit();
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await kept())?.entries.length ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(8);
  return (await kept())!;
}
const order = (page: Page) => page.$$eval('tr.athing', (rows) => rows.map((r) => r.id));

describe('a feed page opened again', () => {
  it('shows what it decided last time, taken from what it kept: the same stubs, labels and order, nothing hidden drawn', async () => {
    const first = await visit();
    const before = { order: await order(first), stubs: (await stubs(first)).map((s) => s.text) };
    await first.close({ runBeforeUnload: true });
    await expect.poll(async () => (await kept())?.entries.length ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(8);

    const again = await visit();
    expect(await order(again)).toEqual(before.order);
    expect((await stubs(again)).map((s) => s.text)).toEqual(before.stubs);
    // The why frame of a badge decided from what was kept quotes the headline's words, as on the first visit.
    const mark = await labelled(again, 'one weird compiler trick');
    expect((mark.why ?? []).find((l) => l.startsWith('Clickbait')) ?? '').toMatch(/“[^”]+”/);
    expect(await paintedHidden(again)).toEqual([]);
    await again.close();
  });

  it('uses what was kept for the item only when it reads the same: decided from it, else decided afresh', async () => {
    const store = await visitAndLeave();
    // What was kept, altered: the moss garden story's entry says "hidden as an ad", twice over: once for the story
    // as it reads, once with another fingerprint (the story read otherwise, as after an edit of its title).
    const ad = store.entries.find((e) => e.id === '42000004')!;
    const asAd = (id: string, fp: number) => ({ ...ad, id, fp, decision: { ...ad.decision, itemId: id } });
    const moss = store.entries.find((e) => e.id === '42000003')!;
    const tiny = store.entries.find((e) => e.id === '42000007')!;
    await keep({ ...store, entries: [...store.entries.filter((e) => e !== moss && e !== tiny), asAd('42000003', moss.fp), asAd('42000007', tiny.fp + 1)] });
    const page = await visit();
    try {
      const hidden = (await stubs(page)).map((s) => s.itemText);
      expect(hidden.some((t) => t.includes('moss garden'))).toBe(true);
      expect(hidden.some((t) => t.includes('tiny compiler'))).toBe(false);
      expect(await page.locator('text=The design of a tiny compiler').isVisible()).toBe(true);
      expect(await paintedHidden(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('stories it did not see last time wait unseen for the models, the rest shown without them: each decided as on a first visit', async () => {
    const store = await visitAndLeave();
    // The job ad (hidden by the rules) and the clickbait story (labelled by the headline model) are new to it.
    await keep({ ...store, entries: store.entries.filter((e) => e.id !== '42000004' && e.id !== '42000002') });
    const page = await visit();
    try {
      expect((await stubs(page)).map((s) => s.itemText).some((t) => t.includes('CloudCo'))).toBe(true);
      const mark = await labelled(page, 'one weird compiler trick');
      expect((mark.why ?? []).find((l) => l.startsWith('Clickbait')) ?? '').toMatch(/“[^”]+”/);
      expect(await page.locator('text=Rust 1.95 released').isVisible()).toBe(true);
      expect(await paintedHidden(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("a story new to it by an author the person blocked is stubbed before it is drawn: the profile's look-ups come with the models", async () => {
    await expectBlockedStoryNeverShown(ctl, visit, async (saved) => {
      // The revisit starts from the profile kept for it (its look-ups kept apart: lib/schema/stored-models.ts).
      await keptForTabs(ctl, saved);
      const store = await visitAndLeave();
      await keep({ ...store, entries: store.entries.filter((e) => e.id !== '42000008') });
    });
  });

  it('a change the person made since is applied at once: what was kept for the profile before is not used', async () => {
    await visitAndLeave();
    await expectBlockedStoryNeverShown(ctl, visit);
  });
});
