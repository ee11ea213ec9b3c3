/**
 * A1 parsing for the Excel fake. Deliberately independent of src/engine/address.ts: the fake models
 * Excel, not our own helpers, so a bug in one is not hidden by the same bug in the other.
 */

import { FakeOfficeError } from "./fake-errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based inclusive rectangle. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function invalid(address: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", `The address '${address}' is not valid.`, "Range.address");
}

/** Splits `'My sheet'!A1:B2` / `Sheet1!A1` / `A1` into sheet name (unquoted) and address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const a = address.trim().replace(/^=/, "");
  if (a.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < a.length) {
      if (a[i] === "'") {
        if (a[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += a[i++];
    }
    if (a[i + 1] !== "!") throw invalid(address);
    return { sheet: name, local: a.slice(i + 2) };
  }
  const bang = a.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: a };
  return { sheet: a.slice(0, bang), local: a.slice(bang + 1) };
}

/** Parses `A1`, `$A$1:$B$2`, `C:C`, `C:E`, `2:2`, `2:5` (no sheet part). */
export function parseLocal(address: string): Rect {
  const a = address.trim().toUpperCase().replace(/\$/g, "");
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const parts = a.split(":");
  if (parts.length > 2 || parts[0] === "") throw invalid(address);
  if (parts.length === 2 && /^[A-Z]{1,3}$/.test(parts[0]) && /^[A-Z]{1,3}$/.test(parts[1])) {
    const l = colNumber(parts[0]);
    const r = colNumber(parts[1]);
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(l, r), right: Math.max(l, r) };
  }
  if (parts.length === 2 && /^\d+$/.test(parts[0]) && /^\d+$/.test(parts[1])) {
    const t = Number(parts[0]) - 1;
    const b = Number(parts[1]) - 1;
    return { top: Math.min(t, b), bottom: Math.max(t, b), left: 0, right: MAX_COLS - 1 };
  }
  const ps = parts.map((p) => {
    const m = cell.exec(p);
    if (!m) throw invalid(address);
    return { row: Number(m[2]) - 1, col: colNumber(m[1]) };
  });
  const p = ps[0];
  const q = ps[1] ?? p;
  const rect = {
    top: Math.min(p.row, q.row),
    bottom: Math.max(p.row, q.row),
    left: Math.min(p.col, q.col),
    right: Math.max(p.col, q.col),
  };
  if (rect.top < 0 || rect.bottom >= MAX_ROWS || rect.left < 0 || rect.right >= MAX_COLS)
    throw invalid(address);
  return rect;
}

export function rectA1(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${d}${colLetters(r.left)}:${d}${colLetters(r.right)}`;
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${d}${r.top + 1}:${d}${r.bottom + 1}`;
  const a = `${d}${colLetters(r.left)}${d}${r.top + 1}`;
  const b = `${d}${colLetters(r.right)}${d}${r.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** Sheet name as Excel prints it in addresses: quoted unless it is a plain identifier. */
export function sheetPrefix(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, r: Rect, absolute = false): string {
  return `${sheetPrefix(sheet)}!${rectA1(r, absolute)}`;
}

export function rows(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function cols(r: Rect): number {
  return r.right - r.left + 1;
}

export function cellCount(r: Rect): number {
  return rows(r) * cols(r);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

export function isUnbounded(r: Rect): boolean {
  return (r.top === 0 && r.bottom === MAX_ROWS - 1) || (r.left === 0 && r.right === MAX_COLS - 1);
}
