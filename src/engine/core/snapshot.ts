/**
 * A plain picture of one worksheet as a host adapter read it. Both adapters (Excel add-in and exceljs)
 * produce exactly this shape, so everything after reading is host-independent.
 */

/** A cell's value. Error values (`#REF!`, `#N/D`, …) arrive as their text; dates as Excel serial numbers. */
export type Scalar = string | number | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** 0-based row of values[0][0] in the sheet (the used range may not start at A1). */
  top: number;
  /** 0-based column of values[0][0] in the sheet. */
  left: number;
  /** Values of the used range, row by row; shorter rows mean empty cells at the end. */
  values: Scalar[][];
  /** Formula text (`=SUM(A1:A3)`) where a cell holds a formula, same indexing as `values`; optional. */
  formulas?: (string | null)[][];
  /** Number format of each cell where it is not `General`, same indexing as `values`; optional. */
  numberFormats?: (string | null)[][];
  /** Merged areas in A1 notation (`B2:D2`). */
  merges: string[];
  /** Hidden rows and columns, 0-based sheet indexes. */
  hiddenRows: number[];
  hiddenCols: number[];
  /** Whether the whole sheet is hidden. */
  hidden?: boolean;
}

/**
 * The workbook's names, beside its sheets: defined names (workbook scope only) with their formula text
 * (`'PIAO Obiettivi'!$A$1`, no leading `=`), and tables with the sheet that holds each. Re-runs use them to
 * tell the add-in's sheets from the user's and to avoid every name collision (Excel compares names without
 * regard to case).
 */
export interface WorkbookNames {
  names: { name: string; formula: string }[];
  tables: { name: string; sheet: string }[];
}

/** Text a cell shows for detection purposes: numbers as plain digits, empty for null. */
export function cellText(v: Scalar): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  return String(v);
}

const ERROR_VALUES = new Set([
  "#REF!",
  "#N/A",
  "#N/D",
  "#VALUE!",
  "#VALORE!",
  "#DIV/0!",
  "#NAME?",
  "#NOME?",
  "#NUM!",
  "#NULL!",
  "#NULLO!",
  "#RIF!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
]);

/** True for Excel error values in English or Italian (`#REF!`, `#RIF!`, `#N/D`, …). */
export function isErrorValue(v: Scalar): boolean {
  if (typeof v !== "string") return false;
  // Every error value starts with `#`: other texts are ruled out without an upper-case copy of each.
  const t = v.trim();
  return t.charCodeAt(0) === 35 && ERROR_VALUES.has(t.toUpperCase());
}

/** Value at an absolute 0-based position of the sheet, or null outside the used range. */
export function valueAt(sheet: SheetSnapshot, row: number, col: number): Scalar {
  const r = sheet.values[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined ? null : v;
}

export function numberFormatAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  const r = sheet.numberFormats?.[row - sheet.top];
  if (!r) return null;
  return r[col - sheet.left] ?? null;
}

export function formulaAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  const r = sheet.formulas?.[row - sheet.top];
  if (!r) return null;
  return r[col - sheet.left] ?? null;
}

/** Number of rows and of columns the snapshot covers (its used range). */
export function extent(sheet: SheetSnapshot): { rows: number; cols: number } {
  let cols = 0;
  for (const r of sheet.values) if (r.length > cols) cols = r.length;
  return { rows: sheet.values.length, cols };
}
