/**
 * Range-level proxies of the fake: Range, its format (font, fill, protection), data validation,
 * conditional formats and RangeAreas.
 */

import { FakeOfficeError } from "./fake-errors";
import {
  type Rect,
  MAX_COLS,
  MAX_ROWS,
  cellCount,
  cols,
  contains,
  intersects,
  isUnbounded,
  parseLocal,
  rectA1,
  rows,
  sameRect,
  splitSheet,
} from "./fake-a1";
import { FakeClientObject, FakeCollection, type FakeRuntime } from "./fake-runtime";
import {
  type FakeCellStyle,
  type FakeConditionalFormat,
  type FakeSheet,
  type FakeValidation,
  type FakeWorkbookState,
  cellKey,
  checkSortFilter,
  checkWritable,
  ensureCell,
  getCell,
  keyCol,
  keyRow,
  pruneCell,
  qualifiedAddress,
  readFormula,
  readNumberFormat,
  readValue,
  sheetAlive,
  usedRect,
  writeInput,
} from "./fake-state";
import { FakeWorksheet } from "./fake-workbook";

/** Merged areas `getMergedAreasOrNullObject` returns at most. */
export const MAX_MERGED_AREAS = 512;

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

/** Parses an address relative to a sheet (a sheet part, if any, must name that sheet). */
export function rectOn(sheet: FakeSheet, address: string): Rect {
  const { sheet: s, local } = splitSheet(address);
  if (s !== null && s.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new FakeOfficeError("InvalidArgument", `'${address}' is not on sheet '${sheet.name}'.`, "getRange");
  }
  return parseLocal(local);
}

