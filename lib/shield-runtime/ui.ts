/**
 * The few things Parapet draws in a page: a stub where an item was hidden, and a mark (a badge, the item's menu
 * button) on an item. Each is an empty custom-named host in the page's DOM with everything else in a closed shadow
 * root. A closed root hides nodes, not text: window.find, the selection and layout still reach what is drawn there
 * (issue 25). So stubs and marks draw only fixed, generic words ("Hidden by Parapet", "Parapet", "⋯"), the same
 * size whatever the reason; the reason and the item's menu are drawn in an extension-origin frame (panel.ts) that
 * the page cannot search, select or measure. Plain DOM, no React, and no CSS here: shield.css styles the hosts and
 * their parts (::part), so no stylesheet text ships in the content script or is parsed per root.
 *
 * One set of listeners per document, not per host (issue 24): presses on any host are stopped before the site's
 * own handlers see them, and a trusted click is routed to the host's action.
 */

export const STUB_TAG = 'parapet-stub';
export const MARK_TAG = 'parapet-mark';
export const CELL_ATTR = 'data-parapet-cell';

/** What a stub's buttons do, kept as they are given (routed by the buttons' data-act). */
export type StubActions = Record<'why' | 'show' | 'menu', () => void>;

export interface MarkModel {
  /** A badge (which opens the why frame), or the menu button alone (shown when the item is hovered or focused). */
  badge: boolean;
  demoted: boolean;
  /** Put first for an interest: the badge is quiet, it explains an order rather than warns. */
  boosted: boolean;
  /** The menu button, drawn once the person turns to the item (a badge gets it then too: addMenu). */
  menu: boolean;
}

export type MarkActions = Record<'why' | 'menu', () => void>;

/** An element styled by shield.css through its `part` names (::part reaches into a closed root). */
function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, part: string, text = ''): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (part) e.setAttribute('part', part);
  if (text) e.textContent = text;
  return e;
}

function button(doc: Document, part: string, text: string, act: string): HTMLButtonElement {
  const b = el(doc, 'button', `btn ${part}`, text);
  b.type = 'button';
  b.dataset.act = act;
  return b;
}

/** What the menu button and the menu's frame are called (panel.ts). */
export const MENU_LABEL = 'Parapet: actions for this item';

function menuButton(doc: Document): HTMLButtonElement {
  const b = button(doc, 'menu', '⋯', 'menu');
  b.setAttribute('aria-label', MENU_LABEL);
  b.setAttribute('aria-haspopup', 'menu');
  b.setAttribute('aria-expanded', 'false');
  return b;
}

/** Shadow roots and actions stay reachable from the extension only. */
const roots = new WeakMap<Element, ShadowRoot>();
const actionsOf = new WeakMap<Element, Record<string, () => void>>();

/** Presses a site could act on (a card that navigates on click, say): none of them reaches the site's handlers. */
const PRESSES = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'];
const listening = new WeakSet<Document>();

/** Installs the document's one set of listeners (capture, on the window: before the site's own). */
export function listen(doc: Document): void {
  const win = doc.defaultView;
  if (!win || listening.has(doc)) return;
  listening.add(doc);
  for (const type of PRESSES) win.addEventListener(type, onPress, true);
}

function onPress(e: Event): void {
  // From outside a closed root, the event's target is its host.
  const host = e.target as Element;
  const acts = actionsOf.get(host);
  if (!acts) return;
  e.stopPropagation();
  if (e.type !== 'click' || !e.isTrusted) return;
  const root = roots.get(host)!;
  const m = e as MouseEvent;
  // A pointer's click is where it pressed; Enter or Space on a focused button is a click with no detail.
  const at = m.detail > 0 ? root.elementFromPoint(m.clientX, m.clientY) : root.activeElement;
  const b = at?.closest('button[data-act]') as HTMLElement | null;
  const fn = b ? acts[b.dataset.act ?? ''] : undefined;
  if (!fn) return;
  e.preventDefault();
  fn();
}

