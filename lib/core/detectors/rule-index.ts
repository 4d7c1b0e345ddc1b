import { normaliseForMatching } from './language';
import { RuleEngine, type DetectorKind, type PatternRule, type RuleIndex } from './rules';
import { int32ToBase64 } from '../shield/packed';
import { HashIndex32 } from '../shield/word-hash';
import { isTokenChar, placeWords, tokenize, WordIndex, wordList } from './tokens';

/** A trie by words: each phrase's words lead from the root to the node that holds its list's number. */
type TrieNode = { next: Map<string, TrieNode>; sets: number[]; regex: number[] };
const newNode = (): TrieNode => ({ next: new Map(), sets: [], regex: [] });

/**
 * The rule engine's look-ups for `sets` (see RuleIndex), built from the rules' words: every phrase of every list
 * goes into a trie by words, each regex rule under its trigger words at the root, and the trie is then numbered
 * and flattened. Run where the tables are written (the build, into models/detectors.json, and Node); content
 * scripts only restore what it made. `lexicon`: more words for the vocabulary, on no phrase.
 */
export function indexRules(sets: Record<DetectorKind, readonly PatternRule[]>, lexicon: Iterable<string> = []): RuleIndex {
  const root = newNode();
  // Numbered as RuleEngine numbers them: each list object once, regex rules by their place, in the tables' order.
  const setIds = new Map<readonly string[], number>();
  let regexCount = 0;
  const addSet = (phrases: readonly string[]) => {
    if (setIds.has(phrases)) return;
    const id = setIds.size;
    setIds.set(phrases, id);
    for (const phrase of phrases) {
      refuseDroppedSymbols(phrase);
      const toks = wordList(tokenize(normaliseForMatching(phrase)));
      if (!toks.length) throw new Error(`phrase "${phrase}" has no words`);
      // A hyphenated word may also be written as one: "brain-dead" / "braindead".
      const spellings: string[][] = [toks];
      for (const part of phrase.split(' ')) {
        if (!part.includes('-')) continue;
        const pieces = wordList(tokenize(part));
        const at = indexOfRun(toks, pieces);
        if (at >= 0) spellings.push([...toks.slice(0, at), pieces.join(''), ...toks.slice(at + pieces.length)]);
      }
      for (const s of spellings) insert(s, 0, root, id);
    }
  };
  for (const rules of Object.values(sets)) {
    for (const rule of rules) {
      if ('phrases' in rule) addSet(rule.phrases);
      else if ('parts' in rule) {
        if (rule.gaps.length !== rule.parts.length - 1) throw new Error(`rule ${rule.code}: one gap per pair of parts`);
        rule.parts.forEach(addSet);
      } else {
        if (!rule.triggers?.length && !rule.contains?.length) throw new Error(`rule ${rule.code} (${rule.re}) has no trigger`);
        const r = regexCount++;
        for (const t of rule.triggers ?? []) {
          let node = root.next.get(t);
          if (!node) root.next.set(t, (node = newNode()));
          node.regex.push(r);
        }
      }
    }
  }
  return flatten(root, lexicon);
}

/** The engine of `sets` with its index built here: for Node, which has the tables but no data file. */
export const buildRuleEngine = (sets: Record<DetectorKind, readonly PatternRule[]>, lexicon: Iterable<string> = []): RuleEngine =>
  new RuleEngine(sets, indexRules(sets, lexicon));

function flatten(root: TrieNode, lexicon: Iterable<string>): RuleIndex {
  const words = new Set<string>();
  const collect = (node: TrieNode) => {
    for (const [w, child] of node.next) {
      words.add(w);
      collect(child);
    }
  };
  collect(root);
  for (const w of lexicon) words.add(w);
  const vocabulary = new WordIndex(words);
  const nodes: TrieNode[] = [];
  const numberOf = new Map<TrieNode, number>();
  const number = (node: TrieNode) => {
    for (const child of node.next.values()) {
      numberOf.set(child, nodes.push(child) - 1);
      number(child);
    }
  };
  number(root);
  if (nodes.length * vocabulary.size >= 0x7fffffff) throw new Error('RuleEngine: too many phrases to index');
  // Filled here, once, and handed over as its slots lie: a tab restores it (HashIndex32.restore) instead of inserting
  // every edge and growing the table.
  const edges = new HashIndex32();
  const index: RuleIndex = {
    vocabulary: [...vocabulary.words],
    wordSlots: int32ToBase64(placeWords(vocabulary.words)),
    // Shifted by one, with -1 first: a word not in the vocabulary (id -1) finds no node without a branch of its own.
    rootNode: ['', ...vocabulary.words].map((w, k) => {
      const node = k === 0 ? undefined : root.next.get(w);
      return node ? numberOf.get(node)! : -1;
    }),
    setStart: [0],
    setList: [],
    regexStart: [0],
    regexList: [],
    edgeKeys: '',
    edgeNodes: '',
  };
  nodes.forEach((node, n) => {
    index.setList.push(...node.sets);
    index.regexList.push(...node.regex);
    index.setStart.push(index.setList.length);
    index.regexStart.push(index.regexList.length);
    // The engine's edge key (RuleEngine.#edgeKey): never 0, which its hash index keeps for empty slots.
    for (const [w, child] of node.next) edges.set(n * vocabulary.size + vocabulary.idOf(w) + 1, numberOf.get(child)!);
  });
  const table = edges.slots();
  index.edgeKeys = int32ToBase64(table.keys);
  index.edgeNodes = int32ToBase64(table.values);
  return index;
}

function insert(toks: string[], i: number, node: TrieNode, id: number) {
  if (i === toks.length) {
    if (!node.sets.includes(id)) node.sets.push(id);
    return;
  }
  for (const v of variants(toks[i])) {
    let child = node.next.get(v);
    if (!child) node.next.set(v, (child = newNode()));
    insert(toks, i + 1, child, id);
  }
}

/** Spellings of one phrase token the text may use. */
function variants(token: string): string[] {
  const out = [token];
  if (token.includes("'")) out.push(token.replace(/'/g, ''));
  return out;
}

/** Phrases are matched as words, and the tokenizer drops symbols: "% fail" would silently become "fail" and
 * match every ordinary fail. A phrase needing a symbol must be a regex rule. */
function refuseDroppedSymbols(phrase: string) {
  const lower = normaliseForMatching(phrase);
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c !== 32 && c !== 45 && !isTokenChar(c)) {
      throw new Error(`phrase "${phrase}": "${lower[i]}" is not a word character; write it as a regex rule`);
    }
  }
}

function indexOfRun(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
