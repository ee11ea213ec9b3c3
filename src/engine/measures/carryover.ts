/**
 * Re-runs keep what the user typed into a previous `PIAO Misure` (matched by unit + objective code +
 * indicator): where the source has nothing for a cell, the previous value stays; rows the user added for an
 * objective that still exists are kept; measures with data whose objective disappeared go to `PIAO Archivio`.
 */
import {
  findTable,
  formulaOverwritten,
  typedOverFormulas,
  userValue,
  type ArchivedRow,
} from "../core/carryover";
import { MEASURE_COLUMNS as C, TABLES } from "../core/contract";
import type { Finding } from "../core/findings";
import { FORMAT } from "../core/layout";
import { isDateFormat, isPercentFormat } from "../core/numbers";
import { cellText, numberFormatAt, type Scalar, type SheetSnapshot } from "../core/snapshot";
import { DATE_FORMAT } from "./build";
import { FORMULA_KEYS } from "./measures-sheet";
import { measureKey, objectiveOf, type Measure } from "./model";

export interface PreviousMeasure {
  key: string;
  /** Unit + objective code. */
  objective: string;
  measure: Measure;
  row: ArchivedRow;
  /** Values typed over the row's formulas (written again): one warning each, and the row archived. */
  overwritten: Finding[];
}

export function readPreviousMeasures(sheet: SheetSnapshot | undefined): PreviousMeasure[] {
  if (!sheet) return [];
  const t = findTable(sheet, [C.unit, C.code, C.indicator, C.rule, C.valueDec]);
  if (!t) return [];
  const headers = [...t.cols.keys()];
  const formulaHeaders = FORMULA_KEYS.map((k) => C[k]);
  const out: PreviousMeasure[] = [];
  for (let i = t.headerRow + 1; i < sheet.values.length; i++) {
    const row = sheet.values[i] ?? [];
    const at = (h: string) => userValue(row[t.cols.get(h) ?? -1]);
    const str = (h: string) => cellText(at(h)).trim();
    const unit = str(C.unit);
    const code = str(C.code);
    const indicator = str(C.indicator);
    if (!unit && !code && !indicator) continue;
    const targets: Record<number, Scalar> = {};
    for (const [h, c] of t.cols) {
      const m = /^Target ((?:19|20)\d\d)$/.exec(h);
      if (m && userValue(row[c]) !== null) targets[Number(m[1])] = userValue(row[c]);
    }
    const nf = numberFormatAt(sheet, sheet.top + i, sheet.left + (t.cols.get(C.target) ?? 0));
    const rule = str(C.rule);
    const polarity = str(C.polarity);
    out.push({
      key: measureKey(unit, code, indicator),
      objective: objectiveOf(unit, code),
      measure: {
        unit,
        code,
        objective: str(C.objective),
        indicator,
        dimension: str(C.dimension),
        formula: str(C.formula),
        unitOfMeasure: str(C.unitOfMeasure),
        polarity: polarity as Measure["polarity"],
        baseline: at(C.baseline),
        targets,
        target: at(C.target),
        valueSep: at(C.valueSep),
        valueDec: at(C.valueDec),
        rule: rule as Measure["rule"],
        weight: at(C.weight),
        dataSource: str(C.dataSource),
        format: nf && isDateFormat(nf) ? DATE_FORMAT : isPercentFormat(nf) ? FORMAT.percent : null,
        origin: null,
      },
      row: { headers, values: headers.map((h) => at(h)) },
      overwritten: typedOverFormulas(sheet, i, formulaHeaders, t.cols).map((o) =>
        formulaOverwritten(
          TABLES.measures,
          `${unit} ${code} ${indicator}`.trim(),
          o,
          { sheet: sheet.name, row: sheet.top + i, col: sheet.left + o.col },
          unit,
        ),
      ),
    });
  }
  return out;
}

const empty = (v: Scalar | undefined) => v === null || v === undefined || v === "";

/** Fields the user may type into; the source wins where it has a value. */
const INPUTS = [
  "dimension",
  "formula",
  "unitOfMeasure",
  "polarity",
  "baseline",
  "target",
  "valueSep",
  "valueDec",
  "rule",
  "weight",
  "dataSource",
] as const;

/**
 * The measures of this run with the previous run's typed values, the previous rows users added for
 * objectives that still exist, and the rows to archive (their objective disappeared).
 */
export function carryMeasures(
  current: Measure[],
  previous: PreviousMeasure[],
  objectives: { unit: string; code: string }[],
): { measures: Measure[]; archived: ArchivedRow[]; findings: Finding[] } {
  const byKey = new Map(previous.map((p) => [p.key, p]));
  const generated = new Set<string>();
  const measures = current.map((m) => {
    const key = measureKey(m.unit, m.code, m.indicator);
    generated.add(key);
    const prev = byKey.get(key)?.measure;
    if (!prev) return m;
    const merged: Measure = { ...m, targets: { ...prev.targets, ...m.targets } };
    const typed = INPUTS.filter((f) => empty(m[f]) && !empty(prev[f]));
    for (const f of typed) (merged as unknown as Record<string, unknown>)[f] = prev[f];
    if (!m.format) merged.format = prev.format;
    return merged;
  });
  const alive = new Set(objectives.map((o) => objectiveOf(o.unit, o.code)));
  const archived: ArchivedRow[] = [];
  const findings = previous.flatMap((p) => p.overwritten);
  for (const p of previous) {
    const gone = !alive.has(p.objective);
    // Archived when it holds data (a row with only names has nothing to lose), or a value typed over a formula.
    if ((gone && INPUTS.some((f) => !empty(p.measure[f]))) || p.overwritten.length > 0) archived.push(p.row);
    if (generated.has(p.key) || gone) continue;
    // A row the user added: after the last measure of its objective.
    let at = measures.length;
    for (let i = measures.length - 1; i >= 0; i--)
      if (objectiveOf(measures[i].unit, measures[i].code) === p.objective) {
        at = i + 1;
        break;
      }
    measures.splice(at, 0, p.measure);
  }
  return { measures, archived, findings };
}