function checkRect(r: Rect, where: string): Rect {
  if (
    r.top < 0 ||
    r.left < 0 ||
    r.bottom >= MAX_ROWS ||
    r.right >= MAX_COLS ||
    r.bottom < r.top ||
    r.right < r.left
  ) {
    throw new FakeOfficeError("InvalidArgument", "The range is outside the grid.", where);
  }
  return r;
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  protected readonly _typeName = "Range";
  private _format?: FakeRangeFormat;
  private _dv?: FakeDataValidation;
  private _cfs?: FakeConditionalFormatCollection;

  /** Current target, checking that its sheet still exists (inside a sync). */
  _live(): RangeTarget {
    const t = this._target();
    sheetAlive(this._wb, t.sheet);
    return t;
  }

  private _child(method: string, args: unknown[], f: (t: RangeTarget) => Rect | null, nullable = false) {
    const r = new FakeRange(this.context, this._rt);
    return r._createdBy(
      this,
      method,
      args,
      () => {
        const t = this._live();
        const rect = f(t);
        return rect ? { sheet: t.sheet, rect: checkRect(rect, `Range.${method}`) } : null;
      },
      nullable,
    );
  }

  // --- navigation -------------------------------------------------------------------------------

  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, this._rt, this, () => this._live()));
  }

  get dataValidation(): FakeDataValidation {
    return (this._dv ??= new FakeDataValidation(this.context, this._rt, this, () => this._live()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this._cfs ??= new FakeConditionalFormatCollection(this.context, this._rt, this, () =>
      this._live(),
    ));
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this._rt, this, () => this._live().sheet);
  }

  /** ExcelApi 1.2. */
  get sort(): FakeRangeSort {
    return new FakeRangeSort(this.context, this._rt, this, () => this._live());
  }

  override _nav(prop: string): FakeClientObject | undefined {
    if (prop === "format") return this.format;
    if (prop === "dataValidation") return this.dataValidation;
    if (prop === "worksheet") return this.worksheet;
    return undefined;
  }

  // --- properties -------------------------------------------------------------------------------

  override _scalarProps(): string[] {
    return [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "cellCount",
      "values",
      "formulas",
      "numberFormat",
    ];
  }

  override _read(prop: string): unknown {
    const { sheet, rect } = this._live();
    const grid = (f: (r: number, c: number) => unknown) => {
      // Documented: reads of more than 5 million cells (or unbounded ranges) return null.
      if (isUnbounded(rect) || cellCount(rect) > this._rt.limits.readCells) return null;
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case "address":
        return qualifiedAddress(sheet, rect);
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rows(rect);
      case "columnCount":
        return cols(rect);
      case "cellCount":
        return cellCount(rect);
      case "isEntireColumn":
        return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
      case "isEntireRow":
        return rect.left === 0 && rect.right === MAX_COLS - 1;
      case "values":
        return grid((r, c) => readValue(getCell(sheet, r, c)));
      case "formulas":
        return grid((r, c) => readFormula(getCell(sheet, r, c)));
      case "numberFormat":
        return grid((r, c) => readNumberFormat(getCell(sheet, r, c)));
      case "text":
        return grid((r, c) => String(readValue(getCell(sheet, r, c))));
      case "rowHidden":
        return tri(rect.top, rect.bottom, (i) => sheet.hiddenRows.has(i));
      case "columnHidden":
        return tri(rect.left, rect.right, (i) => sheet.hiddenCols.has(i));
      default:
        return super._read(prop);
    }
  }

  get address(): string {
    return this._get("address");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._writeCells("values", v);
  }

  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._writeCells("formulas", v);
  }

  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._writeCells("numberFormat", v);
  }

  get rowHidden(): boolean | null {
    return this._get("rowHidden");
  }
  set rowHidden(v: boolean) {
    this._set("rowHidden", v, () => {
      const { rect, sheet } = this._live();
      for (let r = rect.top; r <= rect.bottom; r++) {
        if (v) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    });
  }

  get columnHidden(): boolean | null {
    return this._get("columnHidden");
  }
  set columnHidden(v: boolean) {
    this._set("columnHidden", v, () => {
      const { rect, sheet } = this._live();
      for (let c = rect.left; c <= rect.right; c++) {
        if (v) sheet.hiddenCols.add(c);
        else sheet.hiddenCols.delete(c);
      }
    });
  }

  /** ExcelApi 1.7. Setting it links every cell of the range; `textToDisplay` goes into the top-left cell. */
  set hyperlink(v: Excel.RangeHyperlink) {
    this._set("hyperlink", v, () => {
      this._rt.requireApi("1.7", "Range.hyperlink");
      const { sheet, rect } = this._live();
      checkWritable(sheet, rect, "Range.hyperlink");
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++)
          setHyperlink(this._wb, sheet, r, c, v, r === rect.top && c === rect.left);
    });
  }

  /**
   * ExcelApi 1.9. Per-cell properties as a 2-D array of the range's size; the fake models `hyperlink`
   * only (https://learn.microsoft.com/javascript/api/excel/excel.settablecellproperties).
   */
  setCellProperties(cellPropertiesData: Excel.SettableCellProperties[][]): void {
    this._call("setCellProperties", [cellPropertiesData], () => {
      this._rt.requireApi("1.9", "Range.setCellProperties");
      const { sheet, rect } = this._live();
      const grid = cellPropertiesData;
      if (grid.length !== rows(rect) || grid.some((row) => row.length !== cols(rect))) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the range.",
          "Range.setCellProperties",
        );
      }
      checkWritable(sheet, rect, "Range.setCellProperties");
      grid.forEach((row, i) =>
        row.forEach((p, j) => {
          const keys = Object.keys(p).filter((k) => p[k as keyof typeof p] !== undefined);
          if (keys.some((k) => k !== "hyperlink")) {
            throw new FakeOfficeError(
              "NotImplemented",
              `The fake models only hyperlink in setCellProperties (got ${keys.join(", ")}).`,
              "Range.setCellProperties",
            );
          }
          if (p.hyperlink) setHyperlink(this._wb, sheet, rect.top + i, rect.left + j, p.hyperlink, true);
        }),
      );
    });
  }

  get formulasLocal(): never {
    throw new FakeOfficeError(
      "NotImplemented",
      "The fake does not model formulasLocal: use formulas.",
      "Range",
    );
  }

  private _writeCells(kind: "values" | "formulas" | "numberFormat", input: unknown[][]): void {
    this._set(
      kind,
      input,
      () => {
        const { sheet, rect } = this._live();
        if (isUnbounded(rect)) {
          throw new FakeOfficeError(
            "InvalidArgument",
            `Cannot set ${kind} on an unbounded range.`,
            `Range.${kind}`,
          );
        }
        const grid = Array.isArray(input) ? input : rows(rect) === 1 && cols(rect) === 1 ? [[input]] : null;
        if (
          !grid ||
          grid.length !== rows(rect) ||
          grid.some((row) => !Array.isArray(row) || row.length !== cols(rect))
        ) {
          throw new FakeOfficeError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rectA1(rect)}).`,
            `Range.${kind}`,
          );
        }
        // Check every cell first so that a rejected write changes nothing.
        if (sheet.protection.protected) {
          for (let i = 0; i < grid.length; i++) {
            for (let j = 0; j < grid[i].length; j++) {
              if (grid[i][j] !== null) {
                checkWritable(
                  sheet,
                  { top: rect.top + i, bottom: rect.top + i, left: rect.left + j, right: rect.left + j },
                  `Range.${kind}`,
                );
              }
            }
          }
        }
        for (let i = 0; i < grid.length; i++) {
          for (let j = 0; j < grid[i].length; j++) {
            const v = grid[i][j];
            if (v === null || v === undefined) continue;
            const r = rect.top + i;
            const c = rect.left + j;
            const cell = ensureCell(sheet, r, c);
            if (kind === "numberFormat") {
              if (typeof v !== "string") {
                throw new FakeOfficeError(
                  "InvalidArgument",
                  "Number formats must be strings.",
                  "Range.numberFormat",
                );
              }
              cell.numberFormat = v === "" || v === "General" ? undefined : v;
            } else {
              writeInput(cell, v);
              if (cell.formula !== undefined) checkStructuredRefs(this._wb, sheet, r, c, cell.formula);
            }
            pruneCell(sheet, r, c);
          }
        }
        if (kind !== "numberFormat") tableAutoCorrect(this._wb, sheet, rect, grid);
      },
      true,
    );
  }

  // --- methods returning ranges -------------------------------------------------------------------

  getCell(row: number, column: number): FakeRange {
    return this._child("getCell", [row, column], ({ rect }) => {
      const r = rect.top + row;
      const c = rect.left + column;
      return { top: r, bottom: r, left: c, right: c };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._child("getResizedRange", [deltaRows, deltaColumns], ({ rect }) => ({
      ...rect,
      bottom: rect.bottom + deltaRows,
      right: rect.right + deltaColumns,
    }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this._child("getAbsoluteResizedRange", [numRows, numColumns], ({ rect }) => {
      this._rt.requireApi("1.7", "Range.getAbsoluteResizedRange");
      return { ...rect, bottom: rect.top + numRows - 1, right: rect.left + numColumns - 1 };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._child("getOffsetRange", [rowOffset, columnOffset], ({ rect }) => ({
      top: rect.top + rowOffset,
      bottom: rect.bottom + rowOffset,
      left: rect.left + columnOffset,
      right: rect.right + columnOffset,
    }));
  }

  getRow(row: number): FakeRange {
    return this._child("getRow", [row], ({ rect }) => ({
      ...rect,
      top: rect.top + row,
      bottom: rect.top + row,
    }));
  }

  getColumn(column: number): FakeRange {
    return this._child("getColumn", [column], ({ rect }) => ({
      ...rect,
      left: rect.left + column,
      right: rect.left + column,
    }));
  }

  getEntireColumn(): FakeRange {
    return this._child("getEntireColumn", [], ({ rect }) => ({ ...rect, top: 0, bottom: MAX_ROWS - 1 }));
  }

  getEntireRow(): FakeRange {
    return this._child("getEntireRow", [], ({ rect }) => ({ ...rect, left: 0, right: MAX_COLS - 1 }));
  }

  /**
   * ExcelApi 1.13. Null object when the range contains no merged cells. Like Excel, only the areas whose
   * top-left cell is inside the range are returned (https://github.com/OfficeDev/office-js/issues/3611),
   * and more than 512 of them fail the request (the limit quoted in issue 19; the error code Excel uses
   * is unverified, docs/excel-checklist.md step 18 records it).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const a = new FakeRangeAreas(this.context, this._rt);
    return a._createdBy(
      this,
      "getMergedAreasOrNullObject",
      [],
      () => {
        this._rt.requireApi("1.13", "Range.getMergedAreasOrNullObject");
        const { sheet, rect } = this._live();
        const found = sheet.merges.filter((m) =>
          contains(rect, { top: m.top, left: m.left, bottom: m.top, right: m.left }),
        );
        if (found.length > MAX_MERGED_AREAS) {
          throw new FakeOfficeError(
            "GeneralException",
            `The range has ${found.length} merged areas; at most ${MAX_MERGED_AREAS} can be returned.`,
            "Range.getMergedAreasOrNullObject",
          );
        }
        return found.length ? { sheet, rects: found } : null;
      },
      true,
    );
  }

  /**
   * ExcelApi 1.9. The cells of this range of a kind (`Constants`, `Formulas`, `Visible`, `Blanks`),
   * optionally of a value type (`Numbers`, `Text`, `Logical`, `Errors` or a combination such as
   * `NumbersText`, or `All`), as rectangular areas. Throws `ItemNotFound` when there is none, like Excel.
   * How Excel splits the cells into areas is not documented; the fake takes maximal runs along each
   * row and stacks identical runs of consecutive rows.
   */
  getSpecialCells(cellType: string, cellValueType?: string): FakeRangeAreas {
    return this._special("getSpecialCells", cellType, cellValueType, false);
  }

  /** ExcelApi 1.9. Like `getSpecialCells`, but a null object when no cell qualifies. */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): FakeRangeAreas {
    return this._special("getSpecialCellsOrNullObject", cellType, cellValueType, true);
  }

  private _special(
    method: string,
    cellType: string,
    cellValueType: string | undefined,
    nullable: boolean,
  ): FakeRangeAreas {
    const a = new FakeRangeAreas(this.context, this._rt);
    const args = cellValueType === undefined ? [cellType] : [cellType, cellValueType];
    return a._createdBy(
      this,
      method,
      args,
      () => {
        this._rt.requireApi("1.9", `Range.${method}`);
        const { sheet, rect } = this._live();
        const found = specialCells(sheet, rect, cellType, cellValueType ?? "All");
        return found.length ? { sheet, rects: found } : null;
      },
      nullable,
    );
  }

  // --- actions ------------------------------------------------------------------------------------

  merge(across = false): void {
    this._call("merge", [across], () => {
      const { sheet, rect } = this._live();
      checkWritable(sheet, rect, "Range.merge");
      if (this._wb.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect))) {
        throw new FakeOfficeError("InvalidOperation", "Cells in a table can't be merged.", "Range.merge");
      }
      const areas: Rect[] = across
        ? Array.from({ length: rows(rect) }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i }))
        : [rect];
      for (const a of areas) {
        if (cellCount(a) < 2) continue;
        sheet.merges = sheet.merges.filter((m) => !intersects(m, a));
        // Excel keeps only the upper-left value of a merged area.
        for (const [k] of sheet.cells) {
          const r = keyRow(k);
          const c = keyCol(k);
          if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right && !(r === a.top && c === a.left)) {
            const cell = sheet.cells.get(k)!;
            cell.value = null;
            cell.formula = undefined;
            pruneCell(sheet, r, c);
          }
        }
        sheet.merges.push(a);
      }
    });
  }

  unmerge(): void {
    this._call("unmerge", [], () => {
      const { sheet, rect } = this._live();
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  select(): void {
    this._call("select", [], () => {
      const { sheet, rect } = this._live();
      if (sheet.visibility !== "Visible") {
        throw new FakeOfficeError(
          "InvalidSelection",
          "Cannot select a range on a hidden sheet.",
          "Range.select",
        );
      }
      this._wb.activeSheet = sheet;
      this._wb.selection = { sheet, rect };
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this._call("clear", [applyTo], () => {
      const { sheet, rect } = this._live();
      checkWritable(sheet, rect, "Range.clear");
      for (const [k, cell] of [...sheet.cells]) {
        const r = keyRow(k);
        const c = keyCol(k);
        if (r < rect.top || r > rect.bottom || c < rect.left || c > rect.right) continue;
        if (applyTo !== "Formats") {
          cell.value = null;
          cell.formula = undefined;
        }
        if (applyTo !== "Contents") {
          cell.numberFormat = undefined;
          cell.style = undefined;
        }
        pruneCell(sheet, r, c);
      }
    });
  }
}

/**
 * Moves the relative row references of an A1 formula by `dRows` (as filling it down does). String
 * literals and structured references (`[…]`) are left alone; `$` rows stay.
 */
function shiftRows(formula: string, dRows: number): string {
  return formula
    .split(/("(?:[^"]|"")*"|\[(?:[^[\]]|\[[^[\]]*\])*\])/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z0-9_.])(\$?[A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
            (m, col: string, abs: string, row: string) =>
              abs ? m : `${col}${Math.max(1, Number(row) + dRows)}`,
          ),
    )
    .join("");
}

/**
 * Excel's table AutoCorrect ("Fill formulas in tables to create calculated columns") acts on API
 * writes too (office-js #2093 "by design", #5909, #6745): a formula written into PART of a table's data
 * column whose other cells hold no formula, or one formula (the same once filled down), becomes the
 * column's calculated formula and is filled into every data cell of the column that is empty or holds a
 * formula. It does not happen when the write covers the whole data column, nor when the rest of the
 * column already holds two or more different formulas. The first formula written (top-most) wins.
 */
function tableAutoCorrect(wb: FakeWorkbookState, sheet: FakeSheet, rect: Rect, grid: unknown[][]): void {
  for (const t of wb.tables) {
    const top = t.rect.top + 1;
    const bottom = t.rect.bottom;
    if (t.sheet !== sheet || top > bottom || !intersects(t.rect, rect)) continue;
    if (rect.top <= top && rect.bottom >= bottom) continue; // the whole data column at once
    for (let c = Math.max(rect.left, t.rect.left); c <= Math.min(rect.right, t.rect.right); c++) {
      let src: { r: number; f: string } | undefined;
      for (let r = Math.max(rect.top, top); r <= Math.min(rect.bottom, bottom) && !src; r++) {
        const f = getCell(sheet, r, c)?.formula;
        if (f !== undefined && grid[r - rect.top][c - rect.left] !== null) src = { r, f };
      }
      if (!src) continue;
      const others = new Set<string>();
      for (let r = top; r <= bottom; r++) {
        const f = getCell(sheet, r, c)?.formula;
        if ((r < rect.top || r > rect.bottom) && f !== undefined) others.add(shiftRows(f, top - r));
      }
      if (others.size >= 2) continue;
      for (let r = top; r <= bottom; r++) {
        const cell = ensureCell(sheet, r, c);
        if (cell.formula === undefined && cell.value !== null) continue; // constants stay
        cell.formula = shiftRows(src.f, r - src.r);
        cell.value = null;
      }
    }
  }
}

/**
 * A hyperlink on one cell. A `documentReference` must be a sheet-qualified cell or range of this
 * workbook (Excel's "Place in This Document" link); `textToDisplay` replaces the cell's text, stored as
 * text (https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink).
 */
function setHyperlink(
  wb: FakeWorkbookState,
  sheet: FakeSheet,
  r: number,
  c: number,
  link: Excel.RangeHyperlink,
  showText: boolean,
): void {
  const bad = (why: string) => new FakeOfficeError("InvalidArgument", why, "Range.hyperlink");
  if (!link.address && !link.documentReference)
    throw bad("A hyperlink needs an address or a documentReference.");
  if (link.documentReference) {
    const { sheet: target, local } = splitSheet(link.documentReference);
    if (target === null || !wb.sheets.some((s) => s.name.toLowerCase() === target.toLowerCase()))
      throw bad(`'${link.documentReference}' does not name a sheet of this workbook.`);
    parseLocal(local);
  }
  const cell = ensureCell(sheet, r, c);
  cell.hyperlink = {
    ...(link.address ? { address: link.address } : {}),
    ...(link.documentReference ? { documentReference: link.documentReference } : {}),
    ...(link.screenTip ? { screenTip: link.screenTip } : {}),
  };
  if (showText && link.textToDisplay !== undefined) {
    cell.value = link.textToDisplay === "" ? null : link.textToDisplay;
    cell.formula = undefined;
  }
}

/** The first table a formula (its string literals blanked) refers to that the workbook does not have. */
export function missingTable(wb: FakeWorkbookState, code: string): string | undefined {
  for (const m of code.matchAll(/([A-Za-z_\\][A-Za-z0-9_.\\]*)\[/g)) {
    if (!wb.tables.some((t) => t.name.toLowerCase() === m[1].toLowerCase())) return m[1];
  }
  return undefined;
}

/**
 * Excel rejects a formula whose structured reference does not resolve: `[@Col]` outside a table, or
 * `Name[Col]` when no table is called Name (so tables must exist before such formulas are written).
 */
function checkStructuredRefs(
  wb: FakeWorkbookState,
  sheet: FakeSheet,
  r: number,
  c: number,
  formula: string,
): void {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  if (!code.includes("[")) return;
  const bad = (why: string) =>
    new FakeOfficeError("InvalidArgument", `Invalid formula ${formula}: ${why}.`, "Range.formulas");
  const inTable = wb.tables.some(
    (t) =>
      t.sheet === sheet && r >= t.rect.top && r <= t.rect.bottom && c >= t.rect.left && c <= t.rect.right,
  );
  if (/\[@|\[#This Row\]/i.test(code) && !inTable) throw bad("a this-row reference outside a table");
  const missing = missingTable(wb, code);
  if (missing) throw bad(`no table named ${missing}`);
  // A single-bracket column specifier whose header has special characters (anything but letters,
  // digits, `_` and spaces alone) must be written `Table[[Header]]`: "Use brackets around column headers
  // with special characters", https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
  for (const m of code.matchAll(/[A-Za-z_\\][A-Za-z0-9_.\\]*\[([^[\]]*(?:'[[\]#'][^[\]]*)*)\]/g)) {
    const header = m[1];
    if (header.startsWith("#") || header.startsWith("@")) continue;
    if (/[^\p{L}\p{N}_ ]/u.test(header)) throw bad(`the header '${header}' needs [[…]]`);
  }
}

const ERROR_LITERAL = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;

function valueTypeMatches(v: unknown, valueType: string): boolean {
  if (valueType === "All") return true;
  if (typeof v === "number") return valueType.includes("Number");
  if (typeof v === "boolean") return valueType.includes("Logical");
  if (typeof v === "string") {
    if (ERROR_LITERAL.test(v)) return valueType.includes("Error");
    return valueType.includes("Text");
  }
  return false;
}

/** Runs of consecutive indexes, as [from, to] pairs. */
function runsOf(sorted: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

/** Cells grouped into areas: maximal runs along each row, identical runs of consecutive rows stacked. */
function areasOf(keys: { r: number; c: number }[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const { r, c } of keys) {
    const list = byRow.get(r) ?? [];
    list.push(c);
    byRow.set(r, list);
  }
  const out: Rect[] = [];
  let open = new Map<string, Rect>();
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const next = new Map<string, Rect>();
    for (const [left, right] of runsOf(byRow.get(r)!.sort((a, b) => a - b))) {
      const key = `${left}:${right}`;
      const prev = open.get(key);
      if (prev && prev.bottom === r - 1) {
        prev.bottom = r;
        next.set(key, prev);
      } else {
        const rect = { top: r, bottom: r, left, right };
        out.push(rect);
        next.set(key, rect);
      }
    }
    open = next;
  }
  return out;
}

function specialCells(sheet: FakeSheet, rect: Rect, cellType: string, valueType: string): Rect[] {
  const inRect = (r: number, c: number) =>
    r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right;
  if (cellType === "Constants" || cellType === "Formulas") {
    const keys: { r: number; c: number }[] = [];
    for (const [k, cell] of sheet.cells) {
      const r = keyRow(k);
      const c = keyCol(k);
      if (!inRect(r, c)) continue;
      const isFormula = cell.formula !== undefined;
      if (cellType === "Formulas" ? !isFormula : isFormula || cell.value === null) continue;
      // The fake does not calculate: a formula's type is that of its stored (seeded) result.
      if (!valueTypeMatches(cell.value, valueType)) continue;
      keys.push({ r, c });
    }
    return areasOf(keys);
  }
  // Visible and Blanks look only inside the used range, as Excel does for a whole-sheet range.
  const used = usedRect(sheet, false);
  if (!used || !intersects(used, rect)) return [];
  const box = {
    top: Math.max(used.top, rect.top),
    bottom: Math.min(used.bottom, rect.bottom),
    left: Math.max(used.left, rect.left),
    right: Math.min(used.right, rect.right),
  };
  if (cellType === "Visible") {
    const rowsV: number[] = [];
    for (let r = box.top; r <= box.bottom; r++) if (!sheet.hiddenRows.has(r)) rowsV.push(r);
    const colsV: number[] = [];
    for (let c = box.left; c <= box.right; c++) if (!sheet.hiddenCols.has(c)) colsV.push(c);
    const out: Rect[] = [];
    for (const [top, bottom] of runsOf(rowsV))
      for (const [left, right] of runsOf(colsV)) out.push({ top, bottom, left, right });
    return out;
  }
  if (cellType === "Blanks") {
    const keys: { r: number; c: number }[] = [];
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const cell = getCell(sheet, r, c);
        if (!cell || (cell.value === null && cell.formula === undefined)) keys.push({ r, c });
      }
    return areasOf(keys);
  }
  throw new FakeOfficeError(
    "NotImplemented",
    `The fake does not model special cells of type ${cellType}.`,
    "Range.getSpecialCells",
  );
}

/** true when all are hidden, false when none, null when mixed (Excel's tri-state). */
function tri(from: number, to: number, hidden: (i: number) => boolean): boolean | null {
  let any = false;
  let all = true;
  for (let i = from; i <= to; i++) {
    if (hidden(i)) any = true;
    else all = false;
    if (any && !all) return null;
  }
  return all;
}

// ---------------------------------------------------------------------------------------------
// Format

/** Applies a style property to the cells of a range (existing cells only for unbounded ranges). */
function styleCells(t: RangeTarget, prop: keyof FakeCellStyle, value: unknown, where: string): void {
  const { sheet, rect } = t;
  if (sheet.protection.protected && !sheet.protection.options?.allowFormatCells) {
    throw new FakeOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`, where);
  }
  const apply = (r: number, c: number) => {
    const cell = ensureCell(sheet, r, c);
    cell.style = { ...cell.style, [prop]: value };
  };
  if (isUnbounded(rect)) {
    for (const k of [...sheet.cells.keys()]) {
      const r = keyRow(k);
      const c = keyCol(k);
      if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) apply(r, c);
    }
    return;
  }
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) apply(r, c);
}

