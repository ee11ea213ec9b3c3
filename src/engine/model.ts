/** The normalised PIAO content the engine extracts from users' sheets. */

export type ObjectiveType = "I" | "O" | "UO";

/** Where a value came from: sheet and 0-based cell. */
export interface SourceRef {
  sheet: string;
  row: number;
  col: number;
}

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
  /** Cell of the objective's code (or first cell of its row). */
  source: SourceRef;
  /** Cell of the weight, when there is one. */
  weightCell?: SourceRef;
}

/** What detection says about one user sheet, shown to the user so nothing is ignored silently. */
export interface SheetReport {
  sheet: string;
  objectives: number;
  units: string[];
  indicators: number;
  spendingFigures: number;
  /** Italian and English one-line summary of what was found or why nothing was. */
  summary: { it: string; en: string };
}
