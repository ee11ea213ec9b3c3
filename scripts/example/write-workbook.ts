/**
 * The example workbook: the strategic objectives (section 2.1), one sheet per unit with its cards
 * (section 2.2), the summary table and the staff-spending figures (section 3.3), in that sheet order.
 */
import ExcelJS from "exceljs";
import type { ParsedReference } from "./parse-reference";
import type { SpendingParse } from "./parse-spending";
import type { StrategicTable } from "./parse-strategic";
import type { SummaryTable } from "./parse-summary";
import { type TextWeight, newCardCounter } from "./weights";
import { put } from "./write-cells";
import { addUnitSheet } from "./write-unit-sheet";

/** Fixed date for the workbook properties and the zip entries (the plan's approval year). */
export const FIXED_DATE = new Date(Date.UTC(2023, 2, 30, 12, 0, 0));
/**
 * Written in the workbook properties. It still names the JavaScript builder this module was ported from,
 * so that the committed example stays byte for byte what it was.
 */
const CREATOR = "PIAO Sheets (scripts/build-example.js)";

function addStrategicSheet(wb: ExcelJS.Workbook, strategic: StrategicTable): void {
  const ws = wb.addWorksheet("Obiettivi strategici");
  let r = 1;
  if (strategic.title) {
    put(ws, r, 1, strategic.title);
    r += 2;
  }
  strategic.header.forEach((h, k) => put(ws, r, k + 1, h));
  ws.getRow(r).font = { bold: true };
  r++;
  for (const row of strategic.rows) {
    [row.code, row.lineName, row.text, row.indicators, row.manager].forEach((v, k) => put(ws, r, k + 1, v));
    r++;
  }
  ws.columns = [{ width: 8 }, { width: 30 }, { width: 70 }, { width: 60 }, { width: 28 }];
}

function addSummarySheet(wb: ExcelJS.Workbook, summary: SummaryTable): void {
  const ws = wb.addWorksheet("Riepilogo");
  summary.header.forEach((h, k) => put(ws, 1, k + 1, h));
  ws.getRow(1).font = { bold: true };
  summary.rows.forEach((row, k) => {
    put(ws, k + 2, 1, row.unit);
    put(ws, k + 2, 2, row.individual);
    put(ws, k + 2, 3, row.unitLevel);
  });
  if (summary.note) {
    const r = summary.rows.length + 3;
    put(ws, r, 1, summary.note.text);
    put(ws, r + 1, 1, "Obiettivi di performance organizzativa di Ente");
    put(ws, r + 1, 2, summary.note.count);
  }
  ws.columns = [{ width: 45 }, { width: 26 }, { width: 36 }];
}

function addSpendingSheet(wb: ExcelJS.Workbook, spending: SpendingParse): void {
  const ws = wb.addWorksheet("Spesa personale");
  put(ws, 1, 1, "Capacità assunzionale - dati del PIAO 2023-2025 (sezione 3.3)");
  ws.getCell(1, 1).font = { bold: true };
  let r = 3;
  for (const f of spending.figures) {
    put(ws, r, 1, f.label);
    put(ws, r, 2, f.value);
    if (f.format) ws.getCell(r, 2).numFmt = f.format;
    if (f.note) put(ws, r, 3, f.note);
    r++;
  }
  ws.columns = [{ width: 62 }, { width: 18 }, { width: 40 }];
}

export function buildWorkbook(parsed: ParsedReference): { wb: ExcelJS.Workbook; textWeights: TextWeight[] } {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.calcProperties = { fullCalcOnLoad: false };

  addStrategicSheet(wb, parsed.strategic);
  const counter = newCardCounter();
  for (const unit of parsed.units) addUnitSheet(wb, unit, counter);
  addSummarySheet(wb, parsed.summary);
  addSpendingSheet(wb, parsed.spending);
  return { wb, textWeights: counter.textWeights };
}