/** The common value of a style property over a range, or null when the cells differ. */
function commonStyle(t: RangeTarget, prop: keyof FakeCellStyle, dflt: unknown): unknown {
  const { sheet, rect } = t;
  let seen: unknown = undefined;
  const bounded = isUnbounded(rect)
    ? { ...rect, bottom: Math.min(rect.bottom, 9999), right: Math.min(rect.right, 255) }
    : rect;
  for (let r = bounded.top; r <= bounded.bottom; r++) {
    for (let c = bounded.left; c <= bounded.right; c++) {
      const v = getCell(sheet, r, c)?.style?.[prop] ?? dflt;
      if (seen === undefined) seen = v;
      else if (seen !== v) return null;
    }
  }
  return seen ?? dflt;
}

const DEFAULT_COLUMN_WIDTH = 48; // points (8.43 characters of Calibri 11)
const DEFAULT_ROW_HEIGHT = 15; // points

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  protected readonly _typeName = "RangeFormat";
  private _font?: FakeRangeFont;
  private _fill?: FakeRangeFill;
  private _protection?: FakeFormatProtection;

  get font(): FakeRangeFont {
    return (this._font ??= new FakeRangeFont(this.context, this._rt, this, () => this._target()));
  }
  get fill(): FakeRangeFill {
    return (this._fill ??= new FakeRangeFill(this.context, this._rt, this, () => this._target()));
  }
  get protection(): FakeFormatProtection {
    return (this._protection ??= new FakeFormatProtection(this.context, this._rt, this, () =>
      this._target(),
    ));
  }

  get borders(): FakeRangeBorderCollection {
    return new FakeRangeBorderCollection(this.context, this._rt, this, () => this._target());
  }

  override _nav(prop: string): FakeClientObject | undefined {
    if (prop === "font") return this.font;
    if (prop === "fill") return this.fill;
    if (prop === "protection") return this.protection;
    return undefined;
  }

  override _scalarProps(): string[] {
    return ["wrapText", "columnWidth", "rowHeight", "horizontalAlignment"];
  }

  override _read(prop: string): unknown {
    const t = this._target();
    if (prop === "wrapText") return commonStyle(t, "wrap", false);
    if (prop === "rowHeight") {
      const heights = new Set<number>();
      for (let r = t.rect.top; r <= Math.min(t.rect.bottom, t.rect.top + 1000); r++)
        heights.add(t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
      return heights.size === 1 ? [...heights][0] : null;
    }
    if (prop === "horizontalAlignment") {
      const a = commonStyle(t, "align", "general") as string | null;
      return a === null ? null : a[0].toUpperCase() + a.slice(1);
    }
    if (prop === "columnWidth") {
      let w: number | null | undefined;
      for (let c = t.rect.left; c <= Math.min(t.rect.right, t.rect.left + 1000); c++) {
        const x = t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
        if (w === undefined) w = x;
        else if (w !== x) return null;
      }
      return w;
    }
    return super._read(prop);
  }

  get wrapText(): boolean | null {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._set("wrapText", v, () => styleCells(this._target(), "wrap", v, "RangeFormat.wrapText"));
  }

  get horizontalAlignment(): string | null {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._set("horizontalAlignment", v, () => {
      const align = ({ Left: "left", Center: "center", Right: "right" } as const)[v as "Left"];
      if (!align)
        throw new FakeOfficeError("InvalidArgument", `Alignment '${v}'.`, "RangeFormat.horizontalAlignment");
      styleCells(this._target(), "align", align, "RangeFormat.horizontalAlignment");
    });
  }

  get rowHeight(): number | null {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._set("rowHeight", v, () => {
      const { sheet, rect } = this._target();
      if (sheet.protection.protected && !sheet.protection.options?.allowFormatRows) {
        throw new FakeOfficeError(
          "AccessDenied",
          `The sheet '${sheet.name}' is protected.`,
          "RangeFormat.rowHeight",
        );
      }
      if (!(typeof v === "number" && v >= 0 && v <= 409)) {
        throw new FakeOfficeError("InvalidArgument", "Row height out of range.", "RangeFormat.rowHeight");
      }
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, v);
    });
  }

  get columnWidth(): number | null {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, () => {
      const { sheet, rect } = this._target();
      if (sheet.protection.protected && !sheet.protection.options?.allowFormatColumns) {
        throw new FakeOfficeError(
          "AccessDenied",
          `The sheet '${sheet.name}' is protected.`,
          "RangeFormat.columnWidth",
        );
      }
      if (!(typeof v === "number" && v >= 0 && v <= 1638)) {
        throw new FakeOfficeError("InvalidArgument", "Column width out of range.", "RangeFormat.columnWidth");
      }
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, v);
    });
  }
}

