/**
 * Re-runs keep the rows the user typed into `PIAO_PianoAssunzioni` and `PIAO_Cessazioni` (hires and
 * departures of the plan): a previous row with the key of a row the source gives again (year + area +
 * profile for hires, year for departures, each with its occurrence) stays in place, the user's cells filling
 * what the source leaves empty; every other row holding something typed is the user's and is kept as a row,
 * formulas as formulas, text as text. A typed cell the source contradicts: the source wins, a warning names
 * both values and the cell, and the previous row goes to `PIAO Archivio` with its table and key.
 */
import {
  findTable,
  same,
  shown,
  typedAt,
  formulaOverwritten,
  typedOverFormulas,
  userValue,
  withOccurrence,
  type ArchivedRow,
} from "../core/carryover";
import {
  DEPARTURE_COLUMNS as DC,
  HIRING_COLUMNS as HC,
  TABLES,
  TRIENNIUM_COLUMNS as TC,
} from "../core/contract";
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import type { PlanValue } from "../core/plan";
import { cellText, type Scalar, type SheetSnapshot } from "../core/snapshot";
import type { PlannedDeparture, PlannedHire } from "./compute";
import { DEPARTURE_INPUTS, HIRE_INPUTS, type PlanRows } from "./plan-tables";

/**
 * `Crescita entrate` typed into the previous run's `PIAO_Triennio` (plan years 2 and 3, by position). The
 * source never gives it (the default is 0), so what the user typed stays — a formula as a formula, an
 * emptied cell empty — and the projection reads its value as the sheet's `N()` does (text counts 0).
 */
export function carriedGrowth(
  previous: SheetSnapshot | undefined,
): { cells: PlanValue[]; growth: [number, number] } | null {
  const t = previous ? findTable(previous, [TC.year, TC.growth]) : null;
  if (!previous || !t) return null;
  const col = t.cols.get(TC.growth)!;
  const rows = [t.headerRow + 2, t.headerRow + 3];
  const value = (row: number) => {
    const v = previous.values[row]?.[col];
    return typeof v === "number" ? v : 0;
  };
  return { cells: rows.map((row) => typedAt(previous, row, col)), growth: [value(rows[0]), value(rows[1])] };
}

/** Column of `PIAO Archivio` naming the table an archived plan row comes from. */
const ARCHIVE_TABLE = "Tabella";

interface PreviousRow {
  typed: PlanValue[];
  values: Scalar[];
  /** 0-based sheet row and the sheet's column of each input. */
  row: number;
  cols: number[];
  /** Values typed over the row's formulas (a formula column holding a value and no formula). */
  overwritten: { header: string; col: number; value: Scalar }[];
}

interface TableSpec {
  table: string;
  inputs: string[];
  /** Every header of the table (the inputs and the formulas). */
  all: string[];
  /** Inputs that make a row's key. */
  key: string[];
  /** Inputs the reference totals need as numbers: year and number. */
  counted: string[];
}

const HIRES: TableSpec = {
  table: TABLES.hiringPlan,
  inputs: HIRE_INPUTS,
  all: Object.values(HC),
  key: [HC.year, HC.area, HC.profile],
  counted: [HC.year, HC.count],
};
const DEPARTURES: TableSpec = {
  table: TABLES.departures,
  inputs: DEPARTURE_INPUTS,
  all: Object.values(DC),
  key: [DC.year],
  counted: [DC.year, DC.count],
};

const filled = (v: PlanValue | undefined) => v !== null && v !== undefined && v !== "";
const num = (v: PlanValue): number | null => (typeof v === "number" ? v : null);

function readRows(sheet: SheetSnapshot, spec: TableSpec): PreviousRow[] {
  const t = findTable(sheet, spec.all);
  if (!t) return [];
  const computedHeaders = spec.all.filter((h) => !spec.inputs.includes(h));
  const computed = computedHeaders.map((h) => t.cols.get(h)!);
  const cols = spec.inputs.map((h) => t.cols.get(h)!);
  const out: PreviousRow[] = [];
  for (let i = t.headerRow + 1; i < sheet.values.length; i++) {
    // Every row of the table holds its formulas (read as formulas, or as their results `""` where the host
    // gives no formulas); a row typed below it without them (a tool that does not extend tables) needs two
    // inputs, so that the next table's title ends the table.
    const typed = cols.map((c) => typedAt(sheet, i, c));
    const formula = (c: number) => !!sheet.formulas?.[i]?.[c] || (sheet.values[i]?.[c] ?? null) !== null;
    const inTable = computed.some(formula) || typed.filter(filled).length >= 2;
    if (!inTable) break;
    const overwritten = typedOverFormulas(sheet, i, computedHeaders, t.cols);
    if (typed.some(filled) || overwritten.length > 0) {
      const values = cols.map((c) => userValue(sheet.values[i]?.[c]));
      out.push({ typed, values, row: sheet.top + i, cols, overwritten });
    }
  }
  return out;
}

