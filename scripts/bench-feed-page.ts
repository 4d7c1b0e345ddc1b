// The pages and the in-page measuring harness of scripts/bench-feed.ts. Pages are generated here (modelled on the
// markup of tests/fixtures/feeds/*.html and /work/shared/notes/platforms.md) so the bench does not move when a
// fixture does. Everything that runs in the page is plain JavaScript text: functions handed to Playwright would
// be serialised after tsx's transform, which adds helpers the page does not have.

import type { Page } from 'playwright-core';

export type BenchPlatform = 'hackernews' | 'youtube';

/** What the seeded profile hides: a blocked author or channel, a keyword rule, and the platform's own ads. */
export const HIDE_KEYWORD = 'crypto';
export const BLOCKED: Record<BenchPlatform, string[]> = {
  hackernews: ['growthhacker', 'spamlord'],
  youtube: ['Drama Central'],
};

export const FEED = { total: 1000, batch: 20, everyMs: 16, initial: 30 };

/** Appends the bench's feed in the page (its `__feed.run`, in the generated pages below); resolves with the run's
 * wall time once the last batch is in. `total` other than the bench's tells a per-page cost from a per-item one. */
export const runFeed = (page: Page, total = FEED.total): Promise<{ ms: number }> =>
  page.evaluate((o) => (window as unknown as { __feed: { run(o: unknown): Promise<{ ms: number }> } }).__feed.run(o), {
    first: FEED.initial,
    total,
    batch: FEED.batch,
    everyMs: FEED.everyMs,
  });

/** Item content shared by both pages; `expectHide` in the page mirrors the rules below. */
const SHARED_JS = String.raw`
  const TITLES = [
    'Rust 1.95 released', 'A moss garden simulator in 4 KB', 'Why SQLite uses B-trees', 'The history of the mechanical pencil',
    'Notes on writing a tiny garbage collector', 'How we cut our build times in half', 'A field guide to lichens',
    'Crypto exchange halts withdrawals again', 'Reading old Unix source code', 'An interview with a lighthouse keeper',
    'Designing a keyboard from scratch', 'What I learned maintaining a parser for ten years', 'The physics of bicycle stability',
    'Show HN: A static site generator in one file', 'Postgres 19 feature preview', 'Restoring a 1970s synthesizer',
    'How ocean tides are predicted', 'Why the crypto winter is not over', 'A gentle introduction to type inference',
    'Mapping every tree in a city', 'The economics of open source maintenance', 'Building a telescope mount at home',
    'A visual explanation of Fourier transforms', 'Small web browsers that still work', 'Learning to bake sourdough with data',
  ];
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const title = (i) => TITLES[(i * 7) % TITLES.length];
`;