/** `format.borders`: only `getItem(edge)` is modelled, and only the bottom edge is kept. */
export class FakeRangeBorderCollection extends FakeClientObject<RangeTarget> {
  protected readonly _typeName = "RangeBorderCollection";

  getItem(index: string): FakeRangeBorder {
    if (index !== "EdgeBottom")
      throw new FakeOfficeError(
        "InvalidArgument",
        `The fake keeps only EdgeBottom, not ${index}.`,
        "getItem",
      );
    return new FakeRangeBorder(this.context, this._rt, this, () => this._target());
  }
}

export class FakeRangeBorder extends FakeClientObject<RangeTarget> {
  protected readonly _typeName = "RangeBorder";

  override _scalarProps(): string[] {
    return ["color", "style"];
  }

  override _read(prop: string): unknown {
    const t = this._target();
    if (prop === "color") return commonStyle(t, "borderBottom", "#000000");
    if (prop === "style") return commonStyle(t, "borderBottom", null) === null ? "None" : "Continuous";
    return super._read(prop);
  }

  get color(): string | null {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () =>
      styleCells(this._target(), "borderBottom", checkColor(v), "RangeBorder.color"),
    );
  }
  get style(): string | null {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, () => {
      if (v !== "Continuous")
        throw new FakeOfficeError(
          "InvalidArgument",
          `The fake draws only Continuous borders.`,
          "RangeBorder.style",
        );
    });
  }
}

