/**
 * The few things Parapet draws in a page: a stub where an item was hidden, and a badge with per-item controls.
 * Each is an empty custom-named host in the page's DOM with everything else in a closed shadow root, so no
 * reason or profile text is ever in the page's light DOM, and page scripts cannot read it. Plain DOM, no React:
 * the content script stays small. All text goes in through textContent.
 */

export const STUB_TAG = 'parapet-stub';
export const MARK_TAG = 'parapet-mark';
export const CELL_ATTR = 'data-parapet-cell';

export interface StubModel {
  reason: string;
  author: string;
  /** Offer "always allow this rule" only when the reason names one. */
  ruleLabel: string;
}

export interface StubActions {
  show(): void;
  alwaysAuthor(): void;
  alwaysRule(): void;
}

export interface MarkModel {
  /** Badge text, '' for none. */
  badge: string;
  /** Longer explanation in the badge's tooltip. */
  why: string;
  author: string;
  demoted: boolean;
}

export interface MarkActions {
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
`;

const STUB_CSS = `${BASE_CSS}
.stub { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 6px; margin: 4px 0; padding: 6px 10px;
  border-radius: 8px; border: 1px dashed color-mix(in srgb, currentColor 35%, transparent);
  background: color-mix(in srgb, currentColor 5%, transparent); opacity: .85; max-width: 100%; overflow: hidden; }
.why { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 60ch; unicode-bidi: plaintext; }
.more { opacity: .75; }
.show { font-weight: 600; }
`;

const MARK_CSS = `${BASE_CSS}
:host { display: inline-block; vertical-align: middle; margin: 2px 0; }
.row { display: inline-flex; align-items: center; gap: 4px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11px; font-weight: 600;
  background: #fde68a; color: #5b4300; max-width: 32ch; overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; unicode-bidi: plaintext; }
.badge.demoted { background: #e5e7eb; color: #374151; }
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

function button(doc: Document, cls: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = el(doc, 'button', cls, text);
  b.type = 'button';
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onClick();
  });
  return b;
}

/** Shadow roots stay reachable from the extension only. */
const roots = new WeakMap<Element, ShadowRoot>();

function host(doc: Document, tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const h = doc.createElement(tag);
  const root = h.attachShadow({ mode: 'closed' });
  roots.set(h, root);
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  // Clicks inside must not reach the site's own handlers (a card that navigates on click, say).
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup']) {
    h.addEventListener(type, (e) => e.stopPropagation());
  }
  return { host: h, root };
}

export function createStub(doc: Document, model: StubModel, actions: StubActions): HTMLElement {
  const { host: h, root } = host(doc, STUB_TAG, STUB_CSS);
  const box = el(doc, 'div', 'stub');
  box.setAttribute('role', 'note');
  box.append(el(doc, 'span', 'why', `Hidden by Parapet: ${model.reason}`), el(doc, 'span', '', '·'));
  box.append(button(doc, 'show', 'Show', actions.show));
  if (model.author) {
    box.append(el(doc, 'span', 'more', '·'), button(doc, 'more', `Always show from ${clip(model.author, 40)}`, actions.alwaysAuthor));
  }
  if (model.ruleLabel) {
    box.append(el(doc, 'span', 'more', '·'), button(doc, 'more', 'Always allow this rule', actions.alwaysRule));
  }
  root.append(box);
  return h;
}

export function createMark(doc: Document, model: MarkModel, actions: MarkActions): HTMLElement {
  const { host: h, root } = host(doc, MARK_TAG, MARK_CSS);
  const row = el(doc, 'span', 'row');
  if (model.badge) {
    const badge = el(doc, 'span', model.demoted ? 'badge demoted' : 'badge', model.badge);
    badge.title = model.why;
    badge.setAttribute('role', 'status');
    row.append(badge);
  }
  const menu = el(doc, 'span', 'menu');
  const toggle = button(doc, 'menu-btn', '⋯', () => row.classList.toggle('open'));
  toggle.setAttribute('aria-label', 'Parapet: hide this or see less like it');
  toggle.title = 'Parapet';
  menu.append(button(doc, '', 'Hide this', actions.hideThis));
  if (model.author) menu.append(button(doc, '', 'Less like this', actions.lessLikeThis));
  row.append(toggle, menu);
  root.append(row);
  return h;
}

/** The shadow root of a stub or mark: closed to the page, reachable from the extension's own code. */
export function shadowOf(h: Element): ShadowRoot | undefined {
  return roots.get(h);
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
