/**
 * Re-runs read back the add-in's own tables: helpers shared by every feature's carry-over, and the shape
 * of a row kept in `PIAO Archivio` when its key disappears from the user's sheets.
 */
import { isErrorValue, type Scalar, type SheetSnapshot } from "./snapshot";

export interface ArchivedRow {
  headers: string[];
  values: Scalar[];
}

/** Find the header row of a generated table (the row that contains all `required` headers). */
export function findTable(
  sheet: SheetSnapshot,
  required: string[],
): { headerRow: number; cols: Map<string, number> } | null {
  for (let i = 0; i < sheet.values.length; i++) {
    const row = sheet.values[i] ?? [];
    const cols = new Map<string, number>();
    row.forEach((v, j) => {
      if (typeof v === "string" && !cols.has(v.trim())) cols.set(v.trim(), j);
    });
    if (required.every((h) => cols.has(h))) return { headerRow: i, cols };
  }
  return null;
}

export const userValue = (v: Scalar | undefined): Scalar =>
  v === undefined || isErrorValue(v ?? null) ? null : v;
