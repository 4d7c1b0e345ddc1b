/**
 * The few things Parapet draws in a page: a stub where an item was hidden, and a mark (a badge, the item's menu
 * button) on an item. Each is an empty custom-named host in the page's DOM with everything else in a closed shadow
 * root. A closed root hides nodes, not text: window.find, the selection and layout still reach what is drawn there
 * (issue 25). So stubs and marks draw only fixed, generic words ("Hidden by Parapet", "Parapet", "⋯"), the same
 * size whatever the reason; the reason and the item's menu are drawn in an extension-origin frame (panel.ts) that
 * the page cannot search, select or measure. Plain DOM, no React: the content script stays small.
 *
 * One set of listeners per document, not per host (issue 24): presses on any host are stopped before the site's
 * own handlers see them, and a trusted click is routed to the host's action.
 */

export const STUB_TAG = 'parapet-stub';
export const MARK_TAG = 'parapet-mark';
export const CELL_ATTR = 'data-parapet-cell';

export interface StubActions {
  why(): void;
  show(): void;
  menu(): void;
}

export interface MarkModel {
  /** A badge (which opens the why frame), or the menu button alone (shown when the item is hovered or focused). */
  badge: boolean;
  demoted: boolean;
  /** Put first for an interest: the badge is quiet, it explains an order rather than warns. */
  boosted: boolean;
}

export interface MarkActions {
  why(): void;
  menu(): void;
}

/* Written tight: CSS in a string is shipped as written, and each content script has a byte limit. */
const BASE_CSS = `:host{all:initial;display:block;font:12px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:inherit;contain:content}*{box-sizing:border-box}button{font:inherit;color:inherit;background:none;border:0;padding:0 2px;cursor:pointer;flex:none;text-decoration:underline;text-underline-offset:2px;white-space:nowrap}button:focus-visible{outline:2px solid #4c8bf5;outline-offset:1px;border-radius:3px}.menu{min-width:24px;min-height:24px;padding:0;border-radius:12px;text-decoration:none;font-size:16px;line-height:24px;text-align:center;opacity:.7}.menu:hover,.menu[aria-expanded="true"]{opacity:1;background:color-mix(in srgb,currentColor 12%,transparent)}`;

/* One line whatever the cell's width: the words give way first (ellipsis), then "Why?" (the menu still explains). */
const STUB_CSS = `${BASE_CSS}:host{container-type:inline-size}.stub{display:flex;flex-wrap:nowrap;align-items:center;gap:4px;margin:4px 0;padding:2px 4px 2px 10px;border-radius:8px;border:1px dashed color-mix(in srgb,currentColor 35%,transparent);background:color-mix(in srgb,currentColor 5%,transparent);opacity:.85;overflow:hidden;white-space:nowrap}.lead{min-width:0;overflow:hidden;text-overflow:ellipsis}.why::before,.show::before{content:"·";display:inline-block;margin-right:4px;opacity:.6}.show{font-weight:600}.menu{margin-left:auto}@container (max-width:230px){.why{display:none}}`;

const MARK_CSS = `${BASE_CSS}:host{display:inline-block;vertical-align:middle;margin:-5px 0}.row{display:inline-flex;align-items:center;gap:2px}.badge{display:inline-block;width:6.5em;padding:0;border-radius:9px;font-size:11px;font-weight:600;text-align:center;text-decoration:none;background:#fde68a;color:#5b4300}.badge.demoted{background:#e5e7eb;color:#374151}.badge.boosted{background:#d1fae5;color:#065f46;font-weight:500}`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

function button(doc: Document, cls: string, text: string, act: string): HTMLButtonElement {
  const b = el(doc, 'button', cls, text);
  b.type = 'button';
  b.dataset.act = act;
  return b;
}

