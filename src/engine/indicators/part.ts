/**
 * Indicators' entry point (PIAO section 2.1): detection and normalisation on every user sheet, carry-over of
 * what the user typed, and the `PIAO Indicatori` sheet with its parameters, charts and findings.
 */
import { TREND_PARAMETERS as P } from "../core/contract";
import type { Finding } from "../core/findings";
import { FORMAT } from "../core/layout";
import { finding, MESSAGES as M } from "../core/messages";
import type { ParameterSection } from "../core/parameters";
import type { ChartPlan, DefinedNamePlan, SheetPlan } from "../core/plan";
import type { SheetSnapshot } from "../core/snapshot";
import { indicatorKey, type PreviousIndicator } from "./carryover";
import { detectIndicators } from "./detect";
import { DEFAULT_CHART_GRID, indicatorCharts, indicatorsSheet, type ChartGrid } from "./indicators-sheet";
import type { Indicator } from "./model";
import { mergeIndicators, normalizeIndicators } from "./normalise";
import { computeTrend, DEFAULT_STABILITY_THRESHOLD, type TrendResult, type TrendSettings } from "./trends";
import { append } from "../core/append";

/**
 * Year columns: the years with data plus the plan years, with the years in between filled in so that a
 * missing year can still be typed (when the span is at most 30 years; otherwise exactly the years found).
 */
export function indicatorYears(indicators: Indicator[], planYears: number[]): number[] {
  const found = new Set<number>(planYears.filter((y) => Number.isInteger(y)));
  for (const i of indicators) {
    for (const y of Object.keys(i.values)) found.add(Number(y));
    if (i.ratio) {
      for (const y of Object.keys(i.ratio.numerators)) found.add(Number(y));
      for (const y of Object.keys(i.ratio.denominators)) found.add(Number(y));
    }
  }
  const years = [...found].sort((a, b) => a - b);
  if (years.length < 2) return years;
  const lo = years[0];
  const hi = years[years.length - 1];
  if (hi - lo > 30) return years;
  return Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
}

// ---------------------------------------------------------------------------------------------------------
// Parameters and the entry point

export function defaultTrendSettings(planYears: number[]): TrendSettings {
  return {
    stabilityThreshold: DEFAULT_STABILITY_THRESHOLD,
    projectionYear: planYears.length > 0 ? Math.max(...planYears) : null,
  };
}

/** `PIAO Parametri` section of the trends: the stability threshold and the default projection year. */
export function trendParameterSection(settings: TrendSettings): ParameterSection {
  return {
    kind: "values",
    title: "Tendenze degli indicatori",
    table: P.table,
    rows: [
      {
        label: "Soglia di stabilità: tendenza stabile se |pendenza| ≤ soglia × |media dei valori|",
        value: settings.stabilityThreshold,
        source:
          "Convenzione di PIAO Sheets (1% della media per anno): nessuna norma la fissa, va adattata al sistema di misurazione dell'ente",
        mark: "[M]",
        name: P.stability,
        format: FORMAT.percent2,
      },
      {
        label: "Anno di proiezione per gli indicatori senza Anno target (ultimo anno del piano)",
        value: settings.projectionYear,
        source:
          "Ultimo anno del PIAO triennale (art. 6 D.L. 80/2021), dagli anni delle azioni degli obiettivi",
        mark: "[V]",
        name: P.projectionYear,
        format: FORMAT.integer,
      },
    ],
  };
}

/** The engine's reference values of one indicator's computed columns. */
export function referenceTrend(ind: Indicator, settings: TrendSettings): TrendResult {
  return computeTrend(
    { values: ind.values, polarity: ind.polarity, target: ind.target, targetYear: ind.targetYear },
    settings,
  );
}

export interface IndicatorsPart {
  indicators: Indicator[];
  findings: Finding[];
  /** Per sheet name: how many indicators/strategic rows were found there (for the sheet report). */
  perSheet: Map<string, number>;
  sheet: SheetPlan;
  parameterSection: ParameterSection;
  names: DefinedNamePlan[];
  charts: ChartPlan[];
  years: number[];
  settings: TrendSettings;
}

export function indicatorsPart(
  userSheets: SheetSnapshot[],
  planYears: number[],
  opts: { chartGrid?: ChartGrid; settings?: TrendSettings; previous?: Map<string, PreviousIndicator> } = {},
): IndicatorsPart {
  const findings: Finding[] = [];
  const perSheet = new Map<string, number>();
  const found: Indicator[] = [];
  for (const sheet of userSheets) {
    const det = detectIndicators(sheet);
    append(findings, det.findings);
    const norm = normalizeIndicators(det.indicators);
    append(findings, norm.findings);
    append(found, norm.indicators);
    if (norm.indicators.length > 0) perSheet.set(sheet.name, norm.indicators.length);
  }
  const merged = mergeIndicators(found);
  append(findings, merged.findings);
  const indicators = merged.indicators;
  // Re-runs keep what the user typed into PIAO Indicatori where the source has nothing for that cell.
  // Ratio indicators compute their years from numerator and denominator: for them those inputs are kept.
  for (const ind of indicators) {
    const prev = opts.previous?.get(indicatorKey(ind.objectiveCode, ind.name));
    if (!prev) continue;
    if (ind.ratio) {
      for (const [y, v] of Object.entries(prev.numerators)) ind.ratio.numerators[Number(y)] ??= v;
      for (const [y, v] of Object.entries(prev.denominators)) ind.ratio.denominators[Number(y)] ??= v;
    } else for (const [y, v] of Object.entries(prev.values)) ind.values[Number(y)] ??= v;
    ind.target ??= prev.target;
    ind.targetYear ??= prev.targetYear;
  }
  const years = indicatorYears(indicators, planYears);
  if (years.length === 0 && indicators.length > 0)
    findings.push(finding("info", "INDICATORI_SENZA_ANNI", M.indicatorNoYears()));
  const settings = opts.settings ?? defaultTrendSettings(planYears);
  const { sheet, layout } = indicatorsSheet(
    indicators,
    years,
    (ind) => opts.previous?.get(indicatorKey(ind.objectiveCode, ind.name))?.typed,
  );
  return {
    indicators,
    findings,
    perSheet,
    sheet,
    parameterSection: trendParameterSection(settings),
    names: [],
    charts: indicatorCharts(indicators, layout, opts.chartGrid ?? DEFAULT_CHART_GRID),
    years,
    settings,
  };
}
