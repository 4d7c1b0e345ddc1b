import { toFeedItem } from '../adapters/feed-item';
import type { Adapter, Slot } from '../adapters/types';
import type { Decision, Reason } from '../schema/decision';
import type { FeedItem } from '../schema/item';
import type { FeedbackType } from '../schema/log';
import type { Profile } from '../schema/profile';
import { fallbackProfile } from './default-profile';
import { watchPageActivity } from './page-activity';
import type { Engine } from './engine';
import { MANIPULATION, describeReason, mainReason, ruleCodeOf } from './reasons';
import { permute } from './reorder';
import { Reporter, cleanReasons } from './reporter';
import type { Transport } from './transport';
import { CELL_ATTR, MARK_TAG, STUB_TAG, createMark, createStub } from './ui';
import { createJudgeClient, onScreen } from './judge-client';

export const ATTR = 'data-parapet';

export interface ShieldDeps {
  engine: Engine;
  transport: Transport;
  /** Loads the clickbait model; until it resolves (or if it fails) items are decided without it. */
  loadClickbait?: () => Promise<unknown>;
  /** Loads the rage, engagement, urgency and promotion rules; until then (or if it fails) those kinds are not
   * looked for. */
  loadDetectors?: () => Promise<unknown>;
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

/** 'wait': found before the profile arrived; kept in its place but unseen (see `holding`). */
type Mode = 'hide' | 'stub' | 'label' | 'demote' | 'boost' | 'show' | 'shown' | 'wait';

interface Tracked {
  root: Element;
  identity: string;
  item: FeedItem | null;
  decision: Decision | null;
  decidedOnce: boolean;
  mode: Mode | null;
  parts: Element[];
  stub: Element | null;
  stubKey: string;
  mark: Element | null;
  markKey: string;
  remounts: number;
}

const SKIP = new Set(['script', 'style', 'link', 'meta', 'noscript', 'template', 'head', 'title', 'svg', 'path', 'img']);
const isOurs = (n: Node) =>
  n.nodeType === 1 && ((n as Element).localName === STUB_TAG || (n as Element).localName === MARK_TAG || (n as Element).hasAttribute(CELL_ATTR));
const MAX_REMOUNTS = 5;
/** Rounds of reading what a site's own elements changed in answer to our writes, per write. */
const MAX_REACTION_ROUNDS = 2;
/** The profile refuses markup-like text (plainText in lib/schema/common.ts), so an exception for a channel named
 * "<b>x</b>" would be dropped by the background: such a name is not offered as "Always show from". */
const storable = (author: string) => author.length > 0 && author.length <= 200 && !/<\s*[a-zA-Z!/?]|&#|javascript:/i.test(author);

/**
 * The one runner behind every feed content script: it owns observing the page, deciding each item in the same
 * microtask as its insertion, stubs, badges and reordering of newly arrived batches (in the animation frame
 * before the next paint), logging, navigation, health, and cleaning all of it up again (fail open).
 */
export function startShield(adapter: Adapter, deps: ShieldDeps, opts: ShieldOptions = {}): Shield {
  const doc = opts.doc ?? document;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const { engine, transport } = deps;
  const platform = adapter.platform;
  const reporter = new Reporter(transport, platform, { flushMs: opts.flushMs, win: win ?? undefined });
  const healthDelay = opts.healthDelayMs ?? 3000;
  const healthRetry = opts.healthRetryMs ?? 8000;

  let profile: Profile = fallbackProfile();
  let profileIsFallback = true;
  // Until the person's own profile arrives, the defaults can hide ads but know nothing of their blocked channels,
  // avoided topics or interests: items found meanwhile wait unseen in their own space, so nothing the profile
  // hides flashes and the first page can still be ordered. Capped, so a silent background never blanks a page.
  // The models are waited for the same way: an item a detector would hide must not show before the rules are in.
  // A load that fails is no longer waited for.
  let holding = true;
  const held: Tracked[] = [];
  const holdTimer = setTimeout(() => release(), opts.profileHoldMs ?? 400);
  const awaited = new Set<'profile' | 'clickbait' | 'detectors'>(['profile']);
  if (deps.loadClickbait) awaited.add('clickbait');
  if (deps.loadDetectors) awaited.add('detectors');
  let clickbait: unknown = null;
  let detectors: unknown = null;
  let compiled: unknown = engine.compile(profile, clickbait, detectors);
  let pageSurface = surfaceOfPage();
  let failed = false;
  let stopped = false;
  const activity = watchPageActivity(platform, reporter, doc, {
    active: () => !stopped && !profile.paused && profile.sites?.[platform] !== false,
  });

  const tracked = new Map<Element, Tracked>();
  /** Rows that belong to an item besides its root (HN's subtext and spacer): moving them is our own writing. */
  const movedParts = new WeakSet<Node>();
  const decisions = new Map<string, Decision>();
  const loggedAction = new Map<string, string>();
  const flagged = new Set<string>();
  const revealed = new Set<string>();
  /** Hidden by hand on this page, and (profile.hiddenItems) on any earlier visit. */
  const handHidden = new Set<string>();
  let savedHidden = new Set<string>();
  const isHandHidden = (id: string) => handHidden.has(id) || savedHidden.has(id);
  const modeById = new Map<string, Mode>();
  const reorderedIds = new Set<string>();
  const healthOk = new Set<string>();
  let healthTimer: ReturnType<typeof setTimeout> | null = null;
  let seed = (Math.random() * 2 ** 31) | 0;

  function surfaceOfPage(): string | null {
    try {
      return adapter.surface(new URL(doc.location?.href ?? 'about:blank'));
    } catch {
      return null;
    }
  }

  const enabled = () => !failed && !stopped && pageSurface !== null && !profile.paused && profile.sites?.[platform] !== false;

  // The local judge, when the person turned it on, revises unsure decisions later through the same path as a
  // click does (the decision cache, then apply and record); until it answers, the fast decision stands.
  const judgeClient = createJudgeClient({
    transport,
    active: () => enabled() && profile.judge?.enabled === true,
    revision: () => profile.revision,
    visible: (id) => [...tracked.values()].some((t) => t.item?.id === id && onScreen(t.root)),
    apply: (id, d) => {
      if (!enabled()) return;
      decisions.set(id, d);
      writing(() => {
        for (const t of tracked.values()) {
          if (t.item?.id !== id) continue;
          t.decision = decideFor(t.item);
          apply(t);
          record(t);
        }
      });
      pushCounts();
    },
  });

  // ---- deciding -------------------------------------------------------------------------------------------

  function decideFor(item: FeedItem): Decision {
    if (isHandHidden(item.id)) {
      return {
        platform,
        itemId: item.id,
        action: 'hide',
        reasons: [{ code: 'user-hidden', detail: '', source: 'user', evidence: [] }],
        score: 0,
        uncertain: false,
      };
    }
    let d = decisions.get(item.id);
    if (!d) {
      d = engine.decide(compiled, item);
      decisions.set(item.id, d);
    }
    return d;
  }

  function record(t: Tracked): void {
    const { item, decision: d } = t;
    // A decision taken under the defaults while holding is not the person's: the release records the real one.
    if (!item || !d || holding) return;
    // The headline model's words are quoted when the log is sent, once for the row and its flag (engine.quote
    // gives the same reasons back when there is nothing to quote).
    const decidedWith = compiled;
    let quoted: readonly Reason[] | undefined;
    const quote = () => (quoted ??= engine.quote(decidedWith, item, d.reasons));
    if (loggedAction.get(item.id) !== d.action) {
      loggedAction.set(item.id, d.action);
      reporter.decision({
        ts: Date.now(),
        platform,
        itemId: item.id,
        title: item.title.slice(0, 500),
        author: item.author.slice(0, 200),
        url: item.url.slice(0, 1000),
        surface: item.surface.slice(0, 40),
        action: d.action,
        reasons: cleanReasons(d.reasons),
        score: Number.isFinite(d.score) ? Math.min(1, Math.max(0, d.score)) : 0.5,
        reordered: reorderedIds.has(item.id),
        ...(d.judgedBy ? { judgedBy: d.judgedBy.slice(0, 120) } : {}),
      }, (row) => {
        const q = quote();
        if (q !== d.reasons) row.reasons = cleanReasons(q);
      });
    }
    if (!flagged.has(item.id)) {
      const r = d.reasons.find((x) => x.kind && MANIPULATION.has(x.kind));
      if (r && r.kind) {
        flagged.add(item.id);
        reporter.flag({
          ts: Date.now(),
          platform,
          itemId: item.id,
          title: item.title.slice(0, 500),
          author: item.author.slice(0, 200),
          url: item.url.slice(0, 1000),
          kind: r.kind,
          confidence: typeof r.confidence === 'number' ? Math.min(1, Math.max(0, r.confidence)) : 1,
          source: r.source,
          action: d.action,
          evidence: cleanReasons([r])[0].evidence,
          status: 'open',
        }, (row) => {
          const q = quote();
          if (q !== d.reasons) row.evidence = cleanReasons([q[d.reasons.indexOf(r)]])[0].evidence;
        });
      }
    }
    judgeClient.offer(item, d);
  }

  // ---- applying -------------------------------------------------------------------------------------------

  function modeFor(t: Tracked): Mode {
    const id = t.item!.id;
    if (revealed.has(id) && !isHandHidden(id)) return 'shown';
    if (holding && t.decision!.action !== 'hide') return 'wait';
    switch (t.decision!.action) {
      case 'hide':
        // A hand hide always leaves its stub: the user just clicked there and needs the way back.
        return profile.display?.hiddenStyle === 'remove' && !isHandHidden(id) ? 'hide' : 'stub';
      case 'label':
        return 'label';
      case 'demote':
        return 'demote';
      case 'boost':
        return 'boost';
      default:
        return 'show';
    }
  }

  function apply(t: Tracked, decorateNow = true): void {
    const mode = modeFor(t);
    if (t.mode !== mode || t.root.getAttribute(ATTR) !== mode) t.root.setAttribute(ATTR, mode);
    t.mode = mode;
    const parts = adapter.extraParts?.(t.root) ?? [];
    // An item's other rows (HN's subtext) go and wait with it.
    const partMode = mode === 'hide' || mode === 'stub' ? 'hide' : mode === 'wait' ? 'wait' : null;
    for (const p of t.parts) if (!parts.includes(p)) p.removeAttribute(ATTR);
    for (const p of parts) {
      if (partMode) p.getAttribute(ATTR) !== partMode && p.setAttribute(ATTR, partMode);
      else p.hasAttribute(ATTR) && p.removeAttribute(ATTR);
    }
    t.parts = parts;
    for (const p of parts) movedParts.add(p);
    modeById.set(t.item!.id, mode);
    if (decorateNow) decorate(t);
    else queueForPaint(t);
  }

  // ---- before the next paint ------------------------------------------------------------------------------
  // The attribute is the decision: the stylesheet acts on it at once. Stubs, badges and reordering only have to
  // be in place by the time the frame is painted, so items arriving in a burst get them in one animation-frame
  // callback (which always runs before the paint) instead of inside the page's own insertion.
  const toDecorate = new Set<Tracked>();
  const toReorder: Tracked[][] = [];
  let frameQueued = false;

  function queueForPaint(t: Tracked | null, batch?: Tracked[]): void {
    const raf = win?.requestAnimationFrame;
    if (typeof raf !== 'function') {
      // No frames to wait for (a document without a window): as part of the decision, then.
      if (t) decorate(t);
      if (batch) reorder(batch);
      return;
    }
    if (t) toDecorate.add(t);
    if (batch) toReorder.push(batch);
    if (frameQueued) return;
    frameQueued = true;
    raf.call(win, beforePaint);
  }

  function beforePaint(): void {
    frameQueued = false;
    const decorateNow = [...toDecorate];
    toDecorate.clear();
    const batches = toReorder.splice(0);
    if (!enabled()) return;
    const live = (t: Tracked) => t.root.isConnected && tracked.get(t.root) === t && t.item !== null;
    try {
      writing(() => {
        for (const t of decorateNow) if (live(t) && t.mode !== null) decorate(t);
        for (const b of batches) {
          const still = b.filter(live);
          if (still.length > 1) reorder(still);
        }
      });
    } catch (e) {
      failOpen(`error while marking the page: ${(e as Error)?.message ?? String(e)}`);
    }
    if (batches.length > 0) pushCounts();
  }

  function mount(slot: Slot, host: Element): Element {
    if (slot.wrap === 'td') {
      const td = doc.createElement('td');
      td.setAttribute(CELL_ATTR, '');
      td.colSpan = Math.max(1, slot.parent.children.length);
      td.append(host);
      slot.parent.append(td);
      return td;
    }
    slot.parent.append(host);
    return host;
  }

  function removeStub(t: Tracked): void {
    t.stub?.remove();
    t.stub = null;
    t.stubKey = '';
  }

  function removeMark(t: Tracked): void {
    t.mark?.remove();
    t.mark = null;
    t.markKey = '';
  }

  function decorate(t: Tracked): void {
    const { item, decision: d } = t;
    if (!item || !d) return;
    const reason = mainReason(d);
    if (t.mode === 'stub') {
      removeMark(t);
      const byHand = reason?.code === 'user-hidden';
      const model = {
        reason: describeReason(reason, { short: true }),
        author: byHand || !storable(item.author) ? '' : item.author,
        ruleLabel: reason && !byHand ? ruleCodeOf(reason) : '',
      };
      const key = `${item.id}\u0000${model.reason}\u0000${model.author}\u0000${model.ruleLabel}`;
      if (t.stub && t.stubKey === key && t.stub.isConnected) return;
      removeStub(t);
      const host = createStub(doc, model, {
        show: () => act(t, byHand ? 'undo' : 'show-anyway', reason),
        alwaysAuthor: () => act(t, 'exception-author', reason),
        alwaysRule: () => act(t, 'exception-rule', reason),
      });
      t.stub = mount(adapter.stubSlot?.(t.root) ?? { parent: t.root }, host);
      t.stubKey = key;
      return;
    }
    removeStub(t);
    if (t.mode === 'hide' || t.mode === 'wait') {
      removeMark(t);
      return;
    }
    const badged = t.mode === 'label' || t.mode === 'demote';
    // A boosted item may have been moved up: its quiet badge says for which interest (or boost rule).
    const boosted = t.mode === 'boost';
    const model = {
      badge: badged || boosted ? describeReason(reason, { short: true }) : '',
      why: badged
        ? d.reasons.filter((r) => r.code !== 'interest').map((r) => describeReason(r)).join('; ')
        : boosted
          ? `Put first by Parapet: ${d.reasons.map((r) => describeReason(r)).join('; ')}`
          : '',
      author: item.author,
      demoted: t.mode === 'demote',
      boosted,
    };
    const key = `${item.id}\u0000${model.badge}\u0000${model.why}\u0000${model.author}`;
    if (t.mark && t.markKey === key && t.mark.isConnected) return;
    removeMark(t);
    const host = createMark(doc, model, {
      hideThis: () => act(t, 'hide-this', reason),
      lessLikeThis: () => act(t, 'less-like-this', reason),
    });
    t.mark = mount(adapter.markSlot?.(t.root) ?? { parent: t.root }, host);
    t.markKey = key;
  }

  /** Puts back a stub or mark the site's own rendering threw away, a few times at most per item. */
  function ensureDecorations(t: Tracked): void {
    const lost = (t.stub && !t.stub.isConnected) || (t.mark && !t.mark.isConnected);
    if (t.root.getAttribute(ATTR) !== t.mode && t.mode) t.root.setAttribute(ATTR, t.mode);
    if (!lost || t.remounts >= MAX_REMOUNTS) return;
    t.remounts++;
    t.stubKey = '';
    t.markKey = '';
    decorate(t);
  }

  function undecorate(t: Tracked): void {
    removeStub(t);
    removeMark(t);
    t.root.removeAttribute(ATTR);
    for (const p of t.parts) p.removeAttribute(ATTR);
    t.parts = [];
    t.mode = null;
  }

  // ---- what the user does on the page ----------------------------------------------------------------------

  function act(t: Tracked, type: FeedbackType, reason: Reason | undefined): void {
    const item = t.item;
    if (!item) return;
    if (type === 'hide-this' || type === 'less-like-this') {
      handHidden.add(item.id);
      revealed.delete(item.id);
      reporter.signal({ type: type === 'hide-this' ? 'hide-by-hand' : 'less-like-this', ...signalFields(item), detail: '' });
    } else {
      handHidden.delete(item.id);
      savedHidden.delete(item.id);
      revealed.add(item.id);
      reporter.signal({ type: 'show-anyway', ...signalFields(item), detail: reason ? describeReason(reason).slice(0, 300) : '' });
    }
    writing(() => {
      for (const other of tracked.values()) {
        if (other.item?.id === item.id) {
          other.decision = decideFor(other.item);
          apply(other);
        }
      }
    });
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

  const signalFields = (item: FeedItem) => ({
    itemId: item.id,
    title: item.title.slice(0, 500),
    author: item.author.slice(0, 200),
    url: item.url.slice(0, 1000),
  });

  function onClick(e: Event): void {
    if (!enabled()) return;
    const target = e.target as Element | null;
    const link = target?.closest?.(adapter.linkSelector);
    if (!link) return;
    const root = adapter.itemRoot(link);
    const t = root ? tracked.get(root) : undefined;
    if (t?.item) reporter.signal({ type: 'open', ...signalFields(t.item), detail: '' });
  }

  // ---- the observer -----------------------------------------------------------------------------------------

  function process(roots: Iterable<Element>): void {
    const fresh: Tracked[] = [];
    for (const root of roots) {
      if (!root.isConnected) continue;
      let t = tracked.get(root);
      const identity = adapter.identity(root);
      if (t && t.item && t.identity === identity) {
        ensureDecorations(t);
        continue;
      }
      const surface = adapter.itemSurface?.(root) ?? pageSurface ?? 'other';
      const input = adapter.readItem(root, surface);
      const item = input ? toFeedItem(input) : null;
      if (!t) {
        t = { root, identity, item: null, decision: null, decidedOnce: false, mode: null, parts: [], stub: null, stubKey: '', mark: null, markKey: '', remounts: 0 };
        tracked.set(root, t);
      }
      t.identity = identity;
      if (!item) {
        if (t.item) undecorate(t); // recycled into something unreadable: show it
        t.item = null;
        continue;
      }
      if (t.item && t.item.id === item.id && t.decision) {
        t.item = item;
        ensureDecorations(t);
        continue;
      }
      const isNew = !t.decidedOnce;
      t.item = item;
      t.decision = decideFor(item);
      t.decidedOnce = true;
      apply(t, false);
      record(t);
      if (isNew) fresh.push(t);
    }
    if (holding) held.push(...fresh);
    else if (fresh.length > 1) queueForPaint(null, fresh);
    if (fresh.length > 0) {
      pushCounts();
      const surface = pageSurface;
      if (surface && !healthOk.has(surface) && fresh.some((t) => t.item!.surface === surface)) {
        healthOk.add(surface);
        reporter.health(surface, true, 'items found');
      }
    }
  }

  /** Newly arrived items, in the places they arrived in, sorted by relevance among themselves only. */
  function reorder(fresh: Tracked[]): void {
    if (profile.display?.reorder === false) return;
    const groups = new Map<Element, Tracked[]>();
    for (const t of fresh) {
      const parent = t.root.parentElement;
      const surface = t.item!.surface;
      if (!parent || !adapter.canReorder(surface) || adapter.movable?.(t.root) === false) continue;
      if (adapter.partsComplete && !adapter.partsComplete(t.root)) continue;
      const g = groups.get(parent);
      if (g) g.push(t);
      else groups.set(parent, [t]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const batch = group.map((t, i) => ({ id: String(i), score: t.decision!.score }));
      const order = engine.rerank(batch, { exploreShare: profile.display?.exploreShare ?? 0, seed: seed++ }).map(Number);
      if (order.length !== group.length || order.some((i) => !(i >= 0 && i < group.length))) continue;
      const moved = permute(
        group.map((t) => ({ t, root: t.root, parts: t.parts })),
        order,
      );
      for (const m of moved) reorderedIds.add(m.t.item!.id);
    }
  }

  function rootsFrom(records: MutationRecord[]): Set<Element> {
    const roots = new Set<Element>();
    for (const r of records) {
      if (r.type === 'attributes') {
        const root = adapter.itemRoot(r.target as Element);
        if (root) roots.add(root);
        continue;
      }
      let textAdded = false;
      // Indexed, not `for...of`: a NodeList's iterator costs more than the loop's own work, on every record.
      const added = r.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const n = added[i];
        if (n.nodeType !== 1) {
          textAdded = true;
          continue;
        }
        const e = n as Element;
        if (SKIP.has(e.localName) || isOurs(e)) continue;
        const root = adapter.itemRoot(e);
        if (root) roots.add(root);
        if (e.firstElementChild) for (const x of adapter.findItems(e)) roots.add(x);
      }
      let oursRemoved = false;
      const removed = r.removedNodes;
      for (let i = 0; i < removed.length; i++) if (isOurs(removed[i])) oursRemoved = true;
      if ((textAdded || oursRemoved) && r.target.nodeType === 1) {
        const root = adapter.itemRoot(r.target as Element);
        if (root && (oursRemoved || !tracked.get(root)?.item)) roots.add(root);
      }
    }
    return roots;
  }

  function onMutations(records: MutationRecord[]): void {
    if (!enabled()) return;
    try {
      const roots = rootsFrom(records);
      if (roots.size > 0) process(roots);
    } catch (e) {
      failOpen(`error while reading the page: ${(e as Error)?.message ?? String(e)}`);
    }
    readPageReactions();
  }

  /**
   * What this callback queued is mostly our own writing (marks, stubs, the rows reorder moved): reading that back
   * would only re-check items just decided. But a site's custom elements run their own callbacks inside our DOM
   * writes (a component that restamps itself when moved), and those changes are the page's: they are read like
   * any other, a couple of rounds at most so that a page answering every write of ours cannot keep us here.
   */
  function readPageReactions(): void {
    const queued = observer.takeRecords();
    if (queued.length === 0 || reactionRounds >= MAX_REACTION_ROUNDS) return;
    const theirs = queued.filter((r) => !ownRecord(r));
    if (theirs.length > 0) readRound(theirs);
  }

  function readRound(records: MutationRecord[]): void {
    reactionRounds++;
    try {
      onMutations(records);
    } finally {
      reactionRounds--;
    }
  }
  let reactionRounds = 0;

  /** A change made by the runner itself: only our own nodes, empty comments (reorder's place marks) and the
   * items' own roots and rows, moved, went in or out. */
  function ownRecord(r: MutationRecord): boolean {
    return r.type === 'childList' && onlyOurs(r.addedNodes) && onlyOurs(r.removedNodes);
  }

  function onlyOurs(nodes: NodeList): boolean {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (isOurs(n) || (n.nodeType === 8 && n.nodeValue === '') || tracked.has(n as Element) || movedParts.has(n)) continue;
      return false;
    }
    return true;
  }

  /** Runs our own DOM writes outside the observer's callback: what the page changed before is still read, what
   * we change is not read back (but what the page's own elements changed in answer is). */
  function writing(fn: () => void): void {
    if (inWriting) return fn();
    inWriting = true;
    const pending = observer.takeRecords();
    try {
      fn();
    } finally {
      const queued = observer.takeRecords();
      inWriting = false;
      const theirs = reactionRounds < MAX_REACTION_ROUNDS ? queued.filter((r) => !ownRecord(r)) : [];
      const unread = theirs.length > 0 ? pending.concat(theirs) : pending;
      if (unread.length > 0) readRound(unread);
    }
  }
  let inWriting = false;

  function scan(): void {
    if (!enabled()) return;
    try {
      writing(() => process(adapter.findItems(doc)));
    } catch (e) {
      failOpen(`error while reading the page: ${(e as Error)?.message ?? String(e)}`);
    }
  }

  // ---- health and failing open ---------------------------------------------------------------------------

  function clearAll(): void {
    for (const t of tracked.values()) undecorate(t);
    tracked.clear();
    modeById.clear();
  }

  function failOpen(detail: string): void {
    if (failed) return;
    failed = true;
    clearAll();
    reporter.health(pageSurface ?? 'other', false, detail);
    pushCounts();
  }

  function scheduleHealth(delay: number, retry = false): void {
    if (healthTimer !== null) clearTimeout(healthTimer);
    healthTimer = setTimeout(() => {
      healthTimer = null;
      checkHealth(retry);
    }, delay);
  }

  function checkHealth(retry: boolean): void {
    const surface = pageSurface;
    if (!surface || failed || stopped || !adapter.expectsItems(surface)) return;
    let count = 0;
    try {
      for (const root of adapter.findItems(doc)) {
        if ((adapter.itemSurface?.(root) ?? surface) === surface && root.isConnected) count++;
      }
    } catch (e) {
      failOpen(`error while looking for items: ${(e as Error)?.message ?? String(e)}`);
      return;
    }
    if (count > 0) {
      if (!healthOk.has(surface)) {
        healthOk.add(surface);
        reporter.health(surface, true, `${count} items found`);
      }
      return;
    }
    const container = adapter.feedContainer(doc, surface);
    if (retry || (container && container.childElementCount >= 3)) {
      failOpen(
        container
          ? `the ${surface} feed is on the page but none of its entries matched Parapet's selectors`
          : `no ${surface} feed found on the page`,
      );
    } else scheduleHealth(healthRetry, true);
  }

  function startHealthWatch(): void {
    if (!pageSurface || !adapter.expectsItems(pageSurface)) return;
    if (doc.readyState === 'complete') scheduleHealth(healthDelay);
    else doc.defaultView?.addEventListener('load', () => scheduleHealth(healthDelay), { once: true });
  }

  // ---- profile ---------------------------------------------------------------------------------------------

  function redecideAll(): void {
    decisions.clear();
    if (!enabled()) {
      clearAll();
      return;
    }
    try {
      writing(() => {
        for (const [root, t] of tracked) {
          if (!root.isConnected) {
            tracked.delete(root);
            continue;
          }
          if (!t.item) continue;
          t.decision = decideFor(t.item);
          apply(t);
          record(t);
        }
      });
      pushCounts();
    } catch (e) {
      failOpen(`error while applying a new profile: ${(e as Error)?.message ?? String(e)}`);
    }
  }

  function setProfile(next: Profile): void {
    if (!next || typeof next !== 'object') return;
    const wasEnabled = enabled();
    if (!profileIsFallback && next.revision === profile.revision && next.updatedAt === profile.updatedAt) return;
    profileIsFallback = false;
    profile = next;
    savedHidden = new Set((next.hiddenItems ?? []).filter((h) => h?.platform === platform).map((h) => h.itemId));
    try {
      compiled = engine.compile(profile, clickbait, detectors);
    } catch (e) {
      failOpen(`the profile could not be compiled: ${(e as Error)?.message ?? String(e)}`);
      return;
    }
    if (!settled('profile')) {
      redecideAll();
      // Still holding for a model: what the profile hides is stubbed now, the rest keeps waiting.
      if (holding) activity.check();
      else reorderHeld();
    }
    if (!wasEnabled && enabled()) scan();
  }

  /** Stops waiting for `what`; ends the hold, and returns true, when it was the last thing waited for. */
  function settled(what: 'profile' | 'clickbait' | 'detectors'): boolean {
    awaited.delete(what);
    if (!holding || awaited.size > 0) return false;
    release();
    return true;
  }

  function modelLoaded(what: 'clickbait' | 'detectors', model: unknown): void {
    if (what === 'clickbait') clickbait = model;
    else detectors = model;
    try {
      compiled = engine.compile(profile, clickbait, detectors);
    } catch {
      // A model the engine refuses is left out, as if it had failed to load.
      if (what === 'clickbait') clickbait = null;
      else detectors = null;
      compiled = engine.compile(profile, clickbait, detectors);
    }
    // While the hold goes on, what waits stays unseen whatever this model says, and the release decides it
    // again anyway: only a model that comes after the hold (or ends it) needs the page decided again now.
    if (!settled(what) && !holding) redecideAll();
  }

  /** The hold is over (everything arrived, or the cap passed): show what waited, decided as well as it can be. */
  function release(): void {
    if (!holding || stopped) return;
    holding = false;
    redecideAll();
    reorderHeld();
  }

  /** What waited was never seen, so it can still be put in order as one batch. */
  function reorderHeld(): void {
    clearTimeout(holdTimer);
    activity.check(); // the profile is known now: a paused person's search is not recorded
    const batch = held.splice(0).filter((t) => t.root.isConnected && t.item && tracked.get(t.root) === t);
    if (enabled() && batch.length > 1) {
      writing(() => reorder(batch));
      pushCounts();
    }
  }

  // ---- counts ------------------------------------------------------------------------------------------------

  function counts(): ShieldCounts {
    let hidden = 0;
    let labelled = 0;
    for (const m of modeById.values()) {
      if (m === 'hide' || m === 'stub') hidden++;
      else if (m === 'label' || m === 'demote') labelled++;
    }
    return { seen: modeById.size, hidden, labelled, reordered: reorderedIds.size };
  }

  function pushCounts(): void {
    reporter.stats(counts());
  }

  // ---- navigation --------------------------------------------------------------------------------------------

  function navigated(): void {
    if (stopped) return;
    activity.check();
    const next = surfaceOfPage();
    const wasFailed = failed;
    failed = false;
    pageSurface = next;
    healthOk.clear();
    for (const [root] of tracked) if (!root.isConnected) tracked.delete(root);
    if (wasFailed || next !== null) scan();
    startHealthWatch();
  }

  // ---- start -------------------------------------------------------------------------------------------------

  const observer = new MutationObserver(onMutations);
  observer.observe(doc, {
    childList: true,
    subtree: true,
    ...(adapter.watchAttributes.length > 0 ? { attributes: true, attributeFilter: [...adapter.watchAttributes] } : {}),
  });
  scan();
  startHealthWatch();

  const listeners: Array<[EventTarget, string, EventListener, boolean]> = [
    [doc, 'click', onClick, true],
    [doc, 'auxclick', onClick, true],
    ...(adapter.navigationEvents ?? []).map((type) => [doc, type, navigated as EventListener, false] as [EventTarget, string, EventListener, boolean]),
  ];
  if (win) {
    listeners.push([win, 'popstate', (() => setTimeout(navigated, 0)) as EventListener, false]);
    listeners.push([
      win,
      'pagehide',
      (() => {
        activity.leave();
        void reporter.flush();
      }) as EventListener,
      false,
    ]);
  }
  for (const [target, type, fn, capture] of listeners) target.addEventListener(type, fn, capture);

  const unsubscribe = transport.onProfile((p) => setProfile(p));
  transport
    .send('profile/get', {})
    .then((p) => setProfile(p))
    .catch(() => {
      // No background answer: keep deciding with the defaults rather than leave the page alone and unprotected.
      if (!stopped) settled('profile');
    });
  for (const [what, load] of [['clickbait', deps.loadClickbait], ['detectors', deps.loadDetectors]] as const) {
    load?.()
      .then((model) => {
        if (stopped) return;
        if (model) modelLoaded(what, model);
        else settled(what);
      })
      .catch(() => {
        // A model that fails to load leaves items unjudged by it, never blocked nor held.
        if (!stopped) settled(what);
      });
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearTimeout(holdTimer);
    activity.stop();
    observer.disconnect();
    unsubscribe();
    if (healthTimer !== null) clearTimeout(healthTimer);
    for (const [target, type, fn, capture] of listeners) target.removeEventListener(type, fn, capture);
    clearAll();
    void reporter.flush();
    reporter.destroy();
    judgeClient.stop();
  }
  opts.signal?.addEventListener('abort', stop, { once: true });

  return {
    navigated,
    flush: () => reporter.flush(),
    counts,
    get failed() {
      return failed;
    },
    stop,
  };
}
