// @vitest-environment happy-dom
// The document_start script (lib/shield-runtime/early-hold.ts): while the page is parsed, before the feed script
// runs, every item the parser inserts waits unseen in its place (the root element's attribute and the site's hold
// stylesheet); the feed script puts what it finds out of sight and decides it, and if that script never comes, the
// page is shown as the site drew it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hackernewsAdapter } from '@/lib/adapters/hackernews';
import { redditAdapter } from '@/lib/adapters/reddit';
import type { Adapter } from '@/lib/adapters/types';
import { xAdapter } from '@/lib/adapters/x';
import { youtubeAdapter } from '@/lib/adapters/youtube';
import { defaultProfile, type Profile } from '@/lib/schema/profile';
import { createEarlyHold, HOLD_ATTR } from '@/lib/shield-runtime/early-hold';
import type { PageStart } from '@/lib/shield-runtime/page-start';
import { ATTR } from '@/lib/shield-runtime/runner';
import { putItemsOutOfSight } from '@/lib/shield-runtime/unread';
import { fixtureNames, loadFixture, tick } from './adapters-fixture';
import { startOnHackerNews } from './shield-start';

/** The selector of a site's hold stylesheet: what waits unseen while the root element has the hold's attribute. */
function heldSelector(site: string): string {
  const css = readFileSync(resolve(__dirname, `../../lib/adapters/${site}.hold.css`), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const rules = [...css.matchAll(/([^{}]+)\{\s*visibility:\s*hidden !important;\s*\}/g)].map((m) => m[1].trim());
  expect(rules).toHaveLength(1);
  const prefix = `:root[${HOLD_ATTR}] `;
  expect(rules[0].startsWith(prefix)).toBe(true);
  // As a list (happy-dom matches no :is() of lists).
  const held = rules[0].slice(prefix.length).replace(/\s+/g, ' ');
  return held.startsWith(':is(') && held.endsWith(')') ? held.slice(4, -1) : held;
}

/** Whether nothing of `el` shows while the hold's stylesheet applies: it is held or inside what is, or nothing in it
 * that draws text is outside what is held (an article around a Reddit post, the subtext row around its cell, an
 * empty spacer row). */
const unseen = (el: Element, held: string): boolean =>
  el.closest(held) !== null ||
  el.textContent?.trim() === '' ||
  [...el.childNodes].every((n) => (n.nodeType === 3 ? n.textContent?.trim() === '' : n.nodeType !== 1 || unseen(n as Element, held)));

const person = (): Profile => ({ ...defaultProfile(1), revision: 2, blockedAuthors: [{ platform: 'hackernews', name: 'pgdev' }] });
const never = new Promise<never>(() => {});
const start: PageStart = { startedAt: 0, profile: never, models: never };

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup.reverse()) f();
  cleanup = [];
  vi.useRealTimers();
});

/** The HN front page as the parser builds it: its rows arrive after the early hold started. */
function parsing(url = 'https://news.ycombinator.com/') {
  const page = loadFixture('hackernews-front.html', url, { scripts: false });
  cleanup.push(page.close);
  let state: DocumentReadyState = 'loading';
  Object.defineProperty(page.doc, 'readyState', { configurable: true, get: () => state });
  const body = page.doc.querySelector('tr.athing')!.parentElement!;
  const rows = [...body.children];
  for (const r of rows) r.remove();
  // Every attribute the page's rows ever had: a row drawn without the hold's mark would show up here.
  const everShown = new Set<string>();
  new page.win.MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as unknown as Element;
      if (el.id && el.getAttribute(ATTR) === null) everShown.add(el.id);
    }
  }).observe(page.doc as never, { subtree: true, attributes: true, attributeFilter: [ATTR], childList: true });
  return {
    page,
    everShown,
    parse: () => body.append(...rows),
    finish: () => {
      state = 'interactive';
      page.doc.dispatchEvent(new Event('readystatechange'));
    },
    loaded: () => {
      state = 'complete';
      page.doc.dispatchEvent(new Event('readystatechange'));
    },
    mode: (id: string) => page.doc.getElementById(id)?.getAttribute(ATTR),
  };
}

