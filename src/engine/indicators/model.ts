/** The indicator model (PIAO section 2.1): what the engine keeps of each indicator it finds. */
import type { SourceRef } from "../core/model";
import type { IndicatorLayout } from "./detect";
import type { Polarity } from "./trends";

export interface RatioSpec {
  /** What the numerator and the denominator count (text), when known. */
  numerator: string;
  denominator: string;
  /** 100, 100000, …; null when none is written (the formulas then use 1). */
  factor: number | null;
  numerators: Record<number, number>;
  denominators: Record<number, number>;
}

export interface Indicator {
  name: string;
  /** Strategic objective (or objective) the indicator measures. */
  objective: string;
  /** Code of the objective (`A.1`, `B`), when the source has one. */
  objectiveCode: string;
  strategicLine: string;
  manager: string;
  unitOfMeasure: string;
  polarity: Polarity;
  /** Value per year (for ratios: numerator / denominator × factor where both are given). */
  values: Record<number, number>;
  ratio: RatioSpec | null;
  target: number | null;
  targetYear: number | null;
  source: SourceRef;
  origin: IndicatorLayout;
}
