/**
 * Re-runs read back the add-in's own tables: helpers shared by every feature's carry-over, and the shape
 * of a row kept in `PIAO Archivio` when its key disappears from the user's sheets.
 */
import type { PlanValue } from "./plan";
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

/**
 * What the user left in a cell of a generated table: the formula they typed (kept a formula, so `=0.5+0.2`
 * stays `=0.5+0.2`), else its value (text stays text).
 */
export function typedAt(sheet: SheetSnapshot, row: number, col: number): PlanValue {
  const f = col < 0 ? null : sheet.formulas?.[row]?.[col];
  if (f) return { f };
  return userValue(col < 0 ? undefined : sheet.values[row]?.[col]);
}

/**
 * Keys made unique by occurrence, in sheet order: two objectives with the same unit and code are told apart
 * by which comes first, so each keeps its own typed inputs.
 */
export function withOccurrence(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return `${k}\u0000${n}`;
  });
}

/**
 * Puts back into a generated row what the user typed (by header) where this run leaves the cell empty: the
 * source, when it has a value for the cell, wins.
 */
export function restoreTyped(
  row: PlanValue[],
  headers: readonly string[],
  typed: ReadonlyMap<string, PlanValue> | undefined,
): void {
  for (const [h, v] of typed ?? []) {
    const col = headers.indexOf(h);
    if (col >= 0 && row[col] === null) row[col] = v;
  }
}
