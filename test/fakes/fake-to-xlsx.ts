/**
 * Writes the Excel fake's exported state to an .xlsx with exceljs, so that what the Office.js adapter
 * wrote can be opened by other tools: recalculated by LibreOffice (formula truth on the Office.js path),
 * or read back with exceljs. Everything a formula can depend on is written: cells (values, formulas,
 * number formats), tables, defined names; and what a user sees of them: styles, merges, frozen panes,
 * column widths, hidden rows/columns, data validation, conditional formats, protection.
 * Charts are not written (exceljs cannot write them).
 */

import ExcelJS from "exceljs";
import { cellAddress, parseRange } from "../../src/engine/core/address";
import type { CellStyle } from "../../src/engine/core/plan";
import type { ExportedCell, ExportedSheet, ExportedWorkbook } from "./fake-export";
import { parseTableColumn, tableDataRange } from "../helpers/xlsx";

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

/** A plan style on an exceljs cell (font, fill and alignment groups replaced when given, as both adapters do). */
function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold || s.italic || s.underline || s.fontColor || s.size) {
    cell.font = {
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.underline ? { underline: true } : {}),
      ...(s.size ? { size: s.size } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  }
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrap) cell.alignment = { wrapText: true, vertical: "top" };
}

/** Column width in characters for a width in points (the inverse of src/excel/cells.ts charsToPoints). */
export function pointsToChars(points: number): number {
  if (points <= 0) return 0;
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

function cellValue(c: ExportedCell): ExcelJS.CellValue {
  if (c.formula !== undefined) {
    const v: ExcelJS.CellFormulaValue = { formula: c.formula.replace(/^=/, ""), date1904: false };
    if (c.value !== null) v.result = c.value;
    return v;
  }
  return c.value;
}

function applyCellFormat(cell: ExcelJS.Cell, c: ExportedCell): void {
  if (c.style) applyStyle(cell, c.style);
  if (c.numberFormat) cell.numFmt = c.numberFormat;
  if (c.locked === false) cell.protection = { locked: false };
}

const OPERATORS: Record<string, string> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};

/** `=0.5` → 0.5; other formulas stay formulas (without `=`). */
function operand(f: unknown): number | string | undefined {
  if (typeof f !== "string") return undefined;
  const x = f.replace(/^=/, "");
  return x !== "" && Number.isFinite(Number(x)) ? Number(x) : x;
}

/** exceljs data validation for one validation of the fake (rule as Office.js stores it). */
function dataValidation(v: ExportedSheet["validations"][number]): Record<string, unknown> {
  const [kind, crit] = Object.entries(v.rule)[0] as [string, Record<string, unknown>];
  const common: Record<string, unknown> = {
    allowBlank: v.ignoreBlanks,
    showErrorMessage: v.errorAlert?.showAlert ?? true,
    errorStyle: String(v.errorAlert?.style ?? "Stop").toLowerCase(),
    ...(v.errorAlert?.message ? { error: v.errorAlert.message, errorTitle: v.errorAlert.title ?? "" } : {}),
    ...(v.prompt?.showPrompt
      ? { showInputMessage: true, prompt: v.prompt.message ?? "", promptTitle: v.prompt.title ?? "" }
      : {}),
  };
  if (kind === "list") {
    const source = String(crit.source);
    return { ...common, type: "list", formulae: [source.startsWith("=") ? source.slice(1) : `"${source}"`] };
  }
  if (kind === "custom") return { ...common, type: "custom", formulae: [String(crit.formula).slice(1)] };
  const type = kind === "wholeNumber" ? "whole" : kind;
  const formulae = [operand(crit.formula1), operand(crit.formula2)].filter((x) => x !== undefined);
  return { ...common, type, operator: OPERATORS[String(crit.operator)], formulae };
}