function menuButton(doc: Document): HTMLButtonElement {
  const b = button(doc, 'menu', '⋯', 'menu');
  b.setAttribute('aria-label', 'Parapet: actions for this item');
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

/**
 * Per document: one constructed stylesheet per kind, adopted by every shadow root, so a page with a thousand
 * badges parses and matches one sheet instead of a thousand <style> copies. Firefox refuses constructed sheets
 * from a content script's compartment in a page's shadow root: there, and wherever adopting fails, a clone of
 * one prepared <style> is used instead.
 */
interface Sheets {
  adopted: Map<string, CSSStyleSheet> | null;
  /** Adopting was read back once and held: later roots need not read it back (the read copies the list). */
  adoptionChecked: boolean;
  styles: Map<string, HTMLStyleElement>;
  templates: Map<string, Element>;
}
const perDoc = new WeakMap<Document, Sheets>();

function sheetsOf(doc: Document): Sheets {
  let s = perDoc.get(doc);
  if (!s) {
    s = { adopted: new Map(), adoptionChecked: false, styles: new Map(), templates: new Map() };
    perDoc.set(doc, s);
  }
  return s;
}

export function styleRoot(doc: Document, root: ShadowRoot, css: string): void {
  const s = sheetsOf(doc);
  if (s.adopted) {
    try {
      let sheet = s.adopted.get(css);
      if (!sheet) {
        const Ctor = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
        sheet = new Ctor();
        sheet.replaceSync(css);
        s.adopted.set(css, sheet);
      }
      root.adoptedStyleSheets = [sheet];
      if (s.adoptionChecked) return;
      if (root.adoptedStyleSheets.length === 1) {
        s.adoptionChecked = true;
        return;
      }
    } catch {
      // not supported here: fall through to <style>, for this document from now on
    }
    s.adopted = null;
  }
  let style = s.styles.get(css);
  if (!style) {
    style = doc.createElement('style');
    style.textContent = css;
    s.styles.set(css, style);
  }
  root.prepend(style.cloneNode(true));
}

/** The inner structure of one variant, built once per document and cloned for every host after that. */
function fromTemplate(doc: Document, key: string, build: () => Element): Element {
  const s = sheetsOf(doc);
  let t = s.templates.get(key);
  if (!t) {
    t = build();
    s.templates.set(key, t);
  }
  return t.cloneNode(true) as Element;
}

function host(doc: Document, tag: string, css: string, content: Element, actions: Record<string, () => void>): HTMLElement {
  const h = doc.createElement(tag);
  const root = h.attachShadow({ mode: 'closed' });
  roots.set(h, root);
  actionsOf.set(h, actions);
  root.append(content);
  styleRoot(doc, root, css);
  listen(doc);
  return h;
}

export function createStub(doc: Document, actions: StubActions): HTMLElement {
  const box = fromTemplate(doc, 'stub', () => {
    const b = el(doc, 'div', 'stub');
    b.setAttribute('role', 'note');
    const show = button(doc, 'show', 'Show this item', 'show');
    show.title = 'Shows this one item only';
    b.append(el(doc, 'span', 'lead', 'Hidden by Parapet'), button(doc, 'why', 'Why?', 'why'), show, menuButton(doc));
    return b;
  });
  return host(doc, STUB_TAG, STUB_CSS, box, { why: actions.why, show: actions.show, menu: actions.menu });
}

export function createMark(doc: Document, model: MarkModel, actions: MarkActions): HTMLElement {
  const tone = model.demoted ? 'badge demoted' : model.boosted ? 'badge boosted' : 'badge';
  const row = fromTemplate(doc, `mark|${model.badge}|${tone}`, () => {
    const r = el(doc, 'span', 'row');
    if (model.badge) {
      // One fixed word whatever the reason; pressing it opens the why frame.
      const badge = button(doc, tone, 'Parapet', 'why');
      badge.setAttribute('aria-label', model.boosted ? 'Put first by Parapet: why?' : 'Labelled by Parapet: why?');
      r.append(badge);
    }
    r.append(menuButton(doc));
    return r;
  });
  const h = host(doc, MARK_TAG, MARK_CSS, row, { why: actions.why, menu: actions.menu });
  // Without a badge there is nothing to say until the person turns to the item (shield.css shows it then).
  if (!model.badge) h.setAttribute('data-quiet', '');
  return h;
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
