import { itemMenu, type Confirmation, type MenuEntry } from '../core/item-menu';
import { explainDecision } from '../core/reason-words';
import { SITE_LABELS } from '../schema/common';
import type { Decision } from '../schema/decision';
import type { MenuCommand } from '../schema/menu-command';

export interface MenuFrameInput {
  decision: Decision;
  author: string;
  hidden: boolean;
}

/**
 * An item's menu, drawn in the extension's frame (out of the page's reach, issue 25): a real menu (arrow keys,
 * Home and End move; Escape or Tab closes and the tab puts focus back on the item's button), an exception's scope
 * asked before it is made, and what changed said after, with Undo where there is one.
 */
export function drawMenu(out: HTMLElement, input: MenuFrameInput, send: (c: MenuCommand) => Promise<void>): void {
  const site = SITE_LABELS[input.decision.platform] ?? input.decision.platform;
  const entries = itemMenu({ ...input, site });
  const title = input.decision.reasons.length > 0 ? explainDecision(input.decision).title : '';

  function menu(focusOn = 0): void {
    out.replaceChildren();
    if (title) out.append(text('p', title, 'title'));
    const list = text('div', '', 'items');
    list.setAttribute('role', 'menu');
    list.setAttribute('aria-label', 'Parapet: this item');
    const items = entries.map((entry, i) => {
      const b = button(entry.label, () => choose(entry, i));
      b.setAttribute('role', 'menuitem');
      b.tabIndex = i === focusOn ? 0 : -1;
      return b;
    });
    list.append(...items);
    list.addEventListener('keydown', (e) => {
      if (!e.isTrusted) return;
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      move(items, (next + items.length) % items.length);
    });
    out.append(list);
    move(items, focusOn);
  }

  function choose(entry: MenuEntry, i: number): void {
    if (entry.confirm) return confirm(entry.confirm, () => void send(entry.command), () => menu(i));
    void send(entry.command);
    if (entry.done) done(entry.done.text, entry.done.undo);
  }

  function confirm(c: Confirmation, yes: () => void, cancel: () => void): void {
    out.replaceChildren(text('h1', c.question), text('p', c.detail, 'detail'));
    const row = text('div', '', 'buttons');
    const no = button('Cancel', cancel);
    row.append(button(c.yes, yes, 'primary'), no);
    out.append(row);
    no.focus();
  }

  function done(said: string, undo?: MenuCommand): void {
    out.replaceChildren(text('p', said, 'done'));
    const row = text('div', '', 'buttons');
    const close = button('Close', () => void send('close'));
    if (undo) row.append(button('Undo', () => void send(undo), 'primary'));
    row.append(close);
    out.append(row);
    (row.firstElementChild as HTMLElement).focus();
  }

  // Escape anywhere in the frame closes the menu; Tab out of the list too, as menus do.
  document.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape' || (e.key === 'Tab' && (e.target as Element | null)?.getAttribute?.('role') === 'menuitem')) {
      e.preventDefault();
      void send('close');
    }
  });
  menu();
}

function move(items: HTMLElement[], to: number): void {
  items.forEach((b, i) => (b.tabIndex = i === to ? 0 : -1));
  items[to]?.focus();
}

function button(label: string, act: () => void, cls = ''): HTMLButtonElement {
  const b = text('button', label, cls) as HTMLButtonElement;
  b.type = 'button';
  b.addEventListener('click', (e) => e.isTrusted && act());
  return b;
}

function text(tag: string, s: string, cls = ''): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (s) e.textContent = s;
  return e;
}
