import type { MenuCommand } from '../schema/menu-command';
import { MENU_LABEL } from './ui';

export const PANEL_TAG = 'parapet-panel';
export type PanelView = 'why' | 'menu';

/** Fixed sizes, whatever the frame says: the page can measure the panel, so its size must tell it nothing. */
const SIZE: Record<PanelView, [number, number]> = { why: [340, 96], menu: [300, 196] };


export interface Panel {
  /** Opens the frame `load` gives under `anchor` (a stub or mark), or closes it when it is open there already. */
  toggle(anchor: Element, view: PanelView, load: () => Promise<string | null>, onCommand: (c: MenuCommand) => void, focusBack: () => HTMLElement | null): Promise<void>;
  /** A command the background handed on from a menu frame: acted on only when it comes from the frame open now. */
  command(token: string, command: MenuCommand): void;
  close(focusBack: boolean): void;
}

interface Open {
  host: HTMLElement;
  anchor: Element;
  view: PanelView;
  token: string;
  onCommand: (c: MenuCommand) => void;
  focusBack: () => HTMLElement | null;
}

/**
 * The one frame a page shows at a time: the reason for an item, or its menu (entrypoints/why), drawn by the
 * extension out of the page's reach and placed here under the stub or mark it belongs to. It closes on Escape, on
 * a press anywhere else, or when the menu says so; focus then goes back to the button that opened it.
 */
export function createPanel(doc: Document): Panel {
  const win = doc.defaultView;
  let open: Open | null = null;

  const expanded = (o: Open, yes: boolean) => o.focusBack()?.setAttribute('aria-expanded', String(yes));

  function close(focusBack: boolean): void {
    const o = open;
    if (!o) return;
    open = null;
    // Focus leaves the frame before the frame goes.
    if (focusBack) o.focusBack()?.focus();
    o.host.remove();
    win?.removeEventListener('pointerdown', outside, true);
    win?.removeEventListener('keydown', escape, true);
    expanded(o, false);
  }

  function outside(e: Event): void {
    if (!e.isTrusted || !open) return;
    // The opener toggles on its own click.
    if (e.target !== open.host && e.target !== open.anchor) close(false);
  }

  function escape(e: KeyboardEvent): void {
    if (e.isTrusted && e.key === 'Escape' && open) close(true);
  }

  function place(host: HTMLElement, anchor: Element, [w, h]: [number, number]): void {
    const r = anchor.getBoundingClientRect();
    const vw = doc.documentElement.clientWidth;
    const below = r.bottom + h + 4 <= (win?.innerHeight ?? Infinity) || r.top - h - 4 < 0;
    const top = (below ? r.bottom + 2 : r.top - h - 2) + (win?.scrollY ?? 0);
    // Under the stub's start, or ending at a mark's menu button, kept inside the viewport.
    const start = anchor.localName === 'parapet-stub' ? r.left : r.right - w;
    const left = Math.max(4, Math.min(start, vw - w - 4)) + (win?.scrollX ?? 0);
    host.style.cssText = `top:${top}px;left:${left}px;width:${w}px;height:${h}px`;
  }

  async function toggle(anchor: Element, view: PanelView, load: () => Promise<string | null>, onCommand: (c: MenuCommand) => void, focusBack: () => HTMLElement | null): Promise<void> {
    if (open && open.anchor === anchor && open.view === view) return close(true);
    close(false);
    const url = await load().catch(() => null);
    if (!url || !anchor.isConnected || open) return;
    const host = doc.createElement(PANEL_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const frame = doc.createElement('iframe');
    frame.setAttribute('part', 'frame');
    frame.title = view === 'menu' ? MENU_LABEL : 'Why Parapet did this';
    frame.src = url;
    // Keyboard users land in the menu at once.
    frame.addEventListener('load', () => view === 'menu' && frame.focus(), { once: true });
    root.append(frame);
    place(host, anchor, SIZE[view]);
    doc.documentElement.append(host);
    open = { host, anchor, view, token: url.slice(url.indexOf('#') + 1), onCommand, focusBack };
    expanded(open, true);
    win?.addEventListener('pointerdown', outside, true);
    win?.addEventListener('keydown', escape, true);
  }

  return {
    toggle,
    close,
    command(token, command) {
      if (open && open.view === 'menu' && open.token === token) open.onCommand(command);
    },
  };
}
