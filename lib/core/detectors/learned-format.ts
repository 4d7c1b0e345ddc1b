// public/models/detectors.bin, the learned detectors: one clickbait-format model (lib/core/clickbait/format.ts,
// "PCB1", whose header gives its own length) per kind, one after the other, in the order of LEARNED_KINDS. Every
// model uses the same feature spec, so one extraction of a text serves them all (see learned.ts). No container
// header: the content scripts' bytes are counted, and the models' own headers already say all there is.

import { checkModel, decodeModel, HEADER_BYTES, type QuantizedModel } from '../clickbait/format';

/** The kinds of the models in the file, in order. */
export const LEARNED_KINDS = ['rage', 'urgency', 'engagement', 'promotion', 'clickbait'] as const;

export function encodeLearned(models: readonly Uint8Array[]): Uint8Array {
  if (models.length !== LEARNED_KINDS.length) throw new Error(`expected ${LEARNED_KINDS.length} models`);
  const out = new Uint8Array(models.reduce((n, m) => n + m.length, 0));
  models.reduce((at, m) => (out.set(m, at), at + m.length), 0);
  return out;
}

/** Throws on bytes that are not a detectors.bin: a file cut short or padded, models of different table sizes, a
 * model that is not one (checkModel). Run where the file is read (the background, Node); decodeLearned trusts it. */
export function checkLearned(bytes: Uint8Array): void {
  // Every model the size of the first: checkModel then holds each to the size its own header gives.
  const size = HEADER_BYTES + (1 << bytes[5]);
  if (bytes.length !== size * LEARNED_KINDS.length) throw new Error('detectors.bin: truncated, padded or mixed');
  for (let at = 0; at < bytes.length; at += size) checkModel(bytes.subarray(at, at + size));
}

/** The feeds whose items are read as posts, by the last head (the post head): the one list both the detectors
 * (index.ts) and the background's cut of the file (learnedFor) go by. */
export const POST_FEEDS: readonly string[] = ['x', 'reddit'];

/** The file as a tab of `feed` needs it: without the post head where no item is read as a post (issue 24: a sixth
 * of what every page start of those sites was sent, and copied, for nothing). */
export function learnedFor(bytes: Uint8Array, feed: string | null): Uint8Array {
  return feed && !POST_FEEDS.includes(feed) ? bytes.subarray(0, (bytes.length / LEARNED_KINDS.length) * (LEARNED_KINDS.length - 1)) : bytes;
}

/** Reads a detectors.bin that passed checkLearned (or learnedFor cut its post head): its models, in the order of
 * LEARNED_KINDS. Keeps views of `bytes`. */
export function decodeLearned(bytes: Uint8Array): QuantizedModel[] {
  const heads: QuantizedModel[] = [];
  for (let at = 0; at < bytes.length; ) heads.push(decodeModel(bytes.subarray(at, (at += HEADER_BYTES + (1 << bytes[at + 5])))));
  return heads;
}

/** The rule heads (the first four) whose int8 weights LearnedDetectors reads packed, a byte each in one int32 per slot. */
export const PACKED_HEADS = 4;

/**
 * A detectors.bin (checked, maybe cut by learnedFor) as LearnedDetectors reads it: the four rule heads' weight
 * tables, taken in order as one run of bytes, hold their slots packed (slot s: head h's weight in byte h of the
 * little-endian int32 s). Done once where the file is read (the background), not at every page start in every tab,
 * where packing the slots cold was a loop over all four tables before the first item could be decided. The
 * headers are kept, so the file reads as before; only the rule heads' weights are rearranged.
 */
export function packLearned(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const heads = decodeLearned(bytes);
  const slots = heads[0].weights.length;
  const packed = new Uint8Array(slots * PACKED_HEADS);
  for (let h = 0; h < PACKED_HEADS; h++) {
    const w = heads[h].weights;
    for (let s = 0; s < slots; s++) packed[s * PACKED_HEADS + h] = w[s];
  }
  decodeLearned(out)
    .slice(0, PACKED_HEADS)
    .forEach((m, h) => new Uint8Array(m.weights.buffer, m.weights.byteOffset, slots).set(packed.subarray(h * slots, (h + 1) * slots)));
  return out;
}
