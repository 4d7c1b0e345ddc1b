/**
 * Whether a user's regex could freeze a page. JavaScript cannot interrupt a running regex, and a backtracking
 * engine can take exponential time (`(a|a)+$`) or a high power of the text's length (`a*a*a*a*b`) on text a page
 * chooses; a shared rule list must not be able to hang every tab it reaches. So each pattern gets a bound on the
 * steps one search can take on text of TEXT_MAX characters (the most a rule ever sees), and is refused over it.
 *
 * The bound is an over-estimate by construction: a repeat whose body can match in more than one way, or end in
 * more than one place, multiplies the ways of every iteration (exponential); a variable repeat whose characters
 * overlap what may follow it can stop at any of TEXT_MAX places, and everything after it is tried from each.
 * Character sets are judged on ASCII with two buckets for the rest (spaces, everything else); whatever it cannot
 * judge (most \p{...}, back-references) it counts as anything.
 *
 * Too big for the content scripts: it runs where rules are saved and imported, and the background sends a tab only
 * rules that pass it and the small regex-nesting.ts check (lib/schema/rule-risk.ts).
 */

const TEXT_MAX = 1000;
/** Steps one search may take on TEXT_MAX characters: an ordinary rule (`best .* ever`) takes about 10^6-10^7. */
const STEP_BUDGET = 5e7;

/** The reason a pattern is refused, in words a person can act on, or null if it is safe to run. */
export function regexRisk(source: string): string | null {
  let root: Node;
  try {
    root = new Parser(source).parse();
  } catch {
    return 'uses a form Parapet cannot check, so it is not run';
  }
  if (TEXT_MAX * work(root, END) <= STEP_BUDGET) return null;
  return 'could freeze the page on some text: it repeats a part that can match the same text in more than one way, or has repeats that overlap (like (a|aa)+, a*a*b or .*x.*y)';
}

export { hasNestedRepetition } from './regex-nesting';

// ---- character sets: 128 ASCII bits, then non-ASCII spaces, then every other character --------------------------

type Chars = number[];
const SIZE = 5;
const none = (): Chars => [0, 0, 0, 0, 0];
const ANY: Chars = [-1, -1, -1, -1, 3];
const SPACE_OTHER = 128;
const OTHER = 129;

function add(set: Chars, code: number): void {
  const bit = code < 128 ? code : /\s/.test(String.fromCodePoint(code)) ? SPACE_OTHER : OTHER;
  set[bit >> 5] |= 1 << (bit & 31);
  // The rules run with the "i" flag.
  if (code < 128 && /[a-z]/i.test(String.fromCharCode(code))) add1(set, code ^ 32);
}
const add1 = (set: Chars, bit: number) => (set[bit >> 5] |= 1 << (bit & 31));
const union = (a: Chars, b: Chars): Chars => a.map((w, i) => w | b[i]);
const overlaps = (a: Chars, b: Chars): boolean => a.some((w, i) => (w & b[i]) !== 0);
const has = (set: Chars, bit: number) => (set[bit >> 5] & (1 << (bit & 31))) !== 0;

function range(from: number, to: number, set = none()): Chars {
  for (let c = from; c <= Math.min(to, 127); c++) add(set, c);
  if (to >= 128) add1(set, OTHER), add1(set, SPACE_OTHER);
  return set;
}
const DIGIT = range(48, 57);
const WORD = range(48, 57, range(65, 90, range(95, 95, range(97, 122))));
add1(WORD, OTHER); // with "iu", \w also matches ſ and the Kelvin sign
const SPACE = [9, 10, 11, 12, 13, 32, 160].reduce((s, c) => (add(s, c), s), none());
const SPACELESS = /^(?:[LMNPS][a-z]?|Letter|Mark|Number|Punctuation|Symbol|Emoji(?:_Presentation)?|Extended_Pictographic|Alphabetic|(?:sc|scx|Script(?:_Extensions)?)=\w+)$/;
const invert = (set: Chars): Chars => set.map((w, i) => (i < 4 ? ~w : ~w & 3));

// ---- the pattern's shape ----------------------------------------------------------------------------------------

type Node =
  | { k: 'char'; set: Chars }
  | { k: 'seq'; items: Node[] }
  | { k: 'alt'; options: Node[] }
  | { k: 'repeat'; body: Node; min: number; max: number }
  /** Zero width: anchors, \b, lookarounds (their body is run where they stand). */
  | { k: 'assert'; body: Node | null }
  | { k: 'backref' };

