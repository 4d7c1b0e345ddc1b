// @vitest-environment happy-dom
// The panel: one extension frame at a time under a stub or mark, for its reason or its menu; a menu's command is
// taken only from the menu open now, and focus goes back to the button that opened it.
import { afterEach, describe, expect, it } from 'vitest';
import { createPanel, PANEL_TAG } from '@/lib/shield-runtime/panel';
import type { MenuCommand } from '@/lib/schema/menu-command';

afterEach(() => document.body.replaceChildren());

function setup() {
  const anchor = document.createElement('parapet-mark');
  const button = document.createElement('button');
  document.body.append(anchor, button);
  const panel = createPanel(document);
  const chosen: MenuCommand[] = [];
  const token = 'a'.repeat(32);
  const open = (view: 'why' | 'menu' = 'menu') =>
    panel.toggle(anchor, view, async () => `about:blank#${token}`, (c) => chosen.push(c), () => button);
  const shown = () => document.querySelectorAll(PANEL_TAG).length;
  return { panel, anchor, button, chosen, token, open, shown };
}

describe('the panel', () => {
  it('opens one frame under the item and closes it when pressed again, focus back on the button', async () => {
    const s = setup();
    await s.open();
    expect(s.shown()).toBe(1);
    expect(s.button.getAttribute('aria-expanded')).toBe('true');
    await s.open('why');
    expect(s.shown()).toBe(1);
    await s.open('why');
    expect(s.shown()).toBe(0);
    expect(document.activeElement).toBe(s.button);
    expect(s.button.getAttribute('aria-expanded')).toBe('false');
  });

  it('takes a command only from the menu open now', async () => {
    const s = setup();
    await s.open();
    s.panel.command('b'.repeat(32), 'block-author');
    s.panel.command(s.token, 'less-like-this');
    expect(s.chosen).toEqual(['less-like-this']);
    s.panel.close(true);
    s.panel.command(s.token, 'block-author');
    expect(s.chosen).toEqual(['less-like-this']);
  });

  it('a reason frame takes no command', async () => {
    const s = setup();
    await s.open('why');
    s.panel.command(s.token, 'exception-rule');
    expect(s.chosen).toEqual([]);
  });
});