/**
 * Values typed over a row's formulas: the formulas are written again (the sheet's totals and the reference
 * computation read them), so each value goes to `PIAO Archivio` with its row, and a warning names the cell.
 */
function keepOverwritten(
  spec: TableSpec,
  p: PreviousRow,
  sheet: string,
  findings: Finding[],
  archived: ArchivedRow[],
): void {
  if (p.overwritten.length === 0) return;
  const key = p.values.filter(filled).map(shown).join(" ");
  for (const o of p.overwritten)
    findings.push(formulaOverwritten(spec.table, key, o, { sheet, row: p.row, col: o.col }));
  archived.push({
    headers: [ARCHIVE_TABLE, ...spec.inputs, ...p.overwritten.map((o) => o.header)],
    values: [spec.table, ...p.values, ...p.overwritten.map((o) => o.value)],
  });
}

function merge(
  spec: TableSpec,
  source: PlanValue[][],
  previous: PreviousRow[],
  sheet: string,
  findings: Finding[],
  archived: ArchivedRow[],
): PlanValue[][] {
  const keyCols = spec.key.map((h) => spec.inputs.indexOf(h));
  const key = (r: readonly Scalar[]) => keyCols.map((c) => cellText(r[c] ?? null).trim());
  // The source's rows hold plain values (the engine writes no formula into an input cell).
  const sourceKeys = withOccurrence(source.map((r) => key(r as Scalar[]).join("\u0000")));
  const previousKeys = withOccurrence(previous.map((p) => key(p.values).join("\u0000")));
  const rows = source.map((r) => [...r]);
  const added: PlanValue[][] = [];
  previous.forEach((p, n) => {
    keepOverwritten(spec, p, sheet, findings, archived);
    if (!p.typed.some(filled)) return;
    const at = sourceKeys.indexOf(previousKeys[n]);
    if (at < 0) {
      added.push(p.typed);
      // The reference totals read numbers only (carryPlanRows): a row they skip is said, not dropped silently.
      const unread = spec.counted.map((h) => spec.inputs.indexOf(h)).find((c) => num(p.typed[c]) === null);
      if (unread !== undefined)
        findings.push(
          finding(
            "warning",
            "RIGA_PIANO_NON_CONTATA",
            MESSAGES.planRowNotCounted(spec.table, p.values.filter(filled).map(shown).join(" ")),
            { sheet, row: p.row, col: p.cols[unread] },
          ),
        );
      return;
    }
    let contradicted = false;
    p.typed.forEach((v, c) => {
      const s = rows[at][c] as Scalar;
      if (!filled(s)) rows[at][c] = v;
      else if (filled(v) && !same(p.values[c], s)) {
        contradicted = true;
        findings.push(
          finding(
            "warning",
            "MODIFICA_SOSTITUITA_DA_ORIGINE",
            MESSAGES.planRowReplacedBySource(
              spec.table,
              key(p.values).filter(Boolean).join(" "),
              spec.inputs[c],
              shown(p.values[c]),
              shown(s),
            ),
            { sheet, row: p.row, col: p.cols[c] },
          ),
        );
      }
    });
    if (contradicted)
      archived.push({ headers: [ARCHIVE_TABLE, ...spec.inputs], values: [spec.table, ...p.values] });
  });
  return [...rows, ...added];
}

export interface CarriedPlanRows {
  rows: PlanRows;
  /** The rows as the reference computation reads them (those whose year and number are numbers). */
  hires: PlannedHire[];
  departures: PlannedDeparture[];
  findings: Finding[];
  archived: ArchivedRow[];
}

const text = (v: PlanValue): string => (typeof v === "string" ? v.trim() : "");

/** The plan rows of this run: the source's (`source`) with what the user typed in the previous sheet. */
export function carryPlanRows(previous: SheetSnapshot | undefined, source: PlanRows): CarriedPlanRows {
  const findings: Finding[] = [];
  const archived: ArchivedRow[] = [];
  const read = (spec: TableSpec) => (previous ? readRows(previous, spec) : []);
  const name = previous?.name ?? "";
  const rows: PlanRows = {
    hires: merge(HIRES, source.hires, read(HIRES), name, findings, archived),
    departures: merge(DEPARTURES, source.departures, read(DEPARTURES), name, findings, archived),
  };
  const hires = rows.hires.flatMap(([year, area, profile, count, months, mode]): PlannedHire[] => {
    const [y, n] = [num(year), num(count)];
    return y === null || n === null
      ? []
      : [
          {
            year: y,
            area: text(area),
            profile: text(profile),
            count: n,
            months: num(months),
            mode: text(mode),
          },
        ];
  });
  const departures = rows.departures.flatMap(([year, area, count, months]): PlannedDeparture[] => {
    const [y, n] = [num(year), num(count)];
    return y === null || n === null
      ? []
      : [{ year: y, area: text(area) || null, count: n, months: num(months) }];
  });
  return { rows, hires, departures, findings, archived };
}
