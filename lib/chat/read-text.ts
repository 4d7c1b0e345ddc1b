/** Reads a contenteditable the way the editors themselves serialise it: one line per block, `<br>` as a newline,
 * and no newline for the placeholder `<br>` editors put at the end of a block so an empty line keeps its height. */
export function readEditable(root: HTMLElement, blockSeparator: string): string {
  const blocks: string[] = [];
  let loose = '';
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === Node.ELEMENT_NODE) {
      if (loose) blocks.push(loose), (loose = '');
      blocks.push(readInline(child));
    } else if (child.nodeType === Node.TEXT_NODE) {
      loose += child.nodeValue ?? '';
    }
  }
  if (loose) blocks.push(loose);
  return blocks.join(blockSeparator);
}

function readInline(block: Node): string {
  let out = '';
  let endsWithBreak = false;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      const t = n.nodeValue ?? '';
      if (t) (out += t), (endsWithBreak = false);
    } else if (n.nodeName === 'BR') {
      out += '\n';
      endsWithBreak = true;
    }
  }
  return endsWithBreak ? out.slice(0, -1) : out;
}

/** The caret position at the very start or end of the editor's text, inside its first or last block. */
export function edgePoint(root: HTMLElement, at: 'start' | 'end'): { node: Node; offset: number } {
  const block = (at === 'start' ? root.firstElementChild : root.lastElementChild) ?? root;
  if (at === 'end') {
    // A line break the user typed last sits before the placeholder <br>: the end is after it, not after the text.
    const kids = block.childNodes;
    let i = kids.length - 1;
    if (i >= 0 && kids[i].nodeName === 'BR') i--;
    if (i >= 0 && kids[i].nodeName === 'BR') return { node: block, offset: i + 1 };
  }
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let text: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!(n as Text).data) continue;
    text = n as Text;
    if (at === 'start') break;
  }
  if (!text) return { node: block, offset: 0 };
  return { node: text, offset: at === 'start' ? 0 : text.data.length };
}
