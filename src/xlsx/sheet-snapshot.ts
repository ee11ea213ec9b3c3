/**
 * A worksheet's cells as the engine takes them (`SheetSnapshot`): the used range as rows of values, with
 * formulas and number formats beside them, merged areas' hidden cells left out, hidden rows and columns.
 */
import { cellKey, parseRange } from "../engine/core/address";
import type { Scalar, SheetSnapshot } from "../engine/core/snapshot";
import type { SheetEntry } from "./package";

/** One cell read from a sheet part, 0-based. */
export interface Cell {
  r: number;
  c: number;
  v: Scalar;
  f: string | null;
  nf: string | null;
}

export function snapshot(
  sheet: SheetEntry,
  all: Cell[],
  merges: string[],
  hiddenRowSet: number[],
  hiddenColRanges: [number, number][],
): SheetSnapshot {
  // The non-anchor cells of a merged area show nothing in Excel: their leftover values are not read.
  // Each merge costs the smaller of its area and the number of cells.
  const dropped = new Set<number>();
  let byKey: Map<number, number> | undefined;
  for (const m of merges.map(parseRange)) {
    const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (area === 1) continue;
    if (area <= all.length) {
      byKey ??= new Map(all.map((cell, i) => [cellKey(cell.r, cell.c), i]));
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) {
          const i = byKey.get(cellKey(r, c));
          if (i !== undefined && (r !== m.top || c !== m.left)) dropped.add(i);
        }
    } else
      all.forEach(({ r, c }, i) => {
        if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left))
          dropped.add(i);
      });
  }
  const cells = dropped.size === 0 ? all : all.filter((_, i) => !dropped.has(i));
  const hidden = sheet.state !== "visible";
  if (cells.length === 0)
    return { name: sheet.name, top: 0, left: 0, values: [], merges, hiddenRows: [], hiddenCols: [], hidden };
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const { r, c } of cells) {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  const values: Scalar[][] = Array.from({ length: bottom - top + 1 }, () => []);
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  let anyFormula = false;
  let anyFormat = false;
  for (const { r, c, v, f, nf } of cells) {
    const rr = r - top;
    const cc = c - left;
    values[rr][cc] = v;
    if (f) {
      (formulas[rr] ??= [])[cc] = f;
      anyFormula = true;
    }
    if (nf) {
      (numberFormats[rr] ??= [])[cc] = nf;
      anyFormat = true;
    }
  }
  // Every row a real array of Scalars (JSON-friendly, same as Office.js).
  for (const row of values) for (let j = 0; j < row.length; j++) if (row[j] === undefined) row[j] = null;
  const dense = <T>(m: (T | null)[][]): (T | null)[][] =>
    values.map((_, i) => {
      const row = m[i] ?? [];
      return Array.from({ length: row.length }, (_, j) => row[j] ?? null);
    });
  const hiddenRows = [...new Set(hiddenRowSet)].filter((r) => r <= bottom).sort((a, b) => a - b);
  const hiddenCols: number[] = [];
  for (let c = 0; c <= right; c++) if (hiddenColRanges.some(([a, b]) => c >= a && c <= b)) hiddenCols.push(c);
  return {
    name: sheet.name,
    top,
    left,
    values,
    ...(anyFormula ? { formulas: dense(formulas) } : {}),
    ...(anyFormat ? { numberFormats: dense(numberFormats) } : {}),
    merges,
    hiddenRows,
    hiddenCols,
    hidden,
  };
}