async function writeSheet(wb: ExcelJS.Workbook, s: ExportedSheet, state: ExportedWorkbook): Promise<void> {
  const ws = wb.addWorksheet(s.name, {
    state: s.visibility === "Visible" ? "visible" : s.visibility === "Hidden" ? "hidden" : "veryHidden",
    ...(s.tabColor ? { properties: { tabColor: { argb: argb(s.tabColor) } } } : {}),
  });
  for (const [addr, c] of Object.entries(s.cells)) {
    const cell = ws.getCell(addr);
    cell.value = cellValue(c);
    applyCellFormat(cell, c);
  }
  for (const m of s.merges) ws.mergeCells(m);
  if (s.frozen) ws.views = [{ state: "frozen", xSplit: s.frozen.cols, ySplit: s.frozen.rows }];
  for (const [letters, points] of Object.entries(s.columnWidths))
    ws.getColumn(letters).width = pointsToChars(points);
  for (const [row, points] of Object.entries(s.rowHeights)) ws.getRow(Number(row)).height = points;
  for (const r of s.hiddenRows) ws.getRow(r + 1).hidden = true;
  for (const c of s.hiddenCols) ws.getColumn(c + 1).hidden = true;

  // Tables from the cells already written: exceljs wants the header names and the rows.
  for (const t of state.tables.filter((x) => x.sheet === s.name)) {
    const [from, to = from] = t.ref.split(":");
    const start = ws.getCell(from);
    const end = ws.getCell(to);
    const top = Number(start.row);
    const left = Number(start.col);
    const bottom = Number(end.row);
    const right = Number(end.col);
    const columns: ExcelJS.TableColumnProperties[] = [];
    for (let c = left; c <= right; c++)
      columns.push({ name: String(ws.getCell(top, c).value ?? `Column${c - left + 1}`), filterButton: true });
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = top + 1; r <= bottom; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = left; c <= right; c++) row.push(ws.getCell(r, c).value);
      rows.push(row);
    }
    ws.addTable({
      name: t.name,
      ref: from,
      headerRow: t.showHeaders,
      totalsRow: false,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns,
      rows,
    });
  }

  const dvs = (ws as unknown as { dataValidations: { add(a: string, d: unknown): void } }).dataValidations;
  for (const v of s.validations) dvs.add(v.range, dataValidation(v));

  for (const cf of s.conditionalFormats) {
    if (cf.type !== "Custom" || !cf.formula) continue;
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: cf.priority + 1,
          formulae: [cf.formula.replace(/^=/, "")],
          style: {
            ...(cf.format.fill
              ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.format.fill) } } }
              : {}),
            ...(cf.format.bold || cf.format.italic || cf.format.fontColor
              ? {
                  font: {
                    ...(cf.format.bold ? { bold: true } : {}),
                    ...(cf.format.italic ? { italic: true } : {}),
                    ...(cf.format.fontColor ? { color: { argb: argb(cf.format.fontColor) } } : {}),
                  },
                }
              : {}),
          },
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }

  if (s.protection.protected) {
    const o = s.protection.options ?? {};
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: o.allowFormatColumns === true,
      formatCells: o.allowFormatCells === true,
      autoFilter: o.allowAutoFilter === true,
      sort: o.allowSort === true,
    });
  }
}

/** The fake's state as an exceljs workbook (sheets in tab order). */
export async function fakeToWorkbook(state: ExportedWorkbook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of state.sheets) await writeSheet(wb, s, state);
  const names = wb.definedNames as unknown as { add(loc: string, name: string): void };
  // A name left pointing at a deleted sheet (#REF!) has no place to point to in the file.
  for (const n of state.names)
    if (!n.formula.includes("#REF!")) names.add(asRange(n.formula.replace(/^=/, ""), state), n.name);
  return wb;
}

/**
 * exceljs writes only names that are ranges: a name over a whole table column (`PIAO_Misure[[Punti 30/09]]`)
 * becomes that column's data range, which is what it refers to in the written workbook.
 */
function asRange(formula: string, state: ExportedWorkbook): string {
  const tc = parseTableColumn(formula);
  if (!tc) return formula;
  const t = state.tables.find((x) => x.name.toLowerCase() === tc.table.toLowerCase());
  const sheet = state.sheets.find((x) => x.name === t?.sheet);
  if (!t || !sheet) throw new Error(`no table for the name ${formula}`);
  const r = parseRange(t.ref);
  for (let col = r.left; col <= r.right; col++)
    if (sheet.cells[cellAddress(r.top, col)]?.value === tc.header)
      return tableDataRange(sheet.name, t.ref, col);
  throw new Error(`no column ${tc.header} in ${t.name}`);
}

/** Writes the fake's state to an .xlsx file. */
export async function writeFakeXlsx(state: ExportedWorkbook, file: string): Promise<void> {
  await (await fakeToWorkbook(state)).xlsx.writeFile(file);
}
