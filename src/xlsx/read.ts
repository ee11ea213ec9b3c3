/** Read an .xlsx (through exceljs) into engine sheet snapshots. */
import ExcelJS from "exceljs";
import type { Scalar, SheetSnapshot } from "../engine/core/snapshot";

/** Excel's serial day number for a JavaScript date (1900 date system, as Office.js returns dates). */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

type CellValue = ExcelJS.CellValue;

/** Plain value of an exceljs cell value: rich text joined, hyperlink text, formula result, dates as serials. */
export function scalarOf(v: CellValue): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined || r === null) return null;
      if (typeof r === "object" && "error" in r) return String(r.error);
      return scalarOf(r as CellValue);
    }
    if ("text" in v && "hyperlink" in v) return scalarOf(v.text as CellValue);
  }
  return null;
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  const f = cell.formula;
  return f ? `=${f}` : null;
}

/** Snapshot of one worksheet's used range. */
export function snapshotWorksheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: { r: number; c: number; v: Scalar; f: string | null; nf: string | null }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged cell's slaves repeat the master's value in exceljs; keep it only in the master.
      if (cell.isMerged && cell.master !== cell) return;
      const v = scalarOf(cell.value);
      const f = formulaOf(cell);
      if (v === null && f === null) return;
      const nf = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ r, c, v, f, nf });
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  // exceljs keeps merges in a private map keyed by master cell; each entry's `range` is `B2:D2`.
  const mergeMap = (ws as unknown as { _merges?: Record<string, { range: string }> })._merges ?? {};
  const merges = Object.values(mergeMap).map((m) => m.range);
  const hiddenCols: number[] = [];
  const colCount = ws.columnCount;
  for (let c = 1; c <= colCount; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c - 1);

  if (cells.length === 0) {
    return {
      name: ws.name,
      top: 0,
      left: 0,
      values: [],
      merges,
      hiddenRows,
      hiddenCols,
      hidden: ws.state !== "visible",
    };
  }
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  let anyFormula = false;
  let anyFormat = false;
  for (const { r, c, v, f, nf } of cells) {
    const rr = r - top;
    const cc = c - left;
    (values[rr] ??= [])[cc] = v;
    if (f) {
      (formulas[rr] ??= [])[cc] = f;
      anyFormula = true;
    }
    if (nf) {
      (numberFormats[rr] ??= [])[cc] = nf;
      anyFormat = true;
    }
  }
  // Fill holes so that every row is a real array of Scalars (JSON-friendly, same as Office.js).
  for (let i = 0; i <= bottom - top; i++) {
    const row = (values[i] ??= []);
    for (let j = 0; j < row.length; j++) if (row[j] === undefined) row[j] = null;
  }
  const dense = <T>(m: (T | null)[][]): (T | null)[][] => {
    const out: (T | null)[][] = [];
    for (let i = 0; i <= bottom - top; i++) {
      const row = m[i] ?? [];
      out.push(Array.from({ length: row.length }, (_, j) => row[j] ?? null));
    }
    return out;
  };
  return {
    name: ws.name,
    top,
    left,
    values,
    ...(anyFormula ? { formulas: dense(formulas) } : {}),
    ...(anyFormat ? { numberFormats: dense(numberFormats) } : {}),
    merges,
    hiddenRows,
    hiddenCols,
    hidden: ws.state !== "visible",
  };
}

export function snapshotWorkbook(wb: ExcelJS.Workbook, skip?: (name: string) => boolean): SheetSnapshot[] {
  return wb.worksheets.filter((ws) => !skip?.(ws.name)).map(snapshotWorksheet);
}
