/** A1-notation helpers shared by the engine and both adapters (0-based rows and columns). */

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel's column count. */
export const MAX_COLUMNS = 16384;

/** One number per cell (row × MAX_COLUMNS + column), for the sets and maps of every cell of a sheet. */
export const cellKey = (row: number, col: number) => row * MAX_COLUMNS + col;

/** `cellAddress(0, 0)` → `A1`; `cellAddress(4, 2, true)` → `$C$5`. */
export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseCell(a1: string): CellRef {
  const ref = readCell(a1.trim());
  if (!ref) throw new Error(`Invalid cell address: ${a1}`);
  return ref;
}

/**
 * A cell address (`B12`, `$B$12`, `b12`: one to three letters, digits) as 0-based row and column, or null
 * when it is not one. Read character by character: the file reader meets one in every cell of a sheet.
 */
export function readCell(ref: string): CellRef | null {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // $
  let col = 0;
  const lettersFrom = i;
  for (; i < ref.length && i - lettersFrom < 4; i++) {
    const c = ref.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === lettersFrom || i - lettersFrom > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  if (i === digitsFrom) return null;
  return { row: Number(ref.slice(digitsFrom)) - 1, col: col - 1 };
}

/** `B2:D4` or a single cell `B2`. */
export function parseRange(a1: string): RangeRef {
  const [a, b] = a1.split(":");
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeAddress(r: RangeRef, absolute = false): string {
  const a = cellAddress(r.top, r.left, absolute);
  const b = cellAddress(r.bottom, r.right, absolute);
  return a === b ? a : `${a}:${b}`;
}

/** Sheet name as it must appear in a formula: quoted when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** `'Settore 1'!B12` */
export function sheetCellRef(sheet: string, row: number, col: number, absolute = false): string {
  return `${quoteSheet(sheet)}!${cellAddress(row, col, absolute)}`;
}
