/**
 * The few things Parapet draws in a page: a stub where an item was hidden, and a badge with per-item controls.
 * Each is an empty custom-named host in the page's DOM with everything else in a closed shadow root. A closed root
 * hides nodes, not text: window.find, the selection and layout still reach what is drawn there (issue 25). So a
 * stub and a badge draw only fixed, generic words ("Hidden by Parapet", "Parapet"), the same size whatever the
 * reason, and the reason itself is drawn in an extension-origin frame (entrypoints/why) opened on "Why?", which
 * the page cannot search, select or measure. Plain DOM, no React: the content script stays small. All text goes
 * in through textContent.
 */

export const STUB_TAG = 'parapet-stub';
export const MARK_TAG = 'parapet-mark';
export const CELL_ATTR = 'data-parapet-cell';

export interface StubModel {
  author: string;
  /** Offer "always allow this rule" only when the reason names one. */
  ruleLabel: string;
}

/** The why frame's address for this item (why-link.ts), or null when it cannot be explained now. */
export type WhyLoader = () => Promise<string | null>;

export interface StubActions {
  why: WhyLoader;
  show(): void;
  alwaysAuthor(): void;
  alwaysRule(): void;
}

export interface MarkModel {
  /** A badge (which opens the why frame) or the menu alone. */
  badge: boolean;
  author: string;
  demoted: boolean;
  /** Put first for an interest: the badge is quiet, it explains an order rather than warns. */
  boosted: boolean;
}

export interface MarkActions {
  why: WhyLoader;
  hideThis(): void;
  lessLikeThis(): void;
}

const BASE_CSS = `
:host { all: initial; display: block; font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: inherit; contain: content; }
* { box-sizing: border-box; }
button { font: inherit; color: inherit; background: none; border: 0; padding: 0 2px; cursor: pointer;
  text-decoration: underline; text-underline-offset: 2px; }
button:focus-visible { outline: 2px solid #4c8bf5; outline-offset: 1px; border-radius: 3px; }
iframe { display: block; width: 340px; max-width: 100%; height: 88px; margin: 2px 0; border: 1px solid #8884;
  border-radius: 8px; background: Canvas; }
`;

const STUB_CSS = `${BASE_CSS}
.stub { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 6px; margin: 4px 0; padding: 6px 10px;
  border-radius: 8px; border: 1px dashed color-mix(in srgb, currentColor 35%, transparent);
  background: color-mix(in srgb, currentColor 5%, transparent); opacity: .85; max-width: 100%; overflow: hidden; }
.more { opacity: .75; }
.show { font-weight: 600; }
`;

const MARK_CSS = `${BASE_CSS}
:host { display: inline-block; vertical-align: middle; margin: 2px 0; }
.row { display: inline-flex; align-items: center; gap: 4px; }
.badge { display: inline-block; width: 6.5em; padding: 0; border-radius: 9px; font-size: 11px; font-weight: 600;
  text-align: center; text-decoration: none; background: #fde68a; color: #5b4300; white-space: nowrap; }
.badge.demoted { background: #e5e7eb; color: #374151; }
.badge.boosted { background: #d1fae5; color: #065f46; font-weight: 500; }
.menu-btn { text-decoration: none; opacity: .6; font-size: 14px; line-height: 1; padding: 0 4px; }
.menu-btn:hover { opacity: 1; }
.menu { display: none; gap: 6px; font-size: 11px; }
.open .menu { display: inline-flex; }
`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

/** A button whose click the shadow root's one listener routes to `act`: one listener per host, not per button. */
function button(doc: Document, cls: string, text: string, act: string): HTMLButtonElement {
  const b = el(doc, 'button', cls, text);
  b.type = 'button';
  b.dataset.act = act;
  return b;
}

/** Shadow roots stay reachable from the extension only. */
const roots = new WeakMap<Element, ShadowRoot>();

/** Clicks inside must not reach the site's own handlers (a card that navigates on click, say). */
const HOST_STOPS = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'];
const stop = (e: Event) => e.stopPropagation();

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

