// public/models/detectors.bin, the learned detectors: one clickbait-format model (lib/core/clickbait/format.ts,
// "PCB1", whose header gives its own length) per kind, one after the other, in the order of LEARNED_KINDS. Every
// model uses the same feature spec, so one extraction of a text serves them all (see learned.ts). No container
// header: the content scripts' bytes are counted, and the models' own headers already say all there is.

import { decodeModel, HEADER_BYTES, type QuantizedModel } from '../clickbait/format';

/** The kinds of the models in the file, in order. */
export const LEARNED_KINDS = ['rage', 'urgency', 'engagement', 'promotion', 'clickbait'] as const;

export type LearnedHead = { model: QuantizedModel; bytes: Uint8Array };

export function encodeLearned(models: readonly Uint8Array[]): Uint8Array {
  if (models.length !== LEARNED_KINDS.length) throw new Error(`expected ${LEARNED_KINDS.length} models`);
  const out = new Uint8Array(models.reduce((n, m) => n + m.length, 0));
  models.reduce((at, m) => (out.set(m, at), at + m.length), 0);
  return out;
}

/** Reads detectors.bin; throws on a file that is not one (decodeModel checks each model's magic and length) or
 * whose models differ in table size. Keeps views of `bytes`. */
export function decodeLearned(bytes: Uint8Array): LearnedHead[] {
  const heads: LearnedHead[] = [];
  for (let at = 0; heads.length < LEARNED_KINDS.length; ) {
    const own = bytes.subarray(at, (at += HEADER_BYTES + (1 << bytes[at + 5])));
    heads.push({ model: decodeModel(own), bytes: own });
  }
  if (bytes.length !== heads.reduce((n, h) => n + h.bytes.length, 0) || heads.some((h) => h.bytes.length !== heads[0].bytes.length)) {
    throw new Error('detectors.bin: truncated, padded or mixed');
  }
  return heads;
}
