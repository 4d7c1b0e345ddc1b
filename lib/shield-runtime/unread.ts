import type { Adapter } from '../adapters/types';
import { ATTR } from './painter';

/** Puts an item root and its rows out of sight, in place, until it is read into an item (shield.css: 'wait');
 * what it marks is added to `marked`. */
export function putOutOfSight(adapter: Pick<Adapter, 'extraParts'>, root: Element, marked: Element[]): void {
  for (const x of [root, ...(adapter.extraParts?.(root) ?? [])])
    if (!x.hasAttribute(ATTR)) {
      x.setAttribute(ATTR, 'wait');
      marked.push(x);
    }
}

/** Every item on the page and its rows out of sight, in place (the feed script taking over the early hold): what
 * it marked. */
export function putItemsOutOfSight(adapter: Pick<Adapter, 'extraParts' | 'findItems'>, doc: Document): Element[] {
  const marked: Element[] = [];
  for (const root of adapter.findItems(doc)) putOutOfSight(adapter, root, marked);
  return marked;
}

/** Of what was put out of sight, what nothing has read since (a row read into no item) is shown as the site drew
 * it, but for what waits on (`still`); `marked` is emptied. */
export function showUnread(marked: Element[], still?: ReadonlySet<Element>): void {
  for (const x of marked.splice(0)) if (x.getAttribute(ATTR) === 'wait' && !still?.has(x)) x.removeAttribute(ATTR);
}