export class FakeRangeFont extends FakeClientObject<RangeTarget> {
  protected readonly _typeName = "RangeFont";

  override _scalarProps(): string[] {
    return ["bold", "italic", "underline", "color", "size"];
  }

  override _read(prop: string): unknown {
    const t = this._target();
    if (prop === "underline") {
      const u = commonStyle(t, "underline", false);
      return u === null ? null : u ? "Single" : "None";
    }
    if (prop === "bold") return commonStyle(t, "bold", false);
    if (prop === "italic") return commonStyle(t, "italic", false);
    if (prop === "color") return commonStyle(t, "fontColor", "#000000");
    if (prop === "size") return commonStyle(t, "size", 11);
    return super._read(prop);
  }

  get bold(): boolean | null {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, () => styleCells(this._target(), "bold", v, "RangeFont.bold"));
  }
  get italic(): boolean | null {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v, () => styleCells(this._target(), "italic", v, "RangeFont.italic"));
  }
  get underline(): string | null {
    return this._get("underline");
  }
  set underline(v: string) {
    this._set("underline", v, () => {
      // Excel also has Double and the accounting styles; the fake accepts what the adapter sends.
      if (v !== "Single" && v !== "None")
        throw new FakeOfficeError(
          "InvalidArgument",
          `Underline '${String(v)}' is not Single or None.`,
          "RangeFont.underline",
        );
      styleCells(this._target(), "underline", v === "Single", "RangeFont.underline");
    });
  }
  get color(): string | null {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => styleCells(this._target(), "fontColor", checkColor(v), "RangeFont.color"));
  }
  get size(): number | null {
    return this._get("size");
  }
  set size(v: number) {
    this._set("size", v, () => styleCells(this._target(), "size", v, "RangeFont.size"));
  }
}

