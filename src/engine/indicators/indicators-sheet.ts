/**
 * `PIAO Indicatori` (table `PIAO_Indicatori`): one row per indicator with its yearly values and trend.
 *
 * Layout. Row 1 holds the title and, above each year column, the year as a number; the table starts on
 * row 2. Excel table headers are always text, so `SLOPE`/`FORECAST` cannot take their x values from the
 * header row: they read the numeric years of row 1 instead (`F$1:L$1`). The year columns are contiguous,
 * so every trend formula works on one bounded row range, e.g. `F3:L3`, paired with `F$1:L$1`.
 *
 * Formulas (one uniform formula per column, relative references inside the row, no volatile function,
 * nothing that needs Ctrl+Shift+Enter, only functions Excel 2016 and LibreOffice evaluate alike):
 * - empty years are skipped: `COUNT`, `AVERAGE`, `SUMIF`, `SLOPE` and `FORECAST` ignore empty cells and
 *   text (a ratio year whose formula shows `""` is text), pairwise for `SLOPE`/`FORECAST` — checked in
 *   LibreOffice by recalculation; `TREND` is not used because it returns #VALUE! on gaps, nor
 *   `FORECAST.LINEAR` (Excel 2016 and later only);
 * - first/last/previous available year: `SUMPRODUCT(MAX|LARGE|SMALL(ISNUMBER(Y)*X…))` — SUMPRODUCT makes
 *   both programs evaluate the inner expression as an array in an ordinary formula; the value of a year is
 *   `SUMIF(X,year,Y)` (the years of row 1 are unique);
 * - the stability threshold and the default projection year are the named cells `PIAO_SogliaStabilita`
 *   and `PIAO_AnnoProiezione` of `PIAO Parametri`.
 * The definitions, and their TypeScript twins, are in ../trends.ts.
 *
 * Ratio indicators (numerator / denominator × factor) get `Numeratore AAAA` and `Denominatore AAAA` input
 * columns at the right of the table; their year cells are formulas over them (empty until both are given).
 */
import { restoreTyped } from "../core/carryover";
import { cellAddress, columnLetters, sheetCellRef } from "../core/address";
import { INDICATOR_COLUMNS as C, SHEETS, TABLES, TREND_PARAMETERS as P } from "../core/contract";
import type { Indicator } from "./model";
import {
  emptySheet,
  linkTo,
  type ChartPlan,
  type FormulaValue,
  type PlanValue,
  type SheetPlan,
} from "../core/plan";
import type { Direction, TargetOutcome } from "./trends";
import { columnRange, FORMAT, STYLE, tableBlock } from "../core/layout";

type Key = keyof typeof C;

export interface IndicatorsLayout {
  headers: string[];
  /** 0-based column of every named column; -1 when absent (numerator/denominator without ratios). */
  col: Record<Key, number>;
  years: number[];
  /** 0-based column of the first year (the years follow contiguously). */
  firstYearCol: number;
  /** 0-based first column of the `Numeratore AAAA` and `Denominatore AAAA` blocks, or -1. */
  numeratorCol: number;
  denominatorCol: number;
  /** 0-based rows: the numeric years, the table header; data rows follow the header. */
  yearRow: number;
  headerRow: number;
}

const BEFORE_YEARS: Key[] = [
  "indicator",
  "objective",
  "code",
  "strategicLine",
  "manager",
  "unitOfMeasure",
  "polarity",
  "factor",
];
const AFTER_YEARS: Key[] = [
  "count",
  "firstYear",
  "lastYear",
  "lastValue",
  "change",
  "changePct",
  "cagr",
  "slope",
  "direction",
  "target",
  "targetYear",
  "projection",
  "targetOutcome",
  "source",
];

