import { toFeedItem } from '../adapters/feed-item';
import type { Adapter } from '../adapters/types';
import type { Reason } from '../schema/decision';
import type { FeedbackType } from '../schema/log';
import type { Profile } from '../schema/profile';
import { createDecider, type KnownStart, type ModelName } from './decider';
import type { Engine } from './engine';
import { beforePaint } from './frame';
import { watchHealth } from './health';
import { createHold, type Awaited, type Hold } from './hold';
import { createItemLog } from './item-log';
import { createJudgeClient, onScreen, type JudgeClient } from './judge-client';
import { watchPageActivity } from './page-activity';
import { watchPage } from './page-watcher';
import { ATTR, createPainter, modeOf, unpainted } from './painter';
import { mainReason, ruleCodeOf } from './reasons';
import { createReorderer } from './reorderer';
import { createReporter } from './reporter';
import type { Tracked } from './tracked';
import type { Transport } from './transport';
import { whyLink } from './why-link';
import { putOutOfSight, showUnread } from './unread';
import { createPanel, type PanelView } from './panel';
import type { MenuCommand } from '../schema/menu-command';
import { buttonOf } from './ui';
import { errorText } from './error-text';

export { ATTR } from './painter';

export interface ShieldDeps {
  engine: Engine;
  transport: Transport;
  /** Loads the clickbait model; until it resolves (or if it fails) items are decided without it. */
  loadClickbait?: () => Promise<unknown>;
  /** Loads the rage, engagement, urgency and promotion rules; until then (or if it fails) those kinds are not
   * looked for. */
  loadDetectors?: () => Promise<unknown>;
  /** The person's profile for this page; asked of the background (profile/get) when not given. */
  loadProfile?: () => Promise<Profile>;
  /** The decisions kept from the feed's earlier pages for that profile (page-start.ts); null when there are none to
   * keep (the page did not start from the copy kept for its feed). */
  loadKnown?: () => Promise<KnownStart | null>;
}

export interface ShieldOptions {
  doc?: Document;
  /** Wait after load (or a navigation) before deciding that a feed page with no items means broken selectors. */
  healthDelayMs?: number;
  /** A second, last look when the first found the feed container still nearly empty. */
  healthRetryMs?: number;
  flushMs?: number;
  signal?: AbortSignal;
  /** How long items may wait unseen for the person's profile and the models before they are shown anyway. */
  profileHoldMs?: number;
  /** Called once, when the hold ends: the person's profile and the models are in (or given up on). */
  onReady?: () => void;
  /** What the document_start script put out of sight before this runner started (early-hold.ts): it waits with
   * what this runner's hold puts out of sight. */
  held?: Element[];
}

export interface ShieldCounts {
  seen: number;
  hidden: number;
  labelled: number;
  reordered: number;
}

export interface Shield {
  /** Call after the site's own navigation (the runner also listens for the adapter's navigation events). */
  navigated(): void;
  /** Sends the waiting log rows now. */
  flush(): Promise<void>;
  counts(): ShieldCounts;
  readonly failed: boolean;
  stop(): void;
}

/** The hold's cap. The background answers a tab in tens of milliseconds, but the first page after the browser
 * starts waits for the background itself to start: 350-620 ms on a busy machine (two cores at load 8-10). A cap
 * shorter than that shows that page's items before the rules that hide some of them are in, and then hides them. */
const HOLD_CAP_MS = 1000;
/** After the hold's end: the first screen's decisions are kept for the next page once the load's work is done. */
const KNOWN_AFTER_MS = 3000;

/**
 * The one runner behind every feed content script: it wires the parts and owns their life cycle (start,
 * navigation, the profile and models arriving, failing open, stop). An item meets them in this order: the page
 * watcher finds its root, the runner reads it, the decider decides it in the same microtask as its insertion,
 * the painter marks it (the hold keeps it unseen while the profile or a model is awaited), the reorderer puts a
 * new batch in order before the next paint, and the item log reports the decision; the judge may revise it later.
 */