const HN_JS = String.raw`
  const AUTHORS = ['steveklabnik', 'growthhacker', 'slowwalker', 'pg', 'dang', 'tptacek', 'patio11', 'spamlord',
    'jedberg', 'rayiner', 'kens', 'jacquesm', 'simonw', 'ingve'];
  const BLOCKED = new Set(['growthhacker', 'spamlord']);
  const isJob = (i) => i % 30 === 29;
  const author = (i) => AUTHORS[(i * 5 + 3) % AUTHORS.length];
  const itemId = (i) => String(43000000 + i);
  function expectHide(benchId) {
    const i = Number(benchId.slice(1));
    return isJob(i) || BLOCKED.has(author(i)) || /crypto/i.test(title(i));
  }
  function rowsHtml(i) {
    const id = itemId(i);
    const site = 'site' + (i % 40) + '.example.org';
    if (isJob(i)) {
      return '<tr class="athing submission" id="' + id + '" data-bench-id="h' + i + '"><td align="right" valign="top" class="title"><span class="rank">' + (i + 1) + '.</span></td><td></td>' +
        '<td class="title" data-bench-content=""><span class="titleline"><a href="https://www.ycombinator.com/companies/co' + i + '/jobs">Company ' + i + ' (YC W26) Is Hiring Engineers</a><span class="sitebit comhead"> (<a href="from?site=ycombinator.com"><span class="sitestr">ycombinator.com</span></a>)</span></span></td></tr>' +
        '<tr><td colspan="2"></td><td class="subtext"><span class="age" title="2026-11-25T09:00:00 1764061200"><a href="item?id=' + id + '">5 hours ago</a></span></td></tr><tr class="spacer" style="height:5px"></tr>';
    }
    const user = author(i);
    return '<tr class="athing submission" id="' + id + '" data-bench-id="h' + i + '"><td align="right" valign="top" class="title"><span class="rank">' + (i + 1) + '.</span></td>' +
      '<td valign="top" class="votelinks"><center><a id="up_' + id + '" href="vote?id=' + id + '&amp;how=up&amp;goto=news"><div class="votearrow" title="upvote">&#9650;</div></a></center></td>' +
      '<td class="title" data-bench-content=""><span class="titleline"><a href="https://' + site + '/post/' + i + '">' + esc(title(i)) + '</a><span class="sitebit comhead"> (<a href="from?site=' + site + '"><span class="sitestr">' + site + '</span></a>)</span></span></td></tr>' +
      '<tr><td colspan="2"></td><td class="subtext"><span class="subline"><span class="score" id="score_' + id + '">' + (10 + (i * 37) % 900) + ' points</span> by <a href="user?id=' + user + '" class="hnuser">' + user + '</a> ' +
      '<span class="age" title="2026-11-25T09:00:00 1764061200"><a href="item?id=' + id + '">3 hours ago</a></span> <span id="unv_' + id + '"></span> | <a href="hide?id=' + id + '&amp;goto=news">hide</a> | <a href="item?id=' + id + '">' + (i % 300) + '&nbsp;comments</a> </span></td></tr>' +
      '<tr class="spacer" style="height:5px"></tr>';
  }
  /** One item's three rows, appended one by one to the story table, before the "More" rows. */
  function appendItem(i) {
    const tpl = document.createElement('template');
    tpl.innerHTML = '<table><tbody>' + rowsHtml(i) + '</tbody></table>';
    const rows = [...tpl.content.querySelectorAll('tr')];
    const gap = document.querySelector('tr.morespace');
    const t = performance.now();
    for (const r of rows) gap.before(r);
    window.__pb?.inserted('h' + i, rows[0], t);
  }
  function appendBatch(from, to) {
    for (let i = from; i < to; i++) appendItem(i);
  }
`;

