import type { Adapter } from '../adapters/types';
import { CELL_ATTR, MARK_TAG, STUB_TAG } from './ui';
import { errorText } from './error-text';

const SKIP = new Set(['script', 'style', 'link', 'meta', 'noscript', 'template', 'head', 'title', 'svg', 'path', 'img']);
/** Rounds of reading what a site's own elements changed in answer to our writes, per write. */
const MAX_REACTION_ROUNDS = 2;

/** A stub, a badge, or the table cell holding one. */
export const isOurs = (n: Node) =>
  n.nodeType === 1 && ((n as Element).localName === STUB_TAG || (n as Element).localName === MARK_TAG || (n as Element).hasAttribute(CELL_ATTR));

export interface PageWatcherOptions {
  /** Whether to read the page now. */
  active(): boolean;
  /** An item root or one of its rows, already known: moving it in or out is our own writing (reordering). */
  isItem(n: Node): boolean;
  /** The root was read into an item: text landing in it later is the site filling in, not news. */
  hasItem(root: Element): boolean;
  /** The item roots that appeared or changed. */
  onRoots(roots: Set<Element>): void;
  /** Reading the page threw: the runner fails open. */
  onError(detail: string): void;
}

export interface PageWatcher {
  /** Runs our own DOM writes: what the page changed before is still read, what `fn` changes is not read back
   * (but what the page's own elements changed in answer is). */
  writing(fn: () => void): void;
  stop(): void;
}

/**
 * The item roots a batch of mutations touched: roots added (or inside what was added), roots whose watched
 * attributes changed, roots whose text arrived after them, and roots whose stub or badge the site removed.
 */
export function rootsFrom(records: MutationRecord[], adapter: Adapter, hasItem: (root: Element) => boolean): Set<Element> {
  const roots = new Set<Element>();
  for (const r of records) {
    if (r.type === 'attributes') {
      const root = adapter.itemRoot(r.target as Element);
      if (root) roots.add(root);
      continue;
    }
    let textAdded = false;
    // Indexed, not `for...of`: a NodeList's iterator costs more than the loop's own work, on every record.
    const added = r.addedNodes;
    for (let i = 0; i < added.length; i++) {
      const n = added[i];
      if (n.nodeType !== 1) {
        textAdded = true;
        continue;
      }
      const e = n as Element;
      if (SKIP.has(e.localName) || isOurs(e)) continue;
      const root = adapter.itemRoot(e);
      // Inside an item there is no other (roots never nest: adapters-contract), so only what landed outside one
      // is searched: a site stamping an item's content would otherwise have it searched for items, every time.
      if (root) roots.add(root);
      else if (e.firstElementChild) for (const x of adapter.findItems(e)) roots.add(x);
    }
    let oursRemoved = false;
    const removed = r.removedNodes;
    for (let i = 0; i < removed.length; i++) if (isOurs(removed[i])) oursRemoved = true;
    if ((textAdded || oursRemoved) && r.target.nodeType === 1) {
      const root = adapter.itemRoot(r.target as Element);
      if (root && (oursRemoved || !hasItem(root))) roots.add(root);
    }
  }
  return roots;
}

/**
 * The page watcher: one mutation observer on the whole document, telling the page's changes from our own
 * writes, and handing on the item roots that need reading.
 */
export function watchPage(doc: Document, adapter: Adapter, opts: PageWatcherOptions): PageWatcher {
  let reactionRounds = 0;
  let inWriting = false;

  function onMutations(records: MutationRecord[]): void {
    try {
      if (!opts.active()) return;
      const roots = rootsFrom(records, adapter, opts.hasItem);
      if (roots.size > 0) opts.onRoots(roots);
    } catch (e) {
      opts.onError(`error while reading the page: ${errorText(e)}`);
    }
    readPageReactions();
  }

  /**
   * What this callback queued is mostly our own writing (marks, stubs, the rows reorder moved): reading that back
   * would only re-check items just decided. But a site's custom elements run their own callbacks inside our DOM
   * writes (a component that restamps itself when moved), and those changes are the page's: they are read like
   * any other, a couple of rounds at most so that a page answering every write of ours cannot keep us here.
   */
  function readPageReactions(): void {
    const queued = observer.takeRecords();
    if (queued.length === 0 || reactionRounds >= MAX_REACTION_ROUNDS) return;
    const theirs = queued.filter((r) => !ownRecord(r));
    if (theirs.length > 0) readRound(theirs);
  }

  function readRound(records: MutationRecord[]): void {
    reactionRounds++;
    try {
      onMutations(records);
    } finally {
      reactionRounds--;
    }
  }

  /** A change made by the runner itself: only our own nodes, empty comments (reorder's place marks) and the
   * items' own roots and rows, moved, went in or out. */
  function ownRecord(r: MutationRecord): boolean {
    return r.type === 'childList' && onlyOurs(r.addedNodes) && onlyOurs(r.removedNodes);
  }

  function onlyOurs(nodes: NodeList): boolean {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      // The item first: a look-up, where isOurs asks the node (reorder moves items more often than it adds ours).
      if (opts.isItem(n) || isOurs(n) || (n.nodeType === 8 && n.nodeValue === '')) continue;
      return false;
    }
    return true;
  }

  function writing(fn: () => void): void {
    if (inWriting) return fn();
    inWriting = true;
    const pending = observer.takeRecords();
    try {
      fn();
    } finally {
      const queued = observer.takeRecords();
      inWriting = false;
      const theirs = reactionRounds < MAX_REACTION_ROUNDS ? queued.filter((r) => !ownRecord(r)) : [];
      const unread = theirs.length > 0 ? pending.concat(theirs) : pending;
      if (unread.length > 0) readRound(unread);
    }
  }

  const observer = new MutationObserver(onMutations);
  observer.observe(doc, {
    childList: true,
    subtree: true,
    ...(adapter.watchAttributes.length > 0 ? { attributes: true, attributeFilter: [...adapter.watchAttributes] } : {}),
  });

  return { writing, stop: () => observer.disconnect() };
}
