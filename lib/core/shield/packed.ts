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

const bytesOf = (a: Int32Array | Float64Array | Uint16Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export const int32ToBase64 = (a: Int32Array): string => bytesToBase64(bytesOf(a));
export const float64ToBase64 = (a: Float64Array): string => bytesToBase64(bytesOf(a));
export const uint16ToBase64 = (a: Uint16Array): string => bytesToBase64(bytesOf(a));

/** Both browsers and Node are little-endian on every platform they run on here, as the sender was. A decoded list
 * has a buffer of its own (offset 0, its exact length), and the typed array's constructor refuses one whose length
 * is not a whole number of its elements. */
export const base64ToInt32 = (base64: string): Int32Array => new Int32Array(base64ToBytes(base64).buffer);
export const base64ToFloat64 = (base64: string): Float64Array => new Float64Array(base64ToBytes(base64).buffer);
export const base64ToUint16 = (base64: string): Uint16Array => new Uint16Array(base64ToBytes(base64).buffer);
