import { describe, expect, it } from 'vitest';
import { HACKERNEWS_PAGES, openedItemOf, pageTitleOf, REDDIT_PAGES, searchQueryOf, X_PAGES, YOUTUBE_PAGES } from '@/lib/adapters/page-signals';
import { MIN_DWELL_MS, watchPageActivity } from '@/lib/shield-runtime/page-activity';
import { watchTrustedInput } from '@/lib/shield-runtime/trusted-input';
import type { Signal } from '@/lib/schema/log';

const u = (s: string) => new URL(s);

describe('what an address says', () => {
  it('reads the search each site ran', () => {
    expect(searchQueryOf(YOUTUBE_PAGES, u('https://www.youtube.com/results?search_query=sourdough+starter'))).toBe('sourdough starter');
    expect(searchQueryOf(REDDIT_PAGES, u('https://www.reddit.com/r/woodworking/search/?q=dovetail%20jig'))).toBe('dovetail jig');
    expect(searchQueryOf(X_PAGES, u('https://x.com/search?q=webgpu&src=typed_query'))).toBe('webgpu');
    expect(searchQueryOf(YOUTUBE_PAGES, u('https://www.youtube.com/watch?v=abc123xyz'))).toBeNull();
  });

  it('knows an item’s own page by the id the feed uses for it', () => {
    expect(openedItemOf(YOUTUBE_PAGES, u('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3'))).toBe('dQw4w9WgXcQ');
    expect(openedItemOf(YOUTUBE_PAGES, u('https://www.youtube.com/shorts/abcdef123'))).toBe('abcdef123');
    expect(openedItemOf(REDDIT_PAGES, u('https://www.reddit.com/r/rust/comments/1abcde/some_title/'))).toBe('t3_1abcde');
    expect(openedItemOf(X_PAGES, u('https://x.com/someone/status/1234567890'))).toBe('1234567890');
    expect(openedItemOf(HACKERNEWS_PAGES, u('https://news.ycombinator.com/item?id=42000001'))).toBe('42000001');
    expect(openedItemOf(HACKERNEWS_PAGES, u('https://news.ycombinator.com/news'))).toBeNull();
  });

  it('drops the site’s own title suffix and unread counts', () => {
    expect(pageTitleOf(YOUTUBE_PAGES, '(3) Rust borrow checker explained - YouTube')).toBe('Rust borrow checker explained');
    expect(pageTitleOf(HACKERNEWS_PAGES, 'Rust 1.95 released | Hacker News')).toBe('Rust 1.95 released');
  });
});