function checkColor(v: string): string {
  if (typeof v !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(v)) {
    // Excel also accepts colour names; the fake only accepts what the adapter is meant to send.
    throw new FakeOfficeError("InvalidArgument", `Colour '${String(v)}' is not #RRGGBB.`, "color");
  }
  return v.toUpperCase();
}

export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  protected readonly _typeName = "RangeFill";

  override _scalarProps(): string[] {
    return ["color"];
  }

  override _read(prop: string): unknown {
    if (prop === "color") return commonStyle(this._target(), "fill", null);
    return super._read(prop);
  }

  get color(): string | null {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => styleCells(this._target(), "fill", checkColor(v), "RangeFill.color"));
  }

  clear(): void {
    this._call("clear", [], () => styleCells(this._target(), "fill", undefined, "RangeFill.clear"));
  }
}

export class FakeFormatProtection extends FakeClientObject<RangeTarget> {
  protected readonly _typeName = "FormatProtection";

  override _scalarProps(): string[] {
    return ["locked"];
  }

  override _read(prop: string): unknown {
    if (prop === "locked") {
      const { sheet, rect } = this._target();
      let seen: boolean | undefined;
      for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 9999); r++) {
        for (let c = rect.left; c <= Math.min(rect.right, rect.left + 255); c++) {
          const v = getCell(sheet, r, c)?.locked ?? lockedByRects(sheet, r, c);
          if (seen === undefined) seen = v;
          else if (seen !== v) return null;
        }
      }
      return seen;
    }
    return super._read(prop);
  }

  get locked(): boolean | null {
    return this._get("locked");
  }
  set locked(v: boolean) {
    this._set("locked", v, () => {
      const { sheet, rect } = this._target();
      if (sheet.protection.protected) {
        throw new FakeOfficeError(
          "AccessDenied",
          `The sheet '${sheet.name}' is protected.`,
          "FormatProtection.locked",
        );
      }
      if (isUnbounded(rect)) {
        sheet.lockedRects.push({ rect, locked: v });
        for (const [k, cell] of sheet.cells) {
          if (contains(rect, { top: keyRow(k), bottom: keyRow(k), left: keyCol(k), right: keyCol(k) })) {
            cell.locked = v ? undefined : false;
          }
        }
        return;
      }
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          ensureCell(sheet, r, c).locked = v ? undefined : false;
          pruneCell(sheet, r, c);
        }
      }
    });
  }
}

function lockedByRects(sheet: FakeSheet, r: number, c: number): boolean {
  let locked = true;
  for (const lr of sheet.lockedRects) {
    if (r >= lr.rect.top && r <= lr.rect.bottom && c >= lr.rect.left && c <= lr.rect.right)
      locked = lr.locked;
  }
  return locked;
}

// ---------------------------------------------------------------------------------------------
// Data validation (ExcelApi 1.8)

const RULE_KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"];
const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

export class FakeDataValidation extends FakeClientObject<RangeTarget> {
  protected readonly _typeName = "DataValidation";

  private _exact(): FakeValidation | undefined {
    const { sheet, rect } = this._target();
    return sheet.validations.find((v) => sameRect(v.rect, rect));
  }

  override _scalarProps(): string[] {
    return ["type", "rule", "ignoreBlanks", "prompt", "errorAlert"];
  }

  override _read(prop: string): unknown {
    const { sheet, rect } = this._target();
    const hits = sheet.validations.filter((v) => intersects(v.rect, rect));
    const one = hits.length === 1 && contains(hits[0].rect, rect) ? hits[0] : undefined;
    switch (prop) {
      case "type":
        if (hits.length === 0) return "None";
        if (!one) return "Inconsistent";
        return typeName(one.rule);
      case "rule":
        return one ? one.rule : null;
      case "ignoreBlanks":
        return one ? one.ignoreBlanks : true;
      case "prompt":
        return one?.prompt ?? { showPrompt: false, title: "", message: "" };
      case "errorAlert":
        return one?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" };
      default:
        return super._read(prop);
    }
  }

  get type(): string {
    return this._get("type");
  }

