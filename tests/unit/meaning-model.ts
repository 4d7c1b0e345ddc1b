import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MeaningModel } from '../../lib/core/meaning/model';

let model: MeaningModel | null = null;

/** The shipped meaning model (public/models/meaning.bin), read once per test file. */
export function shippedMeaning(): MeaningModel {
  model ??= MeaningModel.fromBytes(new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../public/models/meaning.bin'))));
  return model;
}
