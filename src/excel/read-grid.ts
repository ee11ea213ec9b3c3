/** A sheet being read: its used range's cells, filled slice by slice, and the snapshot made of them. */

import { cellAddress } from "../engine/core/address";
import type { Scalar, SheetSnapshot } from "../engine/core/snapshot";
import type { Supports } from "./supports";

/** A sheet to read: its name (as Excel spells it) and a proxy. */
export interface Target {
  name: string;
  ws: Excel.Worksheet;
}

/** Cell content of one sheet's used range, filled slice by slice. */
export class Grid {
  readonly values: Scalar[][];
  formulas: (string | null)[][] | null = null;
  formats: (string | null)[][] | null = null;

  constructor(
    readonly top: number,
    readonly left: number,
    readonly rows: number,
    readonly cols: number,
  ) {
    this.values = Array.from({ length: rows }, () => new Array<Scalar>(cols).fill(null));
  }

  private blank(): (string | null)[][] {
    return Array.from({ length: this.rows }, () => new Array<string | null>(this.cols).fill(null));
  }

  /** Absolute sheet position → grid position, or null outside the used range. */
  private at(row: number, col: number): [number, number] | null {
    const r = row - this.top;
    const c = col - this.left;
    return r >= 0 && r < this.rows && c >= 0 && c < this.cols ? [r, c] : null;
  }

  setFormula(row: number, col: number, f: string): void {
    const p = this.at(row, col);
    if (p) (this.formulas ??= this.blank())[p[0]][p[1]] = f;
  }

  setFormat(row: number, col: number, nf: unknown): void {
    if (typeof nf !== "string" || nf === "General" || nf === "") return;
    const p = this.at(row, col);
    if (p) (this.formats ??= this.blank())[p[0]][p[1]] = nf;
  }
}

export interface UsedInfo {
  target: Target;
  used: Excel.Range;
  grid: Grid;
  rowHidden: boolean | null;
  colHidden: boolean | null;
  merges: string[];
  /** Set only for partly hidden rows/columns (see completeHidden). */
  hiddenRows?: number[];
  hiddenCols?: number[];
}

/** What a sheet read ended as. */
export type Outcome = { kind: "empty" } | { kind: "skipped" } | { kind: "read"; info: UsedInfo };

export const USED_PROPS = "rowIndex,columnIndex,rowCount,columnCount,cellCount,rowHidden,columnHidden";
export const AREA_PROPS = (props: string[]) => props.map((p) => `areas/items/${p}`).join(",");

export function indexes(from: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}

/** `getRangeByIndexes` needs ExcelApi 1.7; an A1 address works everywhere. */
export function rangeByIndexes(
  ws: Excel.Worksheet,
  row: number,
  col: number,
  rows: number,
  cols: number,
  supports: Supports,
): Excel.Range {
  if (supports("1.7")) return ws.getRangeByIndexes(row, col, rows, cols);
  return ws.getRange(`${cellAddress(row, col)}:${cellAddress(row + rows - 1, col + cols - 1)}`);
}

export function toSnapshot(name: string, info: UsedInfo): SheetSnapshot {
  const g = info.grid;
  return {
    name,
    top: g.top,
    left: g.left,
    values: g.values,
    ...(g.formulas ? { formulas: g.formulas } : {}),
    ...(g.formats ? { numberFormats: g.formats } : {}),
    merges: info.merges,
    hiddenRows: info.rowHidden === true ? indexes(g.top, g.rows) : (info.hiddenRows ?? []),
    hiddenCols: info.colHidden === true ? indexes(g.left, g.cols) : (info.hiddenCols ?? []),
  };
}
