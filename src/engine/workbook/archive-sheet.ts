/** `PIAO Archivio`: rows of earlier runs whose objective disappeared from the user's sheets. */
import { findTable, userValue, type ArchivedRow } from "../core/carryover";
import { SHEETS, TABLES } from "../core/contract";
import { emptySheet, type PlanValue, type SheetPlan } from "../core/plan";
import type { SheetSnapshot } from "../core/snapshot";
import { tableBlock } from "../core/layout";

export function archiveSheet(rows: ArchivedRow[]): SheetPlan {
  const sheet = emptySheet(SHEETS.archive);
  sheet.tabColor = "#7F7F7F";
  // The union of the archived rows' columns, in first-seen order.
  const headers: string[] = [];
  for (const r of rows) for (const h of r.headers) if (!headers.includes(h)) headers.push(h);
  const data: PlanValue[][] = rows.map((r) => headers.map((h) => r.values[r.headers.indexOf(h)] ?? null));
  tableBlock(sheet, TABLES.archive, { row: 0, col: 0 }, headers, data);
  sheet.columnWidths = headers.map((_, col) => ({ col, width: 18 }));
  return sheet;
}

/** Rows of the previous archive, kept as they are, so that archived data survives every later run. */
export function readArchive(sheet: SheetSnapshot | undefined): ArchivedRow[] {
  if (!sheet || sheet.values.length < 2) return [];
  // The archive is the add-in's own table at A1: its first row is the header, whatever rows it holds.
  const t = findTable(sheet, []);
  if (!t) return [];
  const headers = [...t.cols.keys()];
  const out: ArchivedRow[] = [];
  for (let i = t.headerRow + 1; i < sheet.values.length; i++) {
    const row = sheet.values[i] ?? [];
    const values = headers.map((h) => userValue(row[t.cols.get(h) ?? -1]));
    if (values.some((v) => v !== null && v !== "")) out.push({ headers, values });
  }
  return out;
}