const YT_JS = String.raw`
  const CHANNELS = ['Systems Explained', 'Drama Central', 'Slow Walks', 'Kitchen Lab', 'Map Nerd', 'Synth Repair',
    'Tiny Homes', 'Night Sky', 'Trail Running'];
  const BLOCKED = new Set(['Drama Central']);
  const isAd = (i) => i % 12 === 11;
  const channel = (i) => CHANNELS[(i * 4 + 1) % CHANNELS.length];
  const videoId = (i) => 'vid' + String(i).padStart(6, '0');
  function expectHide(benchId) {
    const i = Number(benchId.slice(1));
    return isAd(i) || BLOCKED.has(channel(i)) || /crypto/i.test(title(i));
  }
  function contentHtml(i) {
    if (isAd(i)) {
      return '<div id="content" class="style-scope ytd-rich-item-renderer" data-bench-content=""><ytd-ad-slot-renderer class="style-scope ytd-rich-item-renderer"><ytd-in-feed-ad-layout-renderer><div class="ad-box">' +
        '<a href="https://www.googleadservices.com/pagead/aclk?sa=L&amp;ai=bench' + i + '" class="ad-link"><div class="thumb" style="background:#fef08a"></div><h3>Try Product ' + i + ' free for 30 days</h3></a>' +
        '<div class="ytContentMetadataViewModelMetadataRow"><span class="badge-style-type-ad">Sponsored</span> · Advertiser ' + i + '</div></div></ytd-in-feed-ad-layout-renderer></ytd-ad-slot-renderer></div>';
    }
    const id = videoId(i);
    const t = esc(title(i));
    const c = channel(i);
    return '<div id="content" class="style-scope ytd-rich-item-renderer" data-bench-content=""><yt-lockup-view-model class="ytd-rich-item-renderer lockup"><div class="ytLockupViewModelHost ytLockupViewModelVertical content-id-' + id + '">' +
      '<a href="/watch?v=' + id + '" class="ytLockupViewModelContentImage" tabindex="-1" aria-hidden="true"><yt-thumbnail-view-model class="ytThumbnailViewModelHost"><div class="thumb" style="background:hsl(' + (i * 47) % 360 + ' 70% 85%)"></div></yt-thumbnail-view-model></a>' +
      '<div class="ytLockupViewModelMetadata"><yt-lockup-metadata-view-model class="ytLockupMetadataViewModelHost"><div class="ytLockupMetadataViewModelTextContainer"><h3 class="ytLockupMetadataViewModelHeadingReset" title="' + t + '">' +
      '<a href="/watch?v=' + id + '" class="ytLockupMetadataViewModelTitle"><span class="ytAttributedStringHost">' + t + '</span></a></h3><div class="ytLockupMetadataViewModelMetadata"><yt-content-metadata-view-model class="ytContentMetadataViewModelHost">' +
      '<div class="ytContentMetadataViewModelMetadataRow"><span class="ytAttributedStringHost"><a href="/@' + c.replace(/ /g, '') + '" class="ytAttributedStringLink">' + esc(c) + '</a></span></div>' +
      '<div class="ytContentMetadataViewModelMetadataRow"><span>' + (1 + i % 90) + 'K views</span><span> • </span><span>' + (1 + i % 11) + ' days ago</span></div></yt-content-metadata-view-model></div></div></yt-lockup-metadata-view-model></div></div></yt-lockup-view-model></div>';
  }
  const cellOpen = (i) => '<ytd-rich-item-renderer class="style-scope ytd-rich-grid-renderer" items-per-row="4" lockup="true" rendered-from-rich-grid="" data-bench-id="y' + i + '">';
  /** As YouTube does: empty grid cells go in before the continuation sentinel, their content is stamped a task later. */
  function appendBatch(from, to) {
    const contents = document.querySelector('ytd-rich-grid-renderer > #contents');
    const sentinel = contents.querySelector(':scope > ytd-continuation-item-renderer');
    const cells = [];
    for (let i = from; i < to; i++) {
      const cell = document.createElement('ytd-rich-item-renderer');
      cell.className = 'style-scope ytd-rich-grid-renderer';
      cell.setAttribute('items-per-row', '4');
      cell.setAttribute('lockup', 'true');
      cell.setAttribute('rendered-from-rich-grid', '');
      cell.setAttribute('data-bench-id', 'y' + i);
      contents.insertBefore(cell, sentinel);
      cells.push(cell);
    }
    setTimeout(() => {
      cells.forEach((cell, k) => {
        const t = performance.now();
        cell.innerHTML = contentHtml(from + k);
        window.__pb?.inserted('y' + (from + k), cell, t);
      });
    }, 0);
  }
`;

/** Appends `total` items in batches through the page's own appendBatch(from, to), one batch every `everyMs`; done
 * one task after the last batch, so content a site stamps a task later (YouTube) is in before the run ends. */
const RUN_FEED_JS = String.raw`
  function runFeed(opts) {
    return new Promise((done) => {
      let next = opts.first;
      const end = opts.first + opts.total;
      const t0 = performance.now();
      const step = () => {
        const stop = Math.min(end, next + opts.batch);
        appendBatch(next, stop);
        next = stop;
        setTimeout(next < end ? step : () => done({ inserted: opts.total, ms: performance.now() - t0 }), opts.everyMs);
      };
      step();
    });
  }
`;

const pageScript = (platformJs: string) =>
  `<script>(() => {${SHARED_JS}${platformJs}${RUN_FEED_JS}
  window.__feed = { run: runFeed, expectHide };
})();</script>`;

