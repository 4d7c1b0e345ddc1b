import type { Token } from './text';

/** A related word counts a little less than the word itself. */
export const RELATED = 0.9;
/** An area a word only leans to (a rare sense, a word in its definition) is too weak to relate it to others. */
const WEAK_AREA = 0.55;
/**
 * How much a word's secondary areas count against its main one (weight ratio to this power): "teeth" is
 * about dentistry first and health second, so a medicine name relates to it only faintly.
 */
const SALIENCE_POWER = 2;
/** A message word explains the subjects it relates to nearly as well as its best one, not the others. */
const COMPETE = 0.95;
/** Below this a message word supports no subject at all. */
const MIN_SUPPORT = 0.3;
/** What a run matched only in its modifiers keeps of its score. */
const HEAD_MISSED = 0.8;
/** Share of the message's main area an area needs before a merely related word can count for it. */
export const DEFAULT_MIN_SHARE = 0.5;

export interface MatchOptions {
  /** Broader area of each area, by index (lexicon `areas[i].parent`). */
  parents: (number | undefined)[];
  minShare: number;
}

export function relatedness(a: Token, b: Token): number {
  return related(a, b).score;
}

/**
 * How closely a message word relates to a subject word, and through which area. A message word in a narrower
 * area is fully inside a subject that names the broader one: a hotel is part of a trip (but a trip is not
 * always a hotel, and a restaurant is no recipe).
 */
function related(a: Token, b: Token, parents: readonly (number | undefined)[] = []): { score: number; area: number; inside?: boolean } {
  if (a.stem === b.stem) return { score: 1, area: -1 };
  if (!a.areas.length || !b.areas.length) return { score: 0, area: -1 };
  if (ambiguous(a, parents)) return { score: 0, area: -1 };
  const topA = a.areas[0].weight;
  const topB = b.areas[0].weight;
  const broader = parents[a.areas[0].area];
  let best = 0;
  let area = -1;
  let inInside = false;
  for (const x of a.areas) {
    if (x.weight < WEAK_AREA) continue;
    for (const y of b.areas) {
      if (x.area !== y.area || y.weight < WEAK_AREA) continue;
      const inside = x.area === broader && b.areas[0].area === x.area;
      const r = x.weight * y.weight * (inside ? 1 : (x.weight / topA) ** SALIENCE_POWER) * (y.weight / topB) ** SALIENCE_POWER;
      if (r > best) [best, area, inInside] = [r, x.area, inside];
    }
  }
  return { score: best * RELATED, area, inside: inInside };
}

/**
 * A word WordNet spreads evenly over unrelated areas, none of them firmly ("form": a word form, a shape, a class
 * at school), says nothing of a subject through its relations; it still counts where it is the very word.
 */
function ambiguous(t: Token, parents: readonly (number | undefined)[]): boolean {
  const [first, second] = t.areas;
  if (!second || first.weight >= FIRM || second.weight < first.weight) return false;
  return parents[first.area] !== second.area && parents[second.area] !== first.area;
}
/** From this weight an area is one of the word's firm senses (0.85: dev.jsonl F1 0.875 -> 0.883). */
const FIRM = 0.85;

/**
 * How much of the message is about each area (each word's areas, its main ones counting most), relative to the
 * area it is most about. A broader area does not outweigh its own narrower one: the words about teeth make a
 * message about health too, yet it is still about teeth.
 */
function areaShares(message: Token[], parents: (number | undefined)[]): Map<number, number> {
  const mass = new Map<number, number>();
  for (const m of message) {
    if (!m.areas.length) continue;
    const top = m.areas[0].weight;
    for (const a of m.areas) if (a.weight >= WEAK_AREA) mass.set(a.area, (mass.get(a.area) ?? 0) + a.weight * (a.weight / top) ** SALIENCE_POWER);
  }
  const shares = new Map<number, number>();
  for (const [area, v] of mass) {
    let max = v;
    for (const [other, w] of mass) if (other !== parents[area] && w > max) max = w;
    shares.set(area, v / max);
  }
  return shares;
}

/**
 * A subject an instruction names: adjacent content words that name one thing ("car rentals", "house stays").
 * All of its words should be matched, so "a house to stay in" fits "house stays" better than "homes".
 */
export type Run = Token[];

/** Splits words into runs of adjacent words: "bus or train journeys" -> [bus] [train journeys]. */
export function runsOf(tokens: Token[]): Run[] {
  const runs: Run[] = [];
  tokens.forEach((t, i) => {
    if (i > 0 && t.at === tokens[i - 1].at + 1) runs[runs.length - 1].push(t);
    else runs.push([t]);
  });
  return runs;
}

export interface RunMatch {
  score: number;
  /** The message word that matched best, for the "why" text. */
  by?: Token;
  /** The subject word it matched. */
  of?: Token;
}

/**
 * Scores every run against the message words, each message word counting only for the runs it relates to
 * (nearly) best: a word is read in one sense, so "house" in "a house to stay" goes to "house stays" and not to
 * "homes" as well. Words without known areas count in a run only when the message repeats them.
 */
export function matchRuns(runs: Run[], message: Token[], opts: MatchOptions): RunMatch[] {
  const shares = areaShares(message, opts.parents);
  // A word related to a subject only through an area the rest of the message ignores is a passing mention:
  // "move" in "move cash from savings to checking" is no trip.
  const inside = runs.map(() => message.map(() => false));
  const rel = runs.map((run, i) =>
    message.map((m, j) =>
      run.map((t) => {
        const r = related(m, t, opts.parents);
        if (r.area >= 0 && (shares.get(r.area) ?? 0) < opts.minShare) return 0;
        if (r.inside && r.score >= MIN_SUPPORT) inside[i][j] = true;
        return r.score;
      }),
    ),
  );
  const relMax = rel.map((byWord) => byWord.map((r) => Math.max(0, ...r)));
  const supports = runs.map(() => message.map(() => false));
  message.forEach((_, j) => {
    let best = 0;
    for (let i = 0; i < runs.length; i++) if (relMax[i][j] > best) best = relMax[i][j];
    if (best < MIN_SUPPORT) return;
    // A subject that names the word's broader area keeps it too: the hotel is for a trip.
    for (let i = 0; i < runs.length; i++) if (relMax[i][j] >= COMPETE * best || inside[i][j]) supports[i][j] = true;
  });
  return runs.map((run, i) => {
    let sum = 0;
    let counted = 0;
    let top: RunMatch = { score: 0 };
    let head = 0;
    run.forEach((t, k) => {
      let best = 0;
      let by: Token | undefined;
      message.forEach((m, j) => {
        if (supports[i][j] && rel[i][j][k] > best) {
          best = rel[i][j][k];
          by = m;
        }
      });
      if (k === run.length - 1) head = best;
      if (!t.areas.length && best < 1) return;
      counted++;
      sum += best;
      if (best > top.score) top = { score: best, by, of: t };
    });
    // The last word names the thing ("online courses" are courses): a run met only in its modifiers is a
    // passing likeness ("a tax form online").
    const headless = run.length > 1 && head === 0 ? HEAD_MISSED : 1;
    return { ...top, score: counted ? (sum / counted) * headless : 0 };
  });
}
