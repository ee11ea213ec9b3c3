/**
 * The workbook the fake holds: plain data, mutated only when a `context.sync()` executes queued
 * operations. Also holds Excel's input rules (what typing a value into a cell turns it into).
 */

import { FakeOfficeError } from "./fake-errors";
import { type Rect, MAX_COLS, intersects, isUnbounded, qualified } from "./fake-a1";

export type CellScalar = string | number | boolean | null;

export interface FakeCellStyle {
  bold?: boolean;
  italic?: boolean;
  /** `RangeFont.underline`: only `Single` is sent by the adapter. */
  underline?: boolean;
  fontColor?: string;
  size?: number;
  fill?: string;
  wrap?: boolean;
  /** Horizontal alignment (Excel's `Left`, `Center`, `Right`). */
  align?: "left" | "center" | "right";
  /** Colour of a continuous bottom border. */
  borderBottom?: string;
}

export interface FakeCell {
  /** Constant value, or the cached result of a formula (the fake does not calculate: null). */
  value: CellScalar;
  formula?: string;
  /** Absent means `General`. */
  numberFormat?: string;
  /** Absent means locked (Excel's default). */
  locked?: boolean;
  style?: FakeCellStyle;
  hyperlink?: FakeHyperlink;
}

/** `Excel.RangeHyperlink` (ExcelApi 1.7): a web `address` or a `documentReference` inside the workbook. */
export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
}

export interface FakeValidation {
  rect: Rect;
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  prompt?: { showPrompt: boolean; title?: string; message?: string };
  errorAlert?: { showAlert: boolean; style?: string; title?: string; message?: string };
}

export interface FakeConditionalFormat {
  id: number;
  rect: Rect;
  type: string;
  formula?: string;
  format: FakeCellStyle;
  priority: number;
  stopIfTrue: boolean;
}

export interface FakeChartSeries {
  name: string;
  /** Qualified absolute references, e.g. `'PIAO Pesi'!$B$2:$B$5`. */
  values?: string;
  xValues?: string;
}

export interface FakeChart {
  id: number;
  name: string;
  type: string;
  title?: string;
  series: FakeChartSeries[];
  valueAxis: { minimum?: number; numberFormat?: string };
  position?: { start: string; end?: string };
}

export interface FakeSheet {
  id: number;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor?: string;
  cells: Map<number, FakeCell>;
  merges: Rect[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  /** Column widths in points, by 0-based column. */
  columnWidths: Map<number, number>;
  /** Row heights in points, by 0-based row. */
  rowHeights: Map<number, number>;
  frozen?: { rows: number; cols: number };
  /** The range a user-style AutoFilter was applied to (the fake does not hide rows). */
  autoFilter?: Rect;
  protection: { protected: boolean; options?: Record<string, unknown>; password?: string };
  /** Unbounded ranges (`D:D`) whose lock flag was set; cells are checked against these too. */
  lockedRects: { rect: Rect; locked: boolean }[];
  validations: FakeValidation[];
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
}

export interface FakeTable {
  id: number;
  name: string;
  sheet: FakeSheet;
  rect: Rect;
  style: string;
  showHeaders: boolean;
}

export interface FakeName {
  name: string;
  /** Formula text, e.g. `='PIAO Spesa'!$C$5`. */
  formula: string;
  comment?: string;
  /** False for a name hidden from the Name Manager. */
  visible?: boolean;
}

export interface FakeWorkbookState {
  /** In tab order. */
  sheets: FakeSheet[];
  tables: FakeTable[];
  names: FakeName[];
  settings: Map<string, unknown>;
  activeSheet: FakeSheet | null;
  selection: { sheet: FakeSheet; rect: Rect } | null;
  nextId: number;
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual";
  /** `Application.calculate` calls, by type, in order. */
  calculations: string[];
}

export function newWorkbookState(): FakeWorkbookState {
  return {
    sheets: [],
    tables: [],
    names: [],
    settings: new Map(),
    activeSheet: null,
    selection: null,
    nextId: 1,
    calculationMode: "Automatic",
    calculations: [],
  };
}

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}

// ---------------------------------------------------------------------------------------------
// Sheets

const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/;

export function checkSheetName(name: string): void {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    FORBIDDEN_SHEET_CHARS.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history"
  ) {
    throw new FakeOfficeError("InvalidArgument", `The sheet name '${name}' is not valid.`, "Worksheet.name");
  }
}

export function findSheet(state: FakeWorkbookState, name: string): FakeSheet | undefined {
  const n = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === n);
}

