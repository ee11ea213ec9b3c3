/**
 * Measures' entry point, used by `convert` (the sheet, its parameters, carry-over, summaries) and by `check`
 * (typed overrides without a reason). Objectives and indicators arrive as seeds; nothing here reads the
 * other features' code.
 */
import type { ArchivedRow } from "../core/carryover";
import { findTable, userValue } from "../core/carryover";
import { OBJECTIVE_COLUMNS as OC, objectiveHeadersOf, SHEETS } from "../core/contract";
import type { Finding } from "../core/findings";
import { finding, MESSAGES } from "../core/messages";
import type { ParameterSection } from "../core/parameters";
import type { SheetPlan } from "../core/plan";
import { cellText, type Scalar, type SheetSnapshot } from "../core/snapshot";
import { buildMeasures } from "./build";
import { carryMeasures, readPreviousMeasures } from "./carryover";
import { measuresSheet } from "./measures-sheet";
import { objectiveOf, type IndicatorSeed, type Measure, type ObjectiveSeed } from "./model";
import { measureSections } from "./parameters";
import { measureAchievement, objectiveAchievement, type MeasureParameters } from "./rules";
import { pushTo } from "../core/multimap";

export interface MeasuresInput {
  objectives: ObjectiveSeed[];
  indicators: IndicatorSeed[];
  years: number[];
  parameters: MeasureParameters;
  /** The previous run's `PIAO Misure` and `PIAO Obiettivi`, when re-running. */
  previous?: SheetSnapshot;
  previousObjectives?: SheetSnapshot;
}

/** One objective as the measures see it: reference achievement at 31/12 and monitoring state. */
export interface MeasuredObjective {
  unit: string;
  code: string;
  /** Some measure has a rule and a target (or is yes/no): the objective can be measured. */
  measured: boolean;
  /** Every measure has a value at 31/12. */
  withValues: boolean;
  /** Reference of `Raggiungimento calcolato 31/12`. */
  calculated: number | undefined;
}

export interface MeasuresPart {
  measures: Measure[];
  findings: Finding[];
  sheet: SheetPlan;
  parameterSections: ParameterSection[];
  archived: ArchivedRow[];
  objectives: MeasuredObjective[];
}

const filled = (v: Scalar) => v !== null && v !== "";

/** Reference monitoring state of each objective from its measures (same unit + code). */
export function measuredObjectives(
  objectives: { unit: string; code: string }[],
  measures: Measure[],
  p: MeasureParameters,
): MeasuredObjective[] {
  // Grouped once: one pass per objective over every measure is quadratic (10,000 objectives: seconds).
  const byObjective = new Map<string, Measure[]>();
  for (const m of measures) pushTo(byObjective, objectiveOf(m.unit, m.code), m);
  // As `Riga obiettivo` in PIAO_Misure: a code repeated in a unit (warning CODICE_DUPLICATO) gets the measures on
  // its last row only.
  const keys = objectives.map(({ unit, code }) => objectiveOf(unit, code));
  const last = new Map(keys.map((key, i) => [key, i]));
  return objectives.map(({ unit, code }, i) => {
    const key = keys[i];
    const own = last.get(key) === i ? (byObjective.get(key) ?? []) : [];
    const rows = own.map((m) => ({
      weight: m.weight,
      achievement: measureAchievement(
        { rule: m.rule, polarity: m.polarity, target: m.target, baseline: m.baseline, value: m.valueDec },
        p,
      ),
    }));
    return {
      unit,
      code,
      measured: own.some((m) => m.rule !== "" && (m.rule === "sì/no" || typeof m.target === "number")),
      withValues: own.length > 0 && own.every((m) => filled(m.valueDec)),
      calculated: objectiveAchievement(rows),
    };
  });
}

/**
 * Objectives whose typed `Raggiungimento 31/12` overrides a calculation (some measure has a value at 31/12)
 * without a `Motivazione`: a warning in `piao check` and in the task pane.
 */