export function indicatorsLayout(years: number[], withRatios: boolean): IndicatorsLayout {
  const headers: string[] = [
    ...BEFORE_YEARS.map((k) => C[k]),
    ...years.map(String),
    ...AFTER_YEARS.map((k) => C[k]),
  ];
  let numeratorCol = -1;
  let denominatorCol = -1;
  if (withRatios) {
    headers.push(C.numerator, C.denominator);
    numeratorCol = headers.length;
    headers.push(...years.map((y) => `${C.numerator} ${y}`));
    denominatorCol = headers.length;
    headers.push(...years.map((y) => `${C.denominator} ${y}`));
  }
  const col = Object.fromEntries(
    (Object.keys(C) as Key[]).map((k) => [
      k,
      withRatios || !["numerator", "denominator"].includes(k) ? headers.indexOf(C[k]) : -1,
    ]),
  ) as Record<Key, number>;
  return {
    headers,
    col,
    years,
    firstYearCol: BEFORE_YEARS.length,
    numeratorCol,
    denominatorCol,
    yearRow: 0,
    headerRow: 1,
  };
}

/** The formulas of one data row (0-based sheet row `r`), by column key. */
export function indicatorRowFormulas(
  r: number,
  L: IndicatorsLayout,
): Record<
  | "count"
  | "firstYear"
  | "lastYear"
  | "lastValue"
  | "change"
  | "changePct"
  | "cagr"
  | "slope"
  | "direction"
  | "projection"
  | "targetOutcome",
  FormulaValue
> {
  const R = r + 1;
  const at = (k: Key) => `${columnLetters(L.col[k])}${R}`;
  const N = at("count");
  if (L.years.length === 0) {
    // No year columns: nothing to compute yet (the sheet says so in a finding).
    const empty = { f: '=""' };
    return {
      count: { f: "=0" },
      firstYear: empty,
      lastYear: empty,
      lastValue: empty,
      change: empty,
      changePct: empty,
      cagr: empty,
      slope: empty,
      direction: { f: '="dati insufficienti"' },
      projection: empty,
      targetOutcome: empty,
    };
  }
  const a = columnLetters(L.firstYearCol);
  const b = columnLetters(L.firstYearCol + L.years.length - 1);
  const Y = `${a}${R}:${b}${R}`;
  const yr = L.yearRow + 1;
  const X = `${a}$${yr}:${b}$${yr}`;
  const FY = at("firstYear");
  const LY = at("lastYear");
  const LV = at("lastValue");
  const CH = at("change");
  const SL = at("slope");
  const T = at("target");
  const TY = at("targetYear");
  const PR = at("projection");
  const sign = `IF(${at("polarity")}="decrescente",-1,1)`;
  const prevValue = `SUMIF(${X},SUMPRODUCT(LARGE(ISNUMBER(${Y})*${X},2)),${Y})`;
  const firstValue = `SUMIF(${X},${FY},${Y})`;
  return {
    count: { f: `=COUNT(${Y})` },
    firstYear: { f: `=IF(${N}=0,"",SUMPRODUCT(SMALL(ISNUMBER(${Y})*${X},COLUMNS(${Y})-${N}+1)))` },
    lastYear: { f: `=IF(${N}=0,"",SUMPRODUCT(MAX(ISNUMBER(${Y})*${X})))` },
    lastValue: { f: `=IF(${N}=0,"",SUMIF(${X},${LY},${Y}))` },
    change: { f: `=IF(${N}<2,"",${LV}-${prevValue})` },
    changePct: { f: `=IF(${N}<2,"",IF(${prevValue}=0,"",${CH}/ABS(${prevValue})))` },
    cagr: {
      f: `=IF(${N}<2,"",IF(OR(${firstValue}<=0,${LV}<=0),"",(${LV}/${firstValue})^(1/(${LY}-${FY}))-1))`,
    },
    slope: { f: `=IF(${N}<2,"",SLOPE(${Y},${X}))` },
    direction: {
      f:
        `=IF(${N}<2,"dati insufficienti",IF(ABS(${SL})<=${P.stability}*ABS(AVERAGE(${Y})),"stabile",` +
        `IF(${SL}*${sign}>0,"in miglioramento","in peggioramento")))`,
    },
    projection: {
      f:
        `=IF(${N}<2,"",IF(ISNUMBER(${TY}),FORECAST(${TY},${Y},${X}),` +
        `IF(ISNUMBER(${P.projectionYear}),FORECAST(${P.projectionYear},${Y},${X}),"")))`,
    },
    targetOutcome: {
      f:
        `=IF(OR(NOT(ISNUMBER(${T})),${N}=0),"",IF((${LV}-${T})*${sign}>=0,"raggiunto",` +
        `IF(ISNUMBER(${PR}),IF(AND(IF(ISNUMBER(${TY}),${TY},${P.projectionYear})>${LY},(${PR}-${T})*${sign}>=0),` +
        `"previsto raggiungimento","non raggiunto"),"non raggiunto")))`,
    },
  };
}

