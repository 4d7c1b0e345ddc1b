import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched } from './harness';
import { feed, labelled, startFeedBrowser, waitForShield } from './feed-helpers';
import { call } from './ui-helpers';
import { STOPWORDS } from '../../lib/core/detectors/stopwords';

// A clickbait badge's why frame names the headline's words that gave it away, as the Flagged list does. The tab
// decides before paint without them (quoting costs as much as scoring) and quotes them when the person asks why.
let ext: Launched;
let ctl: Page;
const HOME = 'https://news.ycombinator.com/';
const TITLE = "You won't believe what this one weird compiler trick does";
// The function words of every language the detectors know (the shipped list, as the quoting code reads it).
const FUNCTION_WORDS = new Set(Object.values(STOPWORDS).flatMap((l) => l.split(' ')));

beforeAll(async () => {
  ({ ext, ctl } = await startFeedBrowser({ pages: { [HOME]: () => feed('hackernews-front.html') } }));
});
afterAll(async () => {
  await ext?.close();
});

describe('why a headline is labelled clickbait', () => {
  it('the badge\'s why frame quotes the headline\'s own words, never a function word alone, as the Flagged list does', async () => {
    const page: Page = await ext.context.newPage();
    await page.goto(HOME);
    await waitForShield(page, 8);
    const mark = await labelled(page, 'one weird compiler trick');
    const line = (mark.why ?? []).find((l) => l.startsWith('Clickbait')) ?? '';
    const quoted = [...line.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
    expect(quoted.length, line).toBeGreaterThan(0);
    for (const words of quoted) {
      expect(TITLE.toLowerCase()).toContain(words.toLowerCase());
      expect(words.toLowerCase().split(/[^\p{L}\p{N}'’]+/u).some((w) => w && !FUNCTION_WORDS.has(w)), words).toBe(true);
    }
    const flagged = async () => (await call(ctl, 'flags/list', {})).find((f) => f.title === TITLE && f.kind === 'clickbait');
    await expect.poll(async () => (await flagged())?.evidence ?? [], { timeout: 5000 }).toEqual(quoted);
    await page.close();
  });
});