export function missingReasons(objectivesSheet: SheetSnapshot | undefined, measures: Measure[]): Finding[] {
  if (!objectivesSheet) return [];
  const t = findTable(objectivesSheet, [OC.unit, OC.code, OC.achievementDec, OC.reason], objectiveHeadersOf);
  if (!t) return [];
  const out: Finding[] = [];
  for (let i = t.headerRow + 1; i < objectivesSheet.values.length; i++) {
    const row = objectivesSheet.values[i] ?? [];
    const at = (h: string) => userValue(row[t.cols.get(h) ?? -1]);
    const unit = cellText(at(OC.unit)).trim();
    const code = cellText(at(OC.code)).trim();
    if (typeof at(OC.achievementDec) !== "number" || cellText(at(OC.reason)).trim() !== "") continue;
    if (!measures.some((m) => m.unit === unit && m.code === code && filled(m.valueDec))) continue;
    out.push(
      finding(
        "warning",
        "MISURA_MOTIVAZIONE_MANCANTE",
        MESSAGES.measureReasonMissing(code),
        {
          sheet: SHEETS.objectives,
          row: objectivesSheet.top + i,
          col: objectivesSheet.left + t.cols.get(OC.reason)!,
        },
        unit,
      ),
    );
  }
  return out;
}

/** `piao check` on a converted workbook: the measures as they are now, and overrides without a reason. */
export function checkMeasures(
  objectivesSheet: SheetSnapshot | undefined,
  measuresSheet: SheetSnapshot | undefined,
): Finding[] {
  return missingReasons(
    objectivesSheet,
    readPreviousMeasures(measuresSheet).map((p) => p.measure),
  );
}

export function measuresPart(input: MeasuresInput): MeasuresPart {
  const built = buildMeasures(input.objectives, input.indicators, input.years);
  const carried = carryMeasures(built.measures, readPreviousMeasures(input.previous), input.objectives);
  const measures = carried.measures;
  return {
    measures,
    findings: [...built.findings, ...carried.findings, ...missingReasons(input.previousObjectives, measures)],
    sheet: measuresSheet(measures, input.years).sheet,
    parameterSections: measureSections(input.parameters.deadlineTolerance),
    archived: carried.archived,
    objectives: measuredObjectives(input.objectives, measures, input.parameters),
  };
}

/** Per unit: objectives measured, measured ones with every value in, and the score once all are in. */
export interface MeasureUnitSummary {
  unit: string;
  objectives: number;
  measured: number;
  withValues: number;
  /** Reference unit score (100 scale) when every objective with weight > 0 has an achievement. */
  score: number | undefined;
}

/**
 * `objectives` and `state` are aligned by index; `typed` is the `Raggiungimento 31/12` typed in a previous
 * run (it takes precedence); `score` is the objectives' reference unit score (passed in by convert).
 */
export function measureUnitSummaries(
  objectives: { unit: string; weight: number | null; typed: Scalar }[],
  state: MeasuredObjective[],
  score: (items: { weight: number | null; achievement: number | undefined }[]) => number | undefined,
): MeasureUnitSummary[] {
  const units = [...new Set(objectives.map((o) => o.unit))];
  return units.map((unit) => {
    const idx = objectives.flatMap((o, i) => (o.unit === unit ? [i] : []));
    const items = idx.map((i) => ({
      weight: objectives[i].weight,
      achievement: typeof objectives[i].typed === "number" ? objectives[i].typed : state[i].calculated,
    }));
    const complete = items.every((o) => (o.weight ?? 0) <= 0 || o.achievement !== undefined);
    return {
      unit,
      objectives: idx.length,
      measured: idx.filter((i) => state[i].measured).length,
      withValues: idx.filter((i) => state[i].measured && state[i].withValues).length,
      score: complete ? score(items) : undefined,
    };
  });
}
