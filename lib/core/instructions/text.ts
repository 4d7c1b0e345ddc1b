import type { AreaWeight, Lexicon } from './lexicon';

/** A content word of a message or an instruction, with what it means to the selector. */
export interface Token {
  /** As written (lowercase). */
  surface: string;
  /** Crude stem for matching forms of the same word ("hotels" = "hotel", "booked" = "booking"). */
  stem: string;
  /** Subject areas from the lexicon, strongest first; empty for words it does not know. */
  areas: AreaWeight[];
  /** Position among the text's words, so callers can tell what came before a verb like "is". */
  at: number;
}

/**
 * Function words, and the words people use to frame any request or instruction ("please help me find",
 * "my preferred ... is"): they say nothing about what a message is about.
 */
const STOP = new Set(
  `a an the and or but nor if then else when whenever while for of to in on at by with without from into onto
  about as than so too very just also only even still really quite maybe perhaps
  is are was were be been being am do does did doing done have has had having get gets got getting
  i me my mine myself we us our ours you your yours he him his she her hers it its they them their theirs
  this that these those there here what which who whom whose where why how all any some each every both either
  neither no not none own same such other another more most less least much many few lot lots bit
  can could will would shall should may might must let lets please thanks thank ok okay yes yeah hi hello hey
  up down out over under again once now then ever never always sometimes usually often
  s t d ll m re ve don didn doesn isn aren wasn weren won wouldn couldn shouldn can't
  ask asks asked asking want wants wanted wanting need needs needed like likes liked would love prefer prefers
  preferred preference look looks looking find finding found search searching seek show showing tell telling
  give giving help helping make making know think see seeing go going goes went come comes coming take taking
  try trying check checking verify use using keep keeping remember mention mentions mentioned talk talking say saying said
  related regarding involving involve involves concerning whatever anything something everything nothing
  thing things stuff way kind type sort sure also include including instead time times
  question questions answer answers reply replies request requests user agent assistant
  after before since until because whether though although via per like near first last next
  comes topic topics matter matters subject`.split(/\s+/),
);

/** Weight from which a word's area is one of its real senses rather than a lean. */
const FIRM_AREA = 0.55;
const FIRM_SHARE = 0.7;

/** Irregular forms the suffix rules cannot undo. */
const IRREGULAR: Record<string, string> = {
  ate: 'eat', eaten: 'eat', went: 'go', gone: 'go', flew: 'fly', flown: 'fly', bought: 'buy', paid: 'pay',
  spent: 'spend', drove: 'drive', driven: 'drive', rode: 'ride', ridden: 'ride', slept: 'sleep', sang: 'sing',
  sung: 'sing', wrote: 'write', written: 'write', read: 'read', saw: 'see', seen: 'see', taught: 'teach',
  children: 'child', kids: 'kid', men: 'man', women: 'woman', people: 'person', teeth: 'tooth', feet: 'foot',
  mice: 'mouse', geese: 'goose', media: 'medium', data: 'datum', criteria: 'criterion', ran: 'run',
  swam: 'swim', sent: 'send', met: 'meet', built: 'build', sold: 'sell', cooked: 'cook', fed: 'feed',
  lent: 'lend', left: 'leave', felt: 'feel', kept: 'keep', stayed: 'stay', booked: 'book', wives: 'wife',
  lives: 'life', leaves: 'leaf', knives: 'knife', shelves: 'shelf', thieves: 'thief', loaves: 'loaf',
};

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/** Lowercase words, with camelCase joins ("RentalCars") and contractions ("I'm") taken apart. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/'(s|m|d|ll|re|ve)\b/g, ' ')
    .replace(/n't\b/g, ' not')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function stem(word: string): string {
  let w = IRREGULAR[word] ?? word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(ss|ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('er') && w.length > 5) w = w.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 3) w = w.slice(0, -1) + 'i';
  return w;
}

/** Base forms WordNet would list a word under (its own morphology rules, plus the irregulars above). */
export function baseForms(word: string): string[] {
  const out = [word];
  const irregular = IRREGULAR[word];
  if (irregular) out.push(irregular);
  const rules: [string, string][] = [
    ['ies', 'y'], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'],
    ['es', 'e'], ['es', ''], ['s', ''], ['ied', 'y'], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''],
    ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'],
  ];
  for (const [suffix, repl] of rules) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length) + repl;
    if (base.length >= 3) out.push(base);
    // running -> run, planned -> plan
    if ((suffix === 'ing' || suffix === 'ed') && /([b-df-hj-np-tv-z])\1$/.test(base)) out.push(base.slice(0, -1));
  }
  return out;
}