/** Year cell of a ratio indicator: numerator / denominator × factor (1 when no factor is written). */
export function ratioValueFormula(r: number, L: IndicatorsLayout, yearIndex: number): FormulaValue {
  const R = r + 1;
  const n = `${columnLetters(L.numeratorCol + yearIndex)}${R}`;
  const d = `${columnLetters(L.denominatorCol + yearIndex)}${R}`;
  const f = `$${columnLetters(L.col.factor)}${R}`;
  return {
    f: `=IF(AND(ISNUMBER(${n}),ISNUMBER(${d})),IF(${d}=0,"",${n}/${d}*IF(ISNUMBER(${f}),${f},1)),"")`,
  };
}

/** Whether a year cell of this indicator is the ratio formula (else the value, or empty). */
export function usesRatioFormula(ind: Indicator, year: number): boolean {
  if (!ind.ratio) return false;
  return year in ind.ratio.numerators || year in ind.ratio.denominators || !(year in ind.values);
}

const DIRECTION_STYLE: Record<Direction, { fill: string; fontColor: string }> = {
  "in miglioramento": { fill: "#C6EFCE", fontColor: "#006100" },
  "in peggioramento": { fill: "#FFC7CE", fontColor: "#9C0006" },
  stabile: { fill: "#FFEB9C", fontColor: "#9C5700" },
  "dati insufficienti": { fill: "#EDEDED", fontColor: "#595959" },
};

const OUTCOME_STYLE: Record<TargetOutcome, { fill: string; fontColor: string }> = {
  raggiunto: { fill: "#C6EFCE", fontColor: "#006100" },
  "previsto raggiungimento": { fill: "#DDEBF7", fontColor: "#1F4E78" },
  "non raggiunto": { fill: "#FFC7CE", fontColor: "#9C0006" },
};

