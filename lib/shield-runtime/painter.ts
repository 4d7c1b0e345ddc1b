import type { Adapter, Slot } from '../adapters/types';
import type { Reason } from '../schema/decision';
import type { FeedbackType } from '../schema/log';
import { mainReason } from './reasons';
import type { Tracked } from './tracked';
import { addMenu, CELL_ATTR, createMark, createStub, MARK_TAG } from './ui';

export const ATTR = 'data-parapet';
/** On a mark that takes no room (Slot.over): shield.css lays it over the end of its parent's last line. */
const OVER_ATTR = 'data-over';

/**
 * The attribute's value: only what the stylesheet acts on (shield.css), which the page can read from layout anyway.
 * A label, a boost or an item shown anyway all read 'show': the page is told no decision it could not see (issue 25).
 */
const valueOf = (mode: Mode): string => (mode === 'hide' || mode === 'stub' || mode === 'demote' ? mode : 'show');

/** Sets the attribute when it says something else: writing the same value again is still a mutation for every
 * observer of the page. */
const put = (el: Element, value: string) => el.getAttribute(ATTR) !== value && el.setAttribute(ATTR, value);

/** What an item looks like on the page; the stylesheet (shield.css) acts on it as soon as the attribute is set.
 * 'shown': the person chose to see it anyway. (Items found while the hold lasts are put out of sight by the runner,
 * before they are read: the painter only draws decisions.) */
export type Mode = 'hide' | 'stub' | 'label' | 'demote' | 'boost' | 'show' | 'shown';

/** What the painter has put on the page for one item. */
export interface Painted {
  mode: Mode | null;
  /** The item's rows besides its root (HN's subtext and spacer), which take its attribute too. */
  parts: Element[];
  stub: Element | null;
  stubKey: string;
  mark: Element | null;
  markKey: string;
  /** Stubs and badges put back after the site's own rendering threw them away. */
  remounts: number;
  /** The person turned to the item (pointer or keyboard): its mark gets its menu button from then on. */
  wanted: boolean;
}

export const unpainted = (): Painted => ({ mode: null, parts: [], stub: null, stubKey: '', mark: null, markKey: '', remounts: 0, wanted: false });

/** The mode for an item's action, given what the person chose on this page. */
export function modeOf(
  action: string,
  s: { revealed: boolean; handHidden: boolean; removeHidden: boolean },
): Mode {
  if (s.revealed && !s.handHidden) return 'shown';
  // A hand hide always leaves its stub: the user just clicked there and needs the way back.
  if (action === 'hide') return s.removeHidden && !s.handHidden ? 'hide' : 'stub';
  return action === 'label' || action === 'demote' || action === 'boost' ? action : 'show';
}

export interface Painter {
  /** Puts `mode` on the item's root and rows at once; its stub or badge now, or else through `later`. */
  paint(t: Tracked, mode: Mode, now: boolean): void;
  /** Draws the stub or badge the item's mode calls for (or removes them), unless the one in place is still right. */
  decorate(t: Tracked): void;
  /** Gives an item its menu button (a plain item its mark), now that the person turned to it. */
  offer(t: Tracked): void;
  /** Puts back the attribute, stub or badge the site's own rendering took away (a few times at most per item). */
  restore(t: Tracked): void;
  /** Takes everything Parapet put on the item off the page. */
  unpaint(t: Tracked): void;
  /** Whether the node is one of the rows that move with an item (moving it is Parapet's own writing). */
  ownsRow(n: Node): boolean;
  /** Items painted since the last `forget`, by the item's id (a recycled root counts once). */
  counts(): Counts;
  /** These items left the page: they stay counted, but their ids are not kept (issue 25). */
  gone(ids: Iterable<string>): void;
  forget(): void;
}

type Counts = { seen: number; hidden: number; labelled: number };

/** Adds (n = 1) or takes back (n = -1) one item in mode `m`. */
function tally(c: Counts, m: Mode, n: number): void {
  c.seen += n;
  if (m === 'hide' || m === 'stub') c.hidden += n;
  else if (m === 'label' || m === 'demote') c.labelled += n;
}

const none = (): Counts => ({ seen: 0, hidden: 0, labelled: 0 });

export interface PainterOptions {
  /** The person pressed a control on a stub or badge. */
  act(t: Tracked, type: FeedbackType, reason: Reason | undefined): void;
  /** Draws the stub or badge before the next paint (frame.ts). */
  later(t: Tracked): void;
  /** Opens (or closes) the frame under the item's stub or mark that says why, or holds its menu (panel.ts). */
  open(t: Tracked, anchor: Element, view: 'why' | 'menu'): void;
}

const MAX_REMOUNTS = 5;

/**
 * The only part of the runtime that writes to the page: one attribute per item (and its rows), and the stubs
 * and badges with their controls. It never decides anything; it draws the mode it is given.
 */
