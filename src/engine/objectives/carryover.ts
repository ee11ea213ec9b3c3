/**
 * Re-runs keep what the user typed: the monitoring inputs of a previous `PIAO Obiettivi` are read back by
 * unit + code, and rows whose key disappeared go to `PIAO Archivio` instead of being dropped.
 */
import { findTable, userValue, type ArchivedRow } from "../core/carryover";
import { OBJECTIVE_COLUMNS as C } from "../core/contract";
import { cellText, type Scalar, type SheetSnapshot } from "../core/snapshot";
import type { Objective } from "./model";
import { objectiveKey, type MonitoringInput } from "./objectives-sheet";

export interface PreviousRun {
  inputs: Map<string, MonitoringInput>;
  /** Every previous row, with its key, in sheet order. */
  rows: { key: string; headers: string[]; values: Scalar[] }[];
}

export function readPreviousRun(sheet: SheetSnapshot | undefined): PreviousRun {
  const inputs = new Map<string, MonitoringInput>();
  const rows: PreviousRun["rows"] = [];
  if (!sheet) return { inputs, rows };
  const t = findTable(sheet, [C.code, C.unit, C.achievementSep, C.achievementDec]);
  if (!t) return { inputs, rows };
  const headers = [...t.cols.keys()];
  const at = (row: Scalar[], h: string) => userValue(row[t.cols.get(h) ?? -1]);
  for (let i = t.headerRow + 1; i < sheet.values.length; i++) {
    const row = sheet.values[i] ?? [];
    const unit = cellText(at(row, C.unit)).trim();
    const code = cellText(at(row, C.code)).trim();
    const name = cellText(at(row, C.name)).trim();
    if (!unit && !code && !name) continue;
    const key = objectiveKey(unit, code, name);
    inputs.set(key, {
      sep: at(row, C.achievementSep),
      dec: at(row, C.achievementDec),
      reason: at(row, C.reason),
    });
    rows.push({ key, headers, values: headers.map((h) => at(row, h)) });
  }
  return { inputs, rows };
}

/** Previous rows whose unit + code no longer exists. */
export function disappearedRows(prev: PreviousRun, objectives: Objective[]): ArchivedRow[] {
  const now = new Set(objectives.map((o) => objectiveKey(o.unit, o.code, o.name)));
  return prev.rows.filter((r) => !now.has(r.key)).map(({ headers, values }) => ({ headers, values }));
}
