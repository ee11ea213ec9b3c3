/** Request-size arithmetic shared by the writer (no Office.js calls). */

/** Excel on the web rejects requests over 5 MB; we aim below that. */
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * Allowance for one queued operation that carries no bulk data (proxy creation, a property set,
 * a method call): object paths and property names are sent too.
 */
export const OP_OVERHEAD_BYTES = 256;

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 length of `JSON.stringify(v)`. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : utf8Length(s);
}
