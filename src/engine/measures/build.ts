/**
 * From seeds to measure rows: one measure per objective from the indicator, target and value cells of its
 * row (open for input when it has none), and one per indicator series of `PIAO Indicatori` that names the
 * objective's code. The year monitored is the first plan year: its target feeds the `Target` column.
 */
import type { Finding } from "../core/findings";
import { FORMAT } from "../core/layout";
import { finding, MESSAGES } from "../core/messages";
import type { FoundCell } from "../core/model";
import { readNumber } from "../core/numbers";
import { cellText, isErrorValue, type Scalar } from "../core/snapshot";
import type { MeasureField } from "../core/synonyms";
import { cleanText } from "../core/text";
import type { IndicatorSeed, Measure, ObjectiveSeed } from "./model";
import { parseTarget, readPolarity, readQuantity, type Quantity } from "./targets";

export const DATE_FORMAT = "dd/mm/yyyy";

const formatOf = (q: Quantity | null) =>
  q?.kind === "date" ? DATE_FORMAT : q?.kind === "percent" ? FORMAT.percent : null;

const raw = (c: FoundCell | undefined): Scalar => (c && !isErrorValue(c.v) ? c.v : null);
const text = (c: FoundCell | undefined) => cleanText(cellText(raw(c))).text;

/** A value for the sheet: numbers as numbers, yes/no as `Sì`/`No`, anything else as written. */
function valueCell(q: Quantity | null, written: Scalar): Scalar {
  if (!q) return written;
  if (q.kind === "yesno") return q.value === 1 ? "Sì" : "No";
  return q.value;
}

function fromObjective(o: ObjectiveSeed, year: number | null, findings: Finding[]): Measure {
  const c = o.cells;
  const at = (f: MeasureField) => ({ sheet: o.source.sheet, row: o.source.row, col: c[f]!.col });
  const name = o.indicator || o.name;
  const targetCell: FoundCell | undefined =
    c.target ?? (year !== null && o.targets[year] ? { v: o.targets[year], col: -1, nf: null } : undefined);
  const written = raw(targetCell);
  const parsed = written === null || written === "" ? null : parseTarget(written, targetCell!.nf, year);
  if (written !== null && String(written).trim() !== "" && !parsed)
    findings.push(
      finding(
        "info",
        "MISURA_TARGET_NON_RICONOSCIUTO",
        MESSAGES.measureTargetUnparsed(name, String(written)),
        c.target ? at("target") : o.source,
        o.unit,
      ),
    );
  const column = readPolarity(text(c.polarity));
  // A polarity column decides the direction of a plain number; an operator in the target decides otherwise.
  const numeric = parsed && (parsed.kind === "number" || parsed.kind === "percent");
  const polarity =
    numeric && column && /^[\d€n]/i.test(String(written).trim())
      ? column
      : (parsed?.polarity ?? column ?? "");
  const rule = parsed ? (numeric ? polarity : parsed.rule) : "";
  const read = (f: MeasureField) => {
    const v = raw(c[f]);
    if (v === null || v === "") return { q: null, cell: null as Scalar };
    const q = readQuantity(v, c[f]!.nf, year);
    if (!q && (f === "valueSep" || f === "valueDec"))
      findings.push(
        finding(
          "info",
          "MISURA_VALORE_NON_RICONOSCIUTO",
          MESSAGES.measureValueUnparsed(name, String(v)),
          at(f),
          o.unit,
        ),
      );
    return { q, cell: valueCell(q, typeof v === "string" ? v.trim() : v) };
  };
  const baseline = read("baseline");
  const valueSep = read("valueSep");
  const valueDec = read("valueDec");
  const targets: Record<number, Scalar> = { ...o.targets };
  if (c.target && year !== null && targets[year] === undefined) targets[year] = cellText(written);
  const weight = readNumber(raw(c.weight), c.weight?.nf);
  return {
    unit: o.unit,
    code: o.code,
    objective: o.name,
    indicator: name,
    dimension: text(c.dimension),
    formula: text(c.formula),
    unitOfMeasure: text(c.unitOfMeasure) || parsed?.unit || "",
    polarity: polarity as Measure["polarity"],
    baseline: baseline.cell,
    targets,
    target: parsed ? parsed.value : written === null ? null : String(written).trim(),
    valueSep: valueSep.cell,
    valueDec: valueDec.cell,
    rule: rule as Measure["rule"],
    weight: weight ? weight.value : null,
    dataSource: text(c.dataSource),
    format: formatOf(parsed) ?? formatOf(valueDec.q) ?? formatOf(baseline.q),
    origin: o.source,
  };
}

function fromIndicator(o: ObjectiveSeed, ind: IndicatorSeed, year: number | null): Measure {
  const before = Object.keys(ind.values)
    .map(Number)
    .filter((y) => year === null || y < year)
    .sort((a, b) => a - b);
  return {
    unit: o.unit,
    code: o.code,
    objective: o.name,
    indicator: ind.name,
    dimension: "",
    formula: "",
    unitOfMeasure: ind.unitOfMeasure,
    polarity: ind.polarity,
    baseline: before.length > 0 ? ind.values[before[before.length - 1]] : null,
    targets: ind.target !== null && ind.targetYear !== null ? { [ind.targetYear]: ind.target } : {},
    // The target counts for the year monitored only when it is that year's (or has no year).
    target: ind.targetYear === null || ind.targetYear === year ? ind.target : null,
    valueSep: null,
    valueDec: year !== null ? (ind.values[year] ?? null) : null,
    rule: ind.polarity,
    weight: null,
    dataSource: "PIAO Indicatori",
    format: null,
    origin: ind.source,
  };
}

/** Whether an objective's row carries any measure data (beyond the indicator's name). */
const hasMeasureData = (o: ObjectiveSeed) =>
  Object.keys(o.cells).length > 0 || Object.keys(o.targets).length > 0;

export function buildMeasures(
  objectives: ObjectiveSeed[],
  indicators: IndicatorSeed[],
  years: number[],
): { measures: Measure[]; findings: Finding[] } {
  const year = years.length > 0 ? years[0] : null;
  const findings: Finding[] = [];
  const measures: Measure[] = [];
  for (const o of objectives) {
    const series = o.code ? indicators.filter((i) => i.objectiveCode === o.code) : [];
    if (series.length === 0 || hasMeasureData(o)) measures.push(fromObjective(o, year, findings));
    for (const ind of series) measures.push(fromIndicator(o, ind, year));
  }
  return { measures, findings };
}