  get rule(): Record<string, unknown> {
    return this._get("rule");
  }
  set rule(rule: Record<string, unknown>) {
    this._set("rule", rule, () => {
      this._rt.requireApi("1.8", "DataValidation.rule");
      const { sheet, rect } = this._target();
      checkWritable(sheet, rect, "DataValidation.rule");
      const keys = Object.keys(rule ?? {}).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
      if (keys.length !== 1 || !RULE_KINDS.includes(keys[0])) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "A data validation rule must have exactly one criterion.",
          "DataValidation.rule",
        );
      }
      const stored = normaliseRule(keys[0], rule[keys[0]] as Record<string, unknown>);
      // A new rule replaces the validation of the cells it covers.
      sheet.validations = sheet.validations.filter((v) => !contains(rect, v.rect));
      sheet.validations.push({ rect, rule: stored, ignoreBlanks: true });
    });
  }

  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this._set("ignoreBlanks", v, () => (this._requireRule("ignoreBlanks").ignoreBlanks = v));
  }

  get prompt(): FakeValidation["prompt"] {
    return this._get("prompt");
  }
  set prompt(v: FakeValidation["prompt"]) {
    this._set("prompt", v, () => {
      if (v?.title && v.title.length > 32) throw tooLong("prompt title", 32);
      if (v?.message && v.message.length > 255) throw tooLong("prompt message", 255);
      this._requireRule("prompt").prompt = v;
    });
  }

  get errorAlert(): FakeValidation["errorAlert"] {
    return this._get("errorAlert");
  }
  set errorAlert(v: FakeValidation["errorAlert"]) {
    this._set("errorAlert", v, () => {
      if (v?.title && v.title.length > 32) throw tooLong("error title", 32);
      if (v?.message && v.message.length > 225) throw tooLong("error message", 225);
      this._requireRule("errorAlert").errorAlert = v;
    });
  }

  clear(): void {
    this._call("clear", [], () => {
      const { sheet, rect } = this._target();
      sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, rect));
    });
  }

  /**
   * The fake insists on the documented order (rule first, then prompt/errorAlert): setting the prompt
   * first on an overlapping range threw InvalidArgument in Excel (office-js #2594).
   */
  private _requireRule(what: string): FakeValidation {
    const v = this._exact();
    if (!v) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `Set the validation rule before ${what}.`,
        `DataValidation.${what}`,
      );
    }
    return v;
  }
}

function tooLong(what: string, max: number): FakeOfficeError {
  return new FakeOfficeError(
    "InvalidArgument",
    `The ${what} is longer than ${max} characters.`,
    "DataValidation",
  );
}

function typeName(rule: Record<string, unknown>): string {
  const k = Object.keys(rule)[0];
  return k === "wholeNumber" ? "WholeNumber" : k.charAt(0).toUpperCase() + k.slice(1);
}

function normaliseRule(kind: string, crit: Record<string, unknown>): Record<string, unknown> {
  const bad = (m: string) => new FakeOfficeError("InvalidArgument", m, "DataValidation.rule");
  if (!crit || typeof crit !== "object") throw bad("Missing criterion.");
  if (kind === "list") {
    let source = crit.source;
    if (source instanceof FakeRange) {
      const { sheet, rect } = source._target();
      source = `=${qualifiedAddress(sheet, rect, true)}`;
    }
    if (typeof source !== "string" || source.length === 0) throw bad("A list needs a source.");
    if (!source.startsWith("=") && source.length > 255)
      throw bad("A list source is limited to 255 characters.");
    return { list: { inCellDropDown: crit.inCellDropDown ?? true, source } };
  }
  if (kind === "custom") {
    if (typeof crit.formula !== "string" || !crit.formula.startsWith("="))
      throw bad("A custom rule needs a formula.");
    return { custom: { formula: crit.formula } };
  }
  const op = crit.operator;
  if (typeof op !== "string" || !OPERATORS.includes(op)) throw bad(`Unknown operator '${String(op)}'.`);
  const f = (x: unknown): string | undefined => {
    if (x === undefined) return undefined;
    if (typeof x === "number") return `=${x}`;
    if (typeof x === "string") return x.startsWith("=") ? x : `=${x}`;
    if (x instanceof FakeRange) {
      const { sheet, rect } = x._target();
      return `=${qualifiedAddress(sheet, rect, true)}`;
    }
    throw bad("Invalid operand.");
  };
  const formula1 = f(crit.formula1);
  const formula2 = f(crit.formula2);
  if (formula1 === undefined) throw bad("formula1 is required.");
  if ((op === "Between" || op === "NotBetween") && formula2 === undefined) throw bad("formula2 is required.");
  return {
    [kind]: formula2 === undefined ? { formula1, operator: op } : { formula1, formula2, operator: op },
  };
}

// ---------------------------------------------------------------------------------------------
// Conditional formats (ExcelApi 1.6)

interface CfTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat_> {
  protected readonly _typeName = "ConditionalFormatCollection";

  constructor(
    context: unknown,
    rt: FakeRuntime,
    parent: FakeClientObject,
    private readonly _range: () => RangeTarget,
  ) {
    super(context, rt, parent);
  }

  protected _members(): FakeConditionalFormat_[] {
    const { sheet, rect } = this._range();
    return sheet.conditionalFormats
      .filter((cf) => intersects(cf.rect, rect))
      .map((cf) => new FakeConditionalFormat_(this.context, this._rt)._bindNow({ sheet, cf }));
  }

  add(type: string): FakeConditionalFormat_ {
    const p = new FakeConditionalFormat_(this.context, this._rt);
    return p._createdBy(this, "add", [type], () => {
      this._rt.requireApi("1.6", "ConditionalFormatCollection.add");
      const { sheet, rect } = this._range();
      sheet.conditionalFormats.forEach((cf) => cf.priority++);
      const cf: FakeConditionalFormat = {
        id: this._wb.nextId++,
        rect,
        type,
        format: {},
        priority: 0,
        stopIfTrue: false,
      };
      sheet.conditionalFormats.push(cf);
      return { sheet, cf };
    });
  }

  clearAll(): void {
    this._call("clearAll", [], () => {
      const { sheet, rect } = this._range();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, rect));
    });
  }
}

export class FakeConditionalFormat_ extends FakeClientObject<CfTarget> {
  protected readonly _typeName = "ConditionalFormat";

