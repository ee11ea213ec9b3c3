/**
 * Measures of the objectives (`PIAO Misure`): what arrives from the other features as data (seeds), and the
 * measure rows the engine writes. This room imports only core/: convert.ts turns objectives and indicators
 * into seeds.
 */
import type { FoundCell, SourceRef } from "../core/model";
import type { Scalar } from "../core/snapshot";
import type { MeasureField } from "../core/synonyms";
import type { Polarity, Rule } from "./targets";

/** An objective with the measure fields found in its row (flat tables and cards). */
export interface ObjectiveSeed {
  unit: string;
  code: string;
  name: string;
  /** The objective's `Indicatore` text: the measure's name when the row has one measure. */
  indicator: string;
  cells: Partial<Record<MeasureField, FoundCell>>;
  /** Targets per plan year as written (`Target 2024` columns). */
  targets: Record<number, string>;
  source: SourceRef;
}

/** An indicator series of `PIAO Indicatori` that names the objective it measures by code. */
export interface IndicatorSeed {
  objectiveCode: string;
  name: string;
  unitOfMeasure: string;
  polarity: "crescente" | "decrescente";
  target: number | null;
  targetYear: number | null;
  values: Record<number, number>;
  source: SourceRef;
}

/** One row of `PIAO_Misure`. */
export interface Measure {
  unit: string;
  code: string;
  objective: string;
  indicator: string;
  dimension: string;
  formula: string;
  unitOfMeasure: string;
  polarity: Polarity | "";
  baseline: Scalar;
  /** Target per plan year, as written or as a number. */
  targets: Record<number, Scalar>;
  /** Target of the year monitored: a number (fraction for %, serial for dates), or the text as written. */
  target: Scalar;
  valueSep: Scalar;
  valueDec: Scalar;
  /** Empty when the target could not be read: the user chooses (data validation list). */
  rule: Rule | "";
  weight: Scalar;
  dataSource: string;
  /** Number format of baseline, target and values (dates, percentages), or null. */
  format: string | null;
  origin: SourceRef | null;
}

/** Unit + objective code: the objective a measure row belongs to. */
export const objectiveOf = (unit: string, code: string): string => `${unit}\u0000${code}`;

/** Unit + objective code + indicator: how re-runs match a measure row. */
export function measureKey(unit: string, code: string, indicator: string): string {
  return `${unit}\u0000${code}\u0000${indicator}`;
}