/** Per document: each variant's inner structure, built once and cloned for every host after that. */
const templates = new WeakMap<Document, Map<string, Node>>();

/** The inner structure of one variant, built once per document and cloned for every host after that. */
function fromTemplate<T extends Node>(doc: Document, key: string, build: () => T): T {
  let byKey = templates.get(doc);
  if (!byKey) templates.set(doc, (byKey = new Map()));
  let t = byKey.get(key);
  if (!t) byKey.set(key, (t = build()));
  return t.cloneNode(true) as T;
}

function host(doc: Document, tag: string, content: Node, actions: Record<string, () => void>): HTMLElement {
  const h = doc.createElement(tag);
  const root = h.attachShadow({ mode: 'closed' });
  roots.set(h, root);
  actionsOf.set(h, actions);
  root.append(content);
  listen(doc);
  return h;
}

export function createStub(doc: Document, actions: StubActions): HTMLElement {
  const box = fromTemplate(doc, 'stub', () => {
    const b = el(doc, 'div', 'stub');
    b.setAttribute('role', 'note');
    const show = button(doc, 'show', 'Show', 'show');
    show.append(el(doc, 'span', 'more', ' this item'));
    show.setAttribute('aria-label', 'Show this item only');
    b.append(el(doc, 'span', 'lead', 'Hidden by Parapet'), button(doc, 'why', 'Why?', 'why'), show, menuButton(doc));
    return b;
  });
  return host(doc, STUB_TAG, box, actions);
}

export function createMark(doc: Document, model: MarkModel, actions: MarkActions): HTMLElement {
  const tone = model.demoted ? 'badge demoted' : model.boosted ? 'badge boosted' : 'badge';
  const row = fromTemplate(doc, `${tone}|${model.badge}|${model.menu}`, () => {
    // The buttons go straight into the shadow root, the host itself laid out as their row (shield.css): a row
    // element of their own was one more box per mark to lay out and pre-paint, and a large profile puts a badge on
    // about half of a feed's items (issue 24).
    const r = doc.createDocumentFragment();
    if (model.badge) {
      // One fixed word whatever the reason; pressing it opens the why frame.
      const badge = button(doc, tone, 'Parapet', 'why');
      badge.setAttribute('aria-label', model.boosted ? 'Put first by Parapet: why?' : 'Labelled by Parapet: why?');
      r.append(badge);
    }
    if (model.menu) r.append(menuButton(doc));
    return r;
  });
  const h = host(doc, MARK_TAG, row, actions);
  // Without a badge there is nothing to say until the person turns to the item (shield.css shows it then).
  if (!model.badge) h.setAttribute('data-quiet', '');
  return h;
}

/**
 * Gives a badge its menu button, now that the person turned to the item (pointer, keyboard focus, touch): until then
 * a badge is one button, not two, to lay out and pre-paint, and a large profile badges about half of a feed's items
 * (issue 24). Added beside the badge, not by a new mark, so focus on the badge stays where it is.
 */
export function addMenu(h: Element): void {
  if (!buttonOf(h, 'menu')) roots.get(h)?.append(menuButton(h.ownerDocument));
}

/** The shadow root of a stub or mark: closed to the page, reachable from the extension's own code. */
export function shadowOf(h: Element): ShadowRoot | undefined {
  return roots.get(h);
}

/** The button of a stub or mark that opens `act` ('menu' or 'why'), to put focus back on when its frame closes. */
export function buttonOf(h: Element | null, act: string): HTMLElement | null {
  return (h && (roots.get(h)?.querySelector(`[data-act="${act}"]`) as HTMLElement | null)) ?? null;
}

/** The actions of a stub or mark by name ('why', 'show', 'menu'): for tests, which cannot press with trusted input. */
export function actionsFor(h: Element): Readonly<Record<string, () => void>> {
  return actionsOf.get(h) ?? {};
}
