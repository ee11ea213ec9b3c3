/**
 * Re-runs keep what the user typed: the monitoring inputs of a previous `PIAO Obiettivi` are read back by
 * unit + code, and rows whose key disappeared go to `PIAO Archivio` instead of being dropped.
 */
import { OBJECTIVE_COLUMNS as C } from "./contract";
import type { Objective } from "./model";
import { objectiveKey, type MonitoringInput } from "./sheets/objectives-sheet";
import { cellText, isErrorValue, type Scalar, type SheetSnapshot } from "./snapshot";

export interface ArchivedRow {
  headers: string[];
  values: Scalar[];
}

export interface PreviousRun {
  inputs: Map<string, MonitoringInput>;
  /** Every previous row, with its key, in sheet order. */
  rows: { key: string; headers: string[]; values: Scalar[] }[];
}

/** Find the header row of a generated table (the row that contains all `required` headers). */
function findTable(
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

const userValue = (v: Scalar | undefined): Scalar => (v === undefined || isErrorValue(v ?? null) ? null : v);

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
    inputs.set(key, { sep: at(row, C.achievementSep), dec: at(row, C.achievementDec) });
    rows.push({ key, headers, values: headers.map((h) => at(row, h)) });
  }
  return { inputs, rows };
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

/** Previous rows whose unit + code no longer exists. */
export function disappearedRows(prev: PreviousRun, objectives: Objective[]): ArchivedRow[] {
  const now = new Set(objectives.map((o) => objectiveKey(o.unit, o.code, o.name)));
  return prev.rows.filter((r) => !now.has(r.key)).map(({ headers, values }) => ({ headers, values }));
}

/** What the user typed into a previous `PIAO Indicatori`: yearly values and target, by objective + indicator. */
export interface PreviousIndicator {
  values: Record<number, number>;
  /** Ratio indicators: the `Numeratore AAAA` / `Denominatore AAAA` inputs. */
  numerators: Record<number, number>;
  denominators: Record<number, number>;
  target: number | null;
  targetYear: number | null;
  /** The whole previous row, for PIAO Archivio when the indicator disappears from the source. */
  row: ArchivedRow;
  /** Whether the row holds anything a user may have typed (a number in an input column). */
  hasInput: boolean;
}

export function indicatorKey(objectiveCode: string, name: string): string {
  return `${objectiveCode}\u0000${name}`;
}

export function readPreviousIndicators(sheet: SheetSnapshot | undefined): Map<string, PreviousIndicator> {
  const out = new Map<string, PreviousIndicator>();
  if (!sheet) return out;
  const t = findTable(sheet, ["Indicatore", "Tendenza", "Target", "Anno target"]);
  if (!t) return out;
  const yearCols = (re: RegExp) =>
    [...t.cols.entries()].flatMap(([h, c]) => {
      const m = re.exec(h);
      return m ? [[Number(m[1]), c] as const] : [];
    });
  const years = yearCols(/^((?:19|20)\d\d)$/);
  const numeratorCols = yearCols(/^Numeratore ((?:19|20)\d\d)$/);
  const denominatorCols = yearCols(/^Denominatore ((?:19|20)\d\d)$/);
  const num = (v: Scalar | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  for (let i = t.headerRow + 1; i < sheet.values.length; i++) {
    const row = sheet.values[i] ?? [];
    const name = cellText(userValue(row[t.cols.get("Indicatore") ?? -1])).trim();
    if (!name) continue;
    const code = cellText(userValue(row[t.cols.get("Codice obiettivo") ?? -1])).trim();
    const byYear = (cols: (readonly [number, number])[]) => {
      const out: Record<number, number> = {};
      for (const [y, c] of cols) {
        const v = num(row[c]);
        if (v !== null) out[y] = v;
      }
      return out;
    };
    const prev = {
      values: byYear(years),
      numerators: byYear(numeratorCols),
      denominators: byYear(denominatorCols),
      target: num(row[t.cols.get("Target") ?? -1]),
      targetYear: num(row[t.cols.get("Anno target") ?? -1]),
    };
    const headers = [...t.cols.keys()];
    out.set(indicatorKey(code, name), {
      ...prev,
      row: { headers, values: headers.map((h) => userValue(row[t.cols.get(h) ?? -1])) },
      hasInput:
        [prev.values, prev.numerators, prev.denominators].some((r) => Object.keys(r).length > 0) ||
        prev.target !== null,
    });
  }
  return out;
}

/** Previous indicator rows with typed data whose indicator is no longer in the source. */
export function disappearedIndicators(
  prev: Map<string, PreviousIndicator>,
  current: Set<string>,
): ArchivedRow[] {
  return [...prev.entries()].filter(([k, p]) => p.hasInput && !current.has(k)).map(([, p]) => p.row);
}
