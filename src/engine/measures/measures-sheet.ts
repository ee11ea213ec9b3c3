/**
 * `PIAO Misure` (table `PIAO_Misure`): one row per measure of an objective, with the portal's indicator
 * fields, the scoring rule and the achievements as formulas (../rules.ts). The sheet is not protected:
 * users add rows for objectives with several measures. The helper columns `Riga obiettivo`, `Peso usato` and
 * `Punti …` let `PIAO_Obiettivi` compute the measure-weighted mean with SUMIFS on a number, in Excel 2016 and
 * LibreOffice alike.
 */
import { cellAddress, columnLetters, sheetCellRef } from "../core/address";
import {
  COLUMN_NAMES,
  MEASURE_COLUMNS as C,
  MEASURE_POLARITIES,
  MEASURE_RULES,
  SHEETS,
  TABLES,
} from "../core/contract";
import { columnRange, FORMAT, numbersWhere, perRow, STYLE, tableBlock } from "../core/layout";
import { emptySheet, linkTo, type PlanValue, type SheetPlan } from "../core/plan";
import type { Measure } from "./model";
import { achievementFormula } from "./rules";

type Key = keyof typeof C;

export interface MeasuresLayout {
  headers: string[];
  col: Record<Key, number>;
  yearCols: { year: number; col: number }[];
}

const BEFORE_YEARS: Key[] = [
  "unit",
  "code",
  "objective",
  "indicator",
  "dimension",
  "formula",
  "unitOfMeasure",
  "polarity",
  "baseline",
];
const AFTER_YEARS: Key[] = [
  "target",
  "valueSep",
  "valueDec",
  "rule",
  "weight",
  "achievementSep",
  "achievementDec",
  "dataSource",
  "objectiveRow",
  "usedWeight",
  "pointsSep",
  "pointsDec",
  "origin",
];

export function measuresLayout(years: number[]): MeasuresLayout {
  const headers = [
    ...BEFORE_YEARS.map((k) => C[k]),
    ...years.map((y) => `Target ${y}`),
    ...AFTER_YEARS.map((k) => C[k]),
  ];
  const col = Object.fromEntries((Object.keys(C) as Key[]).map((k) => [k, headers.indexOf(C[k])])) as Record<
    Key,
    number
  >;
  return { headers, col, yearCols: years.map((year, i) => ({ year, col: BEFORE_YEARS.length + i })) };
}

const N = COLUMN_NAMES;

/** The columns of the add-in's formulas (a value typed over one is archived on a re-run, carryover.ts). */
export const FORMULA_KEYS = [
  "achievementSep",
  "achievementDec",
  "objectiveRow",
  "usedWeight",
  "pointsSep",
  "pointsDec",
] as const;

/** Formulas of a data row by column key, for the row's number on the sheet (1-based, as in A1). */
export function measureRowFormulas(L: MeasuresLayout): (sheetRow: number) => Partial<Record<Key, PlanValue>> {
  const formula = (build: (a: (k: Key) => string) => string) =>
    perRow((row) => build((k) => `${columnLetters(L.col[k])}${row}`));
  const refs = (a: (k: Key) => string, value: Key) => ({
    rule: a("rule"),
    polarity: a("polarity"),
    target: a("target"),
    baseline: a("baseline"),
    value: a(value),
  });
  const points = (ach: Key) => formula((a) => `=IF(ISNUMBER(${a(ach)}),${a(ach)}*${a("usedWeight")},"")`);
  const f = {
    achievementSep: formula((a) => achievementFormula(refs(a, "valueSep"))),
    achievementDec: formula((a) => achievementFormula(refs(a, "valueDec"))),
    // The sheet row of the objective in PIAO_Obiettivi (0: none), matched once per measure with EXACT, as the
    // engine groups by exact unit and code: a COUNTIF/SUMIF criterion would read `*`, `?`, `~`, `<`, `>`, `=`
    // as wildcards and operators and ignore case. The objectives then sum their measures with SUMIFS on this
    // number: linear, where matching unit and code once per objective and measure grew with their product.
    // A code repeated in a unit (warning CODICE_DUPLICATO) takes the last row, as measures/part.ts does.
    objectiveRow: formula(
      (a) =>
        `=SUMPRODUCT(MAX(EXACT(${N.objectiveUnit.name},${a("unit")})*EXACT(${N.objectiveCode.name},${a("code")})*ROW(${N.objectiveCode.name})))`,
    ),
    // Equal weights when no measure of the objective has one; otherwise a measure without weight counts 0.
    usedWeight: formula(
      (a) =>
        `=IF(ISNUMBER(${a("weight")}),${a("weight")},IF(${numbersWhere(N.measureWeight.name, N.measureObjectiveRow.name, a("objectiveRow"))}=0,1,0))`,
    ),
    pointsSep: points("achievementSep"),
    pointsDec: points("achievementDec"),
  };
  return (row) => {
    const out: Partial<Record<Key, PlanValue>> = {};
    for (const k of FORMULA_KEYS) out[k] = f[k](row);
    return out;
  };
}