function areasOf(forms: string[], lexicon: Lexicon): AreaWeight[] {
  const best = new Map<number, number>();
  for (const form of forms) {
    for (const { area, weight } of lexicon.lookup(form) ?? []) {
      if (weight > (best.get(area) ?? 0)) best.set(area, weight);
    }
  }
  return [...best].map(([area, weight]) => ({ area, weight })).sort((a, b) => b.weight - a.weight);
}

/** Areas of single words, per lexicon: a message repeats the words of the last one more often than not. */
const wordAreas = new WeakMap<Lexicon, Map<string, AreaWeight[]>>();
function areasOfWord(word: string, lexicon: Lexicon): AreaWeight[] {
  let cache = wordAreas.get(lexicon);
  if (!cache) wordAreas.set(lexicon, (cache = new Map()));
  let hit = cache.get(word);
  if (!hit) {
    hit = areasOf(baseForms(word), lexicon);
    if (cache.size > 20000) cache.clear();
    cache.set(word, hit);
  }
  return hit;
}

/**
 * Content words of a text with their subject areas. Two- and three-word names the lexicon knows
 * ("real estate", "checking account", "tax form") give their last word their areas, which are its sense there; one that ends in a function word
 * ("things to do") becomes a token of its own.
 */
export function tokenize(text: string, lexicon: Lexicon): Token[] {
  const all = words(text);
  const idiom = idiomWords(all);
  const out: Token[] = [];
  all.forEach((surface, at) => {
    if (surface.length < 2 || /^\d+$/.test(surface) || idiom.has(at)) return;
    const stop = STOP.has(surface);
    const forms = stop ? [surface] : baseForms(surface);
    let areas = stop ? [] : areasOfWord(surface, lexicon);
    let phraseSurface = '';
    let nameFrom = -1;
    for (const n of [2, 3]) {
      if (at + 1 < n) continue;
      const head = all.slice(at + 1 - n, at).join(' ');
      const phraseForms = forms.map((f) => `${head} ${f}`);
      const phrase = areasOf(phraseForms, lexicon);
      if (phrase.length) {
        // The phrase picks the word's sense: the "form" of "tax form" is a document, not a word form.
        areas = phrase;
        phraseSurface = `${head} ${surface}`;
      } else if (!stop && phraseForms.some((f) => lexicon.has(f))) nameFrom = at + 1 - n;
    }
    // A known name with no areas ("Mont Blanc", a mountain): its words say nothing of "blanc", the sauce.
    if (nameFrom >= 0) {
      areas = [];
      for (const t of out) if (t.at >= nameFrom) t.areas = [];
    }
    if (stop && !phraseSurface) return;
    out.push(stop ? { surface: phraseSurface, stem: phraseSurface, areas, at } : { surface, stem: stem(surface), areas, at });
  });
  narrowCompounds(out, lexicon);
  return out;
}

/** Set phrases that say nothing of a subject: "of course" is no class, "at least" no size. */
const IDIOMS = new Set(['of course', 'at least', 'at most', 'in fact', 'kind of', 'sort of', 'by the way', 'in case', 'at all', 'in general', 'for sure', 'no matter']);

/** Positions of the words of set phrases. */
function idiomWords(all: string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < all.length; i++) {
    if (IDIOMS.has(`${all[i]} ${all[i + 1]}`)) [out.add(i), out.add(i + 1)];
    else if (i + 2 < all.length && IDIOMS.has(`${all[i]} ${all[i + 1]} ${all[i + 2]}`)) [out.add(i), out.add(i + 1), out.add(i + 2)];
  }
  return out;
}

/**
 * Adjacent content words name one thing and pick each other's sense: in "rental cars" the rental is of cars,
 * not of houses. When such a run shares subject areas, each word keeps only the shared ones.
 */
function narrowCompounds(tokens: Token[], lexicon: Lexicon): void {
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i].at === tokens[i - 1].at + 1) continue;
    const run = tokens.slice(start, i);
    start = i;
    if (run.length < 2 || run.some((t) => !t.areas.length)) continue;
    // Only a sense each word holds firmly narrows them: "new" barely leans to travel ("new apartment" is no
    // trip). A narrower part of a shared area stays: "my molars hurt" is about health, and about teeth.
    const shared = run[0].areas
      .map((a) => a.area)
      .filter((area) => run.every((t) => t.areas.some((b) => b.area === area && b.weight >= FIRM_AREA && b.weight >= FIRM_SHARE * t.areas[0].weight)));
    if (!shared.length) continue;
    const parent = (area: number) => lexicon.areas[area]?.parent;
    for (const t of run) t.areas = t.areas.filter((a) => shared.includes(a.area) || shared.includes(parent(a.area) ?? -1));
  }
}
