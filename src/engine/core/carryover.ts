/**
 * Re-runs read back the add-in's own tables: helpers shared by every feature's carry-over, and the shape
 * of a row kept in `PIAO Archivio` when its key disappears from the user's sheets.
 */
import type { Finding } from "./findings";
import { finding, MESSAGES } from "./messages";
import type { PlanValue } from "./plan";
import { cellText, isErrorValue, type Scalar, type SheetSnapshot } from "./snapshot";

export interface ArchivedRow {
  headers: string[];
  values: Scalar[];
}

/** A generated header the user renamed, found by its position among the others. */
export interface RenamedHeader {
  /** The header the add-in wrote. */
  header: string;
  /** What the cell says now. */
  caption: string;
  /** 0-based column in the snapshot's values. */
  col: number;
}

export interface TableFound {
  headerRow: number;
  /** Column of every header: the user's captions as they are, renamed generated headers by their own name. */
  cols: Map<string, number>;
  renamed: RenamedHeader[];
}

/**
 * Find the header row of a generated table (the row that contains all `required` headers). With `order`
 * (the headers the add-in wrote, in order, given the row's captions), a generated header the user renamed is
 * found by its position: the columns between two headers still in place, when they are as many as the
 * generated headers missing between them, are those headers (the caption never decides).
 */
export function findTable(
  sheet: SheetSnapshot,
  required: string[],
  order?: (captions: string[]) => readonly string[],
): TableFound | null {
  for (let i = 0; i < sheet.values.length; i++) {
    const captions = (sheet.values[i] ?? []).map((v) => (typeof v === "string" ? v.trim() : ""));
    const cols = new Map<string, number>();
    captions.forEach((c, j) => {
      if (c && !cols.has(c)) cols.set(c, j);
    });
    const renamed = order ? byPosition(captions, cols, order) : [];
    for (const r of renamed) {
      if (cols.get(r.caption) === r.col) cols.delete(r.caption);
      cols.set(r.header, r.col);
    }
    if (required.every((h) => cols.has(h))) return { headerRow: i, cols, renamed };
  }
  return null;
}

function byPosition(
  captions: string[],
  cols: Map<string, number>,
  order: (captions: string[]) => readonly string[],
): RenamedHeader[] {
  const expected = order(captions);
  const pos = expected.map((h) => cols.get(h) ?? -1);
  // Too few generated headers in place: not the table's header row.
  if (pos.filter((p) => p >= 0).length < 2) return [];
  const used = new Set(pos);
  const out: RenamedHeader[] = [];
  for (let k = 0; k < expected.length; k++) {
    if (pos[k] >= 0) continue;
    let e = k;
    while (e < expected.length && pos[e] < 0) e++;
    const before = k === 0 ? -1 : pos[k - 1];
    const after = e < expected.length ? pos[e] : -1;
    const between = after - before - 1;
    const gap = Array.from({ length: Math.max(between, 0) }, (_, j) => before + 1 + j);
    if (after > before && between === e - k && gap.every((c) => !used.has(c)))
      gap.forEach((col, j) => out.push({ header: expected[k + j], caption: captions[col] ?? "", col }));
    k = e;
  }
  return out;
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
 * The cells of row `row` in the add-in's formula columns (`headers`, found in the table's `cols`: header to
 * 0-based snapshot column) that hold a value and no formula: typed over the add-in's formula. Only a host that
 * gives formulas tells them from the formulas' results; with any other, none is found.
 */
export function typedOverFormulas(
  sheet: SheetSnapshot,
  row: number,
  headers: readonly string[],
  cols: ReadonlyMap<string, number>,
): { header: string; col: number; value: Scalar }[] {
  if (!sheet.formulas) return [];
  return headers.flatMap((header) => {
    const col = cols.get(header);
    if (col === undefined) return [];
    const value = userValue(sheet.values[row]?.[col]);
    return sheet.formulas?.[row]?.[col] || value === null || value === "" ? [] : [{ header, col, value }];
  });
}

/**
 * The warning for a value typed over a formula of `table` (the formula is written again and the value kept in
 * `PIAO Archivio`): `label` names the row, `at` the cell.
 */
export function formulaOverwritten(
  table: string,
  label: string,
  typed: { header: string; value: Scalar },
  at: { sheet: string; row: number; col: number },
  unit?: string,
): Finding {
  return finding(
    "warning",
    "FORMULA_SOVRASCRITTA",
    MESSAGES.formulaOverwritten(table, label, typed.header, shown(typed.value)),
    at,
    unit,
  );
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

/** A value as a message shows it: numbers as numbers, the rest as text. */
export const shown = (v: Scalar): string | number => (typeof v === "number" ? v : cellText(v));

/** Whether a typed value and the source's are the same (numbers within 1e-9, text trimmed). */
export function same(a: Scalar, b: Scalar): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return cellText(a).trim() === cellText(b).trim();
}
