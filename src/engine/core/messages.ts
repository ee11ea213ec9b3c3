/** Findings and their messages: the engine's catalogue in both languages, and the finding builder. */
import type { Finding, FindingCode, Severity } from "./findings";
import { bilingual, type Text } from "./i18n";
import { en } from "./i18n/en";
import { it } from "./i18n/it";
import { sheetCellRef } from "./address";

/** Every engine message in both languages, by id (catalogues in `i18n/`). */
export const MESSAGES = bilingual({ it, en });

export function finding(
  severity: Severity,
  code: FindingCode,
  message: Text,
  at?: { sheet: string; row: number; col: number },
  unit?: string,
): Finding {
  // Set one by one rather than spread from temporary objects: a large workbook makes tens of thousands.
  const f: Finding = { severity, code, message };
  if (at) {
    f.sheet = at.sheet;
    f.row = at.row;
    f.col = at.col;
  }
  if (unit) f.unit = unit;
  return f;
}

/** `'Settore 1'!B12` for a finding, or empty. */
export function findingRef(f: Finding): string {
  return f.sheet !== undefined && f.row !== undefined && f.col !== undefined
    ? sheetCellRef(f.sheet, f.row, f.col)
    : "";
}
