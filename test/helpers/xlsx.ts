/**
 * The xlsx adapter as the tests use it: packages built with exceljs (an independent writer) are read by
 * the adapter's reader, plans are applied by its writer, and exceljs reads outputs back as an independent
 * reader.
 */
import ExcelJS from "exceljs";
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
