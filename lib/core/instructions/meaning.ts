/**
 * Everyday preferences by meaning: "My dog is an elderly golden retriever" goes with "How often should I take my pup
 * to the vet?", "I avoid public transport" with "How should I commute to my new office?", though they share no word. The meaning model
 * (lib/core/meaning, word vectors learned from which Reddit communities use each word) places the preference's
 * subject and the message; the preference goes with the message when it is the closest of the user's preferences
 * and close enough. Only the closest: a message is about one thing, and a profile holds preferences on many.
 */

/** What the selector needs of the meaning model (MeaningModel satisfies it; tests may pass a double). */
export interface MeaningReader {
  embed(text: string): Float32Array | null;
  similarity(a: Float32Array, b: Float32Array): number;
  terms(text: string): string[];
  /** How a folded term is written for people ("ferries" for "ferrie"). */
  shown?(term: string): string;
}

/** Closeness (cosine) from which a preference's subject and a message are about the same thing. Chosen on
 * tests/data/everyday-preferences.jsonl (0.4, 0.45, 0.5), where unrelated pairs stay below about 0.45. */
export const MEANING_MIN = 0.45;
/** Below this closeness a preference matched only through a related word is taken as a chance relation (0.1:
 * best of 0, 0.1, 0.15, 0.2, 0.25 on the everyday file and tests/data/instructions-paraphrased.jsonl). */
export const MEANING_VETO = 0.1;
/** A second preference goes too when it is nearly as close as the first ("a menu for a dinner party"); 0.9 of
 * 0.9, 0.97 and only one, on the same file. */
const RUNNER_UP = 0.9;

const vectors = new WeakMap<MeaningReader, Map<string, Float32Array | null>>();
function vectorOf(model: MeaningReader, text: string): Float32Array | null {
  let cache = vectors.get(model);
  if (!cache) vectors.set(model, (cache = new Map()));
  if (!cache.has(text)) {
    if (cache.size > 2000) cache.clear();
    cache.set(text, model.embed(text));
  }
  return cache.get(text)!;
}

export interface MeaningMatch {
  /** Index into the subjects given. */
  index: number;
  similarity: number;
  /** The message's word closest to the subject, for the reason shown. */
  by: string;
}

/** Closeness of the message to each subject; null where either has no known word. */
export function similarities(model: MeaningReader, message: string, subjects: (string | null)[]): (number | null)[] {
  const m = vectorOf(model, message);
  return subjects.map((s) => {
    const v = s && m ? vectorOf(model, s) : null;
    return v && m ? model.similarity(m, v) : null;
  });
}

/** The subjects (by index) the message is about, closest first: at most the best and a close runner-up. */
export function closestSubjects(model: MeaningReader, message: string, subjects: (string | null)[]): MeaningMatch[] {
  const sims = similarities(model, message, subjects).map((s) => s ?? -1);
  const order = sims.map((_, i) => i).sort((a, b) => sims[b] - sims[a]);
  const best = sims[order[0]] ?? -1;
  if (best < MEANING_MIN) return [];
  return order
    .filter((i) => sims[i] >= MEANING_MIN && sims[i] >= RUNNER_UP * best)
    .slice(0, 2)
    .map((i) => ({ index: i, similarity: sims[i], by: closestTerm(model, message, vectorOf(model, subjects[i]!)!) }));
}

function closestTerm(model: MeaningReader, message: string, subject: Float32Array): string {
  let best = '';
  let bestSim = -2;
  for (const t of model.terms(message)) {
    const v = vectorOf(model, t);
    const s = v ? model.similarity(v, subject) : -2;
    if (s > bestSim) [best, bestSim] = [t, s];
  }
  return best && model.shown ? model.shown(best) : best;
}