export function addSheet(state: FakeWorkbookState, name?: string): FakeSheet {
  let finalName = name;
  if (finalName === undefined) {
    let i = state.sheets.length + 1;
    while (findSheet(state, `Sheet${i}`)) i++;
    finalName = `Sheet${i}`;
  }
  checkSheetName(finalName);
  if (findSheet(state, finalName)) {
    throw new FakeOfficeError(
      "ItemAlreadyExists",
      `A sheet named '${finalName}' already exists.`,
      "WorksheetCollection.add",
    );
  }
  const sheet: FakeSheet = {
    id: state.nextId++,
    name: finalName,
    visibility: "Visible",
    cells: new Map(),
    merges: [],
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    protection: { protected: false },
    lockedRects: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
  state.sheets.push(sheet);
  if (!state.activeSheet) state.activeSheet = sheet;
  return sheet;
}

/** Deletes a sheet the way Excel does: its tables and charts go with it; names pointing at it become #REF!. */
export function deleteSheet(state: FakeWorkbookState, sheet: FakeSheet): void {
  if (sheet.visibility === "VeryHidden") {
    // By design: a very hidden sheet must be made visible or hidden first (office-js #365).
    throw new FakeOfficeError(
      "InvalidOperation",
      "A very hidden worksheet cannot be deleted.",
      "Worksheet.delete",
    );
  }
  const visibleOthers = state.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
  if (visibleOthers.length === 0) {
    // Excel refuses to delete the last visible sheet (a workbook needs one). The exact code is unverified.
    throw new FakeOfficeError(
      "InvalidOperation",
      "A workbook must contain at least one visible worksheet.",
      "Worksheet.delete",
    );
  }
  state.sheets = state.sheets.filter((s) => s !== sheet);
  state.tables = state.tables.filter((t) => t.sheet !== sheet);
  const prefixes = [`'${sheet.name.replace(/'/g, "''")}'!`, `${sheet.name}!`];
  for (const n of state.names) {
    for (const p of prefixes) {
      if (n.formula.includes(p)) n.formula = n.formula.split(p).join("#REF!");
    }
  }
  if (state.activeSheet === sheet) state.activeSheet = visibleOthers[0];
  if (state.selection?.sheet === sheet) state.selection = null;
}

export function sheetAlive(state: FakeWorkbookState, sheet: FakeSheet): void {
  if (!state.sheets.includes(sheet)) {
    throw new FakeOfficeError("ItemNotFound", `The worksheet '${sheet.name}' no longer exists.`, "Worksheet");
  }
}

// ---------------------------------------------------------------------------------------------
// Cells

export function getCell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
  return sheet.cells.get(cellKey(row, col));
}

export function ensureCell(sheet: FakeSheet, row: number, col: number): FakeCell {
  const k = cellKey(row, col);
  let c = sheet.cells.get(k);
  if (!c) {
    c = { value: null };
    sheet.cells.set(k, c);
  }
  return c;
}

/** Drops a cell that carries nothing but defaults, so that the used range stays honest. */
export function pruneCell(sheet: FakeSheet, row: number, col: number): void {
  const k = cellKey(row, col);
  const c = sheet.cells.get(k);
  if (!c) return;
  const styleEmpty = !c.style || Object.keys(c.style).length === 0;
  if (
    c.value === null &&
    c.formula === undefined &&
    c.numberFormat === undefined &&
    c.locked === undefined &&
    c.hyperlink === undefined &&
    styleEmpty
  ) {
    sheet.cells.delete(k);
  }
}

export function isLocked(sheet: FakeSheet, row: number, col: number): boolean {
  const c = getCell(sheet, row, col);
  if (c?.locked !== undefined) return c.locked;
  let locked = true;
  for (const lr of sheet.lockedRects) {
    if (row >= lr.rect.top && row <= lr.rect.bottom && col >= lr.rect.left && col <= lr.rect.right) {
      locked = lr.locked;
    }
  }
  return locked;
}

/** Throws like Excel when an operation would change a locked cell of a protected sheet. */
export function checkWritable(sheet: FakeSheet, rect: Rect, where: string): void {
  if (!sheet.protection.protected) return;
  if (isUnbounded(rect)) {
    throw new FakeOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`, where);
  }
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (isLocked(sheet, r, c)) {
        throw new FakeOfficeError(
          "AccessDenied",
          `The cell you're trying to change is on a protected sheet ('${sheet.name}').`,
          where,
        );
      }
    }
  }
}

/**
 * Sorting and filtering, as a user does them: on a protected sheet Excel refuses both over a range holding
 * any locked cell, whatever `allowSort`/`allowAutoFilter` say ("users can't sort ranges that contain locked
 * cells on a protected worksheet, regardless of this setting",
 * https://support.microsoft.com/office/protect-a-worksheet-3179efdb-1285-4d49-a9c3-f4ca36276de6).
 */