export function createPainter(doc: Document, adapter: Adapter, opts: PainterOptions): Painter {
  /** The items on the page; those that left stay in `total`, which is kept as modes change (issue 24: counting
   * is asked for after every batch, and a long feed holds thousands of items). */
  const modeById = new Map<string, Mode>();
  let total = none();
  const rows = new WeakSet<Node>();

  function paint(t: Tracked, mode: Mode, now: boolean): void {
    const p = t.paint;
    put(t.root, valueOf(mode));
    p.mode = mode;
    const parts = adapter.extraParts?.(t.root) ?? [];
    // An item's other rows (HN's subtext) are hidden with it.
    const partMode = mode === 'hide' || mode === 'stub' ? 'hide' : null;
    for (const x of p.parts) if (!parts.includes(x)) x.removeAttribute(ATTR);
    // Taking off an attribute that is not there changes nothing, for observers either.
    for (const x of parts) {
      if (partMode) put(x, partMode);
      else x.removeAttribute(ATTR);
    }
    p.parts = parts;
    for (const x of parts) rows.add(x);
    const id = t.item!.id;
    const was = modeById.get(id);
    if (was) tally(total, was, -1);
    tally(total, mode, 1);
    modeById.set(id, mode);
    if (now) decorate(t);
    // A plain or removed item with nothing of ours on it has nothing to draw or take off (most of a feed): no work
    // for the frame.
    else if (p.stub || p.mark || p.wanted || (mode !== 'show' && mode !== 'hide')) opts.later(t);
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
    if (slot.over) host.setAttribute(OVER_ATTR, '');
    slot.parent.insertBefore(host, slot.before ?? null);
    return host;
  }

  function removeStub(p: Painted): void {
    p.stub?.remove();
    p.stub = null;
    p.stubKey = '';
  }

  function removeMark(p: Painted): void {
    p.mark?.remove();
    p.mark = null;
    p.markKey = '';
  }

  function decorate(t: Tracked): void {
    const { item, decision: d, paint: p } = t;
    if (!item || !d) return;
    const reason = mainReason(d);
    // The decision is in each key, so that a changed reason closes a why frame that would be out of date.
    const why = `${d.action}\n${d.reasons.map((r) => r.code + r.detail).join('|')}`;
    if (p.mode === 'stub') {
      removeMark(p);
      // Nothing of the reason is drawn here: the why frame and the menu say it (ui.ts, panel.ts).
      const key = `${item.id}\n${why}`;
      if (p.stub && p.stubKey === key && p.stub.isConnected) return;
      removeStub(p);
      const byHand = reason?.code === 'user-hidden';
      const host = createStub(doc, {
        why: () => opts.open(t, host, 'why'),
        show: () => opts.act(t, byHand ? 'undo' : 'show-anyway', reason),
        menu: () => opts.open(t, host, 'menu'),
      });
      p.stub = mount(adapter.stubSlot?.(t.root) ?? { parent: t.root }, host);
      p.stubKey = key;
      return;
    }
    removeStub(p);
    if (p.mode === 'hide') {
      removeMark(p);
      return;
    }
    const badged = p.mode === 'label' || p.mode === 'demote';
    // A boosted item may have been moved up: its quiet badge opens the frame that says for which interest.
    const boosted = p.mode === 'boost';
    const model = { badge: badged || boosted, demoted: p.mode === 'demote', boosted, menu: p.wanted };
    // A plain item has nothing to say until the person turns to it (issue 24: no mark on every item).
    if (!model.badge && !p.wanted) return removeMark(p);
    const key = `${item.id}\n${p.mode}\n${why}`;
    if (p.mark && p.markKey === key && p.mark.isConnected) return;
    removeMark(p);
    const host = createMark(doc, model, { why: () => opts.open(t, host, 'why'), menu: () => opts.open(t, host, 'menu') });
    p.mark = mount((!model.badge && adapter.menuSlot?.(t.root)) || (adapter.markSlot?.(t.root) ?? { parent: t.root }), host);
    p.markKey = key;
  }

  function offer(t: Tracked): void {
    const p = t.paint;
    if (p.wanted || !p.mode) return;
    p.wanted = true;
    if (p.mark) addMenu(p.mark.localName === MARK_TAG ? p.mark : p.mark.firstElementChild!);
    decorate(t);
  }

  function restore(t: Tracked): void {
    const p = t.paint;
    const lost = (p.stub && !p.stub.isConnected) || (p.mark && !p.mark.isConnected);
    if (p.mode) put(t.root, valueOf(p.mode));
    if (!lost || p.remounts >= MAX_REMOUNTS) return;
    p.remounts++;
    p.stubKey = '';
    p.markKey = '';
    decorate(t);
  }

  function unpaint(t: Tracked): void {
    const p = t.paint;
    removeStub(p);
    removeMark(p);
    t.root.removeAttribute(ATTR);
    for (const x of p.parts) x.removeAttribute(ATTR);
    p.parts = [];
    p.mode = null;
  }

  return {
    paint,
    decorate,
    offer,
    restore,
    unpaint,
    ownsRow: (n) => rows.has(n),
    counts: () => ({ ...total }),
    gone(ids) {
      for (const id of ids) modeById.delete(id);
    },
    forget() {
      modeById.clear();
      total = none();
    },
  };
}
