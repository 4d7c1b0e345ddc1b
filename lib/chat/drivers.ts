import type { Placement } from '../core/chat-block';
import { edgePoint, readEditable } from './read-text';

export type EditorKind = 'textarea' | 'prosemirror' | 'quill' | 'lexical';

/** Reads and edits one chat composer through the editor's own editing path, so the site's state, its undo
 * history and what it sends all agree with what the user sees. */
export interface EditorDriver {
  kind: EditorKind;
  el: HTMLElement;
  read(): string;
  insert(text: string, at: Placement): Promise<void>;
  replaceAll(text: string): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** Firefox: a content script sees the page through Xray wrappers, and the page cannot read the data of a paste
 * made here. */
const XRAY = typeof window !== 'undefined' && 'wrappedJSObject' in window;

/** Which editor this element is, or null for one Parapet does not know how to edit safely. */
export function editorKind(el: Element): EditorKind | null {
  if (el instanceof HTMLTextAreaElement) return 'textarea';
  if (!(el instanceof HTMLElement) || !el.isContentEditable) return null;
  if (el.classList.contains('ProseMirror')) return 'prosemirror';
  if (el.classList.contains('ql-editor')) return 'quill';
  if (el.getAttribute('data-lexical-editor') === 'true') return 'lexical';
  return null;
}

/** The element that takes the typing: a site's selector may name a wrapper around it. */
export function editableWithin(el: Element): HTMLElement | null {
  if (el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable && el.contentEditable !== 'inherit')) {
    return el as HTMLElement;
  }
  return el.querySelector<HTMLElement>('textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]');
}

export function createDriver(el: HTMLElement): EditorDriver | null {
  const kind = editorKind(el);
  if (kind === 'textarea') return textareaDriver(el as HTMLTextAreaElement);
  if (kind) return editableDriver(el, kind);
  return null;
}

function textareaDriver(el: HTMLTextAreaElement): EditorDriver {
  // execCommand keeps the browser's own undo stack and fires the input events a framework listens to;
  // setRangeText is the fallback where execCommand is refused.
  const put = (text: string, from: number, to: number) => {
    el.focus();
    el.setSelectionRange(from, to);
    const before = el.value;
    if (document.execCommand('insertText', false, text) && el.value !== before) return;
    if (el.value !== before) return;
    el.setRangeText(text, from, to, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  };
  return {
    kind: 'textarea',
    el,
    read: () => el.value,
    async insert(text, at) {
      const pos = at === 'start' ? 0 : el.value.length;
      put(text, pos, pos);
    },
    async replaceAll(text) {
      put(text, 0, el.value.length);
    },
  };
}

// ProseMirror and Lexical read the caret on selectionchange: a paste in the same task as the caret move lands
// at their old selection (platforms.md, measured). 50 ms was enough there; wait a little longer.
const CARET_SETTLE_MS = 60;
const FOCUS_SETTLE_MS = 250;

function editableDriver(el: HTMLElement, kind: Exclude<EditorKind, 'textarea'>): EditorDriver {
  // Lexical's plain-text root joins paragraphs with a blank line; the others with one newline.
  const separator = kind === 'lexical' ? '\n\n' : '\n';
  const read = () => readEditable(el, separator);

  async function select(at: Placement | 'all') {
    if (el.ownerDocument.activeElement !== el) {
      // A click on the send button took focus away. On focus, ProseMirror puts back its own caret, and for
      // 200 ms after it takes a caret at the very start for the browser's doing and undoes it.
      el.focus();
      await sleep(FOCUS_SETTLE_MS);
    }
    const sel = el.ownerDocument.getSelection();
    if (!sel) return;
    if (at === 'all') {
      sel.selectAllChildren(el);
    } else {
      const p = edgePoint(el, at);
      sel.setBaseAndExtent(p.node, p.offset, p.node, p.offset);
    }
    await sleep(CARET_SETTLE_MS);
  }

  /** A synthetic paste: the one path all four editors take, newlines included. */
  function paste(text: string): boolean {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    el.dispatchEvent(event);
    return event.defaultPrevented;
  }

  /** Firefox (XRAY): ProseMirror takes the lines as paragraphs in one edit (typed line by line, it reads the DOM
   * late and puts them out of order). Firefox merges the first and last paragraph inserted into the one at the
   * caret, so the empty line that joins the block to the text does the joining. */
  function asParagraphs(text: string) {
    const esc = (l: string) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const lines = text.split('\n');
    document.execCommand('insertHTML', false, lines.map((l) => `<p>${esc(l) || '<br>'}</p>`).join(''));
  }

  /** Typing path, line by line: Quill drops newlines inside insertText, Lexical ignores it with newlines. A new line
   * is what the person's Shift+Enter makes: a paragraph in Quill (which takes no insertLineBreak), a line break in
   * Lexical (a paragraph there would read back as a blank line in a rich-text composer). */
  function type(text: string) {
    const newLine = kind === 'lexical' ? 'insertLineBreak' : 'insertParagraph';
    text.split('\n').forEach((line, i) => {
      if (i > 0) document.execCommand(newLine);
      if (line) document.execCommand('insertText', false, line);
    });
  }

  async function put(text: string, at: Placement | 'all') {
    await select(at);
    const before = read();
    // Emptying: a paste of nothing is not one every editor takes.
    if (!text) return void document.execCommand('delete');
    // Firefox: Quill and Lexical cancel Parapet's paste and find no data in it, so nothing goes in; typed line by
    // line they take it as the person's typing (they apply each edit as it comes, unlike ProseMirror below).
    if (XRAY && (kind === 'quill' || kind === 'lexical')) return void type(text);
    if (paste(text)) return;
    if (kind === 'prosemirror' && XRAY && read() === before) return void asParagraphs(text);
    if (kind !== 'lexical' && read() === before) type(text);
  }

  return {
    kind,
    el,
    read,
    insert: (text, at) => put(text, at),
    replaceAll: (text) => put(text, 'all'),
  };
}
