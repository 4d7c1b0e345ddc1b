/** Candidate topics of a title: its content words and adjacent pairs, folded so "Rust", "rust's" and "RUST"
 * are one topic. No model is needed; a topic must recur across several items to be believed (see infer.ts). */

const STOP = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves new how-to vs via get got make makes made one two three first best
top every ever never still really video videos official full episode part live shorts watch today week year years
day days time thing things way ways people guy guys youtube reddit thread post comment comments show shows hn ask
tell look looking need want use using used will going let's lets here's what's don't can't won't isn't i'm you're
it's that's there's vs. w/ amp`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#.'-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu;

export function foldWord(w: string): string {
  let s = w.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
  if (s.length > 4 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  return s;
}

/** A title's terms with the way each was written (lower-cased, possessive dropped): `forms[i]` belongs to
 * `terms[i]`. The single words come first, in title order; `words` says how many there are. */
export interface TermsWithForms {
  terms: readonly string[];
  forms: readonly string[];
  words: number;
}

// Titles repeat (feeds show the same items on every visit) and words repeat far more: folding each distinct word
// once keeps tokenising 100,000 titles cheap. Both caches are bounded so a long session cannot grow them forever.
type Folded = { term: string; form: string } | null;
const wordCache = new Map<string, Folded>();
const titleCache = new Map<string, TermsWithForms>();
const wordsCache = new Map<string, TermsWithForms>();
const WORD_CACHE_MAX = 200_000;
const TITLE_CACHE_MAX = 20_000;
const DIGITS = /^\d+$/;

/** Numbers ("#1234", "2024") are never topics and rarely repeat: dropped without filling the cache. */
export function isDigits(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return w.length > 0;
}

function foldContentWord(raw: string): Folded {
  if (isDigits(raw)) return null;
  let f = wordCache.get(raw);
  if (f !== undefined) return f;
  const term = foldWord(raw);
  f = term.length >= 3 && !STOP.has(term) && !DIGITS.test(term) ? { term, form: raw.toLowerCase().replace(/['’]s$/, '') } : null;
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  wordCache.set(raw, f);
  return f;
}

/** The content words of a text in order, repeats kept (pairs are made of neighbours). */
function contentWords(text: string): { term: string; form: string }[] {
  const out: { term: string; form: string }[] = [];
  for (const r of text.normalize('NFKC').match(WORD) ?? []) {
    const f = foldContentWord(r);
    if (f) out.push(f);
  }
  return out;
}

function distinctWords(words: readonly { term: string; form: string }[]): { terms: string[]; forms: string[] } {
  // Titles have a handful of words: a linear scan beats a Set here.
  const terms: string[] = [];
  const forms: string[] = [];
  for (const w of words) {
    if (terms.includes(w.term)) continue;
    terms.push(w.term);
    forms.push(w.form);
  }
  return { terms, forms };
}

function remember<T>(cache: Map<string, T>, text: string, value: T): T {
  if (cache.size >= TITLE_CACHE_MAX) cache.clear();
  cache.set(text, value);
  return value;
}

/** Content words and word pairs of a text, each at most once, with their written forms. */
export function termsWithForms(text: string): TermsWithForms {
  const hit = titleCache.get(text);
  if (hit) return hit;
  const words = contentWords(text);
  const { terms, forms } = distinctWords(words);
  const single = terms.length;
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = `${words[i].term} ${words[i + 1].term}`;
    if (terms.includes(pair, single)) continue;
    terms.push(pair);
    forms.push(`${words[i].form} ${words[i + 1].form}`);
  }
  return remember(titleCache, text, { terms, forms, words: single });
}

/** The single content words only (what the platform mix counts), each at most once. */
export function titleWords(text: string): TermsWithForms {
  const hit = wordsCache.get(text);
  if (hit) return hit;
  const { terms, forms } = distinctWords(contentWords(text));
  return remember(wordsCache, text, { terms, forms, words: terms.length });
}

/** Content words and word pairs of a text, each at most once. */
export function topicTerms(text: string): string[] {
  return [...termsWithForms(text).terms];
}

/** Tallies how each folded term was written, so "politics" is shown as "Politics" and not as its folded
 * "politic". The most common form wins; on a tie, the one that got there first. */
export class TermForms {
  // Most terms are only ever written one way: the leader is kept apart so that case costs one lookup.
  private best = new Map<string, { form: string; count: number; others?: Map<string, number> }>();

  /** Counts one occurrence and returns the term's form after it. */
  add(term: string, form: string): string {
    const b = this.best.get(term);
    if (!b) {
      this.best.set(term, { form, count: 1 });
      return form;
    }
    if (b.form === form) {
      b.count++;
      return form;
    }
    b.others ??= new Map();
    const n = (b.others.get(form) ?? 0) + 1;
    if (n > b.count) {
      b.others.delete(form);
      b.others.set(b.form, b.count);
      b.form = form;
      b.count = n;
    } else b.others.set(form, n);
    return b.form;
  }

  /** The most common form of a term, or the term itself when none was seen. */
  form(term: string): string {
    return this.best.get(term)?.form ?? term;
  }

  label(term: string): string {
    return displayTopic(this.form(term));
  }
}

/** "formula 1" -> "Formula 1" for display. */
export function displayTopic(term: string): string {
  return term.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
}