class Parser {
  private i = 0;
  constructor(private s: string) {}

  parse(): Node {
    const node = this.alternatives();
    if (this.i < this.s.length) throw new Error('unbalanced');
    return node;
  }

  private alternatives(): Node {
    const options = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { k: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') items.push(this.quantified(this.atom()));
    return { k: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
    if (c === '*' || c === '+' || c === '?') {
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
      this.i++;
    } else if (braces) {
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
      this.i += braces[0].length;
    } else return atom;
    if (this.s[this.i] === '?') this.i++; // lazy: the same paths, in another order
    return this.quantified({ k: 'repeat', body: atom, min, max });
  }

  private atom(): Node {
    const c = this.s[this.i++];
    if (c === '(') {
      const head = /^(?:\?(?:<?[=!]|<[^>]*>|[a-z-]*:))?/.exec(this.s.slice(this.i))![0];
      this.i += head.length;
      const body = this.alternatives();
      if (this.s[this.i++] !== ')') throw new Error('unclosed group');
      return /[=!]$/.test(head) ? { k: 'assert', body } : body;
    }
    if (c === '^' || c === '$') return { k: 'assert', body: null };
    if (c === '.') return { k: 'char', set: invert(range(10, 10, range(13, 13))) };
    if (c === '[') return { k: 'char', set: this.charClass() };
    if (c === '\\') return this.escape(false) as Node;
    const code = this.s.codePointAt(this.i - 1)!;
    if (code > 0xffff) this.i++;
    return { k: 'char', set: single(code) };
  }

  /** After a backslash. In a class only sets and single characters are possible. */
  private escape(inClass: boolean): Node | Chars | number {
    const c = this.s[this.i++];
    const sets: Record<string, Chars> = { d: DIGIT, w: WORD, s: SPACE };
    if (sets[c.toLowerCase()]) {
      const set = sets[c.toLowerCase()];
      const got = c === c.toLowerCase() ? set : invert(set);
      return inClass ? got : { k: 'char', set: got };
    }
    if (c === 'p' || c === 'P') {
      const name = this.s.slice(this.i + 1, (this.i = this.s.indexOf('}', this.i) + 1) - 1);
      // Letters, numbers, symbols, emoji, scripts: no spaces among them. Any other property may hold anything.
      const got = c === 'p' && SPACELESS.test(name) ? invert(SPACE) : ANY;
      return inClass ? got : { k: 'char', set: got };
    }
    if (!inClass && (c === 'b' || c === 'B')) return { k: 'assert', body: null };
    if (!inClass && (/[1-9]/.test(c) || c === 'k')) {
      if (c === 'k') this.i = this.s.indexOf('>', this.i) + 1;
      else while (/\d/.test(this.s[this.i] ?? '')) this.i++;
      return { k: 'backref' };
    }
    let code: number;
    const hex = /^(?:x([\da-f]{2})|u([\da-f]{4})|u\{([\da-f]+)\})/i.exec(this.s.slice(this.i - 1));
    if (hex) {
      code = parseInt(hex[1] ?? hex[2] ?? hex[3], 16);
      this.i += hex[0].length - 1;
    } else if (c === 'c') code = this.s.charCodeAt(this.i++) % 32;
    else code = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0, b: 8 }[c] ?? this.s.codePointAt(this.i - 1)!;
    if (code > 0xffff && !hex) this.i++;
    return inClass ? code : { k: 'char', set: single(code) };
  }

  private charClass(): Chars {
    const negated = this.s[this.i] === '^';
    if (negated) this.i++;
    let set = none();
    while (this.s[this.i] !== ']') {
      if (this.i >= this.s.length) throw new Error('unclosed class');
      const from = this.classAtom();
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && typeof from === 'number') {
        this.i++;
        const to = this.classAtom();
        if (typeof to !== 'number') throw new Error('bad range');
        set = union(set, range(from, to));
      } else set = union(set, typeof from === 'number' ? single(from) : from);
    }
    this.i++;
    return negated ? invert(set) : set;
  }

  private classAtom(): Chars | number {
    const code = this.s.codePointAt(this.i)!;
    this.i += code > 0xffff ? 2 : 1;
    return code === 92 ? (this.escape(true) as Chars | number) : code;
  }
}

function single(code: number): Chars {
  const set = none();
  add(set, code);
  return set;
}

// ---- the bound ------------------------------------------------------------------------------------------------

