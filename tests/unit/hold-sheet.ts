// The hold's stylesheet (lib/shield-runtime/hold.css) as the tests read it: what it keeps unseen while the document
// carries the hold's attribute. happy-dom applies no stylesheet: an element is held when it matches one of the rules.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HOLD_ATTR } from '@/lib/shield-runtime/runner';

const SHEET = readFileSync(resolve(__dirname, '../../lib/shield-runtime/hold.css'), 'utf8');

/** Each rule's selector, whole (`html[data-parapet-hold] ...`). */
export const HOLD_SELECTORS: string[] = SHEET.replace(/\/\*[\s\S]*?\*\//g, '')
  .split('{')[0]
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const PREFIX = `html[${HOLD_ATTR}] `;
// The document's part of each rule is read from the document itself: happy-dom keeps an element's answer to a
// selector after an attribute of an ancestor changed.
const ITEM_SELECTORS = HOLD_SELECTORS.filter((s) => s.startsWith(PREFIX)).map((s) => s.slice(PREFIX.length));

/** The sheet keeps `el` unseen now. */
export const heldBySheet = (el: Element): boolean =>
  el.ownerDocument.documentElement.hasAttribute(HOLD_ATTR) && ITEM_SELECTORS.some((s) => el.matches(s));
