/** The small chip by the composer, in Parapet's own closed shadow root: how many standing instructions will go
 * with this message, and a list to drop one or skip them all. Plain DOM: the content script stays small. */

export interface ChipItem {
  id: string;
  text: string;
  why: string;
  dropped: boolean;
}

/** An instruction the message itself overrode ("in miles, please"): not added; `why` says so. */
export interface ChipSkipped {
  id: string;
  text: string;
  why: string;
}

export type ChipView =
  | { kind: 'hidden' }
  | { kind: 'ready'; items: ChipItem[]; overridden: ChipSkipped[]; skipAll: boolean; placement: 'start' | 'end' }
  | { kind: 'present' }
  /** Parapet is on here and the box has text, but none of the person's instructions goes with it. */
  | { kind: 'none' }
  | { kind: 'warning'; detail: string };

/** The host's box never changes with what the chip says: a page can measure it, and a label's length would tell it
 * whether anything applies to the text in the box. */
const CHIP_WIDTH = 264;
const CHIP_HEIGHT = 26;

export interface ChipActions {
  toggleDrop(id: string): void;
  toggleSkip(): void;
  /** Focus goes back to the composer after the user picks something, so Enter sends. */
  returnFocus(): void;
}

const CSS = `
:host { all: initial; }
.wrap { position: relative; height: 100%; font: 12px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; }
.chip { display: inline-flex; align-items: center; gap: 6px; padding: 3px 10px 3px 8px; border-radius: 999px;
  border: 1px solid #c9d1d9; background: #f6f8fa; color: inherit; font: inherit; cursor: pointer; white-space: nowrap;
  box-shadow: 0 1px 2px rgba(0,0,0,.08); width: 100%; height: 100%; box-sizing: border-box; overflow: hidden; }
.chip > span:last-child { overflow: hidden; text-overflow: ellipsis; }
.chip:hover { background: #eef1f4; }
.chip:focus-visible, button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #1a7f37; flex: none; }
.chip.skipped .dot { background: #8c959f; }
.chip.warning { border-color: #d4a72c; background: #fff8c5; }
.chip.warning .dot { background: #bf8700; }
.panel { position: absolute; bottom: calc(100% + 6px); right: 0; width: 340px; max-height: 320px; overflow: auto;
  background: #fff; border: 1px solid #d0d7de; border-radius: 10px; box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 10px; }
.panel[hidden] { display: none; }
.head { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin-bottom: 6px; }
.title { font-weight: 600; }
ul { list-style: none; margin: 0; padding: 0; }
li { display: flex; gap: 8px; align-items: flex-start; padding: 6px 0; border-top: 1px solid #eaeef2; }
li .text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
li.dropped .text { text-decoration: line-through; color: #8c959f; }
.why { display: block; color: #57606a; font-size: 11px; margin-top: 2px; }
button.small { font: inherit; padding: 2px 8px; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa;
  color: inherit; cursor: pointer; flex: none; }
button.small:hover { background: #eef1f4; }
.note { color: #57606a; margin: 6px 0 0; }
.title.sub { margin: 10px 0 4px; }
li.overridden .text { color: #57606a; }
@media (prefers-color-scheme: dark) {
  .wrap { color: #e6edf3; }
  .chip, button.small { background: #21262d; border-color: #30363d; }
  .chip:hover, button.small:hover { background: #30363d; }
  .chip.warning { background: #3b2e00; border-color: #9e6a03; }
  .panel { background: #161b22; border-color: #30363d; }
  li { border-color: #21262d; }
  .why, .note, li.overridden .text { color: #8b949e; }
}
`;

export class Chip {
  readonly host: HTMLElement;
  private root: ShadowRoot;
  private button: HTMLButtonElement;
  private label: HTMLSpanElement;
  private panel: HTMLDivElement;
  private view: ChipView = { kind: 'hidden' };
  private open = false;

  constructor(private actions: ChipActions) {
    this.host = document.createElement('parapet-chat-chip');
    this.host.style.cssText = `position:fixed;z-index:2147483646;top:0;left:0;display:none;width:${CHIP_WIDTH}px;height:${CHIP_HEIGHT}px;`;
    // Closed: the page's own scripts cannot read the user's instructions before the user sends them.
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    const wrap = document.createElement('div');
    wrap.className = 'wrap';
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'chip';
    this.button.setAttribute('aria-haspopup', 'dialog');
    this.button.setAttribute('aria-expanded', 'false');
    const dot = document.createElement('span');
    dot.className = 'dot';
    dot.setAttribute('aria-hidden', 'true');
    this.label = document.createElement('span');
    this.button.append(dot, this.label);
    this.panel = document.createElement('div');
    this.panel.className = 'panel';
    this.panel.setAttribute('role', 'dialog');
    this.panel.setAttribute('aria-label', 'Parapet instructions for this message');
    this.panel.hidden = true;
    wrap.append(this.panel, this.button);
    this.root.append(style, wrap);

    this.button.addEventListener('click', () => this.setOpen(!this.open, true));
    this.root.addEventListener('keydown', (e) => {
      const ev = e as KeyboardEvent;
      // Keys typed in the chip belong to the chip: the composer's Enter handler must never see them.
      ev.stopPropagation();
      if (ev.key === 'Escape' && this.open) {
        ev.preventDefault();
        this.setOpen(false);
        this.button.focus();
      }
    });
  }

