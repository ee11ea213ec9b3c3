/** `PIAO Archivio`: rows of earlier runs whose objective disappeared from the user's sheets. */
import type { ArchivedRow } from "../carryover";
import { SHEETS, TABLES } from "../contract";
import { emptySheet, type PlanValue, type SheetPlan } from "../plan";
import { tableBlock } from "./layout";

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
