/** Apply a WorkbookPlan to an exceljs workbook. No PIAO knowledge here: only the plan's elements. */
import ExcelJS from "exceljs";
import { cellAddress, parseCell, parseRange } from "../engine/core/address";
import {
  isFormula,
  type CellStyle,
  type PlanValue,
  type SheetPlan,
  type WorkbookPlan,
} from "../engine/core/plan";

export const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

/** exceljs cell value for a plan value: strings stay strings (text), `{f}` becomes a formula. */
function cellValue(v: PlanValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (isFormula(v)) return { formula: v.f.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  return v;
}

export function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold || s.italic || s.fontColor || s.size) {
    cell.font = {
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.size ? { size: s.size } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  }
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrap) cell.alignment = { wrapText: true, vertical: "top" };
}

function dxfStyle(s: CellStyle): Partial<ExcelJS.Style> {
  return {
    ...(s.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(s.fill) } } } : {}),
    ...(s.bold || s.fontColor
      ? {
          font: {
            ...(s.bold ? { bold: true } : {}),
            ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
          },
        }
      : {}),
  } as Partial<ExcelJS.Style>;
}

function writeSheet(ws: ExcelJS.Worksheet, sp: SheetPlan): void {
  // Values by position, so that tables can be given the rows already written.
  const grid = new Map<string, PlanValue>();
  for (const block of sp.blocks) {
    const at = parseCell(block.at);
    block.rows.forEach((row, i) => {
      row.forEach((v, j) => {
        const r = at.row + i;
        const c = at.col + j;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = cellValue(v);
        grid.set(`${r},${c}`, v);
        const nf = block.columnFormats?.[j];
        if (nf) cell.numFmt = nf;
        if (block.style) applyStyle(cell, block.style);
      });
    });
  }
  for (const { range, style } of sp.rangeStyles) {
    const r = parseRange(range);
    for (let rr = r.top; rr <= r.bottom; rr++)
      for (let c = r.left; c <= r.right; c++) applyStyle(ws.getCell(rr + 1, c + 1), style);
  }
  for (const { col, width } of sp.columnWidths) ws.getColumn(col + 1).width = width;
  for (const m of sp.merges) ws.mergeCells(m);
  if (sp.frozen) {
    ws.views = [{ state: "frozen", xSplit: sp.frozen.cols, ySplit: sp.frozen.rows }];
  }
  for (const t of sp.tables) {
    const r = parseRange(t.ref);
    const header: string[] = [];
    for (let c = r.left; c <= r.right; c++)
      header.push(String(grid.get(`${r.top},${c}`) ?? `Colonna${c - r.left + 1}`));
    const rows: ExcelJS.CellValue[][] = [];
    for (let rr = r.top + 1; rr <= r.bottom; rr++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = r.left; c <= r.right; c++) row.push(cellValue(grid.get(`${rr},${c}`) ?? null));
      rows.push(row);
    }
    ws.addTable({
      name: t.name,
      ref: cellAddress(r.top, r.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: header.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
  for (const v of sp.validations) {
    const common = {
      allowBlank: v.allowBlank,
      showErrorMessage: true,
      errorStyle: "stop",
      ...(v.error ? { errorTitle: "PIAO Sheets", error: v.error } : {}),
      ...(v.prompt ? { showInputMessage: true, promptTitle: "PIAO Sheets", prompt: v.prompt } : {}),
    };
    const dv =
      v.type === "list"
        ? { ...common, type: "list", formulae: [`"${v.values.join(",")}"`] }
        : v.max === undefined
          ? { ...common, type: v.type, operator: "greaterThanOrEqual", formulae: [v.min] }
          : { ...common, type: v.type, operator: "between", formulae: [v.min, v.max] };
    (ws as unknown as { dataValidations: { add(a: string, d: unknown): void } }).dataValidations.add(
      v.range,
      dv,
    );
  }
  sp.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula.replace(/^=/, "")],
          style: dxfStyle(cf.style),
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  });
  if (sp.protection) {
    for (const a of sp.protection.unlocked) {
      const r = parseRange(a);
      for (let rr = r.top; rr <= r.bottom; rr++)
        for (let c = r.left; c <= r.right; c++) ws.getCell(rr + 1, c + 1).protection = { locked: false };
    }
  }
}

/**
 * Apply the plan: every sheet of the plan replaces a sheet of the same name (generated sheets are
 * regenerated on each run); all other sheets are left as they are. exceljs cannot write charts: they are
 * added to the saved file by `saveWorkbook` (charts.ts).
 */
export async function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WorkbookPlan): Promise<void> {
  const planned = new Set(plan.sheets.map((s) => s.name));
  for (const ws of [...wb.worksheets]) if (planned.has(ws.name)) wb.removeWorksheet(ws.id);
  // Defined names pointing at removed sheets are dropped and re-added from the plan.
  const dn = wb.definedNames as unknown as {
    model: { name: string; ranges: string[] }[];
    add(loc: string, name: string): void;
  };
  const planNames = new Set(plan.names.map((n) => n.name));
  dn.model = dn.model.filter((n) => !planNames.has(n.name));
  for (const sp of plan.sheets) {
    const ws = wb.addWorksheet(
      sp.name,
      sp.tabColor ? { properties: { tabColor: { argb: argb(sp.tabColor) } } } : {},
    );
    writeSheet(ws, sp);
    if (sp.protection) {
      await ws.protect("", {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        autoFilter: true,
        sort: true,
      });
    }
  }
  for (const n of plan.names) dn.add(n.ref, n.name);
}