export function checkSortFilter(sheet: FakeSheet, rect: Rect, option: "allowSort" | "allowAutoFilter"): void {
  const p = sheet.protection;
  if (!p.protected) return;
  let locked = false;
  for (let r = rect.top; r <= rect.bottom && !locked; r++)
    for (let c = rect.left; c <= rect.right && !locked; c++) locked = isLocked(sheet, r, c);
  if (locked || !p.options?.[option]) {
    throw new FakeOfficeError(
      "AccessDenied",
      `The range contains locked cells on the protected sheet '${sheet.name}'.`,
      option === "allowSort" ? "RangeSort.apply" : "AutoFilter.apply",
    );
  }
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;

/**
 * What Excel stores when `input` is written to a cell through `values` or `formulas` (it behaves as if
 * the user typed it): `=…` becomes a formula; `+…`, `-…` and `@…` that are not numbers are taken as
 * formulas too (`-note` becomes `=-note`, an error in Excel); numeric text becomes a number; TRUE/FALSE
 * become booleans. A cell whose number format is Text (`@`) stores the input unchanged as text.
 * Locale: the fake parses like en-US (`.` decimal separator) and ignores dates.
 */
export function writeInput(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // null in a 2-D array leaves the cell unchanged
  if (typeof input === "number") {
    if (!Number.isFinite(input)) {
      throw new FakeOfficeError("InvalidArgument", "Numbers must be finite.", "Range.values");
    }
    cell.value = input;
    cell.formula = undefined;
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    cell.formula = undefined;
    return;
  }
  if (typeof input !== "string") {
    throw new FakeOfficeError("InvalidArgument", `Unsupported cell input: ${typeof input}`, "Range.values");
  }
  cell.formula = undefined;
  if (input === "") {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = input;
    return;
  }
  const t = input.trim();
  if (NUMBER_TEXT.test(t)) {
    cell.value = Number(t);
    return;
  }
  if (PERCENT_TEXT.test(t)) {
    cell.value = Number(t.slice(0, -1)) / 100;
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === "true";
    return;
  }
  if (input.length > 1 && input.startsWith("=")) {
    cell.formula = input;
    cell.value = null;
    return;
  }
  if (input.length > 1 && (input.startsWith("+") || input.startsWith("-") || input.startsWith("@"))) {
    cell.formula = `=${input}`;
    cell.value = null;
    return;
  }
  cell.value = input;
}

/** `values` as Excel returns it: "" for empty cells, the (uncalculated: null → "") result for formulas. */
export function readValue(cell: FakeCell | undefined): CellScalar {
  if (!cell || cell.value === null) return "";
  return cell.value;
}

/** `formulas` as Excel returns it: the formula, else the constant; text stored as text comes back as is. */
export function readFormula(cell: FakeCell | undefined): CellScalar {
  if (!cell) return "";
  if (cell.formula !== undefined) return cell.formula;
  return cell.value === null ? "" : cell.value;
}

export function readNumberFormat(cell: FakeCell | undefined): string {
  return cell?.numberFormat ?? "General";
}

/** Bounding box of cells with content (valuesOnly) or with content or formatting; null when empty. */
export function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, c] of sheet.cells) {
    const hasContent = c.value !== null || c.formula !== undefined;
    if (!hasContent && valuesOnly) continue;
    const r = keyRow(k);
    const col = keyCol(k);
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (col < left) left = col;
    if (col > right) right = col;
  }
  if (bottom < 0) return null;
  return { top, left, bottom, right };
}

export function mergesIn(sheet: FakeSheet, rect: Rect): Rect[] {
  return sheet.merges.filter((m) => intersects(m, rect));
}

export function tableAt(state: FakeWorkbookState, sheet: FakeSheet, rect: Rect): FakeTable | undefined {
  return state.tables.find((t) => t.sheet === sheet && intersects(t.rect, rect));
}

export function nameTaken(state: FakeWorkbookState, name: string): boolean {
  const n = name.toLowerCase();
  return (
    state.names.some((x) => x.name.toLowerCase() === n) ||
    state.tables.some((t) => t.name.toLowerCase() === n)
  );
}

/** Excel's rules for defined names and table names (simplified: ASCII letters, digits, `_`, `.`, `\`). */
export function checkIdentifier(name: string, what: string): void {
  const ok =
    typeof name === "string" &&
    name.length > 0 &&
    name.length <= 255 &&
    /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d{1,7}$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  if (!ok) throw new FakeOfficeError("InvalidArgument", `'${name}' is not a valid ${what} name.`, what);
}

export function qualifiedAddress(sheet: FakeSheet, rect: Rect, absolute = false): string {
  return qualified(sheet.name, rect, absolute);
}
