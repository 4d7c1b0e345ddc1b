/** The block of standing instructions Parapet puts into a chat message: how it looks, where it goes, and how a
 * message that already holds one is recognised. Pure: no DOM. */

export type Placement = 'start' | 'end';

export const BLOCK_OPEN = '[Parapet: standing instructions]';
export const BLOCK_CLOSE = '[/Parapet]';

// Editors differ in how they keep blank lines (ProseMirror's plain-text paste folds them), so the block and its
// join to the user's text use single newlines only: what is inserted is what the site sends.
const JOIN = '\n';

// Tolerant of what editing or a round trip through a chat transcript does to the delimiters: case, spacing.
const OPEN_RE = /\[\s*parapet\s*:\s*standing instructions\s*\]/i;
const CLOSE_RE = /\[\s*\/\s*parapet\s*\]/i;

/** One instruction per line: its own newlines would otherwise break the block's shape. */
function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(OPEN_RE, '(Parapet: standing instructions)')
    .replace(CLOSE_RE, '(/Parapet)')
    .trim();
}

export function formatBlock(instructions: readonly string[]): string {
  const lines = instructions.map(oneLine).filter(Boolean);
  if (lines.length === 0) return '';
  return [BLOCK_OPEN, ...lines.map((l) => `- ${l}`), BLOCK_CLOSE].join('\n');
}

/** True when the message already carries a block (or what is left of one): never add a second. */
export function hasBlock(message: string): boolean {
  return OPEN_RE.test(message) || CLOSE_RE.test(message);
}

/** The user's own words, without a block Parapet added earlier: what instruction selection should read. */
export function stripBlock(message: string): string {
  const open = OPEN_RE.exec(message);
  if (!open) return message.replace(CLOSE_RE, '').trim();
  const rest = message.slice(open.index);
  const close = CLOSE_RE.exec(rest);
  const end = close ? open.index + close.index + close[0].length : message.length;
  return (message.slice(0, open.index) + message.slice(end)).trim();
}

export interface Composition {
  /** Text to insert, at the start or the end of what the user wrote. */
  insert: string;
  at: Placement;
  /** The exact message the site must end up sending. */
  full: string;
}

/** What to insert into `message` so it carries the block, or null when nothing should be added: an empty
 * message, no instructions, or a message that already holds a block. */
export function composeMessage(message: string, instructions: readonly string[], at: Placement): Composition | null {
  if (!message.trim() || hasBlock(message)) return null;
  const block = formatBlock(instructions);
  if (!block) return null;
  const insert = at === 'start' ? block + JOIN : JOIN + block;
  return { insert, at, full: at === 'start' ? insert + message : message + insert };
}

/** Editors may read back non-breaking spaces or CRLF where the user's text had plain ones. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  return norm(a) === norm(b);
}