/** `typed`: text and formulas a user typed into an indicator's input cells in a previous run, by header. */
export function indicatorsSheet(
  indicators: Indicator[],
  years: number[],
  typed: (ind: Indicator) => ReadonlyMap<string, PlanValue> | undefined = () => undefined,
): { sheet: SheetPlan; layout: IndicatorsLayout } {
  const sheet = emptySheet(SHEETS.indicators);
  sheet.tabColor = "#C55A11";
  const withRatios = indicators.some((i) => i.ratio !== null);
  const L = indicatorsLayout(years, withRatios);
  const first = L.headerRow + 1;

  // Row 1: title, and the numeric years the trend formulas pair with the values.
  sheet.blocks.push({ at: "A1", rows: [["PIAO Sheets – Indicatori e tendenze"]], style: STYLE.title });
  if (years.length > 0)
    sheet.blocks.push({
      at: cellAddress(L.yearRow, L.firstYearCol),
      rows: [years],
      columnFormats: years.map(() => FORMAT.integer),
      style: STYLE.note,
    });

  const rows: PlanValue[][] = indicators.map((ind, i) => {
    const r = first + i;
    const row: PlanValue[] = new Array(L.headers.length).fill(null);
    row[L.col.indicator] = ind.name;
    row[L.col.objective] = ind.objective;
    row[L.col.code] = ind.objectiveCode;
    row[L.col.strategicLine] = ind.strategicLine;
    row[L.col.manager] = ind.manager;
    row[L.col.unitOfMeasure] = ind.unitOfMeasure;
    row[L.col.polarity] = ind.polarity;
    row[L.col.factor] = ind.ratio?.factor ?? null;
    years.forEach((y, k) => {
      row[L.firstYearCol + k] = usesRatioFormula(ind, y)
        ? ratioValueFormula(r, L, k)
        : (ind.values[y] ?? null);
    });
    const f = indicatorRowFormulas(r, L);
    for (const [k, v] of Object.entries(f) as [Key, FormulaValue][]) row[L.col[k]] = v;
    row[L.col.target] = ind.target;
    row[L.col.targetYear] = ind.targetYear;
    const ref = sheetCellRef(ind.source.sheet, ind.source.row, ind.source.col);
    row[L.col.source] = linkTo(sheet, r, L.col.source, ref);
    if (withRatios) {
      row[L.col.numerator] = ind.ratio?.numerator ?? null;
      row[L.col.denominator] = ind.ratio?.denominator ?? null;
      years.forEach((y, k) => {
        row[L.numeratorCol + k] = ind.ratio?.numerators[y] ?? null;
        row[L.denominatorCol + k] = ind.ratio?.denominators[y] ?? null;
      });
    }
    restoreTyped(row, L.headers, typed(ind));
    return row;
  });

  const formats: (string | null)[] = L.headers.map(() => null);
  formats[L.col.factor] = "#,##0.##";
  for (const k of ["count", "firstYear", "lastYear", "targetYear"] as Key[])
    formats[L.col[k]] = FORMAT.integer;
  for (const k of ["changePct", "cagr"] as Key[]) formats[L.col[k]] = FORMAT.percent2;
  for (const k of ["change", "slope", "projection"] as Key[]) formats[L.col[k]] = "#,##0.00";
  tableBlock(sheet, TABLES.indicators, { row: L.headerRow, col: 0 }, L.headers, rows, formats);

  const n = indicators.length;
  const range = (col: number) => columnRange(col, first, n);
  const span = (c0: number, count: number) =>
    `${cellAddress(first, c0)}:${cellAddress(first + Math.max(n, 1) - 1, c0 + count - 1)}`;
  const inputs = [L.col.unitOfMeasure, L.col.polarity, L.col.factor, L.col.target, L.col.targetYear].map(
    range,
  );
  if (years.length > 0) {
    inputs.push(span(L.firstYearCol, years.length));
    if (withRatios) inputs.push(span(L.numeratorCol, years.length), span(L.denominatorCol, years.length));
  }
  for (const r of inputs) sheet.rangeStyles.push({ range: r, style: STYLE.input });

  sheet.validations.push(
    {
      range: range(L.col.polarity),
      type: "list",
      values: ["crescente", "decrescente"],
      allowBlank: false,
      prompt: "crescente: più alto è meglio; decrescente: più basso è meglio.",
      error: "Polarità: crescente o decrescente.",
    },
    {
      range: range(L.col.targetYear),
      type: "whole",
      min: 1990,
      max: 2100,
      allowBlank: true,
      error: "Anno target: un anno (es. 2025).",
    },
  );
  const dir = `${columnLetters(L.col.direction)}${first + 1}`;
  for (const [text, style] of Object.entries(DIRECTION_STYLE))
    sheet.conditionalFormats.push({ range: range(L.col.direction), formula: `=${dir}="${text}"`, style });
  const out = `${columnLetters(L.col.targetOutcome)}${first + 1}`;
  for (const [text, style] of Object.entries(OUTCOME_STYLE))
    sheet.conditionalFormats.push({ range: range(L.col.targetOutcome), formula: `=${out}="${text}"`, style });

  sheet.columnWidths = L.headers.map((h, col) => ({
    col,
    width:
      col === L.col.indicator
        ? 60
        : col === L.col.objective
          ? 45
          : col === L.col.source
            ? 24
            : col === L.col.numerator || col === L.col.denominator
              ? 30
              : /^\d{4}$/.test(h)
                ? 10
                : 15,
  }));
  sheet.frozen = { rows: L.headerRow + 1, cols: 1 };
  return { sheet, layout: L };
}