export function measuresSheet(
  measures: Measure[],
  years: number[],
): { sheet: SheetPlan; layout: MeasuresLayout } {
  const sheet = emptySheet(SHEETS.measures);
  sheet.tabColor = "#2F5597";
  const L = measuresLayout(years);
  const rowFormulas = measureRowFormulas(L);
  const rows: PlanValue[][] = measures.map((m, i) => {
    const row: PlanValue[] = new Array(L.headers.length).fill(null);
    const set = (k: Key, v: PlanValue) => (row[L.col[k]] = v === "" ? null : v);
    set("unit", m.unit);
    set("code", m.code);
    set("objective", m.objective);
    set("indicator", m.indicator);
    set("dimension", m.dimension);
    set("formula", m.formula);
    set("unitOfMeasure", m.unitOfMeasure);
    set("polarity", m.polarity);
    set("baseline", m.baseline);
    for (const { year, col } of L.yearCols) row[col] = m.targets[year] ?? null;
    set("target", m.target);
    set("valueSep", m.valueSep);
    set("valueDec", m.valueDec);
    set("rule", m.rule);
    set("weight", m.weight);
    set("dataSource", m.dataSource);
    const formulas = rowFormulas(i + 2);
    for (const k of FORMULA_KEYS) set(k, formulas[k]!);
    if (m.origin) {
      const ref = sheetCellRef(m.origin.sheet, m.origin.row, m.origin.col);
      set("origin", linkTo(sheet, i + 1, L.col.origin, ref));
    }
    return row;
  });
  const formats = L.headers.map(() => null as string | null);
  for (const k of ["achievementSep", "achievementDec"] as Key[]) formats[L.col[k]] = FORMAT.percent;
  formats[L.col.weight] = FORMAT.weight;
  tableBlock(sheet, TABLES.measures, { row: 0, col: 0 }, L.headers, rows, formats);
  // Dates and percentages: baseline, targets and values of that row in the target's format.
  measures.forEach((m, i) => {
    if (!m.format) return;
    const from = L.col.baseline;
    const to = L.col.valueDec;
    sheet.blocks.push({
      at: cellAddress(i + 1, from),
      rows: [rows[i].slice(from, to + 1)],
      columnFormats: new Array(to - from + 1).fill(m.format),
    });
  });

  const range = (k: Key) => columnRange(L.col[k], 1, measures.length);
  const inputs: Key[] = ["polarity", "baseline", "target", "valueSep", "valueDec", "rule", "weight"];
  for (const k of inputs) sheet.rangeStyles.push({ range: range(k), style: STYLE.input });
  for (const { col } of L.yearCols)
    sheet.rangeStyles.push({ range: columnRange(col, 1, measures.length), style: STYLE.input });
  sheet.validations.push(
    {
      range: range("rule"),
      type: "list",
      values: [...MEASURE_RULES],
      allowBlank: true,
      prompt: "Regola di calcolo del raggiungimento (vedere PIAO Parametri).",
      error: `Regola: ${MEASURE_RULES.join(", ")}.`,
    },
    {
      range: range("polarity"),
      type: "list",
      values: [...MEASURE_POLARITIES],
      allowBlank: true,
      error: `Polarità: ${MEASURE_POLARITIES.join(", ")}.`,
    },
    {
      range: range("weight"),
      type: "decimal",
      min: 0,
      allowBlank: true,
      error: "Peso misura: un numero non negativo (vuoto: pesi uguali).",
    },
  );
  const wide: Key[] = ["objective", "indicator", "formula"];
  sheet.columnWidths = L.headers.map((h, col) => ({
    col,
    width: wide.some((k) => C[k] === h) ? 40 : h === C.origin ? 22 : 14,
  }));
  sheet.frozen = { rows: 1, cols: 4 };
  return { sheet, layout: L };
}
