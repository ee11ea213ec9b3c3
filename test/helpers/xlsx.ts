/**
 * The xlsx adapter as the tests use it: packages built with exceljs (an independent writer) are read by
 * the adapter's reader, plans are applied by its writer, and exceljs reads outputs back as an independent
 * reader.
 */
import ExcelJS from "exceljs";
import { columnLetters, parseRange } from "../../src/engine/core/address";
import type { WorkbookPlan } from "../../src/engine/core/plan";
import type { Scalar, SheetSnapshot } from "../../src/engine/core/snapshot";
import { loadPackage } from "../../src/xlsx/file";
import { Package } from "../../src/xlsx/package";
import { readSnapshots } from "../../src/xlsx/read";
import { writePlan } from "../../src/xlsx/write";

/** What the adapter reads from the workbook exceljs writes. */
export async function snapshotWorkbook(
  wb: ExcelJS.Workbook,
  skip?: (name: string) => boolean,
): Promise<SheetSnapshot[]> {
  return readSnapshots(new Package("test.xlsx", Buffer.from(await wb.xlsx.writeBuffer())), skip);
}

/** What the adapter reads from a file. */
export function snapshotsOfFile(file: string, skip?: (name: string) => boolean): SheetSnapshot[] {
  return readSnapshots(loadPackage(file), skip);
}

/** The adapter's output for `plan` applied to the workbook exceljs writes. */
export async function applyPlan(wb: ExcelJS.Workbook, plan: WorkbookPlan): Promise<Buffer> {
  return writePlan(new Package("test.xlsx", Buffer.from(await wb.xlsx.writeBuffer())), plan);
}

/** Serial day (1900 system) of a date exceljs read. */
const dateToSerial = (d: Date) => d.getTime() / 86400000 + 25569;

/** Plain value of an exceljs cell value: rich text joined, hyperlink text, formula result, dates as serials. */
export function scalarOf(v: ExcelJS.CellValue): Scalar {
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
      return scalarOf(r as ExcelJS.CellValue);
    }
    if ("text" in v && "hyperlink" in v) return scalarOf(v.text as ExcelJS.CellValue);
  }
  return null;
}

/** `Table[[Header]]` (a name over a whole table column, COLUMN_NAMES) → table and header, or null. */
export function parseTableColumn(formula: string): { table: string; header: string } | null {
  const m = /^=?([^[]+)\[\[(.+)\]\]$/.exec(formula);
  return m ? { table: m[1], header: m[2].replace(/'(.)/g, "$1") } : null;
}

/** `'Sheet'!$C$2:$C$9`: the data rows of column `col` (0-based) of a table at `ref` (header row first). */
export function tableDataRange(sheet: string, ref: string, col: number): string {
  const r = parseRange(ref);
  const c = columnLetters(col);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${r.top + 2}:$${c}$${Math.max(r.bottom, r.top + 1) + 1}`;
}

/**
 * exceljs writes only the defined names that are ranges: it drops those over a whole table column
 * (COLUMN_NAMES), and the formulas reading them would show #NAME?. Before exceljs saves a converted workbook,
 * each of `names` becomes its column's data range, what it refers to as long as no row is added.
 */
export function columnNamesAsRanges(wb: ExcelJS.Workbook, names: { name: string; formula: string }[]): void {
  for (const n of names) {
    const tc = parseTableColumn(n.formula);
    if (!tc) continue;
    for (const ws of wb.worksheets) {
      const tables = (ws as unknown as { tables: Record<string, { table?: TableModel; model?: TableModel }> })
        .tables;
      const t = Object.values(tables)
        .map((x) => (x.table ?? x.model)!)
        .find((m) => m.name.toLowerCase() === tc.table.toLowerCase());
      const col = t?.columns.findIndex((c) => c.name === tc.header) ?? -1;
      if (!t || col < 0) continue;
      const ref = t.tableRef ?? t.ref!;
      const add = (wb.definedNames as unknown as { add(loc: string, name: string): void }).add;
      add.call(wb.definedNames, tableDataRange(ws.name, ref, parseRange(ref).left + col), n.name);
    }
  }
}

interface TableModel {
  name: string;
  ref?: string;
  tableRef?: string;
  columns: { name: string }[];
}