/** Hacker News front page: `initial` stories in the served HTML, the rest appended by `__feed.run`. */
export function hackerNewsPage(initial = FEED.initial): string {
  const rows: string[] = [];
  // The row markup is built by the same JavaScript the page uses, run here once in Node.
  const build = new Function(`${SHARED_JS}${HN_JS}; return rowsHtml;`)() as (i: number) => string;
  for (let i = 0; i < initial; i++) rows.push(build(i));
  return `<html lang="en" op="news"><head><meta name="referrer" content="origin"><meta name="viewport" content="width=device-width, initial-scale=1.0"><title>Hacker News</title>
<style>
 body { font-family: Verdana, Geneva, sans-serif; font-size: 10pt; color: #828282; margin: 0; }
 #hnmain { background: #f6f6ef; width: 85%; margin: 8px auto; }
 td { font-family: Verdana, Geneva, sans-serif; font-size: 10pt; }
 .title { font-size: 10pt; color: #828282; overflow: hidden; }
 .titleline > a { color: #000; text-decoration: none; }
 .subtext, .subline { font-size: 7pt; }
 .subtext a { color: #828282; text-decoration: none; }
 .sitebit, .sitestr { font-size: 8pt; }
</style></head><body><center><table id="hnmain" border="0" cellpadding="0" cellspacing="0" width="85%" bgcolor="#f6f6ef">
<tr><td bgcolor="#ff6600"><table border="0" cellpadding="0" cellspacing="0" width="100%" style="padding:2px"><tr><td style="line-height:12pt; height:10px;"><span class="pagetop"><b class="hnname"><a href="news">Hacker News</a></b></span></td></tr></table></td></tr>
<tr id="pagespace" title="" style="height:10px"></tr><tr id="bigbox"><td><table border="0" cellpadding="0" cellspacing="0">
${rows.join('')}<tr class="morespace" style="height:10px"></tr><tr><td colspan="2"></td><td class="title"><a href="?p=2" class="morelink" rel="next">More</a></td></tr>
</table></td></tr></table></center>
${pageScript(HN_JS)}
</body></html>`;
}