describe('the early hold, before the feed script runs', () => {
  it('keeps every story the parser inserts unseen, rows and all, and hands them to the feed script, which decides them', async () => {
    const p = parsing();
    const early = createEarlyHold(hackernewsAdapter, p.page.doc, start, () => {});
    p.parse();
    // A row the parser left unfinished when it stopped (no title): held, then shown as the site drew it.
    const broken = p.page.doc.createElement('tr');
    broken.className = 'athing submission';
    broken.id = '42000099';
    broken.innerHTML = '<td class="title"><span class="rank">9.</span></td>';
    p.page.doc.querySelector('tr.athing')!.parentElement!.append(broken);
    await tick(0);
    const stories = [...p.page.doc.querySelectorAll('tr.athing')];
    expect(stories.length).toBeGreaterThan(5);
    expect(p.page.doc.documentElement.hasAttribute(HOLD_ATTR)).toBe(true);
    const held = heldSelector('hackernews');
    for (const s of stories) {
      expect(s.matches(held)).toBe(true);
      for (const part of hackernewsAdapter.extraParts!(s)) expect(unseen(part, held)).toBe(true);
    }
    // A page's own script taking the attribute off does not show them.
    p.page.doc.documentElement.removeAttribute(HOLD_ATTR);
    await tick(0);
    expect(p.page.doc.documentElement.hasAttribute(HOLD_ATTR)).toBe(true);
    p.finish();
    const claimed = early.claim(() => putItemsOutOfSight(hackernewsAdapter, p.page.doc));
    // In the same task: the feed script's own hold has them before the stylesheet's lets go.
    expect(p.page.doc.documentElement.hasAttribute(HOLD_ATTR)).toBe(false);
    for (const s of stories) expect(s.getAttribute(ATTR)).toBe('wait');
    const s = startOnHackerNews({ person, answerMs: 5, holdMs: 500, page: p.page, held: claimed });
    cleanup.push(() => s.shield.stop());
    await tick(30);
    expect(p.mode('42000001')).toBe('show');
    expect(p.mode('42000008')).toBe('stub'); // the blocked author's story: never drawn
    expect(p.page.doc.querySelectorAll(`[${ATTR}="wait"]`)).toHaveLength(0); // subtext and spacer rows shown too
    expect(p.mode('42000099')).toBeNull();
    expect(p.everShown.has('42000008')).toBe(false);
  });

  it('shows what it held when the feed script has not come a second after the page loaded', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const p = parsing();
    const done: boolean[] = [];
    const begin = vi.fn();
    const early = createEarlyHold(hackernewsAdapter, p.page.doc, { ...start, begin }, (claimed) => done.push(claimed));
    p.parse();
    await Promise.resolve();
    const holding = () => p.page.doc.documentElement.hasAttribute(HOLD_ATTR);
    await vi.advanceTimersByTimeAsync(5000); // a long parse: still held
    expect(holding()).toBe(true);
    // Parsed, the page's deferred scripts still loading (the feed script comes after them); a page firing
    // DOMContentLoaded itself does not start the wait, nor the reads for the feed script (page-start.ts).
    p.finish();
    p.page.doc.dispatchEvent(new Event('DOMContentLoaded'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(holding()).toBe(true);
    expect(begin).not.toHaveBeenCalled();
    // The feed script, should it come now, waits a task (content.ts runFeedShieldOnceParsed): the page's event was
    // its own, not the browser's.
    expect(early.parsed).toBe(false);
    // The site's own handlers of the event run before the reads are set up (Firefox builds the APIs they use then).
    let readsWhenTheSiteRan = -1;
    p.page.doc.addEventListener('readystatechange', () => (readsWhenTheSiteRan = begin.mock.calls.length));
    p.loaded();
    expect(readsWhenTheSiteRan).toBe(0);
    expect(early.parsed).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(begin).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(holding()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(holding()).toBe(false);
    expect(p.page.doc.querySelectorAll(`[${ATTR}]`)).toHaveLength(0);
    expect(done).toEqual([false]); // not claimed: no feed script to check its profile for (page-start.ts, confirm)
  });

  it('holds nothing on a page without a feed (a story’s comments)', async () => {
    const p = parsing('https://news.ycombinator.com/item?id=42000001');
    const early = createEarlyHold(hackernewsAdapter, p.page.doc, start, () => {});
    p.parse();
    await tick(0);
    expect(p.page.doc.documentElement.hasAttribute(HOLD_ATTR)).toBe(false);
    const hold = vi.fn(() => [p.page.doc.body]);
    expect(early.claim(hold)).toEqual([]);
    expect(hold).not.toHaveBeenCalled();
    expect(p.page.doc.querySelectorAll(`[${ATTR}]`)).toHaveLength(0);
  });

  it('once claimed, no longer holds or shows anything itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const p = parsing();
    const done: boolean[] = [];
    const early = createEarlyHold(hackernewsAdapter, p.page.doc, start, (claimed) => done.push(claimed));
    p.parse();
    await Promise.resolve();
    const held = early.claim(() => putItemsOutOfSight(hackernewsAdapter, p.page.doc));
    expect(held.length).toBeGreaterThan(5);
    // Claimed by the feed script, the page parsed: the start script then checks its kept profile is current.
    expect(done).toEqual([true]);
    p.finish();
    early.end();
    await vi.advanceTimersByTimeAsync(2000);
    expect(p.mode('42000001')).toBe('wait'); // the feed script shows it, not this one
    p.page.doc.querySelector('tr.athing')!.parentElement!.append(p.page.doc.createElement('tr'));
    await Promise.resolve();
    expect(held.every((x) => x.getAttribute(ATTR) === 'wait')).toBe(true);
  });
});

describe('each site’s hold stylesheet', () => {
  const sites: Array<[string, Adapter]> = [
    ['hackernews', hackernewsAdapter],
    ['reddit', redditAdapter],
    ['x', xAdapter],
    ['youtube', youtubeAdapter],
  ];
  it.each(sites)('keeps every item %s’s adapter finds on its fixture pages unseen, rows and all', (site, adapter) => {
    const held = heldSelector(site);
    const pages = fixtureNames().filter((f) => f.startsWith(`${site}-`) && !f.includes('broken'));
    expect(pages.length).toBeGreaterThan(0);
    let items = 0;
    for (const name of pages) {
      const page = loadFixture(name, 'https://example.test/', { scripts: false });
      try {
        for (const root of adapter.findItems(page.doc)) {
          items++;
          expect(unseen(root, held), `${name}: ${root.outerHTML.slice(0, 80)}`).toBe(true);
          for (const part of adapter.extraParts?.(root) ?? []) expect(unseen(part, held), `${name}: a row of ${root.id}`).toBe(true);
        }
      } finally {
        page.close();
      }
    }
    expect(items).toBeGreaterThan(5);
  });
});