/** What may come after a node: the characters it can start with, and whether the match may simply end there. */
interface Follow {
  chars: Chars;
  done: boolean;
}
const END: Follow = { chars: none(), done: true };

function first(n: Node): Chars {
  if (n.k === 'char') return n.set;
  if (n.k === 'backref') return ANY;
  if (n.k === 'assert') return none();
  if (n.k === 'repeat') return first(n.body);
  if (n.k === 'alt') return n.options.map(first).reduce(union, none());
  let set = none();
  for (const item of n.items) {
    set = union(set, first(item));
    if (!empty(item)) break;
  }
  return set;
}

/** Can match the empty string. */
function empty(n: Node): boolean {
  if (n.k === 'char') return false;
  if (n.k === 'repeat') return n.min === 0 || empty(n.body);
  if (n.k === 'alt') return n.options.some(empty);
  if (n.k === 'seq') return n.items.every(empty);
  return true;
}

/** What may follow `n` inside a sequence, given what follows the sequence. An assertion can fail, so after one
 * the match can no longer simply end. */
function before(n: Node, next: Follow): Follow {
  if (!empty(n)) return { chars: first(n), done: false };
  // A lookaround runs wherever it is reached, whatever the character there.
  if (n.k === 'assert' && n.body) return { chars: ANY, done: false };
  return { chars: union(first(n), next.chars), done: next.done && n.k !== 'assert' && n.k !== 'backref' };
}

/** How many different places (or ways) `n` can end at, from one start, that `next` could go on from. */
function ends(n: Node, next: Follow): number {
  if (n.k === 'char' || n.k === 'backref' || n.k === 'assert') return 1;
  if (n.k === 'seq') {
    let product = 1;
    let after = next;
    for (let i = n.items.length - 1; i >= 0; i--) {
      product *= ends(n.items[i], after);
      after = before(n.items[i], after);
    }
    return product;
  }
  if (n.k === 'alt') return alternativesAt(n.options, (o) => ends(o, next));
  const body = ends(n.body, { chars: union(first(n.body), next.chars), done: next.done });
  const overlap = !next.done && overlaps(first(n.body), next.chars);
  if (n.max <= 1) return n.max === 0 ? 1 : n.min === 1 ? body : overlap ? body + 1 : Math.max(body, 1);
  const most = Math.max(n.min, Math.min(n.max, TEXT_MAX));
  // Iterations that can each end in more than one place multiply: exponential in the count.
  if (body > 1 || empty(n.body)) return (most - n.min + 1) * body ** most;
  return overlap ? most - n.min + 1 : 1;
}

/** At one position, only the options that can start with the character there are tried (and any that can be empty). */
function alternativesAt(options: Node[], count: (o: Node) => number): number {
  const counts = options.map(count);
  const starts = options.map((o) => (empty(o) ? ANY : first(o)));
  let most = 1;
  for (let bit = 0; bit < 130; bit++) {
    let sum = 0;
    starts.forEach((set, i) => has(set, bit) && (sum += counts[i]));
    most = Math.max(most, sum);
  }
  return most;
}

/** Steps to try `n` from one start, every way it can go on included. */
function work(n: Node, next: Follow): number {
  if (n.k === 'char' || n.k === 'assert') return n.k === 'assert' && n.body ? work(n.body, END) : 1;
  if (n.k === 'backref') return TEXT_MAX;
  if (n.k === 'seq') {
    // Each item is tried once for every way the items before it can end.
    const follows: Follow[] = [];
    let after = next;
    for (let i = n.items.length - 1; i >= 0; i--) {
      follows[i] = after;
      after = before(n.items[i], after);
    }
    let total = 0;
    let ways = 1;
    n.items.forEach((item, i) => {
      total += ways * work(item, follows[i]);
      ways *= ends(item, follows[i]);
    });
    return total;
  }
  if (n.k === 'alt') return n.options.reduce((sum, o) => sum + work(o, next), 0);
  // Repeated back-references each read the captured text again: all of them together read the text at most once.
  if (n.body.k === 'backref') return TEXT_MAX;
  // The greedy pass; giving iterations back is counted where the sequence goes on, by ends(). Iterations that can
  // each end in one place only read the text one after another: their loops together read it about once.
  const inner: Follow = { chars: union(first(n.body), next.chars), done: next.done };
  const body = work(n.body, inner);
  const times = Math.min(n.max, TEXT_MAX);
  return body >= TEXT_MAX && ends(n.body, inner) === 1 ? body + times : times * body + 1;
}
