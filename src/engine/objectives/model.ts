/** The objectives the engine extracts from users' sheets, normalised. */
import type { FoundCell, SourceRef } from "../core/model";
import type { MeasureField } from "../core/synonyms";

export type ObjectiveType = "I" | "O" | "UO";

export interface Objective {
  /** The unit (settore / staff / area) whose weights must sum to 100. */
  unit: string;
  code: string;
  name: string;
  /** Normalised type, or null when it could not be recognised (see `typeRaw`). */
  type: ObjectiveType | null;
  typeRaw: string;
  /** Weight on a 0–100 scale, or null when missing or not a number (see `weightRaw`). */
  weight: number | null;
  weightRaw: string;
  indicator: string;
  manager: string;
  strategicLine: string;
  costCenter: string;
  missionProgram: string;
  /** Actions per plan year. */
  actions: Record<number, string>;
  /** Targets per plan year as written (`Target 2024` columns). */
  targets: Record<number, string>;
  /** Measure fields found in the objective's row (target, values, baseline…): raw, for `PIAO Misure`. */
  measure: Partial<Record<MeasureField, FoundCell>>;
  /** Cell of the objective's code (or first cell of its row). */
  source: SourceRef;
  /** Cell of the weight, when there is one. */
  weightCell?: SourceRef;
}
