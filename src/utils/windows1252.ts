/**
 * Encodes text back to windows-1252 bytes: the inverse of `TextDecoder("windows-1252")`,
 * used when stored page text (decoded from the EP747 file) must become bytes again, e.g.
 * to replay a dead-lettered page through a worker.
 *
 * Techniques: code points up to U+00FF map to themselves, except the 0x80–0x9F block,
 * which windows-1252 maps to typographic characters (a 27-entry reverse table).
 *
 * @example
 * ```ts
 * import { encodeWindows1252 } from "./windows1252.ts";
 * encodeWindows1252("€ é"); // Uint8Array [0x80, 0x20, 0xe9]
 * ```
 *
 * @module
 */

const DECODER = new TextDecoder("windows-1252");
const REVERSE = new Map<number, number>();
for (let byte = 0x80; byte <= 0x9f; byte++) {
  const char = DECODER.decode(new Uint8Array([byte])).codePointAt(0)!;
  REVERSE.set(char, byte);
}

/** Encodes `text`; a character windows-1252 cannot hold becomes `?`. */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = REVERSE.get(code);
    out[i] = mapped ?? (code <= 0xff && (code < 0x80 || code > 0x9f) ? code : 0x3f);
  }
  return out;
}