  override _scalarProps(): string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }

  override _read(prop: string): unknown {
    const { cf } = this._target();
    if (prop === "id") return String(cf.id);
    if (prop === "type") return cf.type;
    if (prop === "priority") return cf.priority;
    if (prop === "stopIfTrue") return cf.stopIfTrue;
    return super._read(prop);
  }

  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  set priority(v: number) {
    this._set("priority", v, () => (this._target().cf.priority = v));
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._set("stopIfTrue", v, () => (this._target().cf.stopIfTrue = v));
  }

  get custom(): FakeCustomConditionalFormat {
    return new FakeCustomConditionalFormat(this.context, this._rt, this, () => {
      const t = this._target();
      if (t.cf.type !== "Custom") {
        throw new FakeOfficeError(
          "InvalidOperation",
          "This conditional format is not of type Custom.",
          "ConditionalFormat.custom",
        );
      }
      return t;
    });
  }

  delete(): void {
    this._call("delete", [], () => {
      const { sheet, cf } = this._target();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

export class FakeCustomConditionalFormat extends FakeClientObject<CfTarget> {
  protected readonly _typeName = "CustomConditionalFormat";

  get rule(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(this.context, this._rt, this, () => this._target());
  }

  get format(): FakeConditionalRangeFormat {
    return new FakeConditionalRangeFormat(this.context, this._rt, this, () => this._target());
  }
}

export class FakeConditionalFormatRule extends FakeClientObject<CfTarget> {
  protected readonly _typeName = "ConditionalFormatRule";

  override _scalarProps(): string[] {
    return ["formula"];
  }

  override _read(prop: string): unknown {
    if (prop === "formula") return this._target().cf.formula ?? null;
    return super._read(prop);
  }

  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._set("formula", v, () => {
      if (typeof v !== "string" || !v.startsWith("=")) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "A conditional format formula must start with '='.",
          "ConditionalFormatRule.formula",
        );
      }
      this._target().cf.formula = v;
    });
  }

  get formulaLocal(): never {
    throw new FakeOfficeError(
      "NotImplemented",
      "The fake does not model formulaLocal: use formula.",
      "ConditionalFormatRule",
    );
  }
}

export class FakeConditionalRangeFormat extends FakeClientObject<CfTarget> {
  protected readonly _typeName = "ConditionalRangeFormat";

  get fill(): FakeConditionalFill {
    return new FakeConditionalFill(this.context, this._rt, this, () => this._target());
  }

  get font(): FakeConditionalFont {
    return new FakeConditionalFont(this.context, this._rt, this, () => this._target());
  }

  override _nav(prop: string): FakeClientObject | undefined {
    if (prop === "fill") return this.fill;
    if (prop === "font") return this.font;
    return undefined;
  }
}

export class FakeConditionalFill extends FakeClientObject<CfTarget> {
  protected readonly _typeName = "ConditionalFill";

  override _scalarProps(): string[] {
    return ["color"];
  }

  override _read(prop: string): unknown {
    if (prop === "color") return this._target().cf.format.fill ?? null;
    return super._read(prop);
  }

  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => (this._target().cf.format.fill = checkColor(v)));
  }
}

export class FakeConditionalFont extends FakeClientObject<CfTarget> {
  protected readonly _typeName = "ConditionalRangeFont";

  override _scalarProps(): string[] {
    return ["bold", "italic", "color"];
  }

  override _read(prop: string): unknown {
    const f = this._target().cf.format;
    if (prop === "bold") return f.bold ?? null;
    if (prop === "italic") return f.italic ?? null;
    if (prop === "color") return f.fontColor ?? null;
    return super._read(prop);
  }

  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, () => (this._target().cf.format.bold = v));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v, () => (this._target().cf.format.italic = v));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => (this._target().cf.format.fontColor = checkColor(v)));
  }
}

// ---------------------------------------------------------------------------------------------
// Sorting (what a user does with Data › Sort)

export class FakeRangeSort extends FakeClientObject<RangeTarget> {
  protected readonly _typeName = "RangeSort";

  /** Sorts the range's rows by the first field (values only); refused over locked cells when protected. */
  apply(fields: { key: number; ascending?: boolean }[], matchCase = false, hasHeaders = false): void {
    this._call("apply", [fields, matchCase, hasHeaders], () => {
      const { sheet, rect } = this._target();
      checkSortFilter(sheet, rect, "allowSort");
      const top = hasHeaders ? rect.top + 1 : rect.top;
      const key = rect.left + (fields[0]?.key ?? 0);
      const sign = fields[0]?.ascending === false ? -1 : 1;
      const rowsOf = Array.from({ length: rect.bottom - top + 1 }, (_, i) =>
        Array.from({ length: rect.right - rect.left + 1 }, (_, j) => getCell(sheet, top + i, rect.left + j)),
      );
      const k = key - rect.left;
      rowsOf.sort(
        (a, b) =>
          sign * String(a[k]?.value ?? "").localeCompare(String(b[k]?.value ?? ""), "en", { numeric: true }),
      );
      rowsOf.forEach((row, i) =>
        row.forEach((c, j) => {
          const at = cellKey(top + i, rect.left + j);
          if (c) sheet.cells.set(at, c);
          else sheet.cells.delete(at);
        }),
      );
    });
  }
}

// ---------------------------------------------------------------------------------------------
// RangeAreas (merged areas)

interface AreasTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

export class FakeRangeAreas extends FakeClientObject<AreasTarget> {
  protected readonly _typeName = "RangeAreas";
  private _areas?: FakeRangeCollection;

  /** ExcelApi 1.9: the areas as a collection of ranges (`load("areas/items/formulas")`). */
  get areas(): FakeRangeCollection {
    return (this._areas ??= new FakeRangeCollection(this.context, this._rt, this, () => this._target()));
  }

  override _nav(prop: string): FakeClientObject | undefined {
    return prop === "areas" ? this.areas : undefined;
  }

  override _scalarProps(): string[] {
    return ["address", "areaCount", "cellCount"];
  }

  override _read(prop: string): unknown {
    const { sheet, rects } = this._target();
    if (prop === "address") return rects.map((r) => qualifiedAddress(sheet, r)).join(", ");
    if (prop === "areaCount") return rects.length;
    if (prop === "cellCount") return rects.reduce((n, r) => n + cellCount(r), 0);
    return super._read(prop);
  }

  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
}

export class FakeRangeCollection extends FakeCollection<FakeRange> {
  protected readonly _typeName = "RangeCollection";

  constructor(
    context: unknown,
    rt: FakeRuntime,
    parent: FakeClientObject,
    private readonly _areasOf: () => AreasTarget,
  ) {
    super(context, rt, parent);
  }

  protected _members(): FakeRange[] {
    const { sheet, rects } = this._areasOf();
    return rects.map((rect) => new FakeRange(this.context, this._rt)._bindNow({ sheet, rect }));
  }
}