/** The little of a document the watcher reads: its address, title and visibility. */
function fakeDoc(url: string) {
  const target = new EventTarget();
  const doc = {
    location: { href: url },
    title: '',
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    setVisible(v: boolean) {
      doc.visibilityState = v ? 'visible' : 'hidden';
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
  return doc;
}

function page(url: string, title = '') {
  const doc = fakeDoc(url);
  doc.title = title;
  let t = 0;
  const signals: Array<Partial<Signal>> = [];
  let active = true;
  // The person's clicks and Enters (trusted input, which a unit test cannot make): each vouches for one address.
  let gestures = 0;
  const input = { consume: () => gestures > 0 && gestures-- > 0, stop: () => {} };
  const activity = watchPageActivity(YOUTUBE_PAGES, { signal: (s) => signals.push(s) }, doc as unknown as Document, { active: () => active, now: () => t, input });
  activity.check();
  return {
    doc,
    signals,
    activity,
    advance: (ms: number) => (t += ms),
    /** The page's script changes the address (pushState), no person involved. */
    go: (next: string, nextTitle: string) => {
      doc.location.href = next;
      doc.title = nextTitle;
      activity.check();
    },
    /** The person clicks or presses Enter, and the site goes to `next`. */
    personGoes: (next: string, nextTitle: string) => {
      gestures++;
      doc.location.href = next;
      doc.title = nextTitle;
      activity.check();
    },
    pause: () => (active = false),
  };
}

describe('searches and time spent, as signals', () => {
  it('records a search once, and the time on a watch page when the person moves on', () => {
    const p = page('https://www.youtube.com/', 'YouTube');
    p.personGoes('https://www.youtube.com/results?search_query=moss+garden', 'moss garden - YouTube');
    p.activity.check();
    expect(p.signals.filter((s) => s.type === 'search').map((s) => s.title)).toEqual(['moss garden']);

    p.personGoes('https://www.youtube.com/watch?v=mossVideo01', 'Japanese moss gardens - YouTube');
    p.advance(MIN_DWELL_MS * 3);
    p.go('https://www.youtube.com/', 'YouTube');
    const dwell = p.signals.find((s) => s.type === 'dwell');
    expect(dwell).toMatchObject({ itemId: 'mossVideo01', title: 'Japanese moss gardens', value: MIN_DWELL_MS * 3 });
    p.activity.stop();
  });

  it('leaves out a glance, and counts no time while the tab is hidden', () => {
    const p = page('https://www.youtube.com/watch?v=glance00001', 'A video - YouTube');
    p.advance(MIN_DWELL_MS / 2);
    p.doc.setVisible(false);
    p.advance(MIN_DWELL_MS * 10);
    p.doc.setVisible(true);
    p.activity.leave();
    expect(p.signals.filter((s) => s.type === 'dwell')).toEqual([]);
    p.activity.stop();
  });

  it('records nothing while Parapet is paused', () => {
    const p = page('https://www.youtube.com/');
    p.pause();
    p.go('https://www.youtube.com/results?search_query=private', 'private - YouTube');
    p.go('https://www.youtube.com/watch?v=privateVid1', 'Private - YouTube');
    p.advance(MIN_DWELL_MS * 5);
    p.activity.leave();
    expect(p.signals).toEqual([]);
    p.activity.stop();
  });
});

describe('a page script steering the inferred model (issue 25, finding 5)', () => {
  it('records no search and no time spent for addresses the page pushes by itself', () => {
    const p = page('https://www.youtube.com/', 'YouTube');
    for (let i = 0; i < 50; i++) p.go(`https://www.youtube.com/results?search_query=crypto+casino+${i}`, 'crypto casino - YouTube');
    p.go('https://www.youtube.com/watch?v=casinoVid01', 'Crypto Casino - YouTube');
    p.advance(MIN_DWELL_MS * 3);
    p.go('https://www.youtube.com/', 'YouTube');
    expect(p.signals).toEqual([]);
    p.activity.stop();
  });

  it('lets one click of the person vouch for one address, not for the page’s next ones', () => {
    const p = page('https://www.youtube.com/', 'YouTube');
    p.personGoes('https://www.youtube.com/results?search_query=moss+garden', 'moss garden - YouTube');
    p.go('https://www.youtube.com/results?search_query=crypto+casino', 'crypto casino - YouTube');
    p.go('https://www.youtube.com/results?search_query=crypto+casino+2', 'crypto casino - YouTube');
    expect(p.signals.map((s) => s.title)).toEqual(['moss garden']);
    p.activity.stop();
  });

  it('does not count a search address the tab was opened at (a page can load itself there)', () => {
    const p = page('https://www.youtube.com/results?search_query=crypto+casino', 'crypto casino - YouTube');
    p.activity.check();
    expect(p.signals).toEqual([]);
    p.activity.stop();
  });

  it('takes no gesture from events a script dispatches', () => {
    const target = new EventTarget();
    const input = watchTrustedInput(target, () => 0);
    target.dispatchEvent(new Event('pointerdown'));
    target.dispatchEvent(new Event('click'));
    target.dispatchEvent(Object.assign(new Event('keydown'), { key: 'Enter' }));
    expect(input.consume()).toBe(false);
    input.stop();
  });
});
