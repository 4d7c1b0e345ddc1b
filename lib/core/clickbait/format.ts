// Byte layout of public/models/clickbait.bin, little-endian:
//   0  "PCB1" magic              4 bytes
//   4  version (1)               u8
//   5  bits                      u8   the weight table has 2^bits slots
//   6  charMin, charMax          u8, u8
//   8  feature flags             u32
//  12  bias                      f32
//  16  weight scale              f32  weight = int8 value * scale
//  20  slot count                u32  = 2^bits, a guard against truncated files
//  24  weights                   int8[2^bits]
// A dense int8 table is read in place (no parsing, no copy), which keeps load time near zero in content scripts.

import type { FeatureSpec } from './features';

export const MODEL_MAGIC = 'PCB1';
export const MODEL_VERSION = 1;
export const HEADER_BYTES = 24;

export interface QuantizedModel {
  spec: FeatureSpec;
  bias: number;
  scale: number;
  weights: Int8Array;
}

export function encodeModel(model: QuantizedModel): Uint8Array {
  const slots = 1 << model.spec.bits;
  if (model.weights.length !== slots) throw new Error(`expected ${slots} weights, got ${model.weights.length}`);
  const bytes = new Uint8Array(HEADER_BYTES + slots);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MODEL_MAGIC.charCodeAt(i);
  bytes[4] = MODEL_VERSION;
  bytes[5] = model.spec.bits;
  bytes[6] = model.spec.charMin;
  bytes[7] = model.spec.charMax;
  view.setUint32(8, model.spec.flags, true);
  view.setFloat32(12, model.bias, true);
  view.setFloat32(16, model.scale, true);
  view.setUint32(20, slots, true);
  bytes.set(new Uint8Array(model.weights.buffer, model.weights.byteOffset, slots), HEADER_BYTES);
  return bytes;
}

/** Throws on bytes that are not a model file. Run where a file is read (the background, as it reads the shipped
 * models for the tabs; Node): decodeModel trusts what it is given, so that content scripts carry no checks. */
export function checkModel(bytes: Uint8Array): void {
  if (bytes.length < HEADER_BYTES) throw new Error('clickbait model: file too short');
  for (let i = 0; i < 4; i++) {
    if (bytes[i] !== MODEL_MAGIC.charCodeAt(i)) throw new Error('clickbait model: bad magic');
  }
  if (bytes[4] !== MODEL_VERSION) throw new Error(`clickbait model: unsupported version ${bytes[4]}`);
  const bits = bytes[5];
  const slots = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(20, true);
  if (bits < 8 || bits > 24 || slots !== 1 << bits) throw new Error('clickbait model: bad table size');
  if (bytes.length !== HEADER_BYTES + slots) throw new Error('clickbait model: truncated or padded file');
}

/** Reads a model file that passed checkModel. Keeps a view of `bytes`. */
export function decodeModel(bytes: Uint8Array): QuantizedModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bits = bytes[5];
  return {
    spec: { bits, charMin: bytes[6], charMax: bytes[7], flags: view.getUint32(8, true) },
    bias: view.getFloat32(12, true),
    scale: view.getFloat32(16, true),
    weights: new Int8Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, 1 << bits),
  };
}
