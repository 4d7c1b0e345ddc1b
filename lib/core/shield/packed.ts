/**
 * Int32Arrays and Float64Arrays as base64 text, for look-ups the background builds once and sends to tabs in a
 * message (which carries text, not binary): a tab restores them with one native decode and keeps them off the
 * JavaScript heap, instead of rebuilding them or parsing a list of numbers.
 */

type Base64Native = { fromBase64?: (s: string) => Uint8Array };
type ToBase64 = { toBase64?: () => string };

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as unknown as ToBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function base64ToBytes(base64: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Native).fromBase64;
  if (native) return native(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const bytesOf = (a: Int32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export const int32ToBase64 = (a: Int32Array): string => bytesToBase64(bytesOf(a));
export const float64ToBase64 = (a: Float64Array): string => bytesToBase64(bytesOf(a));

/** Both browsers and Node are little-endian on every platform they run on here, as the sender was. */
export function base64ToInt32(base64: string): Int32Array {
  const b = base64ToBytes(base64);
  if (b.byteLength % 4 !== 0) throw new Error('not a list of 32-bit numbers');
  return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
}

export function base64ToFloat64(base64: string): Float64Array {
  const b = base64ToBytes(base64);
  if (b.byteLength % 8 !== 0) throw new Error('not a list of 64-bit numbers');
  // A decoded buffer starts at offset 0; a copy keeps the alignment a Float64Array needs in any case.
  return b.byteOffset % 8 === 0 ? new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8) : new Float64Array(b.slice().buffer);
}
