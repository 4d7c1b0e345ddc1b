import { browser } from 'wxt/browser';
import { explainDecision } from '@/lib/core/reason-words';
import type { MenuCommand } from '@/lib/schema/menu-command';
import type { Responses } from '@/lib/schema/messages';
import { drawMenu } from '@/lib/why-frame/menu';

/**
 * The "Why?" of a stub or badge, and an item's menu, drawn in an extension page framed inside the page. The page
 * around it is a different origin, so window.find, the selection and layout cannot reach this text (issue 25):
 * the stub and badge in the page carry only fixed, generic words. The item's decision is fetched from the
 * background by the token in the address, put there by the tab's content script when the person asked; a command
 * chosen in the menu goes back through the background to that tab, never through the page.
 */
async function main(): Promise<void> {
  const out = document.querySelector('main')!;
  const token = location.hash.slice(1);
  const reply = (await browser.runtime.sendMessage({ type: 'why/get', payload: { token } }).catch(() => null)) as
    | { ok: true; value: Responses['why/get'] }
    | { ok: false }
    | null;
  const found = reply?.ok ? reply.value : null;
  out.replaceChildren();
  if (!found) {
    out.append(text('p', 'This explanation is no longer available. Parapet’s popup and dashboard show what it did.'));
    return;
  }
  if (found.view === 'menu') {
    document.body.classList.add('menu');
    const send = async (command: MenuCommand) => {
      await browser.runtime.sendMessage({ type: 'why/act', payload: { token, command } }).catch(() => null);
    };
    drawMenu(out, found, send);
    return;
  }
  const { title, lines } = explainDecision(found.decision);
  out.append(text('h1', title));
  const list = document.createElement('ul');
  for (const line of lines) list.append(text('li', line));
  out.append(list);
}

function text(tag: string, s: string): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = s;
  return e;
}

void main();
