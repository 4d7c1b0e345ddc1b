import { browser } from 'wxt/browser';
import { explainDecision } from '@/lib/shield-runtime/reasons';
import type { Responses } from '@/lib/schema/messages';

/**
 * The "Why?" of a stub or badge, drawn in an extension page framed inside it. The page around it is a different
 * origin, so window.find, the selection and layout cannot reach this text (issue 25): the stub and badge in the
 * page carry only fixed, generic words. The item's decision is fetched from the background by the token in the
 * address, put there by the tab's content script when the person asked.
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