/** Where charts go in `PIAO Riepilogo` and how big each is (in cells). */
export interface ChartGrid {
  /** 0-based top-left cell of the first chart. */
  row: number;
  col: number;
  perRow: number;
  widthCols: number;
  /** Height of a chart with a one-line title and one series; longer titles and legends add rows. */
  heightRows: number;
}

/** To the right of the summary's own charts (columns D–L): from N4, two charts per row. */
export const DEFAULT_CHART_GRID: ChartGrid = { row: 3, col: 13, perRow: 2, widthCols: 8, heightRows: 15 };

/** Characters of a title line and of a legend line in a chart `widthCols` wide (about 9 per column). */
const TITLE_CHARS_PER_COL = 6;
const LEGEND_CHARS_PER_COL = 9;

/** The values an indicator holds at conversion time: its years, or for a ratio the years with both parts. */
function hasNumber(ind: Indicator): boolean {
  if (Object.values(ind.values).some((v) => Number.isFinite(v))) return true;
  const r = ind.ratio;
  return r !== null && Object.keys(r.numerators).some((y) => Number.isFinite(r.denominators[Number(y)]));
}

const clean = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * One line chart per indicator group (the objective: code and text, or the objective text, or a single
 * group for indicators without objective), with one series per indicator that holds at least one number,
 * the years as categories; groups without any number get no chart (they appear on a re-run once values
 * are typed). Titles and series names are written in full: the chart grows by the rows its title and its
 * legend take. References are absolute, with the sheet name, so the charts can live on `PIAO Riepilogo`.
 */
export function indicatorCharts(
  indicators: Indicator[],
  L: IndicatorsLayout,
  grid: ChartGrid = DEFAULT_CHART_GRID,
): ChartPlan[] {
  if (L.years.length === 0) return [];
  const groups = new Map<string, { title: string; rows: number[]; negative: boolean }>();
  indicators.forEach((ind, i) => {
    if (!hasNumber(ind)) return;
    const title =
      clean([ind.objectiveCode, ind.objective].filter((s) => s.trim() !== "").join(" – ")) || "Indicatori";
    const key = title.toLowerCase();
    const g = groups.get(key) ?? { title, rows: [], negative: false };
    g.rows.push(L.headerRow + 1 + i);
    g.negative ||= Object.values(ind.values).some((v) => v < 0);
    groups.set(key, g);
  });
  const y0 = L.firstYearCol;
  const y1 = L.firstYearCol + L.years.length - 1;
  const abs = (row: number, c0: number, c1: number) =>
    `${sheetCellRef(SHEETS.indicators, row, c0, true)}:${cellAddress(row, c1, true)}`;
  const categories = abs(L.headerRow, y0, y1);
  const charts = [...groups.values()].map((g): ChartPlan => {
    const names = g.rows.map((row) => clean(indicators[row - L.headerRow - 1].name) || "Indicatore");
    const titleLines = Math.ceil(g.title.length / (grid.widthCols * TITLE_CHARS_PER_COL));
    const legendLines = names.reduce(
      (n, s) => n + Math.ceil((s.length + 4) / (grid.widthCols * LEGEND_CHARS_PER_COL)),
      0,
    );
    return {
      type: "line",
      title: g.title,
      at: "A1",
      widthCols: grid.widthCols,
      heightRows: grid.heightRows + 2 * (titleLines - 1) + legendLines - 1,
      series: names.map((name, k) => ({ name, categories, values: abs(g.rows[k], y0, y1) })),
      valueAxis: g.negative ? { numberFormat: "General" } : { min: 0, numberFormat: "General" },
    };
  });
  // Place them on the grid, each row of charts as tall as its tallest chart.
  let top = grid.row;
  for (let k = 0; k < charts.length; k += grid.perRow) {
    const line = charts.slice(k, k + grid.perRow);
    line.forEach((c, j) => (c.at = cellAddress(top, grid.col + j * (grid.widthCols + 1))));
    top += Math.max(...line.map((c) => c.heightRows)) + 1;
  }
  return charts;
}
