/**
 * Re-runs keep what the user typed: the monitoring inputs of a previous `PIAO Obiettivi` (formulas stay
 * formulas) and the columns the user added to its table are read back by unit + code + occurrence, and rows
 * whose key disappeared go to `PIAO Archivio` instead of being dropped.
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
import { OBJECTIVE_COLUMNS as C, objectiveHeadersOf, TABLES } from "../core/contract";
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import type { PlanValue } from "../core/plan";
import { cellText, type Scalar, type SheetSnapshot } from "../core/snapshot";
import type { Objective } from "./model";
import { FORMULA_COLUMNS, isGeneratedHeader, objectiveKey, type MonitoringInput } from "./objectives-sheet";

export interface PreviousRun {
  inputs: Map<string, MonitoringInput>;
  /** Every previous row, with its key, in sheet order; `overwritten`: a value was typed over its formulas. */
  rows: { key: string; headers: string[]; values: Scalar[]; overwritten: boolean }[];
  /** Headers of the columns the user added to the table, in sheet order. */
  extraHeaders: string[];
  /** Generated headers the user renamed (read by position) or that could not be found: warnings. */
  findings: Finding[];
}

/** The columns holding what the user types: a header of theirs that cannot be found is reported. */
const INPUT_HEADERS = [C.achievementSep, C.achievementDec, C.reason];

export function readPreviousRun(sheet: SheetSnapshot | undefined): PreviousRun {
  const inputs = new Map<string, MonitoringInput>();
  const rows: { base: string; headers: string[]; values: Scalar[]; overwritten: boolean }[] = [];
  const empty = { inputs, rows: [], extraHeaders: [], findings: [] };
  if (!sheet) return empty;
  const t = findTable(sheet, [C.code, C.unit], objectiveHeadersOf);
  if (!t) return { ...empty, findings: [missingHeader(sheet, 0, C.code, [])] };
  const headers = [...t.cols.keys()];
  const extraHeaders = headers.filter((h) => !isGeneratedHeader(h));
  const findings = [
    ...t.renamed.map((r) =>
      finding(
        "warning",
        "INTESTAZIONE_GENERATA_RINOMINATA",
        MESSAGES.generatedHeaderRenamed(TABLES.objectives, r.caption, r.header),
        { sheet: sheet.name, row: sheet.top + t.headerRow, col: sheet.left + r.col },
      ),
    ),
    // A missing input column with no column of unknown header beside it was deleted (or predates it): nothing
    // typed can be elsewhere.
    ...INPUT_HEADERS.filter((h) => !t.cols.has(h) && extraHeaders.length > 0).map((h) =>
      missingHeader(sheet, t.headerRow, h, extraHeaders),
    ),
  ];
  const col = (h: string) => t.cols.get(h) ?? -1;
  // A value typed over one of the add-in's formulas is archived (the formula is written again).
  const formulaHeaders = FORMULA_COLUMNS.map((k) => C[k]);
  const inputsOf: MonitoringInput[] = [];
  for (let i = t.headerRow + 1; i < sheet.values.length; i++) {
    const row = sheet.values[i] ?? [];
    const at = (h: string) => userValue(row[col(h)]);
    const unit = cellText(at(C.unit)).trim();
    const code = cellText(at(C.code)).trim();
    const name = cellText(at(C.name)).trim();
    if (!unit && !code && !name) continue;
    const typed = (h: string) => typedAt(sheet, i, col(h));
    inputsOf.push({
      sep: typed(C.achievementSep),
      dec: typed(C.achievementDec),
      decValue: at(C.achievementDec),
      reason: typed(C.reason),
      weight: at(C.weight),
      type: at(C.type),
      extra: new Map<string, PlanValue>(extraHeaders.map((h) => [h, typed(h)])),
    });
    const overwritten = typedOverFormulas(sheet, i, formulaHeaders, t.cols);
    for (const o of overwritten)
      findings.push(
        formulaOverwritten(
          TABLES.objectives,
          `${unit} ${code || name}`,
          o,
          { sheet: sheet.name, row: sheet.top + i, col: sheet.left + o.col },
          unit,
        ),
      );
    rows.push({
      base: objectiveKey(unit, code, name),
      headers,
      values: headers.map(at),
      overwritten: overwritten.length > 0,
    });
  }
  const keys = withOccurrence(rows.map((r) => r.base));
  keys.forEach((k, n) => inputs.set(k, inputsOf[n]));
  return {
    inputs,
    rows: rows.map((r, n) => ({
      key: keys[n],
      headers: r.headers,
      values: r.values,
      overwritten: r.overwritten,
    })),
    extraHeaders,
    findings,
  };
}

function missingHeader(sheet: SheetSnapshot, headerRow: number, header: string, kept: string[]): Finding {
  return finding(
    "warning",
    "INTESTAZIONE_GENERATA_MANCANTE",
    MESSAGES.generatedHeaderMissing(TABLES.objectives, header, kept),
    { sheet: sheet.name, row: sheet.top + headerRow, col: sheet.left },
  );
}

/** Previous rows for `PIAO Archivio`: those whose unit + code + occurrence no longer exists, and those with a
 * value typed over a formula (which the new row does not keep). `keys`: this run's objectives' (`objectiveKeys`). */
export function archivedRows(prev: PreviousRun, keys: readonly string[]): ArchivedRow[] {
  const now = new Set(keys);
  return prev.rows
    .filter((r) => !now.has(r.key) || r.overwritten)
    .map(({ headers, values }) => ({ headers, values }));
}

/**
 * `Peso` or `Tipo` edited in `PIAO Obiettivi` (or changed in the source since): the source wins, because
 * weights, their checks and the scores are computed from it; the warning names both values. `keys`: the
 * objectives' (`objectiveKeys`), aligned with them.
 */
export function replacedBySource(
  prev: PreviousRun,
  objectives: Objective[],
  keys: readonly string[],
): Finding[] {
  return objectives.flatMap((o, i) => {
    const p = prev.inputs.get(keys[i]);
    if (!p) return [];
    const fields: [string, Scalar, Scalar][] = [
      [C.weight, p.weight, o.weight ?? (o.weightRaw || null)],
      [C.type, p.type, o.type ?? o.typeRaw],
    ];
    return fields.flatMap(([column, typed, source]) =>
      typed === null || typed === "" || same(typed, source)
        ? []
        : [
            finding(
              "warning",
              "MODIFICA_SOSTITUITA_DA_ORIGINE",
              MESSAGES.typedReplacedBySource(
                `${o.unit} ${o.code || o.name}`,
                column,
                shown(typed),
                shown(source),
              ),
              o.source,
              o.unit,
            ),
          ],
    );
  });
}
