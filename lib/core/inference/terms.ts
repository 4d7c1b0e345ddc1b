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

/** Content words and word pairs of a text, each at most once. */
export function topicTerms(text: string): string[] {
  const words = (text.normalize('NFKC').match(WORD) ?? [])
    .map(foldWord)
    .filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w));
  const out = new Set<string>(words);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return [...out];
}

/** "formula 1" -> "Formula 1" for display. */
export function displayTopic(term: string): string {
  return term.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
}