  mount() {
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  destroy() {
    this.host.remove();
  }

  /** Places the chip just above the composer's top-right corner. */
  place(anchor: DOMRect | null) {
    if (!anchor || this.view.kind === 'hidden' || (anchor.width === 0 && anchor.height === 0)) {
      this.host.style.display = 'none';
      return;
    }
    this.host.style.display = 'block';
    const left = Math.max(4, Math.min(window.innerWidth - CHIP_WIDTH - 4, anchor.right - CHIP_WIDTH));
    const top = Math.max(4, anchor.top - CHIP_HEIGHT - 6);
    this.host.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  render(view: ChipView) {
    this.view = view;
    const b = this.button;
    const added = view.kind === 'ready' ? view.items.filter((i) => !i.dropped).length : 0;
    b.classList.toggle('skipped', view.kind === 'none' || (view.kind === 'ready' && (view.skipAll || added === 0)));
    b.classList.toggle('warning', view.kind === 'warning');
    if (view.kind === 'hidden') {
      this.setOpen(false);
      this.host.style.display = 'none';
      return;
    }
    if (view.kind === 'ready') {
      const left = view.overridden.length;
      const leftOut = left ? `${left} skipped` : '';
      if (view.skipAll) this.label.textContent = 'Parapet: skipped for this message';
      else if (!view.items.length) this.label.textContent = `Parapet: ${leftOut}`;
      else this.label.textContent = `Parapet: ${added} instruction${added === 1 ? '' : 's'}${left ? ` · ${leftOut}` : ''}`;
      b.title = view.skipAll
        ? 'Standing instructions will not be added to this message'
        : [
            view.items.length ? `Will add ${added} standing instruction${added === 1 ? '' : 's'} at the ${view.placement} of this message` : '',
            left ? `${left} left out because this message asks otherwise` : '',
          ]
            .filter(Boolean)
            .join('; ');
    } else if (view.kind === 'none') {
      this.label.textContent = 'Parapet: nothing to add';
      b.title = 'None of your standing instructions goes with this message';
    } else if (view.kind === 'present') {
      this.label.textContent = 'Parapet: already added';
      b.title = 'This message already holds a Parapet block; nothing more will be added';
    } else {
      this.label.textContent = 'Parapet: not added';
      b.title = view.detail;
    }
    b.setAttribute('aria-label', b.title);
    this.renderPanel();
  }

  private setOpen(open: boolean, focusInside = false) {
    this.open = open && this.view.kind !== 'hidden';
    this.button.setAttribute('aria-expanded', String(this.open));
    this.panel.hidden = !this.open;
    if (this.open) {
      this.renderPanel();
      if (focusInside) this.panel.querySelector<HTMLButtonElement>('button')?.focus();
    }
  }

  private renderPanel() {
    if (!this.open) return;
    const view = this.view;
    this.panel.replaceChildren();
    const head = document.createElement('div');
    head.className = 'head';
    const title = document.createElement('span');
    title.className = 'title';
    head.append(title);
    this.panel.append(head);
    if (view.kind !== 'ready') {
      title.textContent = 'Parapet';
      const p = document.createElement('p');
      p.className = 'note';
      p.textContent =
        view.kind === 'warning'
          ? view.detail
          : view.kind === 'none'
            ? 'None of your standing instructions goes with this message.'
            : 'This message already holds your instructions.';
      this.panel.append(p);
      return;
    }
    title.textContent = view.skipAll ? 'Skipped for this message' : view.items.length ? `Added at the ${view.placement}` : 'Nothing added';
    if (view.items.length) {
      const skip = this.smallButton(view.skipAll ? 'Add them' : 'Skip all', () => {
        this.actions.toggleSkip();
        this.setOpen(false);
        this.actions.returnFocus();
      });
      skip.setAttribute('aria-label', view.skipAll ? 'Add the instructions to this message' : 'Skip all instructions for this message');
      head.append(skip);
    }
    const list = document.createElement('ul');
    for (const item of view.items) {
      const li = document.createElement('li');
      li.classList.toggle('dropped', item.dropped || view.skipAll);
      const text = textWithWhy(item);
      const drop = this.smallButton(item.dropped ? 'Keep' : 'Drop', () => {
        this.actions.toggleDrop(item.id);
        // The list re-renders; keep the keyboard user on the same row.
        this.panel.querySelectorAll<HTMLButtonElement>('li button')[view.items.indexOf(item)]?.focus();
      });
      drop.setAttribute('aria-label', `${item.dropped ? 'Keep' : 'Drop'}: ${item.text}`);
      drop.disabled = view.skipAll;
      li.append(text, drop);
      list.append(li);
    }
    if (view.items.length) this.panel.append(list);
    if (view.overridden.length) this.panel.append(this.overriddenList(view.overridden));
  }

  /** "Skipped: this message asks otherwise": each instruction the message overrode, with the reason. */
  private overriddenList(items: ChipSkipped[]): HTMLElement {
    const section = document.createElement('div');
    section.className = 'left-out';
    const head = document.createElement('p');
    head.className = 'title sub';
    head.textContent = 'Skipped: this message asks otherwise';
    const list = document.createElement('ul');
    for (const item of items) {
      const li = document.createElement('li');
      li.className = 'overridden';
      li.append(textWithWhy(item));
      list.append(li);
    }
    section.append(head, list);
    return section;
  }

  private smallButton(label: string, onClick: () => void): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'small';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }
}

/** An instruction's text with, after it, why it was added or skipped. */
function textWithWhy(item: { text: string; why: string }): HTMLElement {
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = item.text;
  const why = document.createElement('span');
  why.className = 'why';
  why.textContent = item.why;
  text.append(why);
  return text;
}