function styleRoot(doc: Document, root: ShadowRoot, css: string): void {
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

/** Opens the item's why frame under the stub or badge, or closes it. Its size is fixed, whatever it explains. */
async function toggleWhy(doc: Document, root: ShadowRoot, load: WhyLoader): Promise<void> {
  const open = root.querySelector('iframe');
  if (open) return open.remove();
  const url = await load().catch(() => null);
  if (!url || root.querySelector('iframe')) return;
  const frame = doc.createElement('iframe');
  frame.title = 'Why Parapet did this';
  frame.src = url;
  root.append(frame);
}

function host(doc: Document, tag: string, css: string, content: Element, actions: Record<string, (root: ShadowRoot) => void>): HTMLElement {
  const h = doc.createElement(tag);
  const root = h.attachShadow({ mode: 'closed' });
  roots.set(h, root);
  root.append(content);
  styleRoot(doc, root, css);
  root.addEventListener('click', (e) => {
    const b = (e.target as Element | null)?.closest?.('button[data-act]') as HTMLElement | null;
    const fn = b ? actions[b.dataset.act ?? ''] : undefined;
    if (!fn) return;
    e.preventDefault();
    e.stopPropagation();
    fn(root);
  });
  for (const type of HOST_STOPS) h.addEventListener(type, stop);
  return h;
}

export function createStub(doc: Document, model: StubModel, actions: StubActions): HTMLElement {
  const hasAuthor = model.author !== '';
  const hasRule = model.ruleLabel !== '';
  const box = fromTemplate(doc, `stub|${hasAuthor}|${hasRule}`, () => {
    const b = el(doc, 'div', 'stub');
    b.setAttribute('role', 'note');
    b.append(el(doc, 'span', '', 'Hidden by Parapet'), el(doc, 'span', '', '·'), button(doc, '', 'Why?', 'why'));
    b.append(el(doc, 'span', '', '·'), button(doc, 'show', 'Show', 'show'));
    if (hasAuthor) b.append(el(doc, 'span', 'more', '·'), button(doc, 'more', '', 'author'));
    if (hasRule) b.append(el(doc, 'span', 'more', '·'), button(doc, 'more', 'Always allow this rule', 'rule'));
    return b;
  });
  if (hasAuthor) box.children[6].textContent = `Always show from ${clip(model.author, 40)}`;
  return host(doc, STUB_TAG, STUB_CSS, box, {
    why: (root) => void toggleWhy(doc, root, actions.why),
    show: actions.show,
    author: actions.alwaysAuthor,
    rule: actions.alwaysRule,
  });
}

export function createMark(doc: Document, model: MarkModel, actions: MarkActions): HTMLElement {
  const hasBadge = model.badge;
  const hasAuthor = model.author !== '';
  const tone = model.demoted ? 'badge demoted' : model.boosted ? 'badge boosted' : 'badge';
  const row = fromTemplate(doc, `mark|${hasBadge}|${tone}|${hasAuthor}`, () => {
    const r = el(doc, 'span', 'row');
    if (hasBadge) {
      // One fixed word whatever the reason; pressing it opens the why frame.
      const badge = button(doc, tone, 'Parapet', 'why');
      badge.setAttribute('aria-label', model.boosted ? 'Put first by Parapet: why?' : 'Labelled by Parapet: why?');
      r.append(badge);
    }
    const toggle = button(doc, 'menu-btn', '⋯', 'toggle');
    toggle.setAttribute('aria-label', 'Parapet: hide this or see less like it');
    toggle.title = 'Parapet';
    const menu = el(doc, 'span', 'menu');
    menu.append(button(doc, '', 'Hide this', 'hide'));
    if (hasAuthor) menu.append(button(doc, '', 'Less like this', 'less'));
    r.append(toggle, menu);
    return r;
  });
  return host(doc, MARK_TAG, MARK_CSS, row, {
    why: (root) => void toggleWhy(doc, root, actions.why),
    toggle: () => row.classList.toggle('open'),
    hide: actions.hideThis,
    less: actions.lessLikeThis,
  });
}

/** The shadow root of a stub or mark: closed to the page, reachable from the extension's own code. */
export function shadowOf(h: Element): ShadowRoot | undefined {
  return roots.get(h);
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
