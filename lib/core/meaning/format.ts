/**
 * The byte layout of public/models/meaning.bin (little-endian), written by scripts/train-meaning.ts:
 *   "PMN1", u32 dim, u32 terms, u32 subjects, u32 links
 *   u32 n + n bytes UTF-8: one line per term, "key" or "key<TAB>shown"
 *   u8[terms]  flags (TermFlag)
 *   u8[terms]  log2 of the term's title count, x8
 *   f32[terms] vector lengths, then i8[terms*dim] unit directions x127
 *   f32[subjects] lengths, then i8[subjects*dim] directions x127
 *   u32[links*2] (from, to) term pairs, sorted by from: WordNet's narrower terms ("sport" -> "football")
 *   u32 k, then u16[terms*k] subjects and u16[terms*k] shares x65535: for each term, the k communities that use
 *     it most and the share of its use that falls in each (P(subject | term), subjects of equal size);
 *     unused slots hold subject 0xffff
 *   u32 n + n bytes UTF-8: the subjects' names (the training communities), one per line
 */
export const MAGIC = 0x314e4d50; // "PMN1"

export const TermFlag = { name: 1, phrase: 2 } as const;

export interface MeaningData {
  dim: number;
  keys: string[];
  shown: (string | undefined)[];
  flags: Uint8Array;
  logCount: Uint8Array;
  termNorm: Float32Array;
  termDir: Int8Array;
  subjectNorm: Float32Array;
  subjectDir: Int8Array;
  links: Uint32Array;
  topK: number;
  topSubject: Uint16Array;
  topShare: Uint16Array;
  subjectNames: string[];
}

export function encodeMeaning(d: MeaningData): Uint8Array {
  const names = new TextEncoder().encode(d.subjectNames.join('\n'));
  const n = d.keys.length;
  const s = d.subjectNorm.length;
  const text = new TextEncoder().encode(d.keys.map((k, i) => (d.shown[i] ? `${k}\t${d.shown[i]}` : k)).join('\n'));
  const size = 20 + 4 + text.length + 2 * n + 4 * n + n * d.dim + 4 * s + s * d.dim + 4 * d.links.length + 4 + 4 * n * d.topK + 4 + names.length;
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  let o = 0;
  const u32 = (v: number) => (view.setUint32(o, v, true), (o += 4));
  u32(MAGIC);
  u32(d.dim);
  u32(n);
  u32(s);
  u32(d.links.length / 2);
  u32(text.length);
  buf.set(text, o);
  o += text.length;
  buf.set(d.flags, o);
  o += n;
  buf.set(d.logCount, o);
  o += n;
  for (const v of d.termNorm) (view.setFloat32(o, v, true), (o += 4));
  buf.set(new Uint8Array(d.termDir.buffer, d.termDir.byteOffset, d.termDir.length), o);
  o += d.termDir.length;
  for (const v of d.subjectNorm) (view.setFloat32(o, v, true), (o += 4));
  buf.set(new Uint8Array(d.subjectDir.buffer, d.subjectDir.byteOffset, d.subjectDir.length), o);
  o += d.subjectDir.length;
  for (const v of d.links) u32(v);
  u32(d.topK);
  for (const v of d.topSubject) (view.setUint16(o, v, true), (o += 2));
  for (const v of d.topShare) (view.setUint16(o, v, true), (o += 2));
  u32(names.length);
  buf.set(names, o);
  return buf;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function decodeMeaning(bytes: Uint8Array): MeaningData {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 0;
  const u32 = () => ((o += 4), view.getUint32(o - 4, true));
  /** The next `length` bytes, copied whole: the file is little-endian, as every browser's typed arrays are, and a
   * copy starts aligned for any of them (the model is read while the worker answers no tab: one copy, no loop). */
  const read = (length: number) => {
    if (!LITTLE_ENDIAN) throw new Error('meaning.bin: a big-endian machine cannot read it');
    o += length;
    return bytes.slice(o - length, o).buffer;
  };
  if (u32() !== MAGIC) throw new Error('meaning.bin: not a meaning model');
  const dim = u32();
  const n = u32();
  const s = u32();
  const linkCount = u32();
  const textLen = u32();
  const lines = new TextDecoder().decode(bytes.subarray(o, o + textLen)).split('\n');
  o += textLen;
  if (lines.length !== n) throw new Error('meaning.bin: term count mismatch');
  const keys: string[] = new Array(n);
  const shown: (string | undefined)[] = new Array(n);
  lines.forEach((l, i) => {
    const tab = l.indexOf('\t');
    keys[i] = tab < 0 ? l : l.slice(0, tab);
    shown[i] = tab < 0 ? undefined : l.slice(tab + 1);
  });
  const flags = bytes.slice(o, o + n);
  o += n;
  const logCount = bytes.slice(o, o + n);
  o += n;
  const termNorm = new Float32Array(read(4 * n));
  const termDir = new Int8Array(read(n * dim));
  const subjectNorm = new Float32Array(read(4 * s));
  const subjectDir = new Int8Array(read(s * dim));
  const links = new Uint32Array(read(8 * linkCount));
  const topK = u32();
  const topSubject = new Uint16Array(read(2 * n * topK));
  const topShare = new Uint16Array(read(2 * n * topK));
  const namesLen = u32();
  const subjectNames = new TextDecoder().decode(bytes.subarray(o, o + namesLen)).split('\n');
  return {
    subjectNames, dim, keys, shown, flags, logCount, termNorm, termDir, subjectNorm, subjectDir, links, topK, topSubject, topShare };
}