/** YouTube home grid: `initial` cells in the served HTML, the rest appended by `__feed.run`. */
export function youtubeHomePage(initial = FEED.initial): string {
  const build = new Function(`${SHARED_JS}${YT_JS}; return [cellOpen, contentHtml];`)() as [(i: number) => string, (i: number) => string];
  const cells: string[] = [];
  for (let i = 0; i < initial; i++) cells.push(`${build[0](i)}${build[1](i)}</ytd-rich-item-renderer>`);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>YouTube</title>
<style>
  body { margin: 0; font: 14px/1.4 Roboto, Arial, sans-serif; background: #fff; color: #0f0f0f; }
  #masthead-container { height: 56px; border-bottom: 1px solid #eee; display: flex; align-items: center; padding: 0 16px; font-weight: 700; }
  ytd-rich-grid-renderer { display: block; padding: 16px; }
  ytd-rich-grid-renderer > #contents { display: flex; flex-wrap: wrap; gap: 16px; }
  ytd-rich-item-renderer { display: block; width: calc(25% - 12px); }
  .thumb { height: 120px; border-radius: 12px; }
  h3 { margin: 8px 0 4px; font-size: 15px; overflow-wrap: anywhere; max-height: 4.2em; overflow: hidden; }
  a { color: inherit; text-decoration: none; }
  .ytContentMetadataViewModelMetadataRow { color: #606060; font-size: 13px; }
  .ad-box { border: 1px solid #ddd; border-radius: 12px; padding: 12px; background: #fffbe6; }
  ytd-continuation-item-renderer { display: block; width: 100%; height: 20px; }
</style>
</head><body>
<ytd-app><div id="masthead-container"><ytd-masthead>YouTube</ytd-masthead></div>
<ytd-page-manager id="page-manager">
<ytd-browse role="main" page-subtype="home"><ytd-two-column-browse-results-renderer><div id="primary"><ytd-rich-grid-renderer>
<div id="contents" class="style-scope ytd-rich-grid-renderer">
${cells.join('\n')}
<ytd-continuation-item-renderer></ytd-continuation-item-renderer>
</div></ytd-rich-grid-renderer></div></ytd-two-column-browse-results-renderer></ytd-browse>
</ytd-page-manager></ytd-app>
${pageScript(YT_JS)}
</body></html>`;
}

/**
 * Installed before the page's first script (context.addInitScript). It watches the items, not the page's
 * insertions: the page reports each item as it inserts it (`__pb.inserted`), an attribute observer timestamps the
 * runtime's `data-parapet` decision on each item root, and a sampler looks at every item just before each paint.
 *
 * The sampler runs in a ResizeObserver callback, which the browser calls after every requestAnimationFrame
 * callback and after layout, right before painting: what it sees is what that frame paints. (Sampling in rAF
 * alone would miss changes made by rAF callbacks that run after it.) A rAF loop resizes a 1px probe every frame
 * so the observer fires every frame.
 *
 * Off when the URL has `bench=cost`: the main-thread cost runs measure the page and the extension only.
 */
export const MEASURE_SCRIPT = String.raw`(() => {
  if (location.search.includes('bench=cost')) return;
  const ATTR = 'data-parapet';
  const HIDDEN = new Set(['hide', 'stub']);
  const items = new Map();
  let feedStarted = false;
  let frames = 0;
  let maxUndecidedPainted = 0;
  const longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}

  const record = (id, root, insertedAt, initial) => {
    let rec = items.get(id);
    if (!rec) {
      rec = { id, root, content: null, initial, insertedAt, decidedAt: null, firstMode: null, hideAt: null,
        mode: null, flips: 0, shownPaintAt: null, paintedUndecided: false, paintedShown: false, paintedWhileHidden: false };
      items.set(id, rec);
    }
    return rec;
  };

  const onDecision = (rec, now) => {
    const mode = rec.root.getAttribute(ATTR);
    if (mode === rec.mode) return;
    if (rec.mode !== null) rec.flips++;
    rec.mode = mode;
    if (mode !== null && rec.decidedAt === null) { rec.decidedAt = now; rec.firstMode = mode; }
    if (HIDDEN.has(mode) && rec.hideAt === null) rec.hideAt = now;
  };

  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const id = r.target.getAttribute('data-bench-id');
      if (!id) continue;
      // Items in the served HTML are first met here or by the sampler, whichever comes first.
      onDecision(items.get(id) ?? record(id, r.target, null, true), now);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: [ATTR] });

  const painted = (rec) => {
    if (!rec.content || !rec.content.isConnected) rec.content = rec.root.querySelector('[data-bench-content]');
    const c = rec.content;
    if (!c || !rec.root.isConnected) return false;
    if (!c.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const box = c.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };

  let samplerMs = 0;
  const sample = () => {
    const t0 = performance.now();
    frames++;
    if (!feedStarted) {
      for (const el of document.querySelectorAll('[data-bench-id]')) {
        const id = el.getAttribute('data-bench-id');
        if (!items.has(id)) onDecision(record(id, el, null, true), performance.now());
      }
    }
    let undecided = 0;
    for (const rec of items.values()) {
      const mode = rec.root.getAttribute(ATTR);
      if (mode === null) {
        if (painted(rec)) { rec.paintedUndecided = true; undecided++; }
      } else if (HIDDEN.has(mode)) {
        if (painted(rec)) rec.paintedWhileHidden = true;
      } else if (!rec.paintedShown && painted(rec)) { rec.paintedShown = true; rec.shownPaintAt = t0; }
    }
    if (undecided > maxUndecidedPainted) maxUndecidedPainted = undecided;
    samplerMs += performance.now() - t0;
  };

  const probe = document.createElement('div');
  probe.style.cssText = 'position:fixed;left:0;top:0;height:1px;width:1px;pointer-events:none;opacity:0';
  new ResizeObserver(sample).observe(probe);
  let wide = false;
  const tick = () => {
    if (!probe.isConnected && document.documentElement) document.documentElement.append(probe);
    wide = !wide;
    probe.style.width = wide ? '2px' : '1px';
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  window.__pb = {
    inserted(id, root, t) {
      feedStarted = true;
      const rec = record(id, root, t, false);
      rec.insertedAt = t;
      onDecision(rec, performance.now());
    },
    results() {
      const expectHide = window.__feed.expectHide;
      const paint = performance.getEntriesByName('first-paint')[0];
      const out = { frames, samplerMs, maxUndecidedPainted, longTasks: longTasks.length, longTaskMs: longTasks.reduce((a, b) => a + b, 0),
        firstPaint: paint ? paint.startTime : null, feed: [], initial: [] };
      for (const rec of items.values()) {
        const hidden = HIDDEN.has(rec.mode);
        (rec.initial ? out.initial : out.feed).push({
          id: rec.id,
          latency: rec.decidedAt !== null && rec.insertedAt !== null ? rec.decidedAt - rec.insertedAt : null,
          hideLatency: rec.hideAt !== null && rec.insertedAt !== null ? rec.hideAt - rec.insertedAt : null,
          decidedAt: rec.decidedAt, hideAt: rec.hideAt, shownPaintAt: rec.shownPaintAt,
          decided: rec.mode !== null, firstMode: rec.firstMode, mode: rec.mode, hidden, expectHide: expectHide(rec.id), flips: rec.flips,
          paintedUndecided: rec.paintedUndecided, paintedShown: rec.paintedShown, paintedWhileHidden: rec.paintedWhileHidden,
        });
      }
      return out;
    },
  };
})();`;