export function startShield(adapter: Adapter, deps: ShieldDeps, opts: ShieldOptions = {}): Shield {
  const doc = opts.doc ?? document;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const { engine, transport } = deps;
  const platform = adapter.platform;
  const reporter = createReporter(transport, platform, { flushMs: opts.flushMs, win: win ?? undefined });
  const log = createItemLog(reporter, platform);
  const decider = createDecider(engine, platform);
  const profile = (): Profile => decider.profile;
  const awaited: Awaited[] = ['profile'];
  // The models are read just after the profile; building them and deciding with them cost the hold ~23 ms (ready
  // 147.9 -> 124.9 ms without waiting for them, bench-dcl-trace.ts, HN, N=10, 2026-12-06), but an item a model hides
  // would then show first. A page of items decided on an earlier visit (`known`) builds neither (decider.ts), and its
  // hold ends without them (settle): ready 123.8 -> 108.8 ms, HN, bench-page-start.ts R=4 K=6.
  if (deps.loadClickbait) awaited.push('clickbait');
  if (deps.loadDetectors) awaited.push('detectors');
  if (deps.loadKnown) awaited.push('known');
  const capMs = opts.profileHoldMs ?? HOLD_CAP_MS;
  const startedAt = Date.now();
  // The hold's end (everything arrived, or the cap passed): the page is read, every item decided as well as it can
  // be and shown, and, never having been seen, put in order as one batch.
  /** What arrived while the hold lasts, taken all at once when it ends: one compile, not one per arrival. */
  const arrived: Parameters<typeof decider.useAll>[0] = {};
  /** The hold ends on the decisions kept, before the models come (settle): they are waited for apart (`models`). */
  let endingOnKnown = false;
  const hold = createHold(awaited, capMs, () => {
    const rest = endingOnKnown ? (['clickbait', 'detectors'] as const).filter((m) => hold.awaits(m)) : [];
    if (rest.length > 0) models = createHold(rest, Math.max(0, capMs - (Date.now() - startedAt)), modelsIn);
    try {
      decider.useAll(arrived);
    } catch (e) {
      failOpen(`the profile could not be compiled: ${errorText(e)}`);
    }
    scan(true);
    showUnread(waiting, forModels);
    activity.check(); // the profile is known now: a paused person's search is not recorded
    opts.onReady?.();
    if (arrived.known) knownTimer = setTimeout(sendKnown, KNOWN_AFTER_MS);
  });
  /**
   * The models' part of the wait, once the hold ended on the decisions kept (a page seen before: the profile and
   * those decisions come 12-16 ms before the models, page-start.ts). Until they come, or the cap passes, an item none
   * of those decisions decides waits unseen, unread (`forModels`), and a profile broadcast waits with it (`late`).
   */
  let models: Hold | null = null;
  const forModels = new Set<Element>();
  const late: Parameters<typeof decider.useAll>[0] = {};

  /** The person's profile and the decisions kept for it are in: the page is shown from them when some are kept. */
  function settle(what: Awaited): void {
    hold.settled(what);
    const known = arrived.known;
    if (hold.holding && !hold.awaits('profile') && !hold.awaits('known') && known?.entries.length && known.profile === arrived.profile) {
      endingOnKnown = true;
      hold.release();
    }
  }

  /** A model loaded or failed to: the hold's, or the models' wait after it. */
  function settleModel(what: ModelName): void {
    if (hold.holding) settle(what);
    else models?.settled(what);
  }

  /** The models' wait is over: they, and a profile that came meanwhile, are taken with one compile, and what waited
   * for them is read. */
  function modelsIn(): void {
    const newProfile = late.profile !== undefined;
    try {
      decider.useAll(late);
    } catch (e) {
      failOpen(`the profile could not be compiled: ${errorText(e)}`);
    }
    if (newProfile) redecideAll();
    scan();
    showForModels();
  }

  /** What waited for the models and was not read into an item since is shown as the site drew it. */
  function showForModels(): void {
    showUnread([...forModels]);
    forModels.clear();
  }

  let knownTimer: ReturnType<typeof setTimeout> | undefined;
  /** The decisions this page made afresh, for the feed's next pages (known-decisions.ts): sent once the page has
   * settled, and as it is left. */
  function sendKnown(): void {
    clearTimeout(knownTimer);
    const kept = arrived.known;
    if (!kept || failed) return;
    const entries = decider.takeFresh();
    if (entries.length > 0) void transport.send('page/known', { key: kept.key, stamp: kept.stamp, entries }).catch(() => {});
  }
  /** What the hold put out of sight without reading it (its rows too). */
  const waiting: Element[] = [...(opts.held ?? [])];
  let pageSurface = surfaceOfPage();
  let failed = false;
  let stopped = false;
  const siteOn = () => !profile().paused && profile().sites?.[platform] !== false;
  const enabled = () => !failed && !stopped && pageSurface !== null && siteOn();
  const activity = watchPageActivity(adapter.pages, reporter, doc, { active: () => !stopped && siteOn() });

  /** The item roots on this page. Roots the page took out are let go by `sweep`, so a page that churns items
   * cannot make Parapet hold them in memory (issue 25). */
  const tracked = new Map<Element, Tracked>();
  /** As sweep sets it for an empty map: the page's first items, all just read and on the page, are not swept (issue
   * 24: the first read ran the sweep, and compiled it, for nothing to let go). */
  let sweepAt = 64;

  // The local judge, when the person turned it on, revises unsure decisions later through the same path as a
  // click does (the decision kept, then painted and recorded); until it answers, the fast decision stands. Made
  // once it is on: it offers nothing while off, and most people never turn it on (issue 24: a page start compiled
  // and ran it for every item).
  const judging = () => enabled() && profile().judge?.enabled === true;
  let judge: JudgeClient | undefined;
  const judgeClient = () =>
    (judge ??= createJudgeClient({
      transport,
      active: judging,
      revision: () => profile().revision,
      visible: (id) => [...tracked.values()].some((t) => t.item?.id === id && onScreen(t.root)),
      apply: (id, d) => {
        if (!enabled()) return;
        decider.verdict(id, d);
        redecideWhere((t) => t.item?.id === id);
        pushCounts();
      },
    }));
  const painter = createPainter(doc, adapter, {
    act,
    later: (t) => frame.decorate(t),
    open,
  });
  const panel = createPanel(doc);
  const reorderer = createReorderer(adapter, engine, () => profile().display);
  const frame = beforePaint<Tracked>(win, { decorate: painter.decorate, reorder: reorderer.reorder }, (decorate, batches) => {
    if (!enabled()) return;
    const live = (t: Tracked) => t.root.isConnected && tracked.get(t.root) === t && t.item !== null;
    try {
      watcher.writing(() => {
        for (const t of decorate) if (live(t) && t.paint.mode !== null) painter.decorate(t);
        for (const b of batches) {
          const still = b.filter(live);
          if (still.length > 1) reorderer.reorder(still);
        }
      });
    } catch (e) {
      failOpen(`error while marking the page: ${errorText(e)}`);
    }
    if (batches.length > 0) pushCounts();
  });
  const health = watchHealth(doc, adapter, reporter, {
    surface: () => pageSurface,
    live: () => !failed && !stopped,
    failOpen,
    delayMs: opts.healthDelayMs ?? 3000,
    retryMs: opts.healthRetryMs ?? 8000,
  });
  const watcher = watchPage(doc, adapter, {
    // While the hold lasts, what the page changed is not read: what appeared is put out of sight (hideNew).
    active: () => (hold.holding ? (hideNew(), false) : enabled()),
    isItem: (n) => tracked.has(n as Element) || painter.ownsRow(n),
    hasItem: (root) => !!tracked.get(root)?.item,
    onRoots: read,
    onError: failOpen,
  });

  function surfaceOfPage(): string | null {
    try {
      return adapter.surface(new URL(doc.location?.href ?? 'about:blank'));
    } catch {
      return null;
    }
  }

  // ---- an item's way: read, decide, paint, record -----------------------------------------------------------

  /** Reads the roots the watcher found: a new item is decided and painted at once; a root seen before is only
   * checked for what the site took away; a root the site recycled for another item is decided afresh. */
  function read(roots: Iterable<Element>, now?: boolean): void {
    const fresh: Tracked[] = [];
    for (const root of roots) {
      if (!root.isConnected) continue;
      let t = tracked.get(root);
      // Nothing in it yet (YouTube puts its grid cells in empty and fills them a task later): it is read when its
      // content lands, not twice.
      if (!t && root.firstElementChild === null) continue;
      const identity = adapter.identity(root);
      if (t && t.item && t.identity === identity) {
        painter.restore(t);
        continue;
      }
      const surface = adapter.itemSurface?.(root) ?? pageSurface ?? 'other';
      const input = adapter.readItem(root, surface);
      const item = input ? toFeedItem(input) : null;
      if (!t) {
        t = { root, identity, item: null, decision: null, decidedOnce: false, paint: unpainted() };
        tracked.set(root, t);
      }
      t.identity = identity;
      if (!item) {
        if (t.item) painter.unpaint(t); // recycled into something unreadable: show it
        t.item = null;
        continue;
      }
      if (t.item && t.item.id === item.id && t.decision) {
        t.item = item;
        painter.restore(t);
        continue;
      }
      const decision = models?.holding ? decider.decideKnown(item) : decider.decide(item);
      if (!decision) {
        waitForModels(t);
        continue;
      }
      const isNew = !t.decidedOnce;
      t.item = item;
      t.decision = decision;
      t.decidedOnce = true;
      paint(t, false);
      record(t);
      if (isNew) fresh.push(t);
    }
    // Amortised: the map may grow by half what it holds before the roots that left are dropped.
    if (tracked.size > sweepAt) sweep();
    if (fresh.length > 1) {
      if (now) reorderer.reorder(fresh);
      else frame.reorder(fresh);
    }
    if (fresh.length > 0) {
      pushCounts();
      health.sawItems(fresh);
    }
  }

  /** An item no kept decision decides, while the models are awaited: unseen in its place, read again once they come.
   * Not putOutOfSight: a root the early hold already put out of sight must be claimed here too, or the hold's end
   * would show it. */
  function waitForModels(t: Tracked): void {
    if (t.item) painter.unpaint(t);
    t.item = null;
    t.decision = null;
    for (const x of [t.root, ...(adapter.extraParts?.(t.root) ?? [])]) {
      x.setAttribute(ATTR, 'wait');
      forModels.add(x);
    }
  }

  function paint(t: Tracked, decorateNow = true): void {
    const id = t.item!.id;
    const mode = modeOf(t.decision!.action, {
      revealed: decider.revealed(id),
      handHidden: decider.handHidden(id),
      removeHidden: profile().display?.hiddenStyle === 'remove',
    });
    painter.paint(t, mode, decorateNow);
  }

  function record(t: Tracked): void {
    const { item, decision: d } = t;
    if (!item || !d) return;
    // Logged once it has stayed on the page long enough to be seen (item-log.ts).
    log.record(item, d, decider.quoter(item, d), () => reorderer.moved(item.id), () => t.root.isConnected && t.item?.id === item.id);
    if (judging()) judgeClient().offer(item, d);
  }

  function redecideWhere(which: (t: Tracked) => boolean, andRecord = true): void {
    watcher.writing(() => {
      for (const t of tracked.values()) {
        if (!which(t)) continue;
        t.decision = decider.decide(t.item!);
        paint(t);
        if (andRecord) record(t);
      }
    });
  }

  function redecideAll(): void {
    decider.forget();
    if (!enabled()) {
      clearAll();
      return;
    }
    try {
      sweep();
      redecideWhere((t) => t.item !== null);
      pushCounts();
    } catch (e) {
      failOpen(`error while applying a new profile: ${errorText(e)}`);
    }
  }

  /** Lets go of the roots the page took out, and of what was kept for their items alone. */
  function sweep(): void {
    const gone = new Set<string>();
    for (const [root, t] of tracked) if (!root.isConnected && tracked.delete(root) && t.item) gone.add(t.item.id);
    for (const t of tracked.values()) if (t.item) gone.delete(t.item.id);
    sweepAt = tracked.size * 1.5 + 64;
    // Decisions are kept only to spare deciding an item met again; deciding it again gives the same.
    decider.forget();
    painter.gone(gone);
    reorderer.gone(gone);
  }

  /** While the hold lasts the page is not read: each time it changed, the items that appeared are put out of sight
   * (one search of the page, not a look at each node inserted), and the release reads them all at once. */
  function hideNew(): void {
    if (!enabled()) return;
    for (const root of adapter.findItems(doc)) putOutOfSight(adapter, root, waiting);
  }

  // ---- what the person does on the page ---------------------------------------------------------------------

  function act(t: Tracked, type: FeedbackType, reason: Reason | undefined): void {
    const item = t.item;
    if (!item) return;
    if (type === 'hide-this') {
      decider.hideByHand(item.id);
      log.signal('hide-by-hand', item, '');
    } else if (type === 'less-like-this') {
      // Shown less once the profile comes back with it (lib/core/less-like.ts), not hidden here.
      log.signal('less-like-this', item, '');
    } else if (type !== 'block-author' && type !== 'undo-less-like') {
      decider.showAnyway(item.id);
      // The reason by its code, not in words: the wording lives in the extension's pages, not in every content script.
      log.signal('show-anyway', item, reason ? `${reason.code}${reason.detail ? `: ${reason.detail}` : ''}`.slice(0, 300) : '');
    }
    // The person's own choice is logged as feedback (below), not as a new decision.
    redecideWhere((other) => other.item?.id === item.id, false);
    const ruleCode = type === 'exception-rule' ? ruleCodeOf(reason) : undefined;
    void transport
      .send('feedback/record', {
        feedback: {
          ts: Date.now(),
          type,
          platform,
          itemId: item.id,
          title: item.title.slice(0, 500),
          author: item.author.slice(0, 200),
          ...(reason?.kind ? { kind: reason.kind } : {}),
          ...(ruleCode ? { ruleCode } : {}),
        },
        item,
      })
      .catch(() => {});
    pushCounts();
  }

  /** The why frame or the item's menu under a stub or mark (panel.ts). A name the profile would refuse as
   * markup (plainText in lib/schema/common.ts) is not offered for "Always show from" or "Block". */
  function open(t: Tracked, anchor: Element, view: PanelView): void {
    const author = t.item && t.item.author.length <= 200 && !/<\s*[a-zA-Z!/?]|&#|javascript:/i.test(t.item.author) ? t.item.author : '';
    // With the headline model's words, which the decision leaves for later (they cost as much as the score). whyLink
    // only reads the reasons.
    const load = () => (t.item && t.decision ? whyLink(transport, { ...t.decision, reasons: decider.quoter(t.item, t.decision)() as Reason[] }, author, view, t.paint.mode === 'stub') : Promise.resolve(null));
    // The opener, or what stands for the item now (a hidden item's stub replaced its mark).
    const focusBack = () => {
      const h = anchor.isConnected ? anchor : (t.paint.stub ?? t.paint.mark);
      return buttonOf(h, view) ?? buttonOf(h, 'menu');
    };
    void panel.toggle(anchor, view, load, (c) => command(t, c), focusBack);
  }

  /** What the person chose in an item's menu. "Less like this" and "Block" keep the menu open: it says what
   * changed, with Undo. */
  function command(t: Tracked, c: MenuCommand): void {
    if (c !== 'close' && t.item && enabled()) act(t, c, t.decision ? mainReason(t.decision) : undefined);
    if (c !== 'less-like-this' && c !== 'block-author') panel.close(true);
  }

  /** The person points at or tabs into an item: a plain item gets its menu button (painter.offer). */
  function onTurn(e: Event): void {
    const el = e.target as Element | null;
    const root = enabled() && el?.closest ? adapter.itemRoot(el) : null;
    const t = root ? tracked.get(root) : undefined;
    if (t?.item && !t.paint.wanted) watcher.writing(() => painter.offer(t));
  }

  function onClick(e: Event): void {
    // A page script's click (untrusted) must not tell the inferred model what the person opened.
    if (!enabled() || !e.isTrusted) return;
    const link = (e.target as Element | null)?.closest?.(adapter.linkSelector);
    if (!link) return;
    const root = adapter.itemRoot(link);
    const t = root ? tracked.get(root) : undefined;
    if (t?.item) log.signal('open', t.item, '');
  }

  // ---- the profile and the models arriving -------------------------------------------------------------------

  function setProfile(next: Profile): void {
    if (!next || typeof next !== 'object') return;
    // While the hold lasts, what waits stays unseen whatever the profile says: it is compiled with the models
    // when the hold ends.
    if (hold.holding) {
      arrived.profile = next;
      settle('profile');
      return;
    }
    if (models?.holding) {
      late.profile = next;
      return;
    }
    const wasEnabled = enabled();
    try {
      if (!decider.useProfile(next)) return;
    } catch (e) {
      failOpen(`the profile could not be compiled: ${errorText(e)}`);
      return;
    }
    redecideAll();
    if (!wasEnabled && enabled()) scan();
  }

  function modelLoaded(what: ModelName, model: unknown): void {
    if (hold.holding) {
      arrived[what] = model;
      settle(what);
      return;
    }
    if (models?.holding) {
      late[what] = model;
      models.settled(what);
      return;
    }
    decider.useModel(what, model);
    redecideAll();
  }

  // ---- the page as a whole ------------------------------------------------------------------------------------

  /** `now`: the hold's release, whose batch is put in order at once. */
  function scan(now?: boolean): void {
    if (!enabled()) return;
    try {
      if (hold.holding) hideNew();
      else watcher.writing(() => read(adapter.findItems(doc), now));
    } catch (e) {
      failOpen(`error while reading the page: ${errorText(e)}`);
    }
  }

  /** Pause, a site switched off or a failure: every item in the site's own place and order, as the site made it. */
  function clearAll(): void {
    showUnread(waiting);
    showForModels();
    panel.close(false);
    reorderer.restore();
    for (const t of tracked.values()) painter.unpaint(t);
    tracked.clear();
    painter.forget();
  }

  /** Something broke: everything Parapet put on the page comes off, and the person is told (fail open). */
  function failOpen(detail: string): void {
    if (failed) return;
    failed = true;
    clearAll();
    reporter.health(pageSurface ?? 'other', false, detail);
    pushCounts();
  }

  function counts(): ShieldCounts {
    return { ...painter.counts(), reordered: reorderer.count() };
  }

  function pushCounts(): void {
    reporter.stats(counts());
  }

  function navigated(): void {
    if (stopped) return;
    activity.check();
    const next = surfaceOfPage();
    const wasFailed = failed;
    failed = false;
    pageSurface = next;
    health.forget();
    sweep();
    if (wasFailed || next !== null) scan();
    health.watch();
  }

  // ---- start and stop -------------------------------------------------------------------------------------------

  // The early hold put what is on the page out of sight in this very task, as it handed it over: no second search.
  if (!opts.held) scan();
  health.watch();

  const listeners: Array<[EventTarget, string, EventListener, boolean]> = [
    [doc, 'click', onClick, true],
    [doc, 'auxclick', onClick, true],
    [doc, 'pointerover', onTurn, true],
    [doc, 'focusin', onTurn, true],
    ...(adapter.navigationEvents ?? []).map((type) => [doc, type, navigated as EventListener, false] as [EventTarget, string, EventListener, boolean]),
  ];
  if (win) {
    listeners.push([win, 'popstate', (() => setTimeout(navigated, 0)) as EventListener, false]);
    listeners.push([
      win,
      'pagehide',
      ((e: Event) => {
        // Only as the browser leaves the page. A page's own pagehide would log the items it just inserted before they
        // stayed long enough to be seen (item-log.ts), cut short the time counted on it, and report early.
        if (!e.isTrusted) return;
        activity.leave();
        log.settle();
        void reporter.flush();
        sendKnown();
      }) as EventListener,
      false,
    ]);
  }
  for (const [target, type, fn, capture] of listeners) target.addEventListener(type, fn, capture);

  const unsubscribe = transport.onProfile((p) => setProfile(p));
  const unsubscribeMenu = transport.onCommand?.((token, c) => panel.command(token, c));
  (deps.loadProfile ?? (() => transport.send('profile/get', {})))()
    .then((p) => setProfile(p))
    .catch(() => {
      // No background answer: keep deciding with the defaults rather than leave the page alone and unprotected.
      if (!stopped) settle('profile');
    });
  deps
    .loadKnown?.()
    .then((known) => {
      // Taken with the profile as the hold ends; one that comes after is not used.
      if (known && hold.holding) arrived.known = known;
    })
    .catch(() => {})
    .finally(() => !stopped && settle('known'));
  for (const [what, load] of [['clickbait', deps.loadClickbait], ['detectors', deps.loadDetectors]] as const) {
    load?.()
      .then((model) => {
        if (stopped) return;
        if (model) modelLoaded(what, model);
        else settleModel(what);
      })
      .catch(() => {
        // A model that fails to load leaves items unjudged by it, never blocked nor held.
        if (!stopped) settleModel(what);
      });
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    hold.stop();
    models?.stop();
    clearTimeout(knownTimer);
    activity.stop();
    watcher.stop();
    unsubscribe();
    unsubscribeMenu?.();
    health.stop();
    for (const [target, type, fn, capture] of listeners) target.removeEventListener(type, fn, capture);
    clearAll();
    log.settle();
    void reporter.flush();
    reporter.destroy();
    judge?.stop();
  }
  opts.signal?.addEventListener('abort', stop, { once: true });

  return {
    navigated,
    flush: () => (log.settle(), reporter.flush()),
    counts,
    get failed() {
      return failed;
    },
    stop,
  };
}
